extension LexiconSegmenter {
    /// Digits with decimal and grouping separators, a percent sign, a Chinese multiplier
    /// (万, 亿) and a date or time unit: 3.5%, 1,000, 10万, 2022年.
    func scanNumber(_ s: UnsafeBufferPointer<UInt32>, from i: Int, _ spans: inout RawBuffer<Span>) -> Int {
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
        if j == i + 1, j < n, s[j] == 0xFE0F || s[j] == 0x20E3 {  // a keycap: 1️⃣
            while j < n, s[j] == 0xFE0F || s[j] == 0x20E3 { j += 1 }
            spans.append(Span(start: Int32(i), end: Int32(j), kind: .symbol))
            return j
        }
        if j < n, s[j] == 0x25 || s[j] == 0x2030 {  // % ‰
            j += 1
        } else {
            if j < n, s[j] == 0x4E07 { j += 1 }  // 万
            if j < n, s[j] == 0x4EBF { j += 1 }  // 亿
            // A date unit belongs to its number (12月, 2024年); the PKU standard, which the fine
            // mode follows, writes a count of years apart (10 年).
            if j < n, ChineseCharacters.dateUnit.contains(scalar: s[j]), granularity == .coarse || s[j] != 0x5E74 || namesYear(s, i..<j) {
                j = dateUnitEnd(s, at: j, n)
            }
        }
        spans.append(Span(start: Int32(i), end: Int32(j), kind: .number))
        return j
    }

    /// Where the date unit at `unit` ends: after 份 when it is 月份, as PKU writes it (11月份).
    @inline(__always)
    func dateUnitEnd(_ s: UnsafeBufferPointer<UInt32>, at unit: Int, _ end: Int) -> Int {
        s[unit] == 0x6708 && unit + 1 < end && s[unit + 1] == 0x4EFD ? unit + 2 : unit + 1
    }

    /// Where the symbol at `start` ends with what belongs to it: variation selectors, skin tones,
    /// a keycap, tag characters, and symbols joined by ZERO WIDTH JOINER (👨‍👩‍👧 is one token).
    func emojiSequenceEnd(_ s: UnsafeBufferPointer<UInt32>, from start: Int) -> Int {
        var end = start + 1
        while end < s.count {
            if isEmojiModifier(s[end]) {
                end += 1
            } else if s[end] == 0x200D, end + 1 < s.count, scalarClass(s[end + 1]) == .symbol {
                end += 2
            } else {
                break
            }
        }
        return end
    }

    /// Whether digits before 年 name a year (four digits, or two: 98年) rather than count years.
    func namesYear(_ s: UnsafeBufferPointer<UInt32>, _ digits: Range<Int>) -> Bool {
        digits.count == 4 || digits.count == 2 && s[digits.lowerBound] >= 0x35  // 50年 … 99年
    }

