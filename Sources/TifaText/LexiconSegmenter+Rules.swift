import Foundation

extension LexiconSegmenter {
    /// Chinese numerals: every well-formed number the run starts with (三十五, 二○○一, 一百二十), alone
    /// and with a date unit (二○○一年, 十二月). An ill-formed run (十四五一) is no number: its parts are
    /// left to the lexicon.
    func addNumeralEdges(
        _ s: UnsafeBufferPointer<UInt32>, _ position: Int, _ runStart: Int, _ runEnd: Int, first: Int,
        _ normalized: NormalizedBuffer, _ dag: inout HanRunDAG
    ) {
        guard position == runStart || !isChineseNumeral(s[position - 1]) else { return }
        let end = numeralRunEnd(s, from: position + 1, runEnd)
        for wordEnd in stride(from: end, to: position, by: -1) where isWellFormedNumber(s, position..<wordEnd) {
            if wordEnd < runEnd, ChineseCharacters.dateUnit.contains(scalar: s[wordEnd]) {
                addEdge(&dag, normalized, from: first, to: wordEnd + 1, score: numeralDateScore, kind: .number)
                let unitEnd = dateUnitEnd(s, at: wordEnd, runEnd)
                if unitEnd > wordEnd + 1 { addEdge(&dag, normalized, from: first, to: unitEnd, score: numeralDateScore, kind: .number) }
            }
            if wordEnd - position >= 2 {
                addEdge(&dag, normalized, from: first, to: wordEnd, score: numeralScore, kind: .number)
            }
        }
        // Only the whole run of numerals can be followed by a measure word; a single numeral counts too.
        if granularity == .coarse, countsMeasureWordCompound(s, numberEnd: end, runEnd),
            end == position + 1 || isWellFormedNumber(s, position..<end)
        {
            addEdge(&dag, normalized, from: first, to: end + 1, score: numeralScore, kind: .word)
        }
    }

    /// Whether a measure word follows the number ending at `numberEnd` and starts a word the
    /// general lexicon holds with the noun it counts (架飞机, 份文件): the number takes its measure
    /// word instead (四架|飞机, 八份|文件, not 四|架飞机).
    private func countsMeasureWordCompound(_ s: UnsafeBufferPointer<UInt32>, numberEnd: Int, _ runEnd: Int) -> Bool {
        guard numberEnd + 3 <= runEnd, ChineseCharacters.measureWord.contains(scalar: s[numberEnd]) else { return false }
        return lexiconNode(s, numberEnd..<(numberEnd + 3)) != nil
    }

    /// 第 and the longest well-formed Chinese number after it: an ordinal (第三十二), one token.
    func addOrdinalEdge(
        _ s: UnsafeBufferPointer<UInt32>, _ position: Int, _ runEnd: Int, first: Int, _ normalized: NormalizedBuffer,
        _ dag: inout HanRunDAG
    ) {
        let end = numeralRunEnd(s, from: position + 1, runEnd)
        guard end - position > 2 else { return }
        for wordEnd in stride(from: end, to: position + 2, by: -1) where isWellFormedNumber(s, (position + 1)..<wordEnd) {
            addEdge(&dag, normalized, from: first, to: wordEnd, score: numeralScore, kind: .number)
            return
        }
    }

    // MARK: Numbered formulas

