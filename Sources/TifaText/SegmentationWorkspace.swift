import CICUShim

/// Reusable buffers for segmenting many lines on one thread without allocating per line.
/// Not thread-safe: use one per thread.
///
/// ```swift
/// let workspace = SegmentationWorkspace()
/// var tokens: [Token] = []
/// for var line in ["做到“两个维护”", "增强“四个意识”"] {
///     tokens.removeAll(keepingCapacity: true)
///     try line.withUTF8 { try segmenter.segment($0, into: &tokens, workspace: workspace) }
/// }
/// ```
public final class SegmentationWorkspace {
    var scalars = RawBuffer<UInt32>()
    var byteOffsets = RawBuffer<Int32>()
    var normalized = NormalizedBuffer()
    var spans = RawBuffer<Span>()
    var dag = HanRunDAG()
    /// Set while finding a token's parts: no edge may cover the whole text (see `LexiconSegmenter.parts`).
    var excludeWhole = false

    // ICU segmenter.
    var utf16 = RawBuffer<UInt16>()
    var utf16ToScalar = RawBuffer<Int32>()
    var breakIterator: OpaquePointer?

    /// Empty buffers; they grow to the longest line segmented.
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

/// The DAG of one Han run: for each position, the edges (end, score, kind, the lexicon's tag byte
/// and entry flags) leaving it; the edges the naming grammars add once the run's lexicon edges are
/// known (`grammar…`, ordered by start); and the best path found over them.
struct HanRunDAG {
    /// One edge of the DAG; the fields the best-path search reads together sit together.
    struct Edge: BitwiseCopyable {
        var end: Int32
        var score: Float
        /// The token kind (bits 0–7), the lexicon's tag byte (8–15) and entry flags (16–23).
        var info: UInt32
    }

    /// Where each position's edges start in `edges`.
    var edgeOffset = RawBuffer<Int32>()
    var edges = RawBuffer<Edge>()
    /// The edges the naming grammars look at — with a naming role, or a known formulation — and
    /// where they start, in order of start.
    var markedStart = RawBuffer<Int32>()
    var markedEdge = RawBuffer<Int32>()
    var grammarStart = RawBuffer<Int32>()
    var grammarEnd = RawBuffer<Int32>()
    /// What a grammar edge costs beyond a formula's score (nats): words its modifier has beyond the first.
    var grammarCost = RawBuffer<Float>()
    /// The organs among the grammar edges, which may issue a document (河南省人民政府办公厅|关于…).
    var organStart = RawBuffer<Int32>()
    var organEnd = RawBuffer<Int32>()
    var best = RawBuffer<Float>()
    var choice = RawBuffer<Int32>()
    /// A span (run positions) no edge may cover whole: the token whose parts are being found.
    var excluded: Range<Int>? = nil
    /// Where the run being segmented starts.
    var runStart = 0
    /// The tag bytes of the run's lexicon edges, or-ed: which naming roles occur in it (set once
    /// the run's lexicon edges are known).
    var tagsSeen: UInt8 = 0
    /// Whether the run holds a formulation the lexicon knows.
    var formulationSeen = false
    /// Whether the run holds a formulation followed by 的, or 党的: a 的-join may apply.
    var joinSeen = false
    /// Whether the run holds 党的.
    var partyOfSeen = false
    /// Whether the run holds a lawgiver's name (中华人民共和国, 中国共产党, 中国人民解放军): the full title of a law or regulation may follow.
    var lawgiverSeen = false
    /// Whether a formulation of two to four characters is followed by its own first character: a
    /// parallel slogan may start there.
    var parallelSeen = false
    /// Whether the run holds 关于 after its first character: an organ's document title may end there.
    var titleSeen = false

    func deallocate() {
        edgeOffset.deallocate()
        edges.deallocate()
        markedStart.deallocate()
        markedEdge.deallocate()
        grammarStart.deallocate()
        grammarEnd.deallocate()
        grammarCost.deallocate()
        organStart.deallocate()
        organEnd.deallocate()
        best.deallocate()
        choice.deallocate()
    }

    mutating func removeAll() {
        edgeOffset.removeAll()
        edges.removeAll()
        markedStart.removeAll()
        markedEdge.removeAll()
        grammarStart.removeAll()
        grammarEnd.removeAll()
        grammarCost.removeAll()
        organStart.removeAll()
        organEnd.removeAll()
        tagsSeen = 0
        formulationSeen = false
        joinSeen = false
        partyOfSeen = false
        lawgiverSeen = false
        parallelSeen = false
        titleSeen = false
    }

    /// Where the run ends, once every position's edges are in (the naming grammars' pass).
    var completeRunEnd: Int { runStart + edgeOffset.count - 1 }

    @inline(__always)
    mutating func append(end: Int, score: Float, kind: TokenKind, tag: UInt8 = 0, flags: UInt8 = 0) {
        edges.append(Edge(end: Int32(end), score: score, info: UInt32(kind.code) | UInt32(tag) << 8 | UInt32(flags) << 16))
    }

    @inline(__always)
    func edgeKind(_ e: Int) -> TokenKind { TokenKind(code: UInt8(truncatingIfNeeded: edges[e].info)) }

    @inline(__always)
    func edgeTag(_ e: Int) -> UInt8 { UInt8(truncatingIfNeeded: edges[e].info >> 8) }

