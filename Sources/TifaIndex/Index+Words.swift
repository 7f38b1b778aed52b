/// How often a word (as the coarse segmenter cuts the documents) occurs.
public struct WordFrequency: Sendable, Equatable {
    /// The word as the coarse segmenter cut it from the matching form: in Simplified characters in
    /// an index made with `toSimplified`.
    public var word: String
    /// Occurrences of the word in the documents counted: all, or those a query matched.
    public var occurrences: Int
    /// Documents counted that have the word at least once.
    public var documents: Int

    /// A word's counts, as `Index.wordFrequencies(matching:top:minimumLength:)` gives them.
    public init(word: String, occurrences: Int, documents: Int) {
        self.word = word
        self.occurrences = occurrences
        self.documents = documents
    }
}

extension Index {
    /// The most frequent words of the documents matching `query` (all documents when nil), most
    /// frequent first; words shorter than `minimumLength` characters are left out.
    public func wordFrequencies(matching query: String? = nil, top: Int = 50, minimumLength: Int = 2) throws(IndexError) -> [WordFrequency] {
        try reading { () throws(IndexError) in
            let selected = try query.map { query throws(IndexError) in Set(try search(query, limit: Int.max, order: .date).map(\.document.number)) }
            return try wordFrequencies(in: selected, top: top, minimumLength: minimumLength)
        }
    }

    /// The most frequent words of `documents`, most frequent first.
    public func wordFrequencies(in documents: [DocumentInfo], top: Int = 50, minimumLength: Int = 2) throws(IndexError) -> [WordFrequency] {
        try reading { () throws(IndexError) in
            try wordFrequencies(in: Set(documents.map(\.number)), top: top, minimumLength: minimumLength)
        }
    }

    private func wordFrequencies(in selected: Set<Int64>?, top: Int, minimumLength: Int) throws(IndexError) -> [WordFrequency] {
        var totals: [String: (occurrences: Int, documents: Int)] = [:]
        do {
            let statement = try database.prepare("SELECT word, data FROM words")
            while try statement.step() {
                guard let word = statement.string(0), word.count >= minimumLength else { continue }
                var occurrences = 0
                var documentsFound = 0
                try statement.withBlob(1) { bytes in
                    try Postings.decodeFrequencies(bytes) { document, frequency in
                        guard live.contains(document), selected?.contains(document) ?? true else { return }
                        occurrences += frequency
                        documentsFound += 1
                    }
                }
                if occurrences > 0 {
                    totals[word, default: (0, 0)].occurrences += occurrences
                    totals[word]!.documents += documentsFound
                }
            }
        } catch let error as SQLiteError {
            throw .sqlite(error)
        } catch {
            throw .corrupt(path: path, reason: "a word's posting list does not decode")
        }
        return totals.map { WordFrequency(word: $0.key, occurrences: $0.value.occurrences, documents: $0.value.documents) }
            .sorted { ($0.occurrences, $1.word) > ($1.occurrences, $0.word) }
            .prefix(max(0, top)).map { $0 }
    }
}