    /// `数词+量词+X` (两个维护, 八项规定, 四大班子) and chains of `数词+X` (三严三实, 一岗双责,
    /// 三县一城一枢纽), the shapes Party documents coin formulations in.
    func addFormulaEdges(
        _ s: UnsafeBufferPointer<UInt32>, _ position: Int, _ runEnd: Int, first: Int, _ normalized: NormalizedBuffer,
        _ dag: inout HanRunDAG
    ) {
        // The last numeral of a longer number starts nothing (十|三个确保): the rule for long
        // numerals reads the whole number.
        guard isFormulaNumeral(s[position]), position + 2 < runEnd, position == dag.runStart || !isChineseNumeral(s[position - 1]),
            !crossesKnownFormulation(position, dag), !followsOrdinalMark(s, position)
        else { return }
        // 数词 + 量词 + a content word of 2–4 characters that is not negated (九条不动 is no formula), no
        // adjective (十八大|很重), no governing verb (十条|取得) and no word counted by any number
        // (五个|方面, 三项|措施); not the second pair of a chain (三重|一大 in 三重一大落到实处).
        if ChineseCharacters.formulaMeasure.contains(scalar: s[position + 1]), !(s[position] == 0x4E00 && s[position + 1] == 0x4E2A),  // not 一个
            !continuesChain(s, position),
            !(s[position + 1] == 0x5927 && followsPartyName(s, position)),  // 党的十大 is a congress
            !ChineseCharacters.negation.contains(scalar: s[position + 2])
        {
            // After 个 a governing verb counts too: 两个确保, 四个坚持 (十条|取得 stays apart).
            let lengths = contentWordLengths(s, from: position + 2, runEnd, counted: false, governing: s[position + 1] == 0x4E2A)
            for length in 2...4 where lengths & (1 << length) != 0 {
                addEdge(&dag, normalized, from: first, to: position + 2 + length, score: formulaScore, kind: .tifa)
            }
        }
        // Chains: every pair is a numeral and one character, the last pair may end in a word. A pair
        // that is a common word of its own (一起, 一定, 一些) is not part of a chain: it ends one
        // that already has two pairs, and cancels a shorter one. None starts inside a common word
        // (进|一步一项: 进一步 holds the first pair).
        if commonWordCrosses(into: position, dag) { return }
        var pos = position
        var pairs = 0
        while pos + 1 < runEnd, isFormulaNumeral(s[pos]), isHan(s[pos + 1]), !isChineseNumeral(s[pos + 1]),
            !ChineseCharacters.countingWord.contains(scalar: s[pos + 1])
        {
            if pos > position, isCommonWord(s, pos..<(pos + 2)) {
                if pairs >= 2 { addEdge(&dag, normalized, from: first, to: pos, score: formulaScore, kind: .tifa) }
                return
            }
            if pos + 2 < runEnd, isFormulaNumeral(s[pos + 2]), pos + 3 < runEnd, !isChineseNumeral(s[pos + 3]) {
                pairs += 1
                pos += 2
                // Longer than any formula (三县一城一枢纽 has three pairs): a repetition, not a name;
                // stopping here also keeps a line of repetitions linear.
                if pairs > Self.maximumChainPairs { return }
                continue
            }
            guard pairs >= 1 else { return }
            addEdge(&dag, normalized, from: first, to: pos + 2, score: formulaScore, kind: .tifa)
            // The last pair may end in a word (一枢纽), unless its last character is a function
            // character (五讲四美|的) or starts a common word (一国两制|取得).
            if pos + 2 < runEnd, isHan(s[pos + 2]), !isChineseNumeral(s[pos + 2]),
                !ChineseCharacters.nonNameCharacter.contains(scalar: s[pos + 2]),
                !(pos + 3 < runEnd && isCommonWord(s, pos + 2..<pos + 4)),
                let node = lexiconNode(s, pos + 1..<pos + 3),
                lexicon.tables.nodes[node].flags & Lexicon.EntryFlags.content.rawValue != 0,
                lexicon.tables.nodes[node].logProbability > establishedWordScore
            {
                addEdge(&dag, normalized, from: first, to: pos + 3, score: formulaScore, kind: .tifa)
            }
            return
        }
    }

    /// Whether a formulation — one the lexicon knows, or a formula a rule found at an earlier
    /// position — starts before `position` and ends after it: a numbered formula starting inside it
    /// would be a guess across a name already found (大气|十条落到实处 against 大气十条|落到实处).
    @inline(__always)
    func crossesKnownFormulation(_ position: Int, _ dag: HanRunDAG) -> Bool {
        let runStart = dag.runStart
        var q = position - 1
        while q >= runStart && q >= position - Self.crossingLookBehind {
            for e in Int(dag.edgeOffset[q - runStart])..<Int(dag.edgeOffset[q - runStart + 1])
            where dag.edges[e].end > Int32(position) && dag.edgeKind(e) == .tifa {
                return true
            }
            q -= 1
        }
        return false
    }

