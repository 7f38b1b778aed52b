import TifaText

extension PhraseMiner {
    /// Formulations the texts mark by their shape, however rare: numbered formulas (两个维护,
    /// 三县一城一枢纽, as the coarse segmenter's grammar finds them), quoted terms (“一岗双责”), the
    /// items of parallel lists (不敢腐、不能腐、不想腐) and the slot of fixed frames
    /// (坚持…不动摇, 以…为核心). `forms` are the documents' matching forms. Returns every proposal
    /// as scalars, and apart the numbered formulas, which are formulations by their shape alone.
    /// The scanners work on the scalars directly: no regular expressions, no per-match strings.
    func patternCandidates(_ forms: [MatchingForm]) -> (numbered: Set<[UInt32]>, all: [[UInt32]]) {
        var found: [[UInt32]] = []
        var numbered = Set<[UInt32]>()
        let workspace = SegmentationWorkspace()
        var tokens: [Token] = []
        for form in forms {
            var text = form.string
            tokens.removeAll(keepingCapacity: true)
            text.withUTF8 { try? segmenter.segment($0, into: &tokens, workspace: workspace) }
            let s = form.scalars
            for token in tokens where token.kind == .tifa && isFormulaNumeral(s[token.scalarRange.lowerBound]) {
                let word = Array(s[token.scalarRange])
                found.append(word)
                numbered.insert(word)
            }
            PatternScanner(s).scan(into: &found)
        }
        return (numbered, found)
    }
}
