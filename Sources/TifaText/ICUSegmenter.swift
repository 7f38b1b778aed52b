import CICUShim

/// ICU word breaks over the normalized text: the baseline the lexicon segmenter is measured
/// against. It splits most set phrases (全面/从/严/治/党).
public struct ICUSegmenter: SpanSegmenter {
    let normalizer: Normalizer

    public init(toSimplified: Bool = false) throws(ICUError) {
        normalizer = try Normalizer(toSimplified: toSimplified)
        var status: Int32 = 0
        let probe = tifa_break_open(Int32(TIFA_BREAK_WORD), &status)
        try ICUError.check(status, "opening a word break iterator")
        tifa_break_close(probe)
    }

    func findSpans(_ w: SegmentationWorkspace) throws(SegmentationError) {
        let scalars = w.normalized.scalars
        guard !scalars.isEmpty else { return }
        w.utf16.removeAll(keepingCapacity: true)
        w.utf16ToScalar.removeAll(keepingCapacity: true)
        for (index, value) in scalars.enumerated() {
            if value < 0x10000 {
                w.utf16.append(UInt16(value))
                w.utf16ToScalar.append(Int32(index))
            } else {
                let v = value - 0x10000
                w.utf16.append(UInt16(0xD800 + (v >> 10)))
                w.utf16.append(UInt16(0xDC00 + (v & 0x3FF)))
                w.utf16ToScalar.append(Int32(index))
                w.utf16ToScalar.append(Int32(index))
            }
        }
        w.utf16ToScalar.append(Int32(scalars.count))
        var status: Int32 = 0
        if w.breakIterator == nil {
            w.breakIterator = tifa_break_open(Int32(TIFA_BREAK_WORD), &status)
            if tifa_icu_failed(status) != 0 { throw .icu(ICUError(code: status, operation: "opening a word break iterator")) }
        }
        let iterator = w.breakIterator!
        try w.utf16.withUnsafeBufferPointer { (text) throws(SegmentationError) in
            tifa_break_set_text(iterator, text.baseAddress, Int32(text.count), &status)
            if tifa_icu_failed(status) != 0 { throw .icu(ICUError(code: status, operation: "setting break text")) }
            var previous: Int32 = 0
            while true {
                let next = tifa_break_next(iterator)
                if next < 0 { break }
                let start = w.utf16ToScalar[Int(previous)], end = w.utf16ToScalar[Int(next)]
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
                w.spans.append(Span(start: start, end: end, kind: kind))
            }
        }
    }
}