    /// The length of the first of `words` written at `position` (list a word before those it begins
    /// with), or nil.
    static func firstWritten(_ words: [[UInt32]], in s: UnsafeBufferPointer<UInt32>, at position: Int, _ runEnd: Int) -> Int? {
        for word in words where position + word.count <= runEnd {
            var k = 0
            while k < word.count && s[position + k] == word[k] { k += 1 }
            if k == word.count { return k }
        }
        return nil
    }

    /// Whether a common word of the general lexicon starts right before `position` and ends after it.
    func commonWordCrosses(into position: Int, _ dag: HanRunDAG) -> Bool {
        let runStart = dag.runStart
        var q = position - 1
        while q >= runStart && q >= position - 2 {
            for e in Int(dag.edgeOffset[q - runStart])..<Int(dag.edgeOffset[q - runStart + 1])
            where dag.edges[e].end > Int32(position) && dag.edgeKind(e) == .word && dag.edges[e].score > commonWordScore {
                return true
            }
            q -= 1
        }
        return false
    }

    /// How far before a numeral `crossesKnownFormulation` looks for a formulation's start.
    static let crossingLookBehind = 8

    /// Whether a numeral and one character stand right before `position`: a numeral there is a
    /// chain's next pair, not the start of a formula of its own.
    @inline(__always)
    func continuesChain(_ s: UnsafeBufferPointer<UInt32>, _ position: Int) -> Bool {
        position >= 2 && isFormulaNumeral(s[position - 2]) && isHan(s[position - 1]) && !isChineseNumeral(s[position - 1])
    }

    /// A number of several characters, a measure word and a content word (no adjective, no
    /// governing verb: 十条|取得, no word counted by any number: 十二个|方面) of two to four
    /// characters, or 方面 and one: 十三个方面成就, 二十四字方针.
    @inline(never)
    func addLongNumeralFormulaEdges(
        _ s: UnsafeBufferPointer<UInt32>, _ position: Int, _ runEnd: Int, first: Int, _ normalized: NormalizedBuffer,
        _ dag: inout HanRunDAG
    ) {
        let end = numeralRunEnd(s, from: position, runEnd)
        guard end - position >= 2, end < runEnd, ChineseCharacters.formulaMeasure.contains(scalar: s[end]),
            !crossesKnownFormulation(position, dag), !followsOrdinalMark(s, position)
        else { return }
        // 党的二十大|胜利: after 党的 or 中共, a number and 大 name a congress, not a formula; so does
        // a number and 大 the lexicon knows as a formulation (十二大|落到实处).
        if s[end] == 0x5927, followsPartyName(s, position) || isLexiconFormulation(s, position..<(end + 1)) { return }
        var m = end
        while m > position + 1, !isWellFormedNumber(s, position..<m) { m -= 1 }
        guard m == end, isWellFormedNumber(s, position..<m) else { return }
        let contentStart = m + 1
        guard contentStart < runEnd, !ChineseCharacters.negation.contains(scalar: s[contentStart]) else {
            return
        }
        let lengths = contentWordLengths(s, from: contentStart, runEnd, counted: false, governing: s[end] == 0x4E2A)
        for length in 2...4 where lengths & (1 << length) != 0 {
            addEdge(&dag, normalized, from: first, to: contentStart + length, score: formulaScore, kind: .tifa)
        }
        // 方面 and the word it counts: 十三个方面成就 (十三个|方面 alone is a count).
        if contentStart + 2 < runEnd, s[contentStart] == 0x65B9, s[contentStart + 1] == 0x9762,
            contentWordLengths(s, from: contentStart + 2, runEnd, counted: true, governing: false) & (1 << 2) != 0
        {
            addEdge(&dag, normalized, from: first, to: contentStart + 4, score: formulaScore, kind: .tifa)
        }
    }

