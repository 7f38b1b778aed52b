import Foundation

/// The default segmenter: for each Han run, the most probable path through the DAG of lexicon
/// matches (unigram log-probabilities), with numbers, dates, redaction masks and — in coarse
/// mode — numbered formulas recognised by rule.
///
/// ```swift
/// let segmenter = try LexiconSegmenter(lexicon: .bundled(), granularity: .coarse)
/// let tokens = segmenter.tokens(in: "做到“两个维护”")   // 做到 / “ / 两个维护 / ”
/// ```
public struct LexiconSegmenter: SpanSegmenter {
    /// How big the units are.
    public enum Granularity: Sendable {
        /// Words close to the People's Daily (PKU) standard.
        case fine
        /// Set phrases, numbered formulas, organ names and titles whole.
        case coarse
    }

    /// The words the segmenter knows.
    public let lexicon: Lexicon
    /// Whether formulations stay whole (coarse) or are cut into words (fine).
    public let granularity: Granularity
    let normalizer: Normalizer
    /// Scores of spans the rules find, as log-probabilities of a frequent word: a rule's span
    /// beats splitting it into its parts, while the lexicon still decides between rules.
    let formulaScore: Float
    let numeralScore: Float
    let numeralDateScore: Float
    let nameScore: Float
    /// Words above this log-probability (about 3,000 occurrences in the general lexicon) end a chain.
    let commonWordScore: Float
    /// A word must be above this (about 100 occurrences) to end a chain as its last two characters.
    let establishedWordScore: Float

    /// The PKU standard cuts most compounds the general lexicon lists whole (检察 机关, 信息 技术,
    /// 新 世纪) and keeps lexicalized ones (社会主义, 知识产权). The fine mode therefore lowers a
    /// long word's log-probability by this much, so that it stays whole only when it is that much
    /// more likely than its best split (its PMI, in nats): 3 for three characters, 6 for four,
    /// 12 beyond. Idioms and user words are exempt.
    @inline(__always)
    static func fineCompoundPenalty(length: Int) -> Float {
        length < 3 ? 0 : length == 3 ? 3 : length == 4 ? 6 : 12
    }

    /// A segmenter over `lexicon`; `toSimplified` reads Traditional characters as Simplified (the
    /// tokens' ranges still point into the text as given).
    public init(lexicon: Lexicon, granularity: Granularity = .coarse, toSimplified: Bool = false) throws(ICUError) {
        self.lexicon = lexicon
        self.granularity = granularity
        normalizer = try Normalizer(toSimplified: toSimplified)
        let perWord = lexicon.tables.unknownLogProbability - Float(log(0.5))  // log(1 / total)
        formulaScore = perWord + Float(log(20_000.0))
        numeralScore = perWord + Float(log(1_000.0))
        numeralDateScore = perWord + Float(log(10_000.0))
        nameScore = perWord + Float(log(1_000.0))
        commonWordScore = perWord + Float(log(3_000.0))
        establishedWordScore = perWord + Float(log(100.0))

    }

    /// A segmenter over the built-in dictionaries (``Lexicon/bundled(userDictionaries:cache:)``).
    public init(granularity: Granularity = .coarse, toSimplified: Bool = false) throws(LexiconError) {
        let lexicon = try Lexicon.bundled()
        do { try self.init(lexicon: lexicon, granularity: granularity, toSimplified: toSimplified) } catch {
            throw .icu(error)
        }
    }

