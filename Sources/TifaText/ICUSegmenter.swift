import CICUShim

/// ICU word breaks over the normalized text: the baseline the lexicon segmenter is measured
/// against. It splits most set phrases (全面/从/严/治/党).
///
/// ```swift
/// let baseline = try ICUSegmenter()
/// baseline.tokens(in: "全面从严治党").count   // 5
/// ```
public struct ICUSegmenter: SpanSegmenter {
    let normalizer: Normalizer

    /// A segmenter over ICU's word break rules; `toSimplified` reads Traditional characters as
    /// Simplified. Throws when ICU has no word break data.
    public init(toSimplified: Bool = false) throws(ICUError) {
        normalizer = try Normalizer(toSimplified: toSimplified)
        var status: Int32 = 0
        let probe = tifa_break_open(Int32(TIFA_BREAK_WORD), &status)
        try ICUError.check(status, "opening a word break iterator")
        tifa_break_close(probe)
    }

    func findSpans(
        _ normalized: NormalizedBuffer, into spans: inout RawBuffer<Span>, _ w: SegmentationWorkspace
    ) throws(SegmentationError) {
        let scalars = normalized.scalars
        guard scalars.count > 0 else { return }
        var utf16 = w.utf16
        var utf16ToScalar = w.utf16ToScalar
        defer {
            w.utf16 = utf16
            w.utf16ToScalar = utf16ToScalar
        }
        utf16.removeAll()
        utf16ToScalar.removeAll()
        for index in 0..<scalars.count {
            let value = scalars[index]
            if value < 0x10000 {
                utf16.append(UInt16(value))
                utf16ToScalar.append(Int32(index))
            } else {
                let v = value - 0x10000
                utf16.append(UInt16(0xD800 + (v >> 10)))
                utf16.append(UInt16(0xDC00 + (v & 0x3FF)))
                utf16ToScalar.append(Int32(index))
                utf16ToScalar.append(Int32(index))
            }
        }
        utf16ToScalar.append(Int32(scalars.count))
        var status: Int32 = 0
        if w.breakIterator == nil {
            w.breakIterator = tifa_break_open(Int32(TIFA_BREAK_WORD), &status)
            if tifa_icu_failed(status) != 0 {
                throw .icu(ICUError(code: status, operation: "opening a word break iterator"))
            }
        }
        let iterator = w.breakIterator!
        tifa_break_set_text(iterator, utf16.base, Int32(utf16.count), &status)
        if tifa_icu_failed(status) != 0 { throw .icu(ICUError(code: status, operation: "setting break text")) }
        var previous: Int32 = 0
        while true {
            let next = tifa_break_next(iterator)
            if next < 0 { break }
            let start = utf16ToScalar[Int(previous)], end = utf16ToScalar[Int(next)]
            previous = next
            guard end > start else { continue }
            let kind: TokenKind
            switch scalarClass(scalars[Int(start)]) {
            case .whitespace: continue
            case .han: kind = .word
            case .digit: kind = .number
            case .latin: kind = .latin
            case .punctuation: kind = .punctuation
            default: kind = .symbol
            }
            spans.append(Span(start: start, end: end, kind: kind))
        }
    }
}
