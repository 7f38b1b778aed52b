extension Index {
    /// Size and shape of the index.
    public struct Statistics: Sendable, Equatable {
        public var documents: Int
        /// Characters of the documents' matching forms.
        public var characters: Int
        /// Blocks of posting lists.
        public var blocks: Int
        public var segments: Int
        public var fileBytes: Int
        public var formatVersion: Int
        public var toSimplified: Bool
        /// What cut the word postings (`DocumentAnalyzer.wordSignature`), one entry per lexicon used.
        public var wordSignatures: [String]
        /// Whether this process's analyzer cuts words as the indexed ones were cut.
        public var wordsMatchAnalyzer: Bool
    }

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
                fileBytes: pages * pageSize, formatVersion: Self.formatVersion, toSimplified: toSimplified,
                wordSignatures: wordSignatures, wordsMatchAnalyzer: wordSignatures.allSatisfy { $0 == signature })
        } catch {
            throw .sqlite(error as! SQLiteError)
        }
    }
}
