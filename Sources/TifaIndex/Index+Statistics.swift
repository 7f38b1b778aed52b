extension Index {
    /// Size and shape of the index.
    public struct Statistics: Sendable, Equatable {
        /// Live documents: those added and neither deleted nor replaced since.
        public var documents: Int
        /// Characters of the documents' matching forms.
        public var characters: Int
        /// Blocks of posting lists.
        public var blocks: Int
        /// Segments of postings, which every lookup reads one after another: a commit that writes
        /// documents adds one and merges them down to at most 16; `optimize()` leaves at most one.
        public var segments: Int
        /// The database's size in bytes as of the last commit (pages × page size), including the
        /// space of deleted documents until `optimize()`. While the index is open, the `.tifa` file
        /// itself can differ: recent commits may still be in its `-wal` file beside it.
        public var fileBytes: Int
        /// The file's format version: `Index.formatVersion` (the one this library writes), or 1
        /// for an index made by an earlier Tifa and only read since (a writer upgrades it).
        public var formatVersion: Int
        /// Whether the matching form maps Traditional characters to Simplified, as fixed when the
        /// index was created.
        public var toSimplified: Bool
        /// What cut the word postings (`DocumentAnalyzer.wordSignature`), one entry per lexicon used.
        public var wordSignatures: [String]
        /// Whether this process's analyzer cuts words as the indexed ones were cut.
        public var wordsMatchAnalyzer: Bool
    }

    /// The index's size and shape as of the last commit. A reader that has not loaded its
    /// analyzer's lexicon yet loads it here, to tell `Statistics.wordsMatchAnalyzer`.
    public func statistics() throws(IndexError) -> Statistics {
        callLock.lock()
        defer { callLock.unlock() }
        try refreshDocuments()
        let signature = try analyzer().wordSignature
        do {
            func scalar(_ sql: String) throws -> Int {
                let statement = try database.prepare(sql)
                _ = try statement.step()
                return Int(statement.int(0))
            }
            let pages = try scalar("PRAGMA page_count"), pageSize = try scalar("PRAGMA page_size")
            return Statistics(
                documents: documents.count, characters: documents.values.reduce(0) { $0 + $1.length },
                blocks: try scalar("SELECT count(*) FROM blocks"), segments: try scalar("SELECT count(*) FROM segments"),
                fileBytes: pages * pageSize, formatVersion: fileFormat, toSimplified: toSimplified,
                wordSignatures: wordSignatures, wordsMatchAnalyzer: wordSignatures.allSatisfy { $0 == signature })
        } catch {
            throw .sqlite(error as! SQLiteError)
        }
    }
}
