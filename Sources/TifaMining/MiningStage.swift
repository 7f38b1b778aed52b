/// Where a mining run is, for progress reports (`PhraseMiner.mine(_:minimumCount:newOnly:progress:)`);
/// the stages come in this order.
///
/// ```swift
/// let candidates = try PhraseMiner().mine(["坚持“两个维护”"], minimumCount: 1) { stage in
///     print(stage)   // reading(documents: 0), sortingSuffixes(characters: 6), countingLength(2) … ranking(candidates: 1)
/// }
/// ```
public enum MiningStage: Sendable, Equatable {
    /// Reading documents — matching forms, numbered formulas, quotations, lists, frames — this
    /// many so far (reported every 256 documents).
    case reading(documents: Int)
    /// Sorting the suffixes of this many Han characters.
    case sortingSuffixes(characters: Int)
    /// Counting the n-grams of this length (2…16).
    case countingLength(Int)
    /// Ranking this many candidates.
    case ranking(candidates: Int)
}
