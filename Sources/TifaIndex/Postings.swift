/// The posting codec. A blob lists, for one gram in one segment, every document and position
/// where the gram starts: `varint(docDelta) varint(count) varint(positionDelta)…` per document,
/// documents ascending, positions ascending (deltas from the previous document id / position).
enum Postings {
    @inline(__always)
    static func appendVarint(_ value: UInt64, to out: inout [UInt8]) {
        var v = value
        while v >= 0x80 {
            out.append(UInt8(v & 0x7F) | 0x80)
            v >>= 7
        }
        out.append(UInt8(v))
    }

    @inline(__always)
    static func readVarint(_ bytes: UnsafeRawBufferPointer, _ offset: inout Int) throws(PostingsError) -> UInt64 {
        var value: UInt64 = 0
        var shift: UInt64 = 0
        while offset < bytes.count {
            let b = bytes[offset]
            offset += 1
            value |= UInt64(b & 0x7F) << shift
            if b < 0x80 { return value }
            shift += 7
            if shift > 63 { break }
        }
        throw PostingsError()
    }

    /// Decodes a blob, calling `body` with each document and its positions.
    static func decode(
        _ bytes: UnsafeRawBufferPointer, _ body: (Int64, [Int32]) -> Void
    ) throws(PostingsError) {
        try decode(bytes, wanted: { _ in true }) { document, positions in body(document, Array(positions)) }
    }

    static func decodeFrequencies(_ bytes: UnsafeRawBufferPointer, _ body: (Int64, Int) -> Void) throws(PostingsError) {
        var offset = 0
        var doc: Int64 = 0
        while offset < bytes.count {
            doc += Int64(try readVarint(bytes, &offset))
            body(doc, Int(try readVarint(bytes, &offset)))
        }
    }

    /// Builds one gram's or word's blob; documents must come in ascending order.
    struct Encoder {
        var bytes: [UInt8] = []
        var lastDocument: Int64 = 0
        /// The documents and positions (or frequencies) appended so far.
        var totals = PostingTotals()

        /// Positions taken from the `position` fields of sorted pair entries.
        mutating func append(document: Int64, positions entries: UnsafeBufferPointer<Index.PairPosition>) {
            append(document: document, positions: entries.lazy.map(\.position))
        }

        mutating func append<Positions: Collection<Int32>>(document: Int64, positions: Positions) {
            Postings.appendVarint(UInt64(document - lastDocument), to: &bytes)
            Postings.appendVarint(UInt64(positions.count), to: &bytes)
            totals.add(occurrences: positions.count)
            var previous: Int32 = 0
            for p in positions {
                Postings.appendVarint(UInt64(p - previous), to: &bytes)
                previous = p
            }
            lastDocument = document
        }

        /// Appends a whole encoded list whose documents all come after the last one appended,
        /// without decoding it: only its first document number is written again, as a delta.
        mutating func append(list: UnsafeRawBufferPointer, of kind: ListKind) throws(PostingsError) {
            var offset = 0
            let first = Int64(try Postings.readVarint(list, &offset))
            guard first > lastDocument else { throw PostingsError() }
            Postings.appendVarint(UInt64(first - lastDocument), to: &bytes)
            bytes.append(contentsOf: UnsafeRawBufferPointer(rebasing: list[offset...]))
            // The last document and the totals, from the list's headers (positions stepped over).
            var found = PostingTotals()
            switch kind {
            case .positions: try Postings.decodeCounts(list) { document, n in lastDocument = document; found.add(occurrences: n) }
            case .frequencies: try Postings.decodeFrequencies(list) { document, n in lastDocument = document; found.add(occurrences: n) }
            }
            totals = totals + found
        }

        mutating func append(document: Int64, frequency: Int) {
            Postings.appendVarint(UInt64(document - lastDocument), to: &bytes)
            Postings.appendVarint(UInt64(frequency), to: &bytes)
            totals.add(occurrences: frequency)
            lastDocument = document
        }
    }

    /// What a list holds after each document number: positions (pairs) or a frequency (words).
    enum ListKind {
        case positions, frequencies
    }

    /// `list` with its first document number increased by `offset` (the rest are deltas).
    static func shifting(_ list: [UInt8], by offset: Int64) -> [UInt8] {
        guard offset != 0 else { return list }
        var index = 0
        let first = list.withUnsafeBytes { raw in (try? readVarint(raw, &index)) ?? 0 }
        var out: [UInt8] = []
        out.reserveCapacity(list.count + 4)
        appendVarint(first + UInt64(offset), to: &out)
        out.append(contentsOf: list[index...])
        return out
    }

    /// The key of a two-character gram.
    @inline(__always)
    static func bigram(_ a: UInt32, _ b: UInt32) -> Int64 { 1 << 42 | Int64(a) << 21 | Int64(b) }
}

extension Postings {
    /// The documents of a positional list with how many positions each has, the positions stepped over.
    static func decodeCounts(_ bytes: UnsafeRawBufferPointer, _ body: (Int64, Int) -> Void) throws(PostingsError) {
        var offset = 0
        var doc: Int64 = 0
        while offset < bytes.count {
            doc += Int64(try readVarint(bytes, &offset))
            let count = Int(try readVarint(bytes, &offset))
            guard count > 0, count <= bytes.count else { throw PostingsError() }
            try skipVarints(count, in: bytes, at: &offset)
            body(doc, count)
        }
    }

    @inline(__always)
    static func skipVarints(_ count: Int, in bytes: UnsafeRawBufferPointer, at offset: inout Int) throws(PostingsError) {
        var left = count
        while left > 0 {
            guard offset < bytes.count else { throw PostingsError() }
            if bytes[offset] < 0x80 { left -= 1 }
            offset += 1
        }
    }

