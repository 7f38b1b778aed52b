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

    public let lexicon: Lexicon
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

    /// A segmenter over the built-in dictionaries.
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
        do {
            let s = normalized.scalars.buffer
            let n = s.count
            var i = 0
            while i < n {
                let c = s[i]
                switch scalarClass(c) {
                case .whitespace:
                    i += 1
                case .han:
                    var j = i + 1
                    while j < n, isHanRunScalar(s, j) { j += 1 }
                    segmentHanRun(s, i..<j, normalized, &dag, &spans)
                    i = j
                case .circle where isHanRunScalar(s, i):
                    var j = i + 1
                    while j < n, isHanRunScalar(s, j) { j += 1 }
                    segmentHanRun(s, i..<j, normalized, &dag, &spans)
                    i = j
                case .digit:
                    i = scanNumber(s, from: i, &spans)
                case .latin:
                    i = scanLatin(s, from: i, &spans)
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
                    spans.append(Span(start: Int32(i), end: Int32(i + 1), kind: .symbol))
                    i += 1
                }
            }
        }
        mergeMaskedDates(s: normalized.scalars, &spans)
    }

    /// Han characters, and the circle ○ where it is a zero between Chinese numerals (二○○一年).
    @inline(__always)
    private func isHanRunScalar(_ s: UnsafeBufferPointer<UInt32>, _ i: Int) -> Bool {
        let c = s[i]
        if c == 0x25CB {
            // Walk over the circles to see whether a numeral sits on either side.
            var a = i
            while a > 0, s[a - 1] == 0x25CB { a -= 1 }
            var b = i
            while b < s.count - 1, s[b + 1] == 0x25CB { b += 1 }
            return (a > 0 && isChineseNumeral(s[a - 1])) || (b + 1 < s.count && isChineseNumeral(s[b + 1]))
        }
        return isHan(c)
    }

    // MARK: Han runs

    /// Builds the DAG of a Han run and emits its most probable path.
    private func segmentHanRun(
        _ s: UnsafeBufferPointer<UInt32>, _ run: Range<Int>, _ normalized: NormalizedBuffer,
        _ w: inout HanRunDAG, _ spans: inout RawBuffer<Span>
    ) {
        let a = run.lowerBound, b = run.upperBound
        w.removeAll()
        w.runStart = a
        let coarse = granularity == .coarse
        let t = lexicon.tables
        let maxLength = t.maxWordLength
        // The fine mode skips the coarse mode's multi-word entries; the coarse mode skips free
        // combinations the general lexicon lists (全面实施, 提高效率; see `LexiconBuilder.freeCompounds`).
        let skipFlags: UInt8 = coarse ? Lexicon.EntryFlags.freeCompound.rawValue : Lexicon.EntryFlags.coarseOnly.rawValue
        let keepWhole = Lexicon.EntryFlags.keepWhole.rawValue
        let chunked = normalized.hasChunks
        let excludedStart = w.excluded?.lowerBound ?? -1
        let excludedEnd = w.excluded?.upperBound ?? -1
        // What the naming grammars need to know of the run, kept in registers while it is built.
        var tagsSeen: UInt8 = 0
        var formulationSeen = false
        var joinSeen = false
        var partyOfSeen = false

        for p in a..<b {
            w.edgeOffset.append(Int32(w.edgeEnd.count))
            if s[p] == 0x515A && p + 1 < b && s[p + 1] == 0x7684 { partyOfSeen = true }  // 党的
            let first = w.edgeEnd.count
            var hasSingle = false
            var node: Int32 = 0
            var record = t.nodes[0]
            var q = p
            let limit = min(b, p + maxLength)
            let surname = s[p] < 0x10000 && t.rootNodes[Int(s[p])].flags & Lexicon.EntryFlags.surname.rawValue != 0
            while q < limit {
                (node, record) = t.step(node, record, s[q])
                if node < 0 { break }
                q += 1
                if record.entry >= 0, record.flags & skipFlags == 0, !chunked || normalized.isBoundary(q),
                    coarse || record.flags & keepWhole != 0 || !isAdjectivalPrefixCompound(s, p, q, tag: record.tag & 0x0F)
                {
                    var score = record.logProbability
                    if !coarse && record.flags & keepWhole == 0 { score -= Self.fineCompoundPenalty(length: q - p) }
                    if q == excludedEnd && p == excludedStart {
                        // The token whose parts are being found: not itself.
                    } else {
                        let formulation = coarse && isFormulationTag(record.tag)
                        w.append(end: q, score: score, kind: formulation ? .tifa : .word, tag: record.tag, flags: record.flags)
                        if record.tag >= 0x10 && coarse {
                            w.markLastEdge(start: p)
                            tagsSeen |= record.tag
                        }
                        if formulation {
                            formulationSeen = true
                            if q < b && s[q] == 0x7684 {  // 的: a 的-join may start here
                                joinSeen = true
                                if record.tag < 0x10 { w.markLastEdge(start: p) }
                            }
                        }
                    }
                    if q == p + 1 { hasSingle = true }
                }
                if record.childCount == 0 { break }
            }
            if isChineseNumeral(s[p]) { addNumeralEdges(s, p, a, b, first: first, normalized, &w) }
            if s[p] == 0x7B2C, p + 2 < b, isChineseNumeral(s[p + 1]) { addOrdinalEdge(s, p, b, first: first, normalized, &w) }
            if coarse {
                if isFormulaNumeral(s[p]) { addFormulaEdges(s, p, b, first: first, normalized, &w) }
                // Numbers of two or more characters (十三个, 二十四字) or before 届 (八届三中全会).
                if p + 2 < b, isChineseNumeral(s[p]), isChineseNumeral(s[p + 1]) || s[p + 1] == 0x5C4A,
                    p == a || !isChineseNumeral(s[p - 1])
                {
                    addLongNumeralFormulaEdges(s, p, b, first: first, normalized, &w)
                    addPlenumEdge(s, p, b, first: first, normalized, &w)
                }
                if p + 3 < b, followsPartyName(s, p + 2) {
                    addCongressEdge(s, p, b, first: first, normalized, &w)
                }
                if surname {
                    let (short, long) = PersonNames.nameEnds(s, at: p, runStart: a, end: b)
                    if short > 0 { addEdge(&w, normalized, from: first, to: short, score: nameScore, kind: .word) }
                    if long > 0 { addEdge(&w, normalized, from: first, to: long, score: nameScore, kind: .word) }
                }
            }
            // Every position can be left by one character (to the next chunk boundary).
            if !hasSingle {
                var next = p + 1
                if chunked { while next < b, !normalized.isBoundary(next) { next += 1 } }
                if !w.hasEdge(from: first, to: next) {
                    w.append(end: next, score: t.unknownLogProbability, kind: .word)
                }
            }
        }
        w.edgeOffset.append(Int32(w.edgeEnd.count))
        if coarse {
            w.tagsSeen = tagsSeen
            w.formulationSeen = formulationSeen
            w.joinSeen = joinSeen
            w.partyOfSeen = partyOfSeen
            addGrammarEdges(s, a, b, normalized, &w)
        }

        // Best path from each position to the end of the run, by dynamic programming from the right.
        // A choice below zero is grammar edge -(choice + 2).
        let length = b - a
        w.best.resize(length + 1)
        w.choice.resize(length + 1)
        w.best[length] = 0
        var grammarEdge = w.grammarStart.count - 1
        var p = length - 1
        while p >= 0 {
            var bestScore = -Float.infinity
            var bestEnd: Int32 = -1
            var bestEdge: Int32 = -1
            for e in Int(w.edgeOffset[p])..<Int(w.edgeOffset[p + 1]) {
                let end = w.edgeEnd[e]
                let score = w.edgeScore[e] + w.best[Int(end) - a]
                if score > bestScore || (score == bestScore && end > bestEnd) {
                    bestScore = score
                    bestEnd = end
                    bestEdge = Int32(e)
                }
            }
            while grammarEdge >= 0 && Int(w.grammarStart[grammarEdge]) == a + p {
                let end = w.grammarEnd[grammarEdge]
                let score = formulaScore - w.grammarCost[grammarEdge] + w.best[Int(end) - a]
                if score > bestScore || (score == bestScore && end > bestEnd) {
                    bestScore = score
                    bestEnd = end
                    bestEdge = -Int32(grammarEdge) - 2
                }
                grammarEdge -= 1
            }
            w.best[p] = bestScore
            w.choice[p] = bestEdge
            p -= 1
        }
        var q = a
        while q < b {
            let e = Int(w.choice[q - a])
            let end = e >= 0 ? Int(w.edgeEnd[e]) : Int(w.grammarEnd[-e - 2])
            let kind = e >= 0 ? w.edgeKind(e) : .tifa
            if coarse {
                spans.append(Span(start: Int32(q), end: Int32(end), kind: kind))
            } else {
                appendFollowingPKUConventions(s, q..<end, kind: kind, &spans)
            }
            q = end
        }
    }

    /// Adds a rule's edge; where the lexicon already has one to the same end (a rare dictionary
    /// word such as 两个中国), the rule's evidence raises it.
    @inline(__always)
    private func addEdge(
        _ w: inout HanRunDAG, _ normalized: NormalizedBuffer, from first: Int, to end: Int, score: Float,
        kind: TokenKind
    ) {
        guard normalized.isBoundary(end) else { return }
        if let excluded = w.excluded, excluded.upperBound == end, excluded.lowerBound == w.runStart + w.edgeOffset.count - 1 {
            return
        }
        var e = first
        while e < w.edgeEnd.count {
            if w.edgeEnd[e] == Int32(end) {
                if w.edgeScore[e] < score {
                    w.edgeScore[e] = score
                    w.setEdgeKind(e, kind)
                }
                return
            }
            e += 1
        }
        w.append(end: end, score: score, kind: kind)
    }

    /// Chinese numerals: every well-formed number the run starts with (三十五, 二○○一, 一百二十), alone
    /// and with a date unit (二○○一年, 十二月). An ill-formed run (十四五一) is no number: its parts are
    /// left to the lexicon.
    private func addNumeralEdges(
        _ s: UnsafeBufferPointer<UInt32>, _ p: Int, _ a: Int, _ b: Int, first: Int,
        _ normalized: NormalizedBuffer, _ w: inout HanRunDAG
    ) {
        guard p == a || !isChineseNumeral(s[p - 1]) else { return }
        let end = numeralRunEnd(s, from: p + 1, b)
        for q in stride(from: end, to: p, by: -1) where isWellFormedNumber(s, p..<q) {
            if q < b, isDateUnit(s[q]) {
                addEdge(&w, normalized, from: first, to: q + 1, score: numeralDateScore, kind: .number)
            }
            if q - p >= 2 {
                addEdge(&w, normalized, from: first, to: q, score: numeralScore, kind: .number)
            }
        }
    }

    /// 第 and the longest well-formed Chinese number after it: an ordinal (第三十二), one token.
    private func addOrdinalEdge(
        _ s: UnsafeBufferPointer<UInt32>, _ p: Int, _ b: Int, first: Int, _ normalized: NormalizedBuffer,
        _ w: inout HanRunDAG
    ) {
        let end = numeralRunEnd(s, from: p + 1, b)
        guard end - p > 2 else { return }
        for q in stride(from: end, to: p + 2, by: -1) where isWellFormedNumber(s, (p + 1)..<q) {
            addEdge(&w, normalized, from: first, to: q, score: numeralScore, kind: .number)
            return
        }
    }

    // MARK: Numbered formulas

    /// `数词+量词+X` (两个维护, 八项规定, 四大班子) and chains of `数词+X` (三严三实, 一岗双责,
    /// 三县一城一枢纽), the shapes Party documents coin formulations in.
    private func addFormulaEdges(
        _ s: UnsafeBufferPointer<UInt32>, _ p: Int, _ b: Int, first: Int, _ normalized: NormalizedBuffer,
        _ w: inout HanRunDAG
    ) {
        guard isFormulaNumeral(s[p]), p + 2 < b else { return }
        // 数词 + 量词 + a content word of 2–4 characters that is not negated (九条不动 is no formula), no
        // adjective (十八大|很重) and no governing verb (十条|取得).
        if isFormulaMeasure(s[p + 1]), !(s[p] == 0x4E00 && s[p + 1] == 0x4E2A),  // not 一个
            !(s[p + 1] == 0x5927 && followsPartyName(s, p)),  // 党的十大 is a congress
            s[p + 2] != 0x4E0D, s[p + 2] != 0x6CA1, s[p + 2] != 0x672A  // 不 没 未
        {
            var node: Int32 = 0
            var q = p + 2
            while q < b && q - (p + 2) < 4 {
                node = lexicon.child(of: node, s[q])
                if node < 0 { break }
                q += 1
                let record = lexicon.tables.nodes[Int(node)]
                if record.entry >= 0, q - (p + 2) >= 2, record.flags & Lexicon.EntryFlags.content.rawValue != 0,
                    record.flags & (Lexicon.EntryFlags.adjective.rawValue | Lexicon.EntryFlags.governing.rawValue) == 0
                {
                    addEdge(&w, normalized, from: first, to: q, score: formulaScore, kind: .tifa)
                }
            }
        }
        // Chains: every pair is a numeral and one character, the last pair may end in a word. A pair
        // that is a common word of its own (一起, 一定, 一些) is not part of a chain: it ends one
        // that already has two pairs, and cancels a shorter one.
        var pos = p
        var pairs = 0
        while pos + 1 < b, isFormulaNumeral(s[pos]), isHan(s[pos + 1]), !isChineseNumeral(s[pos + 1]),
            !isCountingWord(s[pos + 1])
        {
            if pos > p, isCommonWord(s, pos..<(pos + 2)) {
                if pairs >= 2 { addEdge(&w, normalized, from: first, to: pos, score: formulaScore, kind: .tifa) }
                return
            }
            if pos + 2 < b, isFormulaNumeral(s[pos + 2]), pos + 3 < b, !isChineseNumeral(s[pos + 3]) {
                pairs += 1
                pos += 2
                continue
            }
            guard pairs >= 1 else { return }
            addEdge(&w, normalized, from: first, to: pos + 2, score: formulaScore, kind: .tifa)
            if pos + 2 < b, isHan(s[pos + 2]), !isChineseNumeral(s[pos + 2]),
                let node = lexiconNode(s, pos + 1..<pos + 3),
                lexicon.tables.nodes[node].flags & Lexicon.EntryFlags.content.rawValue != 0,
                lexicon.tables.nodes[node].logProbability > establishedWordScore
            {
                addEdge(&w, normalized, from: first, to: pos + 3, score: formulaScore, kind: .tifa)
            }
            return
        }
    }

    /// A number of several characters, a measure word and a content word (no adjective, no
    /// governing verb: 十条|取得) of two to four characters, or 方面 and one: 十三个方面成就,
    /// 二十四字方针, 一百项措施.
    @inline(never)
    private func addLongNumeralFormulaEdges(
        _ s: UnsafeBufferPointer<UInt32>, _ p: Int, _ b: Int, first: Int, _ normalized: NormalizedBuffer,
        _ w: inout HanRunDAG
    ) {
        let end = numeralRunEnd(s, from: p, b)
        guard end - p >= 2, end < b, isFormulaMeasure(s[end]) else { return }
        // 党的二十大|胜利: after 党的 or 中共, a number and 大 name a congress, not a formula.
        if s[end] == 0x5927, followsPartyName(s, p) { return }
        var m = end
        while m > p + 1, !isWellFormedNumber(s, p..<m) { m -= 1 }
        guard m == end, isWellFormedNumber(s, p..<m) else { return }
        let contentStart = m + 1
        guard contentStart < b, s[contentStart] != 0x4E0D, s[contentStart] != 0x6CA1, s[contentStart] != 0x672A else {
            return
        }
        for firstEnd in contentWordEnds(s, from: contentStart, b) {
            addEdge(&w, normalized, from: first, to: firstEnd, score: formulaScore, kind: .tifa)
            // 方面 and the word it counts: 十三个方面成就.
            if firstEnd - contentStart == 2, s[contentStart] == 0x65B9, s[contentStart + 1] == 0x9762 {
                for secondEnd in contentWordEnds(s, from: firstEnd, b) where secondEnd - firstEnd == 2 {
                    addEdge(&w, normalized, from: first, to: secondEnd, score: formulaScore, kind: .tifa)
                }
            }
        }
    }

    /// A plenum by its numbers: 十八届四中全会, 二十届三中全会 (届, a numeral, 中全会).
    @inline(never)
    private func addPlenumEdge(
        _ s: UnsafeBufferPointer<UInt32>, _ p: Int, _ b: Int, first: Int, _ normalized: NormalizedBuffer,
        _ w: inout HanRunDAG
    ) {
        let q = numeralRunEnd(s, from: p, b)
        guard q < b, s[q] == 0x5C4A, isWellFormedNumber(s, p..<q) else { return }  // 届
        let r = numeralRunEnd(s, from: q + 1, b)
        guard r > q + 1, r + 3 <= b, s[r] == 0x4E2D, s[r + 1] == 0x5168, s[r + 2] == 0x4F1A else { return }  // 中全会
        addEdge(&w, normalized, from: first, to: r + 3, score: formulaScore, kind: .tifa)
    }

    /// A Party congress by its number after 党的 or 中共: 党的十八大, 中共二十大; with a plenum
    /// (党的十一届三中全会) the 的-join of the naming grammars applies.
    @inline(never)
    private func addCongressEdge(
        _ s: UnsafeBufferPointer<UInt32>, _ p: Int, _ b: Int, first: Int, _ normalized: NormalizedBuffer,
        _ w: inout HanRunDAG
    ) {
        let q = numeralRunEnd(s, from: p + 2, b)
        guard q > p + 2, q - (p + 2) <= 3, q < b, s[q] == 0x5927, isWellFormedNumber(s, (p + 2)..<q) else { return }  // 大
        addEdge(&w, normalized, from: first, to: q + 1, score: formulaScore, kind: .tifa)
    }

    /// Where the content words of two to four characters starting at `start` end.
    private func contentWordEnds(_ s: UnsafeBufferPointer<UInt32>, from start: Int, _ b: Int) -> [Int] {
        var ends: [Int] = []
        var node: Int32 = 0
        var q = start
        while q < b && q - start < 4 {
            node = lexicon.child(of: node, s[q])
            if node < 0 { break }
            q += 1
            let record = lexicon.tables.nodes[Int(node)]
            if record.entry >= 0, q - start >= 2, record.flags & Lexicon.EntryFlags.content.rawValue != 0,
                record.flags & (Lexicon.EntryFlags.adjective.rawValue | Lexicon.EntryFlags.governing.rawValue) == 0
            {
                ends.append(q)
            }
        }
        return ends
    }

    /// Where the run of Chinese numerals starting at `start` ends (at most `b`).
    @inline(__always)
    func numeralRunEnd(_ s: UnsafeBufferPointer<UInt32>, from start: Int, _ b: Int) -> Int {
        var end = start
        while end < b, isChineseNumeral(s[end]) { end += 1 }
        return end
    }

    /// Whether 党的 or 中共 stands right before `p`.
    @inline(__always)
    func followsPartyName(_ s: UnsafeBufferPointer<UInt32>, _ p: Int) -> Bool {
        p >= 2 && ((s[p - 2] == 0x515A && s[p - 1] == 0x7684) || (s[p - 2] == 0x4E2D && s[p - 1] == 0x5171))
    }

    /// Whether `s[range]` is a word frequent enough to stand on its own rather than in a chain.
    private func isCommonWord(_ s: UnsafeBufferPointer<UInt32>, _ range: Range<Int>) -> Bool {
        guard let node = lexiconNode(s, range) else { return false }
        return lexicon.tables.nodes[node].logProbability > commonWordScore
    }

    /// The trie node of the lexicon word `s[range]`, or nil when it is not a word.
    func lexiconNode(_ s: UnsafeBufferPointer<UInt32>, _ range: Range<Int>) -> Int? {
        var node: Int32 = 0
        for q in range {
            node = lexicon.child(of: node, s[q])
            if node < 0 { return nil }
        }
        return lexicon.tables.nodes[Int(node)].entry >= 0 ? Int(node) : nil
    }

    // MARK: Digits and Latin

    /// Digits with decimal and grouping separators, a percent sign, a Chinese multiplier
    /// (万, 亿) and a date or time unit: 3.5%, 1,000, 10万, 2022年.
    private func scanNumber(_ s: UnsafeBufferPointer<UInt32>, from i: Int, _ spans: inout RawBuffer<Span>) -> Int {
        let n = s.count
        var j = i
        while j < n {
            if isDigit(s[j]) { j += 1; continue }
            if (s[j] == 0x2E || s[j] == 0x2C), j + 1 < n, isDigit(s[j + 1]), j > i { j += 1; continue }
            break
        }
        if j < n, scalarClass(s[j]) == .latin {
            return scanLatin(s, from: i, &spans)
        }
        if j < n, s[j] == 0x25 || s[j] == 0x2030 {  // % ‰
            j += 1
        } else {
            if j < n, s[j] == 0x4E07 { j += 1 }  // 万
            if j < n, s[j] == 0x4EBF { j += 1 }  // 亿
            // A date unit belongs to its number (12月, 2024年); the PKU standard, which the fine
            // mode follows, writes a count of years apart (10 年).
            if j < n, isDateUnit(s[j]), granularity == .coarse || s[j] != 0x5E74 || namesYear(s, i..<j) { j += 1 }
        }
        spans.append(Span(start: Int32(i), end: Int32(j), kind: .number))
        return j
    }

    /// Whether digits before 年 name a year (four digits, or two: 98年) rather than count years.
    private func namesYear(_ s: UnsafeBufferPointer<UInt32>, _ digits: Range<Int>) -> Bool {
        digits.count == 4 || digits.count == 2 && s[digits.lowerBound] >= 0x35  // 50年 … 99年
    }

    /// Letters and digits with inner joiners: COVID-19, G20, U.S., AT&T. A run made only of
    /// X or x (XX同志) is a redaction mask.
    private func scanLatin(_ s: UnsafeBufferPointer<UInt32>, from i: Int, _ spans: inout RawBuffer<Span>) -> Int {
        let n = s.count
        var j = i
        while j < n {
            let cls = scalarClass(s[j])
            if cls == .latin || cls == .digit { j += 1; continue }
            if isLatinJoiner(s[j]), j + 1 < n, j > i, case let next = scalarClass(s[j + 1]), next == .latin || next == .digit
            {
                j += 1
                continue
            }
            break
        }
        var allX = true
        for k in i..<j where s[k] != 0x58 && s[k] != 0x78 { allX = false; break }
        spans.append(Span(start: Int32(i), end: Int32(j), kind: allX && j - i >= 2 ? .mask : .latin))
        return j
    }

    // MARK: Masks

    /// `*月**日`: a mask followed by a date unit, and the numbers or masks and units chained to
    /// it, are one mask. Compacts `spans` in place.
    private func mergeMaskedDates(s: RawBuffer<UInt32>, _ spans: inout RawBuffer<Span>) {
        var hasMask = false
        for k in 0..<spans.count where spans[k].kind == .mask { hasMask = true; break }
        guard hasMask else { return }
        func isUnit(_ span: Span) -> Bool {
            span.end - span.start == 1 && isDateUnit(s[Int(span.start)]) && span.kind == .word
        }
        let n = spans.count
        var out = 0
        var k = 0
        while k < n {
            var span = spans[k]
            if span.kind == .mask, k + 1 < n, spans[k + 1].start == span.end, isUnit(spans[k + 1]) {
                span.end = spans[k + 1].end
                k += 2
                while k + 1 < n, spans[k].start == span.end, spans[k].kind == .mask || spans[k].kind == .number,
                    spans[k + 1].start == spans[k].end, isUnit(spans[k + 1])
                {
                    span.end = spans[k + 1].end
                    k += 2
                }
                if out > 0, case let last = spans[out - 1], last.kind == .number, last.end == span.start,
                    isDateUnit(s[Int(last.end) - 1])
                {
                    span.start = last.start
                    out -= 1
                }
                spans[out] = span
                out += 1
                continue
            }
            spans[out] = span
            out += 1
            k += 1
        }
        spans.resize(out)
    }
}