    func findSpans(
        _ normalized: NormalizedBuffer, into spans: inout RawBuffer<Span>, _ workspace: SegmentationWorkspace
    ) throws(SegmentationError) {
        var dag = workspace.dag
        dag.excluded = workspace.excludeWhole ? 0..<normalized.count : nil
        defer { workspace.dag = dag }
        let s = normalized.scalars.buffer
        let n = s.count
        /// Segments the Han run starting at `start`; returns where it ends.
        func hanRun(from start: Int) -> Int {
            var end = start + 1
            while end < n, isHanRunScalar(s, end) { end += 1 }
            segmentHanRun(s, start..<end, normalized, &dag, &spans)
            return end
        }
        let firstSpan = spans.count
        // Whether digits or letters touch Han text: entries such as 211工程, 中国制造2025 and
        // 5G网络 cross the spans the scanners cut.
        var hasMixedScript = false
        var i = 0
        while i < n {
            let c = s[i]
            switch scalarClass(c) {
            case .whitespace:
                i += 1
            case .han:
                i = hanRun(from: i)
            case .circle where isHanRunScalar(s, i):
                i = hanRun(from: i)
            case .digit:
                let end = scanNumber(s, from: i, &spans)
                hasMixedScript = hasMixedScript || touchesHan(s, i..<end)
                i = end
            case .latin:
                let end = scanLatin(s, from: i, &spans)
                hasMixedScript = hasMixedScript || touchesHan(s, i..<end)
                i = end
            case .maskStar:
                var j = i + 1
                while j < n, s[j] == c { j += 1 }
                spans.append(Span(start: Int32(i), end: Int32(j), kind: .mask))
                i = j
            case .cross, .circle:
                var j = i + 1
                while j < n, s[j] == c { j += 1 }
                spans.append(Span(start: Int32(i), end: Int32(j), kind: j - i >= 2 ? .mask : .symbol))
                i = j
            case .punctuation:
                var j = i + 1
                while j < n, s[j] == c { j += 1 }
                spans.append(Span(start: Int32(i), end: Int32(j), kind: .punctuation))
                i = j
            case .symbol:
                let end = emojiSequenceEnd(s, from: i)
                spans.append(Span(start: Int32(i), end: Int32(end), kind: .symbol))
                i = end
            }
        }
        mergeMaskedDates(s: normalized.scalars, &spans)
        if granularity == .coarse && hasMixedScript { joinMixedScriptEntries(s, &spans, from: firstSpan) }
    }

    /// Han characters, and the circle ○ where it is a zero between Chinese numerals (二○○一年).
    @inline(__always)
    func isHanRunScalar(_ s: UnsafeBufferPointer<UInt32>, _ i: Int) -> Bool {
        let c = s[i]
        if c == 0x25CB {
            // Walk over the circles to see whether a numeral sits on either side.
            var runStart = i
            while runStart > 0, s[runStart - 1] == 0x25CB { runStart -= 1 }
            var runEnd = i
            while runEnd < s.count - 1, s[runEnd + 1] == 0x25CB { runEnd += 1 }
            return (runStart > 0 && isChineseNumeral(s[runStart - 1])) || (runEnd + 1 < s.count && isChineseNumeral(s[runEnd + 1]))
        }
        return isHan(c)
    }

    // MARK: Han runs

    /// How many positions ahead the trie slots are fetched: a whole clause in most runs, and
    /// near enough in long ones that the line is still in the cache when the walk needs it.
    static let prefetchDistance = 48

    /// 和 与 及.
    @inline(__always)
    static func isConjunction(_ c: UInt32) -> Bool { c == 0x548C || c == 0x4E0E || c == 0x53CA }

    /// What a political entry loses where it starts inside a general word: the weight (log 20,
    /// `LexiconBuilder.politicalFrequencyScale`) political text gives it over the general lexicon.
    static let insideGeneralWordPenalty = Float(log(Double(LexiconBuilder.politicalFrequencyScale)))

