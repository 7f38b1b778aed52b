extension Index {
    /// Documents taken from the queue for one commit: the last version of each id, without those
    /// identical to the version they would replace.
    struct Batch: Sendable {
        var documents: [Document]
        /// `contentHash` and `textHash` of each document, which hash its whole text.
        var hashes: [(content: Int64, text: Int64)]
        /// Documents left out as identical to the version they would replace.
        var unchanged: Int

        /// Each document's id and content hash: the version a later batch compares with.
        var contentHashes: [String: Int64] {
            Dictionary(zip(documents.map(\.id), hashes.map(\.content)), uniquingKeysWith: { _, last in last })
        }

        var isEmpty: Bool { documents.isEmpty && unchanged == 0 }
    }

    /// A batch with its documents analysed and its posting lists built over batch-local document
    /// numbers (position in `documents` + 1), ready for `write`. A class, not a struct: it is built
    /// on one thread and handed over whole to the writer.
    final class PreparedBatch: @unchecked Sendable {
        // @unchecked: built by one task, then handed over whole to the writer.
        let documents: [Document]
        let hashes: [(content: Int64, text: Int64)]
        let unchanged: Int
        /// Length and last character of each document's matching form.
        var shapes: [(length: Int, last: Int64)] = []
        /// Every gram of the batch in order, with its posting list.
        var pairs: [(gram: Int64, list: [UInt8])] = []
        /// The same for words, in UTF-8 byte order (SQLite's order of text keys).
        var words: [(word: String, list: [UInt8])] = []

        init(_ batch: Batch) {
            documents = batch.documents
            hashes = batch.hashes
            unchanged = batch.unchanged
        }
    }
}
