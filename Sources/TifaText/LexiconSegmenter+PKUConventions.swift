/// The fine mode follows the PKU (People's Daily) standard where its conventions differ from what
/// the lexicon's most probable path gives: they are applied to each token of that path.
extension LexiconSegmenter {
    /// Appends the token `s[range]`, cut where a PKU convention cuts it.
    func appendFollowingPKUConventions(
        _ s: UnsafeBufferPointer<UInt32>, _ range: Range<Int>, kind: TokenKind, _ spans: inout RawBuffer<Span>
    ) {
        let wordEnd = range.lowerBound, end = range.upperBound, length = range.count
        func append(_ from: Int, _ to: Int, _ kind: TokenKind) {
            spans.append(Span(start: Int32(from), end: Int32(to), kind: kind))
        }
        if let k = approximationMark(s, range) {
            // 多 and 余 after a number are words of their own (二十 多 年, 30 多 万 元, 万 余 名).
            if k > wordEnd { append(wordEnd, k, .number) }
            append(k, k + 1, .word)
            if k + 1 < end { appendFollowingPKUConventions(s, (k + 1)..<end, kind: .word, &spans) }
        } else if length >= 2, isMultiplier(s[wordEnd]), wordEnd > 0, isApproximation(s[wordEnd - 1]) {
            // … and so is the 万 or 亿 after them (多 | 万 | 元).
            append(wordEnd, wordEnd + 1, .number)
            append(wordEnd + 1, end, .word)
        } else if length >= 3, s[wordEnd] == 0x7B2C, !isChineseNumeral(s[end - 1]),  // 第
            ((wordEnd + 1)..<(end - 1)).allSatisfy({ isChineseNumeral(s[$0]) })
        {
            // An ordinal apart from its measure word (第一 次, 第十四 条).
            append(wordEnd, end - 1, .number)
            append(end - 1, end, .word)
        } else if length == 2 || length == 3, ChineseCharacters.surname.contains(scalar: s[wordEnd]), isPersonName(s, range) {
            // A Chinese personal name as surname and given name (江 泽民).
            append(wordEnd, wordEnd + 1, .word)
            append(wordEnd + 1, end, .word)
        } else if length == 2 || length == 3, ChineseCharacters.measureWord.contains(scalar: s[end - 1]),
            (wordEnd..<(end - 1)).allSatisfy({ (isChineseNumeral(s[$0]) || s[$0] == 0x51E0) && !ChineseCharacters.zero.contains(scalar: s[$0]) }),  // … or 几
            !(length == 2 && s[wordEnd] == 0x4E00 && s[end - 1] == 0x4E2A),  // 一个 stays whole
            !(length == 2 && [0x767E, 0x5343, 0x4E07, 0x4EBF].contains(s[wordEnd]))  // so do 百年 千年 万年
        {
            // A small number apart from its measure or time word (三 次, 一 年).
            append(wordEnd, end - 1, .number)
            append(end - 1, end, .word)
        } else {
            append(wordEnd, end, kind)
        }
    }

    /// 新 and 副 before a noun are words of their own in the PKU standard (新 世纪, 副 省长), even
    /// where the general lexicon lists the compound; place names (新西兰) and user words stay whole.
    func isAdjectivalPrefixCompound(_ s: UnsafeBufferPointer<UInt32>, _ position: Int, _ wordEnd: Int, tag: UInt8) -> Bool {
        guard wordEnd - position == 3, s[position] == 0x65B0 || s[position] == 0x526F, tag != LexiconTag.place.code, tag != LexiconTag.person.code
        else { return false }
        return lexiconNode(s, (position + 1)..<wordEnd) != nil
    }

    /// Where a token of more than one character holds 多 or 余 right after a number: at its start
    /// after a number token (30 | 多万元) or after the Chinese numerals it starts with (二十多年).
    func approximationMark(_ s: UnsafeBufferPointer<UInt32>, _ range: Range<Int>) -> Int? {
        guard range.count >= 2 else { return nil }
        var k = range.lowerBound
        while k < range.upperBound, isChineseNumeral(s[k]) { k += 1 }
        guard k < range.upperBound, isApproximation(s[k]) else { return nil }
        if k > range.lowerBound { return k }
        guard k > 0 else { return nil }
        let before = s[k - 1]
        return isDigit(before) || isChineseNumeral(before) ? k : nil
    }

    /// Whether the lexicon tags `s[range]` as a person.
    func isPersonName(_ s: UnsafeBufferPointer<UInt32>, _ range: Range<Int>) -> Bool {
        guard let node = lexiconNode(s, range) else { return false }
        return lexicon.tables.nodes[node].tag & 0x0F == LexiconTag.person.code
    }

}

/// 多 and 余, which make a number approximate (三十多, 万余).
@inline(__always)
func isApproximation(_ c: UInt32) -> Bool { c == 0x591A || c == 0x4F59 }

/// 万 and 亿.
@inline(__always)
func isMultiplier(_ c: UInt32) -> Bool { c == 0x4E07 || c == 0x4EBF }
