import TifaIndex

/// What one side of the index (B) says that the other (A) does not: the year-on-year reading of a
/// work report. Sides are documents (by id) or the documents a query matches.
public struct IndexDiff: Sendable, Equatable, Codable {
    /// A word or formulation with its counts on both sides.
    public struct Item: Sendable, Equatable, Codable {
        /// The word or formulation.
        public var phrase: String
        /// `word`, or `formulation` when the lexicon knows it as political vocabulary (then counted exactly).
        public var unit: KeynessItem.Unit
        /// Occurrences in A and in B, counted exactly as a character string.
        public var countA: Int
        public var countB: Int
        /// Log₂ of B's rate over A's (a zero count taken as 0.5).
        public var logRatio: Double
        /// One place it is used: in B, or in A for an item B dropped.
        public var context: KWICLine?
    }

    /// A sentence of B with no near-identical sentence in A.
    public struct Sentence: Sendable, Equatable, Codable {
        /// The sentence as B writes it.
        public var text: String
        /// The document of B it is in.
        public var id: String
    }

    /// Documents of each side.
    public var documentsA: Int
    public var documentsB: Int
    /// Documents on both sides.
    public var sharedDocuments = 0
    /// Characters of each side: rates are counts over these.
    public var sizeA: Int
    public var sizeB: Int
    /// In B and not in A, most frequent first.
    public var added: [Item]
    /// In A and not in B, most frequent first.
    public var dropped: [Item]
    /// On both sides, the largest change of rate first (by log-likelihood).
    public var changed: [Item]
    /// B's sentences that A has no near-identical sentence for, in B's order.
    public var newSentences: [Sentence]
}
