/// How Tifa reads a document, in one place: its matching form (what phrases are counted in) and
/// the words the coarse segmenter cuts from that form. The index writer, the miner and the
/// analytics all use one analyzer, so what `count` counts, what `phrases` mines and what `words`
/// lists come from the same text.
///
/// ```swift
/// let analyzer = try DocumentAnalyzer(lexicon: .bundled(), toSimplified: true)
/// let form = analyzer.matchingForm(of: "堅持黨的領導")
/// analyzer.wordCounts(of: form, workspace: SegmentationWorkspace())   // ["坚持": 1, "党的领导": 1, …]
/// ```
/// A value made once and shared by every thread; each thread brings its own workspace.
public struct DocumentAnalyzer: Sendable {
    /// The coarse segmenter that cuts the words.
    public let segmenter: LexiconSegmenter
    let normalizer: Normalizer

    /// An analyzer cutting words with the coarse segmenter over `lexicon`; `toSimplified` matches
    /// Traditional characters as Simplified.
    public init(lexicon: Lexicon, toSimplified: Bool = false) throws(ICUError) {
        segmenter = try LexiconSegmenter(lexicon: lexicon, granularity: .coarse, toSimplified: toSimplified)
        normalizer = segmenter.normalizer
    }

    /// Whether the matching form maps Traditional characters to Simplified.
    public var toSimplified: Bool { normalizer.toSimplified }

    /// Names what makes the words: the segmentation mode, the lexicon's sources (a hash) and the
    /// layout of its compiled tables. Two analyzers with one signature cut every text alike.
    public var wordSignature: String {
        let hash = String(segmenter.lexicon.sourceHash, radix: 16)
        return "coarse lexicon=\(hash) tables=\(LexiconTables.version)"
    }

    /// The matching form of `text` (see `MatchingForm`).
    public func matchingForm(of text: String) -> MatchingForm {
        normalizer.matchingForm(of: text)
    }

    /// The coarse tokens of a matching form, appended to `tokens`; offsets are into `form.scalars`
    /// (and their UTF-8 encoding).
    public func tokens(of form: MatchingForm, into tokens: inout [Token], workspace: SegmentationWorkspace) {
        form.scalars.withUnsafeBufferPointer { scalars in
            // Scalars need no decoding: nothing can fail.
            try? segmenter.segment(normalized: scalars, into: &tokens, workspace: workspace)
        }
    }

    /// How often each word of two or more characters occurs in a matching form. A formulation
    /// counts as itself and as every word and formulation nested inside it (推动高质量发展 also
    /// counts toward 推动 and 高质量发展). One-character words are function words and parts of
    /// names — not keywords — and their counts are exact from the pair postings anyway.
    public func wordCounts(of form: MatchingForm, workspace: SegmentationWorkspace) -> [String: Int] {
        var tokens: [Token] = []
        return wordCounts(of: form, workspace: workspace, tokens: &tokens)
    }

    /// `wordCounts(of:workspace:)` reusing a token buffer. The form is cut at whitespace into
    /// pieces of about `wordChunkScalars` scalars: no token spans whitespace, so the counts are
    /// those of the whole form, and memory for tokens stays bounded however long the document.
    func wordCounts(of form: MatchingForm, workspace: SegmentationWorkspace, tokens: inout [Token]) -> [String: Int] {
        var words: [String: Int] = [:]
        var utf8: [UInt8] = []
        form.scalars.withUnsafeBufferPointer { all in
            var start = 0
            while start < all.count {
                var end = min(all.count, start + Self.wordChunkScalars)
                while end < all.count, scalarClass(all[end]) != .whitespace { end += 1 }
                countWords(in: UnsafeBufferPointer(rebasing: all[start..<end]), into: &words, tokens: &tokens, utf8: &utf8, workspace: workspace)
                start = end
            }
        }
        return words
    }

    /// The scalars one piece of a document's words is cut from at most (beyond it, the piece ends
    /// at the next whitespace).
    static let wordChunkScalars = 1 << 16

    private func countWords(
        in scalars: UnsafeBufferPointer<UInt32>, into words: inout [String: Int], tokens: inout [Token], utf8: inout [UInt8],
        workspace: SegmentationWorkspace
    ) {
        tokens.removeAll(keepingCapacity: true)
        // Scalars need no decoding: nothing can fail.
        try? segmenter.segment(normalized: scalars, into: &tokens, workspace: workspace)
        // Words are keyed by their UTF-8 bytes (token.utf8Range), so a String is made once per
        // distinct word, not per occurrence.
        utf8.removeAll(keepingCapacity: true)
        for c in scalars { appendUTF8(c, to: &utf8) }
        var counts: [ArraySlice<UInt8>: Int] = [:]
        func count(_ token: Token, parts: [NestedToken]) {
            guard (token.kind == .word || token.kind == .tifa) && token.scalarRange.count > 1 else { return }
            counts[utf8[token.utf8Range], default: 0] += 1
            for part in parts { count(part.token, parts: part.parts) }
        }
        for token in tokens {
            count(token, parts: token.kind == .tifa ? segmenter.parts(of: token, inNormalized: scalars, workspace: workspace) : [])
        }
        for (word, n) in counts { words[String(decoding: word, as: UTF8.self), default: 0] += n }
    }
}