    /// `decode` for the documents `wanted` accepts, their positions lent in place; the positions of
    /// other documents are stepped over without being decoded.
    static func decode(
        _ bytes: UnsafeRawBufferPointer, wanted: (Int64) -> Bool, _ body: (Int64, UnsafeBufferPointer<Int32>) -> Void
    ) throws(PostingsError) {
        var offset = 0
        var doc: Int64 = 0
        var positions: [Int32] = []
        while offset < bytes.count {
            doc += Int64(try readVarint(bytes, &offset))
            let count = Int(try readVarint(bytes, &offset))
            guard count > 0, count <= bytes.count else { throw PostingsError() }
            if !wanted(doc) {
                try skipVarints(count, in: bytes, at: &offset)
                continue
            }
            positions.removeAll(keepingCapacity: true)
            var position: Int64 = 0
            for _ in 0..<count {
                position += Int64(try readVarint(bytes, &offset))
                positions.append(Int32(truncatingIfNeeded: position))
            }
            positions.withUnsafeBufferPointer { body(doc, $0) }
        }
    }
}

/// Reads LEB128 varints from a buffer, one byte at a time, with the one-byte case first: the
/// chaining loops (`ChainedMatches`) walk posting lists with it, without a closure per document.
struct VarintReader {
    private let bytes: UnsafeRawBufferPointer
    private var offset = 0

    init(_ bytes: UnsafeRawBufferPointer) { self.bytes = bytes }

    var isAtEnd: Bool { offset >= bytes.count }

    @inline(__always)
    mutating func next() throws(PostingsError) -> UInt64 {
        guard offset < bytes.count else { throw PostingsError() }
        let b = bytes[offset]
        if b < 0x80 {
            offset += 1
            return UInt64(b)
        }
        return try Postings.readVarint(bytes, &offset)
    }

    /// Steps over `count` varints.
    @inline(__always)
    mutating func skip(_ count: Int) throws(PostingsError) {
        try Postings.skipVarints(count, in: bytes, at: &offset)
    }
}

/// How many documents a posting list holds and how many positions in all: stored beside each
/// list (format 2), so a pair's count needs no decoding.
struct PostingTotals: Equatable {
    var documents = 0
    var occurrences = 0

    @inline(__always)
    mutating func add(occurrences n: Int) {
        documents += 1
        occurrences += n
    }

    static func + (lhs: PostingTotals, rhs: PostingTotals) -> PostingTotals {
        PostingTotals(documents: lhs.documents + rhs.documents, occurrences: lhs.occurrences + rhs.occurrences)
    }
}

/// How a block lays out its entries: format 1 without totals, format 2 with them.
enum BlockLayout: Sendable {
    /// `varint(gram delta) varint(length) list`
    case plain
    /// `varint(gram delta) varint(documents) varint(occurrences) varint(length) list`
    case withTotals

    init(format: Int) { self = format >= 2 ? .withTotals : .plain }
}

/// Packs the posting lists of consecutive grams into blocks of about `targetBytes`, one table
/// row each (FORMAT.md, "Grams and postings"). It always writes the current layout, with totals.
struct BlockWriter {
    static let targetBytes = 8192
    var blocks: [(first: Int64, last: Int64, lastTotals: PostingTotals, data: [UInt8])] = []
    private var data: [UInt8] = []
    private var first: Int64 = -1
    private var previous: Int64 = 0
    private var previousTotals = PostingTotals()

    mutating func append(gram: Int64, list: [UInt8], totals: PostingTotals) {
        if first < 0 {
            first = gram
            previous = gram
        }
        Postings.appendVarint(UInt64(gram - previous), to: &data)
        Postings.appendVarint(UInt64(totals.documents), to: &data)
        Postings.appendVarint(UInt64(totals.occurrences), to: &data)
        Postings.appendVarint(UInt64(list.count), to: &data)
        data.append(contentsOf: list)
        previous = gram
        previousTotals = totals
        if data.count >= Self.targetBytes { finishBlock() }
    }

    mutating func finishBlock() {
        guard first >= 0 else { return }
        blocks.append((first, previous, previousTotals, data))
        data = []
        first = -1
    }

    /// Calls `body` with each gram of a block, its totals (nil in the plain layout) and its list.
    static func entries(
        of block: UnsafeRawBufferPointer, first: Int64, layout: BlockLayout,
        _ body: (Int64, PostingTotals?, UnsafeRawBufferPointer) throws(PostingsError) -> Void
    ) throws(PostingsError) {
        var offset = 0
        var gram = first
        while offset < block.count {
            let entry = try readEntry(block, at: &offset, previous: gram, layout: layout)
            gram = entry.gram
            try body(gram, entry.totals, UnsafeRawBufferPointer(rebasing: block[entry.list]))
        }
    }

    /// The entry at `offset`, which moves past it.
    @inline(__always)
    static func readEntry(
        _ block: UnsafeRawBufferPointer, at offset: inout Int, previous: Int64, layout: BlockLayout
    ) throws(PostingsError) -> (gram: Int64, totals: PostingTotals?, list: Range<Int>) {
        let gram = previous + Int64(try Postings.readVarint(block, &offset))
        var totals: PostingTotals?
        if layout == .withTotals {
            let documents = Int(try Postings.readVarint(block, &offset))
            let occurrences = Int(try Postings.readVarint(block, &offset))
            totals = PostingTotals(documents: documents, occurrences: occurrences)
        }
        let length = Int(try Postings.readVarint(block, &offset))
        guard length <= block.count - offset else { throw PostingsError() }
        let list = offset..<(offset + length)
        offset += length
        return (gram, totals, list)
    }
}

/// A posting blob that does not decode.
struct PostingsError: Error {}