    /// Letters and digits with inner joiners: COVID-19, G20, U.S., AT&T. A run made only of
    /// X or x (XX同志) is a redaction mask.
    func scanLatin(_ s: UnsafeBufferPointer<UInt32>, from i: Int, _ spans: inout RawBuffer<Span>) -> Int {
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

    // MARK: Mixed-script entries

    /// Whether Han text stands right before or after `range`.
    @inline(__always)
    func touchesHan(_ s: UnsafeBufferPointer<UInt32>, _ range: Range<Int>) -> Bool {
        (range.lowerBound > 0 && scalarClass(s[range.lowerBound - 1]) == .han)
            || (range.upperBound < s.count && scalarClass(s[range.upperBound]) == .han)
    }

    /// Lexicon formulations written with digits or letters (211工程, 中国制造2025,
    /// 庆祝改革开放40周年大会): the Han runs and the numbers were cut apart, so each is found
    /// here, from the start of a span up to `mixedEntrySpanLimit` spans before the digits or
    /// letters, across contiguous spans, and replaces the spans it covers when it ends where one
    /// ends. Compacts `spans[first...]` in place, and only when something was joined.
    func joinMixedScriptEntries(_ s: UnsafeBufferPointer<UInt32>, _ spans: inout RawBuffer<Span>, from first: Int) {
        let n = spans.count
        var joins: [(start: Int, end: Int)] = []
        var k = first
        var m = first
        while m < n {
            if spans[m].kind == .number || spans[m].kind == .latin {
                k = max(k, m - Self.mixedEntrySpanLimit, first)
                while k <= m {
                    if let end = mixedEntryEnd(s, spans, from: k) {
                        joins.append((k, end))
                        k = end + 1
                        break
                    }
                    k += 1
                }
                m = max(m + 1, k)
            } else {
                m += 1
            }
        }
        guard !joins.isEmpty else { return }
        var out = joins[0].start
        var next = 0
        k = out
        while k < n {
            if next < joins.count && joins[next].start == k {
                spans[out] = Span(start: spans[k].start, end: spans[joins[next].end].end, kind: .tifa)
                k = joins[next].end + 1
                next += 1
            } else {
                spans[out] = spans[k]
                k += 1
            }
            out += 1
        }
        spans.resize(out)
    }

    /// The last span of the longest lexicon formulation that starts at `spans[k]`, ends at a span's
    /// end, covers two or more contiguous spans and holds digits or letters; nil when there is none.
    private func mixedEntryEnd(_ s: UnsafeBufferPointer<UInt32>, _ spans: RawBuffer<Span>, from k: Int) -> Int? {
        let t = lexicon.tables
        guard t.startsMixedEntry(s[Int(spans[k].start)]) else { return nil }
        var node: Int32 = 0
        var position = Int(spans[k].start)
        var mixed = false
        var best: Int? = nil
        var j = k
        walk: while j < spans.count {
            let span = spans[j]
            if j > k && span.start != spans[j - 1].end { break }
            if span.kind == .number || span.kind == .latin { mixed = true }
            while position < Int(span.end) {
                node = lexicon.child(of: node, s[position])
                if node < 0 { break walk }
                position += 1
            }
            let record = t.nodes[Int(node)]
            if j > k, mixed, record.isWord, isFormulationTag(record.tag) { best = j }
            if !record.hasChildren { break }
            j += 1
        }
        return best
    }

    /// The most spans before its digits or letters that a mixed-script entry starts
    /// (庆祝|改革开放|40 starts two before).
    static let mixedEntrySpanLimit = 4

    // MARK: Masks

    /// `*月**日`: a mask followed by a date unit, and the numbers or masks and units chained to
    /// it, are one mask. Compacts `spans` in place.
    func mergeMaskedDates(s: RawBuffer<UInt32>, _ spans: inout RawBuffer<Span>) {
        var hasMask = false
        for k in 0..<spans.count where spans[k].kind == .mask { hasMask = true; break }
        guard hasMask else { return }
        func isUnit(_ span: Span) -> Bool {
            span.end - span.start == 1 && ChineseCharacters.dateUnit.contains(scalar: s[Int(span.start)]) && span.kind == .word
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
                    ChineseCharacters.dateUnit.contains(scalar: s[Int(last.end) - 1])
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
private func isLatinJoiner(_ c: UInt32) -> Bool { c == 0x2D || c == 0x2E || c == 0x27 || c == 0x26 || c == 0x5F }

@inline(__always)
func isDigit(_ c: UInt32) -> Bool { c >= 0x30 && c <= 0x39 }

/// Variation selectors, skin-tone modifiers, the combining keycap and tag characters: parts of
/// the emoji before them.
@inline(__always)
private func isEmojiModifier(_ c: UInt32) -> Bool {
    (c >= 0xFE00 && c <= 0xFE0F) || (c >= 0x1F3FB && c <= 0x1F3FF) || c == 0x20E3 || (c >= 0xE0020 && c <= 0xE007F)
}
