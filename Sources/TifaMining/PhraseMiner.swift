import Foundation
import TifaText

/// Finds the formulations of a body of text: exact n-gram statistics from a suffix array (2–16
/// characters inside Han runs), scored by frequency, branching entropy, cohesion, C-value and
/// quotation, plus what the pattern extractors propose even when it is rare.
///
/// ```swift
/// let miner = try PhraseMiner()
/// let speech = "要增强“四个意识”、坚定“四个自信”、做到“两个维护”，落实“一岗双责”。"
/// for candidate in miner.mine([speech], minimumCount: 1).prefix(20) { print(candidate.phrase) }
/// ```
///
/// A miner is a `Sendable` value: one can serve every thread.
public struct PhraseMiner: Sendable {
    /// How documents are read: their matching form, and the coarse segmenter that finds
    /// numbered formulas. Mining an index uses the index's analyzer, so it counts what `count` counts.
    public let analyzer: DocumentAnalyzer
    /// What the miner knows: candidates it lists as formulations rank higher, and `newOnly`
    /// leaves out every candidate it has.
    public var lexicon: Lexicon { analyzer.segmenter.lexicon }
    /// The longest candidate, in characters.
    public static let maximumLength = 16

    /// The formulations, organs, titles, meetings and campaigns the lexicon knows.
    let knownFormulations: [[UInt32]]

    /// A miner reading texts as `analyzer` does: ``Index/analyzer()`` for an index's documents.
    public init(analyzer: DocumentAnalyzer) {
        self.analyzer = analyzer
        knownFormulations = analyzer.segmenter.lexicon.words(tagged: [.tifa, .org, .title, .meeting, .campaign])
            .filter { (2...Self.maximumLength).contains($0.count) }
    }

    /// A miner over `lexicon` (the built-in one when nil).
    public init(lexicon: Lexicon? = nil, toSimplified: Bool = false) throws {
        self.init(analyzer: try DocumentAnalyzer(lexicon: lexicon ?? Lexicon.bundled(), toSimplified: toSimplified))
    }

    /// The candidates of `documents`, best first. A statistical candidate needs `minimumCount`
    /// occurrences and some branching on both sides (entropy above 0.25), unless the lexicon knows
    /// it as a formulation; pattern candidates need one occurrence. Documents are read one at a
    /// time: only the corpus of Han runs is kept. `progress` hears of each stage as it starts.
    public func mine<Documents: Sequence<String>>(
        _ documents: Documents, minimumCount: Int = 5, newOnly: Bool = false, progress: (MiningStage) -> Void = { _ in }
    ) -> [PhraseCandidate] {
        mineCorpus(documents, minimumCount: minimumCount, newOnly: newOnly, progress: progress).candidates
    }

