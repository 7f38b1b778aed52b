/// Where a mining run is, for progress reports (`PhraseMiner.mine(_:minimumCount:newOnly:progress:)`);
/// the stages come in this order.
public enum MiningStage: Sendable, Equatable {
    /// Sorting the suffixes of this many Han characters.
    case sortingSuffixes(characters: Int)
    /// Running the pattern extractors.
    case findingPatterns
    /// Counting the n-grams of this length (2…16).
    case countingLength(Int)
    /// Ranking this many candidates.
    case ranking(candidates: Int)
}
