extension Index {
    /// What a commit did with the documents queued since the last one.
    public struct CommitSummary: Sendable, Equatable {
        /// Documents with an id the index did not have.
        public var added = 0
        /// Documents that replaced an older version with the same id.
        public var replaced = 0
        /// Documents identical to the indexed version (same content hash), left as they were.
        public var unchanged = 0
        /// Documents left out because another document (another id) has the same text: id and
        /// the id of the document it copies.
        public var duplicates: [(id: String, of: String)] = []
        /// Ids among `duplicates` whose earlier indexed version was removed: their source now holds
        /// another document's text, so the old text is no longer theirs.
        public var removed: [String] = []

        /// A summary with these counts and no duplicates; `CommitSummary()` is the zero that
        /// `add(_:)` sums the commits of a run into.
        public init(added: Int = 0, replaced: Int = 0, unchanged: Int = 0) {
            self.added = added
            self.replaced = replaced
            self.unchanged = unchanged
        }

        /// Adds another commit's numbers to these.
        public mutating func add(_ other: CommitSummary) {
            added += other.added
            replaced += other.replaced
            unchanged += other.unchanged
            duplicates += other.duplicates
            removed += other.removed
        }

        /// Equal counts, and the same duplicates and removed ids in the same order.
        public static func == (lhs: CommitSummary, rhs: CommitSummary) -> Bool {
            (lhs.added, lhs.replaced, lhs.unchanged) == (rhs.added, rhs.replaced, rhs.unchanged)
                && lhs.duplicates.map(\.id) == rhs.duplicates.map(\.id) && lhs.duplicates.map(\.of) == rhs.duplicates.map(\.of)
                && lhs.removed == rhs.removed
        }
    }
}
