import CICUShim

/// Reusable buffers for segmenting many lines on one thread without allocating per line.
/// Not thread-safe: use one per thread.
public final class SegmentationWorkspace {
    var scalars = RawBuffer<UInt32>()
    var byteOffsets = RawBuffer<Int32>()
    var normalized = NormalizedBuffer()
    var spans = RawBuffer<Span>()
    var dag = HanRunDAG()

    // ICU segmenter.
    var utf16 = RawBuffer<UInt16>()
    var utf16ToScalar = RawBuffer<Int32>()
    var breakIterator: OpaquePointer?

    public init() {}

    deinit {
        scalars.deallocate()
        byteOffsets.deallocate()
        normalized.deallocate()
        spans.deallocate()
        dag.deallocate()
        utf16.deallocate()
        utf16ToScalar.deallocate()
        if let breakIterator { tifa_break_close(breakIterator) }
    }
}

/// The DAG of one Han run: for each position, the edges (end, score, kind) leaving it, and the
/// best path found over them.
struct HanRunDAG {
    var edgeOffset = RawBuffer<Int32>()
    var edgeEnd = RawBuffer<Int32>()
    var edgeScore = RawBuffer<Float>()
    var edgeKind = RawBuffer<TokenKind>()
    var best = RawBuffer<Float>()
    var choice = RawBuffer<Int32>()

    func deallocate() {
        edgeOffset.deallocate()
        edgeEnd.deallocate()
        edgeScore.deallocate()
        edgeKind.deallocate()
        best.deallocate()
        choice.deallocate()
    }

    mutating func removeAll() {
        edgeOffset.removeAll()
        edgeEnd.removeAll()
        edgeScore.removeAll()
        edgeKind.removeAll()
    }

    @inline(__always)
    mutating func append(end: Int, score: Float, kind: TokenKind) {
        edgeEnd.append(Int32(end))
        edgeScore.append(score)
        edgeKind.append(kind)
    }

    /// Whether an edge from the current position (whose edges start at `first`) ends at `end`.
    @inline(__always)
    func hasEdge(from first: Int, to end: Int) -> Bool {
        var e = first
        while e < edgeEnd.count {
            if edgeEnd[e] == Int32(end) { return true }
            e += 1
        }
        return false
    }
}

/// A token over the NORMALIZED scalars, before mapping back to the original text.
struct Span: BitwiseCopyable {
    var start: Int32
    var end: Int32
    var kind: TokenKind
}

/// The steps every segmenter shares: decode, normalize, find spans, map back to the original.
protocol SpanSegmenter: Segmenter {
    var normalizer: Normalizer { get }
    /// Appends spans over `normalized` to `spans`.
    func findSpans(
        _ normalized: NormalizedBuffer, into spans: inout RawBuffer<Span>, _ workspace: SegmentationWorkspace
    ) throws(SegmentationError)
}

extension SpanSegmenter {
    public func segment(
        _ utf8: UnsafeBufferPointer<UInt8>, into tokens: inout [Token], workspace: SegmentationWorkspace
    ) throws(SegmentationError) {
        var scalars = workspace.scalars
        var byteOffsets = workspace.byteOffsets
        let bad = decodeUTF8(utf8, into: &scalars, byteOffsets: &byteOffsets)
        workspace.scalars = scalars
        workspace.byteOffsets = byteOffsets
        if let bad { throw .invalidUTF8(byteOffset: bad) }
        var normalized = workspace.normalized
        normalizer.normalize(scalars.buffer, into: &normalized)
        workspace.normalized = normalized
        var spans = workspace.spans
        spans.removeAll()
        defer { workspace.spans = spans }
        try findSpans(normalized, into: &spans, workspace)
        emitTokens(spans, normalized, byteOffsets, into: &tokens)
    }

    /// Maps spans to original offsets. A span that starts inside a normalization chunk (one
    /// original character that became several) joins the previous token, so no token ever
    /// splits an original character.
    func emitTokens(
        _ spans: RawBuffer<Span>, _ normalized: NormalizedBuffer, _ offsets: RawBuffer<Int32>,
        into tokens: inout [Token]
    ) {
        let firstNew = tokens.count
        tokens.reserveCapacity(firstNew + spans.count)
        for k in 0..<spans.count {
            let span = spans[k]
            let start = Int(normalized.sourceStart[Int(span.start)])
            let end = Int(normalized.sourceEnd[Int(span.end) - 1])
            if normalized.hasChunks, tokens.count > firstNew, !normalized.isBoundary(Int(span.start)) {
                let last = tokens.count - 1
                let upper = max(end, tokens[last].scalarRange.upperBound)
                tokens[last].scalarRange = tokens[last].scalarRange.lowerBound..<upper
                tokens[last].utf8Range = tokens[last].utf8Range.lowerBound..<Int(offsets[upper])
                continue
            }
            tokens.append(
                Token(kind: span.kind, utf8Range: Int(offsets[start])..<Int(offsets[end]), scalarRange: start..<end))
        }
    }
}