    /// Builds the DAG of a Han run and emits its most probable path.
    func segmentHanRun(
        _ s: UnsafeBufferPointer<UInt32>, _ run: Range<Int>, _ normalized: NormalizedBuffer,
        _ dag: inout HanRunDAG, _ spans: inout RawBuffer<Span>
    ) {
        let runStart = run.lowerBound, runEnd = run.upperBound
        dag.removeAll()
        dag.runStart = runStart
        let coarse = granularity == .coarse
        let t = lexicon.tables
        let maxLength = t.maxWordLength
        // The fine mode skips the coarse mode's multi-word entries; the coarse mode skips free
        // combinations the general lexicon lists (全面实施, 提高效率; see `LexiconBuilder.freeCompounds`).
        let skipFlags: UInt8 = coarse ? Lexicon.EntryFlags.freeCompound.rawValue : Lexicon.EntryFlags.coarseOnly.rawValue
        let keepWhole = Lexicon.EntryFlags.keepWhole.rawValue
        let coarseOnly = Lexicon.EntryFlags.coarseOnly.rawValue
        let chunked = normalized.hasChunks
        let excludedStart = dag.excluded?.lowerBound ?? -1
        let excludedEnd = dag.excluded?.upperBound ?? -1
        // What the naming grammars need to know of the run, kept in registers while it is built.
        var tagsSeen: UInt8 = 0
        var formulationSeen = false
        var joinSeen = false
        var partyOfSeen = false
        var lawgiverSeen = false
        var parallelSeen = false
        var titleSeen = false
        // The furthest end of a general word (established, common) that started at an earlier position.
        var establishedWordReach = runStart
        var commonWordReach = runStart

        let classes = ChineseCharacters.lookupTable
        // The second steps of the run's first positions are fetched all at once, before the walk:
        // independent fetches overlap, where fetches a few positions ahead mostly waited in line.
        var ahead = runStart
        while ahead + 1 < min(runEnd, runStart + Self.prefetchDistance) {
            t.prefetchSecondStep(s[ahead], s[ahead + 1])
            ahead += 1
        }
        for position in runStart..<runEnd {
            if position + Self.prefetchDistance + 1 < runEnd {
                t.prefetchSecondStep(s[position + Self.prefetchDistance], s[position + Self.prefetchDistance + 1])
            }
            dag.edgeOffset.append(Int32(dag.edges.count))
            if s[position] == 0x515A && position + 1 < runEnd && s[position + 1] == 0x7684 { partyOfSeen = true }  // 党的
            if s[position] == 0x5173 && position > runStart && position + 1 < runEnd && s[position + 1] == 0x4E8E { titleSeen = true }  // 关于
            let first = dag.edges.count
            var hasSingle = false
            var node: Int32 = 0
            var record = t.nodes[0]
            var wordEnd = position
            let limit = min(runEnd, position + maxLength)
            let surname = s[position] < 0x10000 && t.rootNodes[Int(s[position])].flags & Lexicon.EntryFlags.surname.rawValue != 0
            let insideGeneralWord = establishedWordReach > position, insideCommonWord = commonWordReach > position
            while wordEnd < limit {
                (node, record) = t.step(node, record, s[wordEnd])
                if node < 0 { break }
                wordEnd += 1
                if record.isWord, record.flags & skipFlags == 0, !chunked || normalized.isBoundary(wordEnd),
                    coarse || record.flags & keepWhole != 0 || !isAdjectivalPrefixCompound(s, position, wordEnd, tag: record.tag & 0x0F)
                {
                    var score = record.logProbability
                    if !coarse && record.flags & keepWhole == 0 { score -= Self.fineCompoundPenalty(length: wordEnd - position) }
                    // A political entry the general lexicon lacks, starting inside a common word
                    // that itself starts clear of other words, is no candidate (中国|共产党|的, not
                    // 共产|党的中心任务).
                    let political = coarse && record.isWeightedPolitical
                    if wordEnd == excludedEnd && position == excludedStart {
                        // The token whose parts are being found: not itself.
                    } else if political && insideCommonWord {
                        // Inside a common word.
                    } else {
                        let formulation = coarse && isFormulationTag(record.tag)
                        // A formulation the general lexicon barely knows (中办, 10 occurrences) is
                        // still an established word in political text.
                        if formulation && score < establishedWordScore { score = establishedWordScore }
                        // Inside a general word it loses the weight political text gives it
                        // (平稳|增长, not 平|稳增长).
                        if political && insideGeneralWord { score -= Self.insideGeneralWordPenalty }
                        // Only a word that itself starts clear of other words counts (落实|现代化经济体系:
                        // 实现 starts inside 落实).
                        if coarse && record.flags & coarseOnly == 0 && !insideGeneralWord && wordEnd - position >= 2
                            && record.logProbability > establishedWordScore
                        {
                            establishedWordReach = max(establishedWordReach, wordEnd)
                            // 和, 与, 及 are as often the conjunction before a name (法治中国和|平安中国).
                            if record.logProbability > commonWordScore && !Self.isConjunction(s[position]) {
                                commonWordReach = max(commonWordReach, wordEnd)
                            }
                        }
                        dag.append(end: wordEnd, score: score, kind: formulation ? .tifa : .word, tag: record.tag, flags: record.flags)
                        if coarse && wordEnd - position >= 5 && s[position] == 0x4E2D && Lawgiver(s, at: position, runEnd)?.nameLength == wordEnd - position { lawgiverSeen = true }
                        if record.tag >= 0x10 && coarse {
                            dag.markLastEdge(start: position)
                            tagsSeen |= record.tag
                        }
                        if formulation {
                            formulationSeen = true
                            if wordEnd < runEnd, s[wordEnd] == s[position], wordEnd - position <= Self.parallelPartLimit { parallelSeen = true }
                            if wordEnd < runEnd && s[wordEnd] == 0x7684 {  // 的: a 的-join may start here
                                joinSeen = true
                                if record.tag < 0x10 { dag.markLastEdge(start: position) }
                            }
                        }
                    }
                    if wordEnd == position + 1 { hasSingle = true }
                }
                if !record.hasChildren { break }
            }
            if ChineseCharacters.numeral.contains(scalar: s[position], in: classes) { addNumeralEdges(s, position, runStart, runEnd, first: first, normalized, &dag) }
            if s[position] == 0x7B2C, position + 2 < runEnd, ChineseCharacters.numeral.contains(scalar: s[position + 1], in: classes) {  // 第
                addOrdinalEdge(s, position, runEnd, first: first, normalized, &dag)
                if coarse { addTermOrganEdge(s, numberAt: position + 1, runEnd, first: first, normalized, &dag) }
            }
            if coarse {
                if ChineseCharacters.formulaNumeral.contains(scalar: s[position], in: classes) { addFormulaEdges(s, position, runEnd, first: first, normalized, &dag) }
                // Numbers of two or more characters (十三个, 二十四字) or before 届 (八届三中全会).
                if position + 2 < runEnd, ChineseCharacters.numeral.contains(scalar: s[position], in: classes),
                    ChineseCharacters.numeral.contains(scalar: s[position + 1], in: classes) || s[position + 1] == 0x5C4A,
                    position == runStart || !ChineseCharacters.numeral.contains(scalar: s[position - 1], in: classes)
                {
                    addLongNumeralFormulaEdges(s, position, runEnd, first: first, normalized, &dag)
                    addPlenumEdge(s, position, runEnd, first: first, normalized, &dag)
                    addTermOrganEdge(s, numberAt: position, runEnd, first: first, normalized, &dag)
                }
                if position + 3 < runEnd, s[position + 1] == 0x6B21 || s[position + 2] == 0x6B21,  // 次
                    ChineseCharacters.numeral.contains(scalar: s[position], in: classes),
                    position == runStart || !ChineseCharacters.numeral.contains(scalar: s[position - 1], in: classes)
                {
                    addSessionEdge(s, position, runEnd, first: first, normalized, &dag)
                }
                if position + 3 < runEnd, followsPartyName(s, position + 2) {
                    addCongressEdge(s, position, runEnd, first: first, normalized, &dag)
                }
                if surname {
                    let (short, long) = PersonNames.nameEnds(s, at: position, runStart: runStart, end: runEnd)
                    if short > 0 { addEdge(&dag, normalized, from: first, to: short, score: nameScore, kind: .word) }
                    if long > 0 { addEdge(&dag, normalized, from: first, to: long, score: nameScore, kind: .word) }
                }
            }
            // Every position can be left by one character (to the next chunk boundary).
            if !hasSingle {
                var next = position + 1
                if chunked { while next < runEnd, !normalized.isBoundary(next) { next += 1 } }
                if !dag.hasEdge(from: first, to: next) {
                    dag.append(end: next, score: t.unknownLogProbability, kind: .word)
                }
            }
        }
        dag.edgeOffset.append(Int32(dag.edges.count))
        if coarse {
            dag.tagsSeen = tagsSeen
            dag.formulationSeen = formulationSeen
            dag.joinSeen = joinSeen
            dag.partyOfSeen = partyOfSeen
            dag.lawgiverSeen = lawgiverSeen
            dag.parallelSeen = parallelSeen
            dag.titleSeen = titleSeen
            addGrammarEdges(s, runStart, runEnd, normalized, &dag)
        }

        // Best path from each position to the end of the run, by dynamic programming from the right.
        // A choice below zero is grammar edge -(choice + 2).
        let length = runEnd - runStart
        dag.best.resize(length + 1)
        dag.choice.resize(length + 1)
        dag.best[length] = 0
        var grammarEdge = dag.grammarStart.count - 1
        var position = length - 1
        while position >= 0 {
            var bestScore = -Float.infinity
            var bestEnd: Int32 = -1
            var bestEdge: Int32 = -1
            for e in Int(dag.edgeOffset[position])..<Int(dag.edgeOffset[position + 1]) {
                let end = dag.edges[e].end
                let score = dag.edges[e].score + dag.best[Int(end) - runStart]
                if score > bestScore || (score == bestScore && end > bestEnd) {
                    bestScore = score
                    bestEnd = end
                    bestEdge = Int32(e)
                }
            }
            while grammarEdge >= 0 && Int(dag.grammarStart[grammarEdge]) == runStart + position {
                let end = dag.grammarEnd[grammarEdge]
                let score = formulaScore - dag.grammarCost[grammarEdge] + dag.best[Int(end) - runStart]
                if score > bestScore || (score == bestScore && end > bestEnd) {
                    bestScore = score
                    bestEnd = end
                    bestEdge = -Int32(grammarEdge) - 2
                }
                grammarEdge -= 1
            }
            dag.best[position] = bestScore
            dag.choice[position] = bestEdge
            position -= 1
        }
        var wordEnd = runStart
        while wordEnd < runEnd {
            let e = Int(dag.choice[wordEnd - runStart])
            let end = e >= 0 ? Int(dag.edges[e].end) : Int(dag.grammarEnd[-e - 2])
            let kind = e >= 0 ? dag.edgeKind(e) : .tifa
            if coarse {
                spans.append(Span(start: Int32(wordEnd), end: Int32(end), kind: kind))
            } else {
                appendFollowingPKUConventions(s, wordEnd..<end, kind: kind, &spans)
            }
            wordEnd = end
        }
    }

    /// Adds a rule's edge; where the lexicon already has one to the same end (a rare dictionary
    /// word such as 两个中国), the rule's evidence raises it.
    @inline(__always)
    func addEdge(
        _ dag: inout HanRunDAG, _ normalized: NormalizedBuffer, from first: Int, to end: Int, score: Float,
        kind: TokenKind
    ) {
        guard normalized.isBoundary(end) else { return }
        if let excluded = dag.excluded, excluded.upperBound == end, excluded.lowerBound == dag.runStart + dag.edgeOffset.count - 1 {
            return
        }
        var e = first
        while e < dag.edges.count {
            if dag.edges[e].end == Int32(end) {
                if dag.edges[e].score < score {
                    dag.edges[e].score = score
                    dag.setEdgeKind(e, kind)
                }
                return
            }
            e += 1
        }
        dag.append(end: end, score: score, kind: kind)
    }
}
