import TifaText

extension PhraseMiner {
    /// The candidates of an archive whose n-gram statistics were computed elsewhere (the Spark job
    /// `Distributed/spark/mine.py`), best first: the same selection and score as mining its text,
    /// so the two give the same list. `minimumCount` may not be below the statistics' own.
    public func mine(
        _ statistics: MiningStatistics, minimumCount: Int = 5, newOnly: Bool = false, progress: (MiningStage) -> Void = { _ in }
    ) throws(MiningStatisticsError) -> [PhraseCandidate] {
        var selection = CandidateSelection(
            miner: self, minimumCount: minimumCount, documentCount: statistics.documents, numbered: statistics.numbered,
            characters: Double(statistics.characters))
        guard selection.threshold >= max(2, statistics.minimumCount) else {
            throw .thresholdTooLow(asked: minimumCount, available: statistics.minimumCount)
        }
        func consider(_ record: Int, pattern: Bool, known: Bool) {
            selection.consider(statistics.scalars(ofRecord: record)[...], pattern: pattern, known: known, occurrences: statistics.occurrences) {
                statistics.statistics(ofRecord: record)
            }
        }
        for (i, record) in statistics.records.enumerated() where Int(record.count) >= selection.threshold {
            consider(i, pattern: false, known: false)
        }
        for word in knownFormulations {
            if let i = statistics.record(of: word[...]), Int(statistics.records[i].count) >= selection.threshold {
                consider(i, pattern: false, known: true)
            }
        }
        for phrase in statistics.patterns where CandidateSelection.isProposable(phrase) {
            if let i = statistics.record(of: phrase[...]) { consider(i, pattern: true, known: false) }
        }
        return selection.ranked(newOnly: newOnly, progress: progress)
    }
}

extension PhraseMiner {
    /// What the pattern extractors propose in one document's matching form — numbered formulas,
    /// quoted terms, list items, frame slots — each once, in the order first seen: the part of
    /// mining that needs the segmenter, which `phrasectl export` writes beside the text so that
    /// n-gram statistics computed elsewhere rank as mining the text does.
    public func proposals(in form: MatchingForm) -> [PatternProposal] {
        var patterns = PatternCandidates()
        var tokens: [Token] = []
        patterns.collect(from: form, analyzer: analyzer, workspace: SegmentationWorkspace(), tokens: &tokens)
        var seen = Set<[UInt32]>()
        var result: [PatternProposal] = []
        for phrase in patterns.all where CandidateSelection.isProposable(phrase) && seen.insert(phrase).inserted {
            result.append(
                PatternProposal(
                    phrase: String(String.UnicodeScalarView(phrase.compactMap(Unicode.Scalar.init))),
                    numbered: patterns.numbered.contains(phrase)))
        }
        return result
    }
}

/// A pattern extractor's proposal (``PhraseMiner/proposals(in:)``).
public struct PatternProposal: Sendable, Equatable {
    /// The proposed phrase, 2–16 Han characters of the matching form.
    public var phrase: String
    /// Whether it has the shape of a numbered formula (两个维护, 三县一城一枢纽).
    public var numbered: Bool
}
