import CICUShim

/// Reusable buffers for segmenting many lines on one thread without allocating per line.
public final class SegmentationWorkspace {
    var scalars: [UInt32] = []
    var byteOffsets: [Int32] = []
    var normalized = NormalizedBuffer()
    var spans: [Span] = []

    // Lexicon segmenter: the DAG of one Han run and its best path.
    var edgeOffset: [Int32] = []
    var edgeEnd: [Int32] = []
    var edgeScore: [Float] = []
    var edgeKind: [TokenKind] = []
    var best: [Float] = []
    var choice: [Int32] = []

    // ICU segmenter.
    var utf16: [UInt16] = []
    var utf16ToScalar: [Int32] = []
    var breakIterator: OpaquePointer?

    public init() {}

    deinit {
        if let breakIterator { tifa_break_close(breakIterator) }
    }
}

/// A token over the NORMALIZED scalars, before mapping back to the original text.
struct Span {
    var start: Int32
    var end: Int32
    var kind: TokenKind
}

/// The steps every segmenter shares: decode, normalize, find spans, map back to the original.
protocol SpanSegmenter: Segmenter {
    var normalizer: Normalizer { get }
    /// Appends spans over `workspace.normalized` to `workspace.spans`.
    func findSpans(_ workspace: SegmentationWorkspace) throws(SegmentationError)
}

extension SpanSegmenter {
    public func segment(
        _ utf8: UnsafeBufferPointer<UInt8>, into tokens: inout [Token], workspace: SegmentationWorkspace
    ) throws(SegmentationError) {
        if let bad = decodeUTF8(utf8, into: &workspace.scalars, byteOffsets: &workspace.byteOffsets) {
            throw .invalidUTF8(byteOffset: bad)
        }
        workspace.scalars.withUnsafeBufferPointer { normalizer.normalize($0, into: &workspace.normalized) }
        workspace.spans.removeAll(keepingCapacity: true)
        try findSpans(workspace)
        emitTokens(workspace, into: &tokens)
    }

    /// Maps spans to original offsets. A span that starts inside a normalization chunk (one
    /// original character that became several) joins the previous token, so no token ever
    /// splits an original character.
    func emitTokens(_ workspace: SegmentationWorkspace, into tokens: inout [Token]) {
        let normalized = workspace.normalized
        let offsets = workspace.byteOffsets
        let firstNew = tokens.count
        for span in workspace.spans {
            let start = Int(normalized.sourceStart[Int(span.start)])
            let end = Int(normalized.sourceEnd[Int(span.end) - 1])
            if tokens.count > firstNew, !normalized.isBoundary(Int(span.start)) {
                let last = tokens.count - 1
                tokens[last].scalarRange = tokens[last].scalarRange.lowerBound..<max(end, tokens[last].scalarRange.upperBound)
                tokens[last].utf8Range = tokens[last].utf8Range.lowerBound..<Int(offsets[tokens[last].scalarRange.upperBound])
                continue
            }
            tokens.append(
                Token(
                    kind: span.kind, utf8Range: Int(offsets[start])..<Int(offsets[end]), scalarRange: start..<end))
        }
    }
}
