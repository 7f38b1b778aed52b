import TifaText

/// Formulations the texts mark by their shape, however rare: numbered formulas (两个维护,
/// 三县一城一枢纽, as the coarse segmenter's grammar finds them), quoted terms (“一岗双责”), the
/// items of parallel lists (不敢腐、不能腐、不想腐) and the slot of fixed frames
/// (坚持…不动摇, 以…为核心). Every proposal is kept as scalars, and apart the numbered formulas,
/// which are formulations by their shape alone. The scanners work on the scalars directly: no
/// regular expressions, no per-match strings.
struct PatternCandidates {
    var numbered = Set<[UInt32]>()
    var all: [[UInt32]] = []

    /// Adds the proposals of one document's matching form.
    mutating func collect(from form: MatchingForm, analyzer: DocumentAnalyzer, workspace: SegmentationWorkspace, tokens: inout [Token]) {
        tokens.removeAll(keepingCapacity: true)
        analyzer.tokens(of: form, into: &tokens, workspace: workspace)
        let s = form.scalars
        for token in tokens where token.kind == .tifa && isFormulaNumeral(s[token.scalarRange.lowerBound]) {
            let word = Array(s[token.scalarRange])
            all.append(word)
            numbered.insert(word)
        }
        PatternScanner(s).scan(into: &all)
    }
}