    /// A plenum by its numbers: 十八届四中全会, 二十届三中全会, 十四届六次全会 (届, a numeral, 中全会 or 次全会).
    @inline(never)
    func addPlenumEdge(
        _ s: UnsafeBufferPointer<UInt32>, _ position: Int, _ runEnd: Int, first: Int, _ normalized: NormalizedBuffer,
        _ dag: inout HanRunDAG
    ) {
        let wordEnd = numeralRunEnd(s, from: position, runEnd)
        guard wordEnd < runEnd, s[wordEnd] == 0x5C4A, isWellFormedNumber(s, position..<wordEnd),  // 届
            let end = plenaryEnd(s, numeralsFrom: wordEnd + 1, runEnd, central: true)
        else { return }
        addEdge(&dag, normalized, from: first, to: end, score: formulaScore, kind: .tifa)
    }

    /// A central or national organ by its term: 第 or not, the term's number, 届, the longest lexicon
    /// organ of four or more characters that begins with 中央, 中共 or 全国, and the session if one
    /// follows (十八届中央委员会, 第二十届中央委员会第三次全体会议, 十四届全国人大二次会议), which
    /// names one organ of one term however often the lexicon has seen it. A count (两届) or a year
    /// (二〇二四届) is no term.
    @inline(never)
    func addTermOrganEdge(
        _ s: UnsafeBufferPointer<UInt32>, numberAt numberStart: Int, _ runEnd: Int, first: Int, _ normalized: NormalizedBuffer,
        _ dag: inout HanRunDAG
    ) {
        let termEnd = numeralRunEnd(s, from: numberStart, runEnd)
        let organStart = termEnd + 1
        guard organStart + 4 <= runEnd, termEnd > numberStart, s[termEnd] == 0x5C4A, isTermNumber(s, numberStart..<termEnd),  // 届
            Self.isCentralOrNationalHead(s[organStart], s[organStart + 1])
        else { return }
        var node: Int32 = 0
        var wordEnd = organStart
        var organEnd = -1
        while wordEnd < runEnd {
            node = lexicon.child(of: node, s[wordEnd])
            if node < 0 { break }
            wordEnd += 1
            let record = lexicon.tables.nodes[Int(node)]
            if record.isWord, record.tag & 0x0F == LexiconTag.org.code, wordEnd - organStart >= 4 { organEnd = wordEnd }
            if !record.hasChildren { break }
        }
        guard organEnd > 0 else { return }
        addEdge(&dag, normalized, from: first, to: sessionEnd(s, after: organEnd, runEnd) ?? organEnd, score: formulaScore, kind: .tifa)
    }

    /// 中央, 中共, 全国.
    @inline(__always)
    static func isCentralOrNationalHead(_ a: UInt32, _ b: UInt32) -> Bool {
        (a == 0x4E2D && (b == 0x592E || b == 0x5171)) || (a == 0x5168 && b == 0x56FD)
    }

    /// A term's number: one numeral other than 两 and the zeros, or a well-formed number with
    /// 十 or 百 in it (not a year written digit by digit).
    @inline(__always)
    func isTermNumber(_ s: UnsafeBufferPointer<UInt32>, _ range: Range<Int>) -> Bool {
        let first = s[range.lowerBound]
        if first == 0x4E24 || first == 0x3007 || first == 0x96F6 || first == 0x25CB { return false }  // 两 〇 零 ○
        if range.count == 1 { return true }
        return range.contains { s[$0] == 0x5341 || s[$0] == 0x767E } && isWellFormedNumber(s, range)  // 十 百
    }

    /// Where a session that follows an organ's name ends — 第三次全体会议, 二次会议, 四次全会 — or nil.
    @inline(__always)
    func sessionEnd(_ s: UnsafeBufferPointer<UInt32>, after organEnd: Int, _ runEnd: Int) -> Int? {
        var at = organEnd
        if at < runEnd, s[at] == 0x7B2C { at += 1 }  // 第
        let numberEnd = numeralRunEnd(s, from: at, runEnd)
        guard numberEnd > at, numberEnd + 3 <= runEnd, s[numberEnd] == 0x6B21, isTermNumber(s, at..<numberEnd) else { return nil }  // 次
        let rest = numberEnd + 1
        if rest + 4 <= runEnd, s[rest] == 0x5168, s[rest + 1] == 0x4F53, s[rest + 2] == 0x4F1A, s[rest + 3] == 0x8BAE { return rest + 4 }  // 全体会议
        if s[rest] == 0x4F1A, s[rest + 1] == 0x8BAE { return rest + 2 }  // 会议
        if s[rest] == 0x5168, s[rest + 1] == 0x4F1A { return rest + 2 }  // 全会
        return nil
    }