/// - . ' & _ between letters or digits: COVID-19, U.S., AT&T.
@inline(__always)
func isLatinJoiner(_ c: UInt32) -> Bool { c == 0x2D || c == 0x2E || c == 0x27 || c == 0x26 || c == 0x5F }

@inline(__always)
func isDigit(_ c: UInt32) -> Bool { c >= 0x30 && c <= 0x39 }

/// 年 月 日 号
@inline(__always)
func isDateUnit(_ c: UInt32) -> Bool { c == 0x5E74 || c == 0x6708 || c == 0x65E5 || c == 0x53F7 }

/// Numerals that start numbered formulas: 一二两三四五六七八九十百千双.
@inline(__always)
package func isFormulaNumeral(_ c: UInt32) -> Bool {
    switch c {
    case 0x4E00, 0x4E8C, 0x4E24, 0x4E09, 0x56DB, 0x4E94, 0x516D, 0x4E03, 0x516B, 0x4E5D, 0x5341, 0x767E, 0x5343, 0x53CC:
        return true
    default:
        return false
    }
}

/// Measure words of numbered formulas: 个 项 条 件 大 种 类 点 支 张 位 字.
@inline(__always)
func isFormulaMeasure(_ c: UInt32) -> Bool {
    switch c {
    case 0x4E2A, 0x9879, 0x6761, 0x4EF6, 0x5927, 0x79CD, 0x7C7B, 0x70B9, 0x652F, 0x5F20, 0x4F4D, 0x5B57:
        return true
    default:
        return false
    }
}

