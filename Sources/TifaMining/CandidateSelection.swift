import TifaText

/// Which n-grams become candidates, and their scores: one implementation for every source of
/// statistics, so the suffix-array miner and ``MiningStatistics`` rank alike.
///
/// Three kinds of n-gram are considered, in this order: statistical ones (at least
/// ``threshold`` occurrences, kept when both sides branch: entropy above 0.25), formulations the
/// lexicon knows (seen ``threshold`` times, kept however fixed their neighbours:
/// 坚持|稳中求进工作总基调, 党的十八大|以来), and pattern proposals (seen once, always kept).
struct CandidateSelection {
    let miner: PhraseMiner
    let minimumCount: Int
    let documentCount: Int
    /// Proposals shaped like numbered formulas.
    let numbered: Set<[UInt32]>
    /// Han characters in the corpus.
    let characters: Double
    private(set) var found: [String: PhraseCandidate] = [:]

    init(miner: PhraseMiner, minimumCount: Int, documentCount: Int, numbered: Set<[UInt32]>, characters: Double) {
        self.miner = miner
        self.minimumCount = minimumCount
        self.documentCount = documentCount
        self.numbered = numbered
        self.characters = characters
    }

    /// Occurrences a statistical or known candidate needs.
    var threshold: Int { max(2, minimumCount) }

    /// Whether a pattern proposal can be a candidate: 2–16 Han characters.
    static func isProposable(_ phrase: [UInt32]) -> Bool {
        phrase.count >= 2 && phrase.count <= PhraseMiner.maximumLength && phrase.allSatisfy(isHan)
    }

    /// Considers the n-gram `scalars`; `statistics` is asked only when it is not already a candidate.
    mutating func consider(
        _ scalars: ArraySlice<UInt32>, pattern: Bool, known: Bool, occurrences: (ArraySlice<UInt32>) -> Int,
        statistics: () -> GramStatistics
    ) {
        let phrase = String(String.UnicodeScalarView(scalars.compactMap(Unicode.Scalar.init)))
        if let existing = found[phrase] {
            if pattern && !existing.pattern {
                found[phrase]!.pattern = true
                found[phrase]!.numbered = numbered.contains(Array(scalars))
                found[phrase]!.score = miner.score(found[phrase]!, minimumCount: minimumCount)
            }
            return
        }
        var candidate = miner.measure(scalars, statistics(), occurrences: occurrences, characters: characters)
        candidate.phrase = phrase
        candidate.tag = miner.lexicon.entry(for: phrase)?.tag
        candidate.spread = Double(candidate.documents) / Double(max(1, documentCount))
        candidate.pattern = pattern
        candidate.numbered = pattern && numbered.contains(Array(scalars))
        candidate.score = miner.score(candidate, minimumCount: minimumCount)
        if pattern || known || (candidate.leftEntropy > PhraseMiner.minimumBranching && candidate.rightEntropy > PhraseMiner.minimumBranching) {
            found[phrase] = candidate
        }
    }

    /// The candidates, best first (ties by phrase).
    func ranked(newOnly: Bool, progress: (MiningStage) -> Void) -> [PhraseCandidate] {
        var result = Array(found.values)
        if newOnly { result.removeAll(where: \.known) }
        progress(.ranking(candidates: result.count))
        return result.sorted { ($0.score, $1.phrase) > ($1.score, $0.phrase) }
    }
}