    /// `mine`, also returning the corpus and its suffix array for further counting.
    func mineCorpus<Documents: Sequence<String>>(
        _ documents: Documents, minimumCount: Int, newOnly: Bool, progress: (MiningStage) -> Void
    ) -> (candidates: [PhraseCandidate], corpus: MiningCorpus, suffixes: SuffixArray) {
        var corpus = MiningCorpus()
        var patterns = PatternCandidates()
        let workspace = SegmentationWorkspace()
        var tokens: [Token] = []
        progress(.reading(documents: 0))
        for text in documents {
            let form = analyzer.matchingForm(of: text)
            corpus.append(form)
            patterns.collect(from: form, analyzer: analyzer, workspace: workspace, tokens: &tokens)
            if corpus.documentStarts.count % 256 == 0 { progress(.reading(documents: corpus.documentStarts.count)) }
        }
        progress(.sortingSuffixes(characters: corpus.hanCount))
        let sa = SuffixArray(corpus.text, depth: Self.maximumLength)
        let text = corpus.text
        var unigram: [UInt32: Int] = [:]
        for p in sa.suffixes { unigram[text[Int(p)], default: 0] += 1 }

        var selection = CandidateSelection(
            miner: self, minimumCount: minimumCount, documentCount: corpus.documentStarts.count, numbered: patterns.numbered,
            characters: Double(sa.suffixes.count))
        // The parts of a candidate are slices of the corpus text, so each has a position: its
        // suffix's rank (`rank`, the inverse of the suffix array) sits inside the run of suffixes
        // sharing the part, and that run is found by walking the LCP array outward — a few
        // sequential bytes for the parts of most candidates. Long runs fall back to a search.
        var rank = [Int32](repeating: 0, count: text.count)
        for (i, p) in sa.suffixes.enumerated() { rank[Int(p)] = Int32(i) }
        func occurrences(of part: ArraySlice<UInt32>) -> Int {
            if part.count == 1 { return unigram[part.first!] ?? 0 }
            let length = part.count, r = Int(rank[part.startIndex])
            var low = r, high = r + 1, steps = 0
            while low > 0, Int(sa.lcp[low]) >= length, steps < 256 {
                low -= 1
                steps += 1
            }
            while high < sa.suffixes.count, Int(sa.lcp[high]) >= length, steps < 256 {
                high += 1
                steps += 1
            }
            guard steps < 256 else { return sa.range(of: part, in: text).count }
            assert(high - low == sa.range(of: part, in: text).count, "the LCP walk and the search disagree")
            return high - low
        }
        var seenIn = [Int32](repeating: -1, count: corpus.documentStarts.count)
        var considered: Int32 = 0
        func consider(_ range: Range<Int>, length: Int, pattern: Bool, known: Bool = false) {
            let start = Int(sa.suffixes[range.lowerBound])
            selection.consider(text[start..<(start + length)], pattern: pattern, known: known, occurrences: occurrences) {
                considered += 1
                return statistics(length: length, range: range, sa: sa, corpus: corpus, mark: considered, seenIn: &seenIn)
            }
        }

        // Statistical candidates: runs of suffixes sharing their first `length` characters (two or
        // more suffixes with an LCP of `length` share `length` Han characters: the LCP stops at
        // separators). Most runs of repeated text have one fixed neighbour; they are passed over
        // on the cheap branching bound before any statistics are gathered.
        var neighbours: [UInt32] = []
        for length in 2...Self.maximumLength where !sa.suffixes.isEmpty {
            progress(.countingLength(length))
            var runStart = 0
            for i in 1...sa.suffixes.count {
                if i < sa.suffixes.count, Int(sa.lcp[i]) >= length { continue }
                if i - runStart >= selection.threshold,
                    Self.mayBranch(rightOf: runStart..<i, length: length, sa: sa),
                    Self.mayBranch(leftOf: runStart..<i, sa: sa, text: text, buffer: &neighbours)
                {
                    consider(runStart..<i, length: length, pattern: false)
                }
                runStart = i
            }
        }
        for word in knownFormulations {
            let range = sa.range(of: word[...], in: text)
            if range.count >= selection.threshold { consider(range, length: word.count, pattern: false, known: true) }
        }
        for phrase in patterns.all where CandidateSelection.isProposable(phrase) {
            let range = sa.range(of: phrase[...], in: text)
            if !range.isEmpty { consider(range, length: phrase.count, pattern: true) }
        }
        let result = selection.ranked(newOnly: newOnly, progress: progress)
        return (result, corpus, sa)
    }

    /// The smallest branching entropy a statistical candidate needs on each side, exclusive.
    static let minimumBranching = 0.25
    /// Room for rounding between the quick bound below and ``entropy(_:breaks:)``: a run within it
    /// is measured in full.
    private static let branchingMargin = 1e-9

    /// Whether the suffixes `run` (sharing `length` characters) may have a right entropy above
    /// ``minimumBranching``: suffixes agreeing on one more character are one context, every other
    /// suffix (a different character, or a break) a context of its own. H = ln T − Σ g ln g / T.
    static func mayBranch(rightOf run: Range<Int>, length: Int, sa: SuffixArray) -> Bool {
        var entropy = GroupedEntropy()
        for i in (run.lowerBound + 1)..<run.upperBound { entropy.next(sameGroup: Int(sa.lcp[i]) > length) }
        return entropy.value(total: run.count) > minimumBranching - branchingMargin
    }

    /// Whether the suffixes `run` may have a left entropy above ``minimumBranching``: the
    /// characters before them, a break each a context of its own.
    static func mayBranch(leftOf run: Range<Int>, sa: SuffixArray, text: [UInt32], buffer: inout [UInt32]) -> Bool {
        buffer.removeAll(keepingCapacity: true)
        for k in run {
            let before = text[Int(sa.suffixes[k]) - 1]
            if !MiningCorpus.isSeparator(before) { buffer.append(before) }
        }
        // A run whose suffixes all follow one character has entropy 0.
        if buffer.count == run.count, buffer.allSatisfy({ $0 == buffer[0] }) { return false }
        buffer.sort()
        var entropy = GroupedEntropy()
        for i in buffer.indices.dropFirst() { entropy.next(sameGroup: buffer[i] == buffer[i - 1]) }
        return entropy.value(total: run.count) > minimumBranching - branchingMargin
    }

    /// The entropy of items met in groups, one item at a time, items outside every group (breaks)
    /// each a context of its own: H = ln T − Σ g ln g / T over the groups of g > 1.
    struct GroupedEntropy {
        private var sum = 0.0
        private var group = 1

        /// The next item: in the group of the one before, or starting a new one.
        mutating func next(sameGroup: Bool) {
            if sameGroup {
                group += 1
            } else {
                close()
            }
        }

        private mutating func close() {
            if group > 1 { sum += Double(group) * log(Double(group)) }
            group = 1
        }

        /// The entropy over `total` items (the grouped ones and the rest).
        func value(total: Int) -> Double {
            var last = self
            last.close()
            return log(Double(total)) - last.sum / Double(total)
        }
    }