    /// A plenary session by its number alone, as organs other than the Central Committee count
    /// them: 四次全会 (二十届中央纪委|四次全会, 江苏省委十四届|六次全会 has 届 and is a plenum).
    @inline(never)
    func addSessionEdge(
        _ s: UnsafeBufferPointer<UInt32>, _ position: Int, _ runEnd: Int, first: Int, _ normalized: NormalizedBuffer,
        _ dag: inout HanRunDAG
    ) {
        guard let end = plenaryEnd(s, numeralsFrom: position, runEnd, central: false) else { return }
        addEdge(&dag, normalized, from: first, to: end, score: formulaScore, kind: .tifa)
    }

    /// Where a session's number (numerals from `start`, one or a well-formed number, not 两) and 次全会 —
    /// or, for the Central Committee's plenums, 中全会 — end; nil when they do not follow.
    @inline(__always)
    func plenaryEnd(_ s: UnsafeBufferPointer<UInt32>, numeralsFrom start: Int, _ runEnd: Int, central: Bool) -> Int? {
        let r = numeralRunEnd(s, from: start, runEnd)
        // 两 counts sessions (两次全会), it does not number one.
        guard r > start, r + 3 <= runEnd, s[start] != 0x4E24, s[r] == 0x6B21 || (central && s[r] == 0x4E2D), s[r + 1] == 0x5168, s[r + 2] == 0x4F1A,  // 次/中全会
            r - start == 1 || isWellFormedNumber(s, start..<r)
        else { return nil }
        return r + 3
    }

    /// A Party congress by its number after 党的 or 中共: 党的十八大, 中共二十大; with a plenum
    /// (党的十一届三中全会) the 的-join of the naming grammars applies.
    @inline(never)
    func addCongressEdge(
        _ s: UnsafeBufferPointer<UInt32>, _ position: Int, _ runEnd: Int, first: Int, _ normalized: NormalizedBuffer,
        _ dag: inout HanRunDAG
    ) {
        let wordEnd = numeralRunEnd(s, from: position + 2, runEnd)
        guard wordEnd > position + 2, wordEnd - (position + 2) <= 3, wordEnd < runEnd, s[wordEnd] == 0x5927, isWellFormedNumber(s, (position + 2)..<wordEnd) else { return }  // 大
        addEdge(&dag, normalized, from: first, to: wordEnd + 1, score: formulaScore, kind: .tifa)
    }

    /// The lengths (bit k: k characters) of the content words of two to four characters starting at
    /// `start` that may complete a numbered formula: no adjective, no free combination, no governing
    /// verb unless `governing` (after 个: 两个确保, 十三个确保), no counted word unless `counted`.
    /// None when the longest of them is counted and `counted` is false (二十九个|自治州, not
    /// 二十九个自治|州).
    func contentWordLengths(_ s: UnsafeBufferPointer<UInt32>, from start: Int, _ runEnd: Int, counted: Bool, governing: Bool) -> UInt8 {
        let excluded = Lexicon.EntryFlags.adjective.rawValue | Lexicon.EntryFlags.freeCompound.rawValue
            | (governing ? 0 : Lexicon.EntryFlags.governing.rawValue)
        var lengths: UInt8 = 0
        var longestCounted = false
        var node: Int32 = 0
        var wordEnd = start
        while wordEnd < runEnd && wordEnd - start < 4 {
            node = lexicon.child(of: node, s[wordEnd])
            if node < 0 { break }
            wordEnd += 1
            let record = lexicon.tables.nodes[Int(node)]
            guard record.isWord, wordEnd - start >= 2, record.flags & Lexicon.EntryFlags.content.rawValue != 0 else { continue }
            longestCounted = !counted && (record.isCounted || Self.isCountedNoun(record, measure: s[start - 1]))
            if !longestCounted, record.flags & excluded == 0 { lengths |= 1 << (wordEnd - start) }
        }
        return longestCounted ? 0 : lengths
    }

