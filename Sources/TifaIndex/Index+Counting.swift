import TifaText

/// How often a phrase occurs: occurrences are start positions in the matching form, so
/// overlapping occurrences count separately (哈哈 occurs twice in 哈哈哈).
public struct PhraseCount: Sendable, Equatable {
    /// The phrase as given to `Index.count(_:)`, before normalization.
    public var phrase: String
    /// Occurrences in all live documents, overlapping ones included.
    public var occurrences: Int
    /// Live documents with at least one occurrence: the keys of `perDocument`.
    public var documents: Int
    /// Occurrences per document number.
    public var perDocument: [Int64: Int]
}

extension Index {
    /// Counts `phrase` (matched in its matching form, like the documents) over the live documents.
    public func count(_ phrase: String) throws(IndexError) -> PhraseCount {
        let scalars = normalizer.matchingForm(of: phrase).scalars
        guard !scalars.isEmpty else { throw .emptyPhrase }
        let perDocument = try reading { () throws(IndexError) in try documentCounts(ofMatching: scalars) }
        return PhraseCount(phrase: phrase, occurrences: perDocument.values.reduce(0, +), documents: perDocument.count, perDocument: perDocument)
    }

    /// The start positions (in each document's matching form) of every occurrence of `phrase`.
    public func occurrences(of phrase: String) throws(IndexError) -> [Int64: [Int32]] {
        let scalars = normalizer.matchingForm(of: phrase).scalars
        guard !scalars.isEmpty else { throw .emptyPhrase }
        return try reading { () throws(IndexError) in try occurrences(ofMatching: scalars) }
    }

    func occurrences(ofMatching scalars: [UInt32]) throws(IndexError) -> [Int64: [Int32]] {
        if scalars.count == 1 { return try characterOccurrences(scalars[0]) }
        return try chainedStarts(of: scalars)
    }

    /// A character occurs where a pair starting with it does, and at the end of a document that
    /// ends with it.
    private func characterOccurrences(_ c: UInt32) throws(IndexError) -> [Int64: [Int32]] {
        var result: [Int64: [Int32]] = [:]
        try forEachList(from: Postings.bigram(c, 0), through: Postings.bigram(c, 0x1F_FFFF), segments: segmentStates.map(\.number)) { (_, list) throws(PostingsError) in
            try Postings.decode(list) { document, positions in
                if live.contains(document) { result[document, default: []] += positions }
            }
        }
        for info in documents.values where info.lastCharacter == Int64(c) && info.length > 0 {
            result[info.number, default: []].append(Int32(info.length - 1))
        }
        for key in result.keys { result[key]!.sort() }
        return result
    }

    /// Calls `body` with every gram in `low...high` of `segments` and its posting list, segment by
    /// segment in the order given.
    func forEachList(
        from low: Int64, through high: Int64, segments: [Int64],
        _ body: (Int64, UnsafeRawBufferPointer) throws(PostingsError) -> Void
    ) throws(IndexError) {
        do {
            let statement = try database.prepare(
                "SELECT first, data FROM blocks WHERE segment = ? AND last >= ? ORDER BY last")
            for segment in segments {
                statement.bind(1, segment).bind(2, low)
                defer { statement.reset() }
                while try statement.step() {
                    let first = statement.int(0)
                    if first > high { break }
                    try statement.withBlob(1) { block in
                        try BlockWriter.entries(of: block, first: first, layout: blockLayout) { (gram, _, list) throws(PostingsError) in
                            if gram >= low && gram <= high { try body(gram, list) }
                        }
                    }
                }
            }
        } catch let error as SQLiteError {
            throw .sqlite(error)
        } catch {
            throw .corrupt(path: path, reason: "a block of posting lists does not decode")
        }
    }
}

extension Index {
    /// How `breakdown` groups a count.
    public enum Breakdown: String, Sendable, CaseIterable {
        /// By year: the first four characters of the document's date (`YYYY`).
        case year
        /// By month: the first seven characters of the document's date (`YYYY-MM`); a date
        /// giving only the year groups as "unknown".
        case month
        /// By document: one group per document, keyed by its external id.
        case document
    }

    /// One group of a breakdown: a year (`YYYY`), a month (`YYYY-MM`) or a document id, with its
    /// occurrences and the number of documents they are in. Undated documents group as "unknown".
    public struct Group: Sendable, Equatable {
        /// The year (`YYYY`), month (`YYYY-MM`) or document id, or "unknown" for documents
        /// without one. `breakdown` sorts groups by key as text, so "unknown" comes after dates.
        public var key: String
        /// Occurrences of the phrase in the group's documents.
        public var occurrences: Int
        /// Documents of the group with at least one occurrence: at least 1, and 1 when grouped by
        /// document.
        public var documents: Int
    }

    /// `count` grouped by year, month or document, in key order.
    public func breakdown(_ count: PhraseCount, by breakdown: Breakdown) -> [Group] {
        callLock.lock()
        defer { callLock.unlock() }
        var groups: [String: Group] = [:]
        for (number, n) in count.perDocument {
            guard let info = documents[number] else { continue }
            let key: String
            switch breakdown {
            case .year: key = info.year ?? "unknown"
            case .month: key = info.month ?? "unknown"
            case .document: key = info.id
            }
            groups[key, default: Group(key: key, occurrences: 0, documents: 0)].occurrences += n
            groups[key]!.documents += 1
        }
        return groups.values.sorted { $0.key < $1.key }
    }

    /// The live document with index number `number`.
    public func document(number: Int64) -> DocumentInfo? { locked { documents[number] } }
}
