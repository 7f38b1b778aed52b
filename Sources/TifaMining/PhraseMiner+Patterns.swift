import TifaText

extension PhraseMiner {
    /// Formulations the texts mark by their shape, however rare: numbered formulas (两个维护,
    /// 三县一城一枢纽, as the coarse segmenter's grammar finds them), quoted terms (“一岗双责”), the
    /// items of parallel lists (不敢腐、不能腐、不想腐) and the slot of fixed frames
    /// (坚持…不动摇, 以…为核心).
    /// `texts` are the documents' matching forms. Returns every proposal, and apart the numbered
    /// formulas, which are formulations by their shape alone.
    func patternCandidates(_ texts: [String]) -> (numbered: Set<String>, all: [String]) {
        var found: [String] = []
        var numbered = Set<String>()
        let workspace = SegmentationWorkspace()
        var tokens: [Token] = []
        for original in texts {
            var text = original
            tokens.removeAll(keepingCapacity: true)
            text.withUTF8 { try? segmenter.segment($0, into: &tokens, workspace: workspace) }
            for token in tokens where token.kind == .tifa {
                let word = String(token.text(in: text))
                if let first = word.unicodeScalars.first, isFormulaNumeral(first.value) {
                    found.append(word)
                    numbered.insert(word)
                }
            }
            for match in text.matches(of: /“([\u{3400}-\u{4DBF}\u{4E00}-\u{9FFF}]{2,12})”/) { found.append(String(match.output.1)) }
            for match in text.matches(of: /(?:[\u{3400}-\u{4DBF}\u{4E00}-\u{9FFF}]{2,6}、){2,}[\u{3400}-\u{4DBF}\u{4E00}-\u{9FFF}]{2,6}/) {
                var items = match.output.split(separator: "、").map(String.init)
                // A match that starts inside a longer Han run has cut its first item somewhere: parallel
                // items share their shape, so it is taken as long as the second.
                if match.range.lowerBound > text.startIndex,
                    let before = text[text.index(before: match.range.lowerBound)].unicodeScalars.first, isHan(before.value)
                {
                    items[0] = String(items[0].suffix(items[1].count))
                }
                found += items
            }
            for match in text.matches(of: /坚持([\u{3400}-\u{4DBF}\u{4E00}-\u{9FFF}]{2,10})不动摇/) { found.append(String(match.output.1)) }
            for match in text.matches(of: /以([\u{3400}-\u{4DBF}\u{4E00}-\u{9FFF}]{2,12})为(?:核心|中心|统领|主线|引领)/) { found.append(String(match.output.1)) }
        }
        return (numbered, found)
    }
}
