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

        /// Positions taken from the `position` fields of sorted pair entries.
        mutating func append(document: Int64, positions entries: UnsafeBufferPointer<Index.PairPosition>) {
            append(document: document, positions: entries.lazy.map(\.position))
        }

        mutating func append<Positions: Collection<Int32>>(document: Int64, positions: Positions) {
            Postings.appendVarint(UInt64(document - lastDocument), to: &bytes)
            Postings.appendVarint(UInt64(positions.count), to: &bytes)
            var previous: Int32 = 0
            for p in positions {
                Postings.appendVarint(UInt64(p - previous), to: &bytes)
                previous = p
            }
            lastDocument = document
        }

        mutating func append(document: Int64, frequency: Int) {
            Postings.appendVarint(UInt64(document - lastDocument), to: &bytes)
            Postings.appendVarint(UInt64(frequency), to: &bytes)
            lastDocument = document
        }
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

/// Packs the posting lists of consecutive grams into blocks of about `targetBytes`, one table
/// row each: `varint(gram − previous gram)` (the first relative to the block's first gram minus 0)
/// `varint(length)` `list` per gram.
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

struct BlockWriter {
    static let targetBytes = 8192
    var blocks: [(first: Int64, last: Int64, data: [UInt8])] = []
    private var data: [UInt8] = []
    private var first: Int64 = -1
    private var previous: Int64 = 0

    mutating func append(gram: Int64, list: [UInt8]) {
        if first < 0 {
            first = gram
            previous = gram
        }
        Postings.appendVarint(UInt64(gram - previous), to: &data)
        Postings.appendVarint(UInt64(list.count), to: &data)
        data.append(contentsOf: list)
        previous = gram
        if data.count >= Self.targetBytes { finishBlock() }
    }

    mutating func finishBlock() {
        guard first >= 0 else { return }
        blocks.append((first, previous, data))
        data = []
        first = -1
    }

    /// Calls `body` with each gram of a block and its list.
    static func entries(
        of block: UnsafeRawBufferPointer, first: Int64, _ body: (Int64, UnsafeRawBufferPointer) throws(PostingsError) -> Void
    ) throws(PostingsError) {
        var offset = 0
        var gram = first
        while offset < block.count {
            gram += Int64(try Postings.readVarint(block, &offset))
            let length = Int(try Postings.readVarint(block, &offset))
            guard length <= block.count - offset else { throw PostingsError() }
            try body(gram, UnsafeRawBufferPointer(rebasing: block[offset..<(offset + length)]))
            offset += length
        }
    }
}

/// A posting blob that does not decode.
struct PostingsError: Error {}