    @inline(__always)
    func edgeFlags(_ e: Int) -> UInt8 { UInt8(truncatingIfNeeded: edges[e].info >> 16) }

    @inline(__always)
    mutating func setEdgeKind(_ e: Int, _ kind: TokenKind) {
        edges[e].info = edges[e].info & ~0xFF | UInt32(kind.code)
    }

    /// Marks the last edge, which starts at `start`, for the naming grammars.
    @inline(__always)
    mutating func markLastEdge(start: Int) {
        markedStart.append(Int32(start))
        markedEdge.append(Int32(edges.count - 1))
    }

    /// Adds a naming grammar's edge (all of them score as a formula, less `cost`, and are `tifa` tokens).
    @inline(__always)
    mutating func appendGrammarEdge(from start: Int, to end: Int, cost: Float = 0) {
        grammarStart.append(Int32(start))
        grammarEnd.append(Int32(end))
        grammarCost.append(cost)
    }

    /// Orders the grammar edges by start, end and cost, keeping the cheapest of repeats, as the
    /// best-path search reads them.
    mutating func sortGrammarEdges() {
        let n = grammarStart.count
        guard n > 1 else { return }
        if n > Self.insertionSortLimit {
            // A long run of names (a line of 中国共产党中央委员会 repeated) has thousands: insertion
            // sort would take the square of their number.
            var all = (0..<n).map { (grammarStart[$0], grammarEnd[$0], grammarCost[$0]) }
            all.sort { a, b in (a.0, a.1) != (b.0, b.1) ? (a.0, a.1) < (b.0, b.1) : a.2 < b.2 }
            for (i, edge) in all.enumerated() {
                grammarStart[i] = edge.0
                grammarEnd[i] = edge.1
                grammarCost[i] = edge.2
            }
        } else {
            insertionSortGrammarEdges()
        }
        var kept = 1
        for i in 1..<n where grammarStart[i] != grammarStart[kept - 1] || grammarEnd[i] != grammarEnd[kept - 1] {
            grammarStart[kept] = grammarStart[i]
            grammarEnd[kept] = grammarEnd[i]
            grammarCost[kept] = grammarCost[i]
            kept += 1
        }
        grammarStart.resize(kept)
        grammarEnd.resize(kept)
        grammarCost.resize(kept)
    }

    /// Up to this many grammar edges a run sorts them in place by insertion.
    static let insertionSortLimit = 32

    private mutating func insertionSortGrammarEdges() {
        let n = grammarStart.count
        for i in 1..<n {
            let start = grammarStart[i], end = grammarEnd[i], cost = grammarCost[i]
            var j = i - 1
            while j >= 0 && Self.isAfter(grammarStart[j], grammarEnd[j], grammarCost[j], start, end, cost) {
                grammarStart[j + 1] = grammarStart[j]
                grammarEnd[j + 1] = grammarEnd[j]
                grammarCost[j + 1] = grammarCost[j]
                j -= 1
            }
            grammarStart[j + 1] = start
            grammarEnd[j + 1] = end
            grammarCost[j + 1] = cost
        }
    }

    @inline(__always)
    private static func isAfter(_ s1: Int32, _ e1: Int32, _ c1: Float, _ s2: Int32, _ e2: Int32, _ c2: Float) -> Bool {
        if s1 != s2 { return s1 > s2 }
        if e1 != e2 { return e1 > e2 }
        return c1 > c2
    }

    /// Whether an edge from the current position (whose edges start at `first`) ends at `end`.
    @inline(__always)
    func hasEdge(from first: Int, to end: Int) -> Bool {
        var e = first
        while e < edges.count {
            if edges[e].end == Int32(end) { return true }
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
        try segmentNormalized(into: &tokens, workspace: workspace)
    }

    /// Segments text that is already normalized — a `MatchingForm`'s scalars — without decoding or
    /// normalizing it again. Token offsets: `scalarRange` into `scalars`, `utf8Range` into their
    /// UTF-8 encoding.
    func segment(
        normalized scalars: UnsafeBufferPointer<UInt32>, into tokens: inout [Token], workspace: SegmentationWorkspace
    ) throws(SegmentationError) {
        var normalized = workspace.normalized
        var byteOffsets = workspace.byteOffsets
        normalized.removeAll()
        normalized.reserve(scalars.count)
        byteOffsets.removeAll()
        byteOffsets.reserve(scalars.count + 1)
        var offset: Int32 = 0
        for (i, c) in scalars.enumerated() {
            normalized.append(c, from: Int32(i), to: Int32(i + 1))
            byteOffsets.append(offset)
            offset += Int32(utf8Length(c))
        }
        byteOffsets.append(offset)
        workspace.normalized = normalized
        workspace.byteOffsets = byteOffsets
        try segmentNormalized(into: &tokens, workspace: workspace)
    }

    /// Spans over the workspace's normalized text, emitted as tokens at its byte offsets.
    private func segmentNormalized(into tokens: inout [Token], workspace: SegmentationWorkspace) throws(SegmentationError) {
        var spans = workspace.spans
        spans.removeAll()
        defer { workspace.spans = spans }
        try findSpans(workspace.normalized, into: &spans, workspace)
        emitTokens(spans, workspace.normalized, workspace.byteOffsets, into: &tokens)
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
            let start = Int(normalized.sourceStart(Int(span.start)))
            let end = Int(normalized.sourceEnd(Int(span.end) - 1))
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