    /// Whether a word after a number and `measure` is a plain noun it counts: a noun by its part of
    /// speech, political or not, after a measure word other than 大 and 字 (八个|部门, 两条|高铁,
    /// 五个|经济特区, but 三大攻坚战, 二十四字方针; verbs make formulas: 两个维护, 四个坚持). Set
    /// phrases the general lexicon tags as nouns' kin (两个毫不动摇) are left to the lexicon.
    @inline(__always)
    static func isCountedNoun(_ record: LexiconTables.Node, measure: UInt32) -> Bool {
        guard measure != 0x5927, measure != 0x5B57 else { return false }  // 大 字
        let verbal = Lexicon.EntryFlags.predicative.rawValue | Lexicon.EntryFlags.adjective.rawValue | Lexicon.EntryFlags.keepWhole.rawValue
        return record.flags & verbal == 0
    }

    /// Where the run of Chinese numerals starting at `start` ends (at most `runEnd`), looking no
    /// further than `maximumNumeralLength`: the rules test every prefix of the run, so a bound keeps
    /// a line of 200,000 numerals linear.
    @inline(__always)
    func numeralRunEnd(_ s: UnsafeBufferPointer<UInt32>, from start: Int, _ runEnd: Int) -> Int {
        let limit = min(runEnd, start + Self.maximumNumeralLength)
        var end = start
        while end < limit, isChineseNumeral(s[end]) { end += 1 }
        return end
    }

    /// The most numeral pairs a numbered formula chains (三严三实 two, 三县一城一枢纽 three).
    static let maximumChainPairs = 6

    /// The longest number the rules read: 一千二百三十四万五千六百七十八亿… is shorter.
    static let maximumNumeralLength = 24

    /// Whether 党的 or 中共 stands right before `position`.
    @inline(__always)
    func followsPartyName(_ s: UnsafeBufferPointer<UInt32>, _ position: Int) -> Bool {
        position >= 2 && ((s[position - 2] == 0x515A && s[position - 1] == 0x7684) || (s[position - 2] == 0x4E2D && s[position - 1] == 0x5171))
    }

    /// Whether 第 stands before the number `position` is in: it is an ordinal (第一大|贸易伙伴,
    /// 第十一|条|意见).
    @inline(__always)
    func followsOrdinalMark(_ s: UnsafeBufferPointer<UInt32>, _ position: Int) -> Bool {
        var q = position - 1
        while q >= 0, position - q <= Self.maximumNumeralLength, isChineseNumeral(s[q]) { q -= 1 }
        return q >= 0 && s[q] == 0x7B2C
    }

    /// Whether `s[range]` is an entry of the lexicon of any political kind, meetings and organs
    /// included.
    func isLexiconFormulation(_ s: UnsafeBufferPointer<UInt32>, _ range: Range<Int>) -> Bool {
        guard let node = lexiconNode(s, range) else { return false }
        return isFormulationTag(lexicon.tables.nodes[node].tag)
    }

    /// Whether `s[range]` is a word frequent enough to stand on its own rather than in a chain.
    func isCommonWord(_ s: UnsafeBufferPointer<UInt32>, _ range: Range<Int>) -> Bool {
        guard let node = lexiconNode(s, range) else { return false }
        return lexicon.tables.nodes[node].logProbability > commonWordScore
    }

    /// The trie node of the lexicon word `s[range]`, or nil when it is not a word.
    func lexiconNode(_ s: UnsafeBufferPointer<UInt32>, _ range: Range<Int>) -> Int? {
        var node: Int32 = 0
        for wordEnd in range {
            node = lexicon.child(of: node, s[wordEnd])
            if node < 0 { return nil }
        }
        return lexicon.tables.nodes[Int(node)].isWord ? Int(node) : nil
    }
}
