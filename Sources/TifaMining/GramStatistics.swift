/// What the occurrences of one n-gram show, before any measure is computed: the raw material both
/// the suffix-array miner and statistics computed elsewhere (``MiningStatistics``) hand to the
/// same scoring.
struct GramStatistics: Equatable {
    /// Occurrences (start positions).
    var count: Int
    /// Documents holding it.
    var documents = 0
    /// Han characters before it, and how often each.
    var left: [UInt32: Int] = [:]
    /// Han characters after it, and how often each.
    var right: [UInt32: Int] = [:]
    /// Occurrences with a separator before it.
    var leftBreaks = 0
    /// Occurrences with a separator after it.
    var rightBreaks = 0
    /// Occurrences that are a whole quotation (a left quotation mark before, a right one after).
    var quoted = 0
}
