import TifaText

/// A candidate formulation with every score the miner computes.
///
/// ```swift
/// let candidates = try PhraseMiner().mine(["做到“两个维护”。", "坚决做到“两个维护”。"], minimumCount: 2)
/// for candidate in candidates {
///     print(candidate.phrase, candidate.count, candidate.quoted, candidate.tag?.rawValue ?? "new")   // 两个维护 2 1.0 numbered, 做到 2 0.0 general
/// }
/// ```
public struct PhraseCandidate: Sendable, Equatable {
    /// The candidate's text, in the matching form.
    public var phrase: String
    /// Occurrences (start positions, so overlapping ones count separately).
    public var count: Int
    /// Documents it occurs in.
    public var documents: Int
    /// Minimum pointwise mutual information (natural log) over its split points.
    public var cohesion: Double
    /// Entropy (natural log) of the character before it; a break counts as a new character each time.
    public var leftEntropy: Double
    /// Entropy (natural log) of the character after it, likewise.
    public var rightEntropy: Double
    /// log2(length) × (count − mean count of the candidates one character longer that contain it).
    public var cvalue: Double
    /// Share of occurrences between “ and ”.
    public var quoted: Double
    /// The lexicon's tag for it, when the lexicon has it.
    public var tag: LexiconTag? = nil
    /// Whether the lexicon already has it.
    public var known: Bool { tag != nil }
    /// Whether it is everyday vocabulary or a name: a word of the general lexicon, a person or a place.
    public var ordinaryWord: Bool { tag == .general || tag == .person || tag == .place }
    /// Whether the lexicon knows it as a set formulation, organ, title, meeting or campaign.
    public var knownFormulation: Bool { tag != nil && !ordinaryWord }
    /// Share of the mined documents it occurs in.
    public var spread: Double = 0
    /// Whether a pattern extractor proposed it (numbered formula, quoted term, list item, frame).
    public var pattern: Bool
    /// Whether it has the shape of a numbered formula (两个维护, 三县一城一枢纽).
    public var numbered: Bool = false
    /// The ranking, from ``PhraseMiner/score(_:minimumCount:)``.
    public var score: Double
}
