/// What `Index.check` found: how much it read, and every problem, each a sentence naming where.
public struct IndexCheck: Sendable, Equatable {
    /// Live documents whose text was read and checked against its hash and its recorded shape.
    public var documents = 0
    /// Posting lists of character pairs decoded.
    public var pairLists = 0
    /// Posting lists of words decoded.
    public var wordLists = 0
    /// Phrases counted both by the index and by brute force over the documents' texts.
    public var phrasesCounted = 0
    /// Every problem found, in the order found, each a sentence naming where: a document, a
    /// segment, a sampled phrase, or SQLite's own complaint. Empty when the index is sound.
    public var problems: [String] = []

    /// Whether nothing is wrong.
    public var isSound: Bool { problems.isEmpty }
}