#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Time and counting words that make numeral pairs ordinary quantities (一年一度, 三次一), and
/// negations, which start a new phrase (一对一不动摇): 年 月 日 天 次 个 些 点 时 周 季 号 位 种 期 岁 不 没 未.
@inline(__always)
func isCountingWord(_ c: UInt32) -> Bool {
    switch c {
    case 0x5E74, 0x6708, 0x65E5, 0x5929, 0x6B21, 0x4E2A, 0x4E9B, 0x70B9, 0x65F6, 0x5468, 0x5B63, 0x53F7, 0x4F4D,
         0x79CD, 0x671F, 0x5C81, 0x4E0D, 0x6CA1, 0x672A:  // … and the negations 不 没 未
        return true
    default:
        return false
    }
}

/// A well-formed Chinese number: digit by digit (二○○一, 一九九七) or positional, with 十 百 千 after
/// a digit in falling order inside each 万/亿 group (三十五, 一百二十, 两千零八, 十二).
func isWellFormedNumber(_ s: UnsafeBufferPointer<UInt32>, _ range: Range<Int>) -> Bool {
    func digit(_ c: UInt32) -> Bool {
        switch c {
        case 0x3007, 0x25CB, 0x96F6, 0x4E00, 0x4E8C, 0x4E09, 0x56DB, 0x4E94, 0x516D, 0x4E03, 0x516B, 0x4E5D, 0x4E24: return true
        default: return false
        }
    }
    func multiplier(_ c: UInt32) -> Int {
        switch c {
        case 0x5341: return 10  // 十
        case 0x767E: return 100  // 百
        case 0x5343: return 1000  // 千
        case 0x4E07: return 10_000  // 万
        case 0x4EBF: return 100_000_000  // 亿
        default: return 0
        }
    }
    if range.allSatisfy({ digit(s[$0]) }) {
        // Digit by digit is how years are written: four digits, or a zero among them.
        return range.count >= 4 || range.contains { [0x3007, 0x25CB, 0x96F6].contains(s[$0]) }
    }
    var groupLimit = Int.max  // the next 十/百/千 must be below this within the group
    var bigLimit = Int.max  // the next 万/亿 must be below this
    var previousWasDigit = false
    for i in range {
        let c = s[i]
        let m = multiplier(c)
        if m == 0 {
            // Two digits in a row only as 零 + digit (一百零五).
            if previousWasDigit && s[i - 1] != 0x96F6 && c != 0x96F6 { return false }
            previousWasDigit = true
            continue
        }
        if m >= 10_000 {
            guard m < bigLimit else { return false }
            bigLimit = m
            groupLimit = Int.max
        } else {
            guard m < groupLimit else { return false }
            groupLimit = m
        }
        previousWasDigit = false
    }
    return true
}

/// 〇 ○ 零
@inline(__always)
func isZero(_ c: UInt32) -> Bool { c == 0x3007 || c == 0x25CB || c == 0x96F6 }

/// Measure and time words written apart from a small number in the PKU standard:
/// 年 个 次 位 天 种 条 项 批 名 届 件 场 家 座 所 支 张 台 辆 份 篇 部 本 句 层 倍 周 岁 户.
@inline(__always)
func isMeasureWord(_ c: UInt32) -> Bool {
    switch c {
    case 0x5E74, 0x4E2A, 0x6B21, 0x4F4D, 0x5929, 0x79CD, 0x6761, 0x9879, 0x6279, 0x540D, 0x5C4A, 0x4EF6, 0x573A,
         0x5BB6, 0x5EA7, 0x6240, 0x652F, 0x5F20, 0x53F0, 0x8F86, 0x4EFD, 0x7BC7, 0x90E8, 0x672C, 0x53E5, 0x5C42,
         0x500D, 0x5468, 0x5C81, 0x6237:
        return true
    default:
        return false
    }
}
