/// A token with the tokens it is made of: a whole formulation and the words and formulations
/// inside it (全面从严治党 → 全面 | 从严治党 → 从严 | 治党), each with offsets into the same
/// original text.
///
/// ```swift
/// let text = "要全面从严治党"
/// for nested in try LexiconSegmenter().nestedTokens(in: text) {
///     print(nested.token.text(in: text), nested.parts.map { $0.token.text(in: text) })   // 要 [], 全面从严治党 ["全面", "从严治党"]
/// }
/// ```
public struct NestedToken: Sendable, Hashable {
    /// The token itself.
    public var token: Token
    /// Empty for a token of one word.
    public var parts: [NestedToken]

    /// A token and its parts.
    public init(token: Token, parts: [NestedToken] = []) {
        self.token = token
        self.parts = parts
    }
}

extension LexiconSegmenter {
    /// The parts of a coarse-mode `tifa` token of three or more characters: the best segmentation
    /// of its text without the token itself, each part with its own parts in turn. Offsets are
    /// into `text`, the text the token was cut from. Empty for other tokens.
    ///
    /// ```swift
    /// let text = "坚持党的全面领导"
    /// for token in segmenter.tokens(in: text) {
    ///     print(segmenter.parts(of: token, in: text).map { $0.token.text(in: text) })   // [], ["党", "的", "全面", "领导"]
    /// }
    /// ```
    public func parts(of token: Token, in text: String) -> [NestedToken] {
        var text = text
        let workspace = SegmentationWorkspace()
        return text.withUTF8 { parts(of: token, in: $0, workspace: workspace) }
    }

    /// `parts(of:in:)` over UTF-8 bytes, reusing `workspace`.
    public func parts(of token: Token, in utf8: UnsafeBufferPointer<UInt8>, workspace: SegmentationWorkspace) -> [NestedToken] {
        nestedParts(of: token, workspace: workspace) { token, inner throws(SegmentationError) in
            try segment(UnsafeBufferPointer(rebasing: utf8[token.utf8Range]), into: &inner, workspace: workspace)
        }
    }

    /// `parts(of:in:)` of a token cut from normalized scalars (`segment(normalized:…)`).
    func parts(of token: Token, inNormalized scalars: UnsafeBufferPointer<UInt32>, workspace: SegmentationWorkspace) -> [NestedToken] {
        nestedParts(of: token, workspace: workspace) { token, inner throws(SegmentationError) in
            try segment(normalized: UnsafeBufferPointer(rebasing: scalars[token.scalarRange]), into: &inner, workspace: workspace)
        }
    }

    /// The parts of `token`: `segmentInside` cuts the token's own text (offsets relative to its
    /// start) while the workspace excludes the edge covering all of it.
    private func nestedParts(
        of token: Token, workspace: SegmentationWorkspace,
        segmentInside: (Token, inout [Token]) throws(SegmentationError) -> Void
    ) -> [NestedToken] {
        guard granularity == .coarse, token.kind == .tifa, token.scalarRange.count >= 3 else { return [] }
        var inner: [Token] = []
        workspace.excludeWhole = true
        defer { workspace.excludeWhole = false }
        do { try segmentInside(token, &inner) } catch { return [] }
        guard inner.count > 1 else { return [] }
        workspace.excludeWhole = false
        return inner.map { part in
            var shifted = part
            shifted.utf8Range = (part.utf8Range.lowerBound + token.utf8Range.lowerBound)..<(part.utf8Range.upperBound + token.utf8Range.lowerBound)
            shifted.scalarRange =
                (part.scalarRange.lowerBound + token.scalarRange.lowerBound)..<(part.scalarRange.upperBound + token.scalarRange.lowerBound)
            return NestedToken(token: shifted, parts: nestedParts(of: shifted, workspace: workspace, segmentInside: segmentInside))
        }
    }

    /// The tokens of `text`, each with its parts.
    public func nestedTokens(in text: String) -> [NestedToken] {
        var text = text
        let workspace = SegmentationWorkspace()
        return text.withUTF8 { bytes in
            var tokens: [Token] = []
            try! segment(bytes, into: &tokens, workspace: workspace)  // a String is valid UTF-8
            return tokens.map { NestedToken(token: $0, parts: parts(of: $0, in: bytes, workspace: workspace)) }
        }
    }
}
