import TifaIndex

/// An item used more (or less) in a target slice of the index than in a reference slice.
public struct KeynessItem: Sendable, Equatable, Codable {
    /// What is counted: `word` (as the coarse segmenter cut the documents when they were indexed),
    /// `formulation` (a unit the lexicon knows as political vocabulary, counted exactly as a
    /// character string) or `phrase` (mined from the target, counted exactly).
    public enum Unit: String, Sendable, Codable { case word, formulation, phrase }

    /// The word or formulation.
    public var item: String
    /// How the item is counted.
    public var unit: Unit
    /// The counts and sizes every figure is computed from; sizes are in characters of the
    /// matching form, so words and formulations share one size.
    public var statistics: KeynessStatistics
}

/// Which items keyness keeps, and how many.
public struct KeynessOptions: Sendable {
    /// The most items returned, highest G² first.
    public var top = 50
    /// Items counted fewer times than this in both slices together are left out.
    public var minimumCount = 5
    /// The overall significance level; items whose p-value is above the corrected threshold are left out (1 keeps all).
    public var alpha = 0.05
    /// How `alpha` is corrected for the number of items tested.
    public var correction = SignificanceCorrection.sidak
    /// Items whose |Log Ratio| is below this are left out (0 keeps all).
    public var minimumLogRatio = 0.0
    /// Words shorter than this many characters are left out.
    public var minimumLength = 2
    /// Also this many phrases mined from the target (those the lexicon does not know), counted
    /// exactly in both slices; 0 mines nothing. Mining reads the whole target: seconds on millions
    /// of characters.
    public var minedPhrases = 0

    /// The defaults: 50 items, counted 5 times, p < 0.05 Šidák-corrected, no mined phrases.
    public init() {}
}

/// The result of a keyness comparison: the slices' sizes and the items kept.
public struct Keyness: Sendable, Equatable, Codable {
    /// Documents and characters of the target slice.
    public var targetDocuments: Int
    public var targetSize: Int
    /// Documents and characters of the reference slice.
    public var referenceDocuments: Int
    public var referenceSize: Int
    /// How many items were tested (what the significance correction divides by).
    public var tested: Int
    /// Documents in both slices (they should be disjoint); nil when not counted.
    public var sharedDocuments: Int? = nil
    /// The items kept, highest G² first.
    public var items: [KeynessItem]
}