    /// What the occurrences `range` of a `length`-character n-gram show: neighbours, documents, quotation.
    /// `seenIn[d] == mark` when document `d` was counted for this n-gram: distinct documents
    /// without a set (`mark` is new for each n-gram).
    private func statistics(
        length: Int, range: Range<Int>, sa: SuffixArray, corpus: MiningCorpus, mark: Int32, seenIn: inout [Int32]
    ) -> GramStatistics {
        let text = corpus.text
        var s = GramStatistics(count: range.count)
        for k in range {
            let p = Int(sa.suffixes[k])
            let before = text[p - 1], after = text[p + length]
            if MiningCorpus.isSeparator(before) { s.leftBreaks += 1 } else { s.left[before, default: 0] += 1 }
            if MiningCorpus.isSeparator(after) { s.rightBreaks += 1 } else { s.right[after, default: 0] += 1 }
            if MiningCorpus.opens(before) && MiningCorpus.closes(after) { s.quoted += 1 }
            let document = corpus.document(at: p)
            if seenIn[document] != mark {
                seenIn[document] = mark
                s.documents += 1
            }
        }
        return s
    }

    /// The measures of an n-gram from its raw statistics; `occurrences` counts its parts (one
    /// character or more) in the whole corpus of `characters` Han characters.
    func measure(
        _ scalars: ArraySlice<UInt32>, _ s: GramStatistics, occurrences: (ArraySlice<UInt32>) -> Int, characters: Double
    ) -> PhraseCandidate {
        let length = scalars.count
        let count = s.count
        var cohesion = Double.infinity
        for k in 1..<length {
            let a = occurrences(scalars.prefix(k)), b = occurrences(scalars.suffix(length - k))
            cohesion = min(cohesion, log(Double(count) * characters / (Double(a) * Double(b))))
        }
        // C-value over the candidates one character longer: those extensions seen at least twice.
        let extensions = (s.left.values.filter { $0 >= 2 } + s.right.values.filter { $0 >= 2 })
        let nested = extensions.isEmpty ? 0 : Double(extensions.reduce(0, +)) / Double(extensions.count)
        return PhraseCandidate(
            phrase: "", count: count, documents: s.documents, cohesion: cohesion,
            leftEntropy: Self.entropy(s.left, breaks: s.leftBreaks), rightEntropy: Self.entropy(s.right, breaks: s.rightBreaks),
            cvalue: log2(Double(length)) * (Double(count) - nested), quoted: Double(s.quoted) / Double(count),
            pattern: false, score: 0)
    }

    /// Entropy of the neighbours; each break is a context of its own.
    static func entropy(_ neighbours: [UInt32: Int], breaks: Int) -> Double {
        let total = Double(neighbours.values.reduce(0, +) + breaks)
        guard total > 0 else { return 0 }
        var h = 0.0
        // Summed in sorted order: a dictionary's order changes from run to run, and the floating-point
        // sum with it, which would reorder candidates of equal score.
        for n in neighbours.values.sorted() {
            let p = Double(n) / total
            h -= p * log(p)
        }
        if breaks > 0 { h += Double(breaks) / total * log(total) }
        return h
    }

    /// The combined score:
    ///
    ///     log2(1 + count) × branching × clamp(cohesion / 6, 0, 1) × vocabulary × template
    ///       + 6 × quoted share + 2 × pattern + 4 × known formulation + 2 × numbered formula
    ///
    /// - branching: min(1, min entropy / 2); when the other side branches widely (entropy ≥ 2), a
    ///   fixed neighbour on one side (构建|人类命运共同体) costs at most half: min(1, ½ + min entropy / 4).
    /// - vocabulary: 0.25 for everyday words and names of the general lexicon, else 1.
    /// - template: 1 − max(0, spread − 0.5), for text found in more than half of the documents.
    /// - pattern: a pattern extractor proposed it and it occurs at least min(2, minimumCount) times:
    ///   a single quotation in a large corpus is weak evidence, in one speech it is all there is.
    /// - known formulation: the lexicon lists it as a formulation, organ, title, meeting or campaign.
    /// - numbered formula: it has that shape (三县一城一枢纽), a formulation by its form alone.
    public func score(_ c: PhraseCandidate, minimumCount: Int) -> Double {
        let weak = min(c.leftEntropy, c.rightEntropy), strong = max(c.leftEntropy, c.rightEntropy)
        let branching = strong >= 2 ? min(1, 0.5 + weak / 4) : min(1, weak / 2)
        let cohesive = max(0, min(1, c.cohesion / 6))
        let vocabulary = c.ordinaryWord ? 0.25 : 1
        let template = 1 - max(0, c.spread - 0.5)
        let pattern = c.pattern && c.count >= min(2, minimumCount) ? 2.0 : 0
        let formulation = c.knownFormulation ? 4.0 : c.numbered ? 2.0 : 0
        return log2(1 + Double(c.count)) * branching * cohesive * vocabulary * template + 6 * c.quoted + pattern
            + formulation
    }
}
