import TifaIndex
import TifaText

extension Index {
    /// The words of two or more characters within `left` tokens before and `right` tokens after each
    /// occurrence of `phrase` (any phrase, counted exactly, not only a word), in the documents
    /// `filter` matches (all when nil), ranked by `measure`, highest first. Tokens are those of
    /// the coarse segmenter over each document's matching form; punctuation, numbers and symbols
    /// are passed over and do not count toward the window. Collocates seen fewer than
    /// `minimumCount` times are left out.
    public func collocates(
        of phrase: String, left: Int = 5, right: Int = 5, filter: String? = nil, measure: CollocationMeasure = .logdice,
        minimumCount: Int = 2, top: Int = 50
    ) throws(IndexError) -> [Collocate] {
        try inOneSnapshot { () throws(IndexError) in
            let parts = try documents(matching: filter)
            let numbers = Set(parts.map(\.number))
            let found = try occurrences(of: phrase).filter { numbers.contains($0.key) }
            let analyzer = try analyzer()
            let nodeLength = analyzer.matchingForm(of: phrase.trimmingCharacters(in: .whitespacesAndNewlines)).scalars.count
            let workspace = SegmentationWorkspace()
            var cooccurrences: [String: (count: Int, documents: Int)] = [:]
            var nodeFrequency = 0
            var tokens: [Token] = []
            for (number, starts) in found {
                guard let info = document(number: number) else { continue }
                let form = analyzer.matchingForm(of: try text(ofDocument: info.id))
                tokens.removeAll(keepingCapacity: true)
                analyzer.tokens(of: form, into: &tokens, workspace: workspace)
                let words = tokens.filter { ($0.kind == .word || $0.kind == .tifa) }
                var seenHere: Set<String> = []
                // A word in the windows of two nearby occurrences counts once.
                var counted = Set<Int>()
                let nodeStarts = Set(starts.map(Int.init))
                for start in starts.map(Int.init) {
                    nodeFrequency += 1
                    let end = start + nodeLength
                    // The first word ending after the node starts; words before it end at or before the start.
                    var firstAfter = words.partitioningIndex { $0.scalarRange.lowerBound >= end }
                    var lastBefore = words.partitioningIndex { $0.scalarRange.upperBound > start }
                    var window: [Int] = []
                    var k = 0
                    while k < left && lastBefore > 0 {
                        lastBefore -= 1
                        window.append(lastBefore)
                        k += 1
                    }
                    k = 0
                    while k < right && firstAfter < words.count {
                        window.append(firstAfter)
                        firstAfter += 1
                        k += 1
                    }
                    for position in window where counted.insert(position).inserted {
                        let token = words[position]
                        // Another occurrence of the node is no collocate of it.
                        guard token.scalarRange.count >= 2, !(nodeStarts.contains(token.scalarRange.lowerBound) && token.scalarRange.count == nodeLength)
                        else { continue }
                        let word = String(String.UnicodeScalarView(form.scalars[token.scalarRange].compactMap(Unicode.Scalar.init)))
                        cooccurrences[word, default: (0, 0)].count += 1
                        if seenHere.insert(word).inserted { cooccurrences[word]!.documents += 1 }
                    }
                }
            }
            var frequencies: [String: Int] = [:]
            var corpusSize = 0
            for word in try wordFrequencies(matching: filter, top: Int.max, minimumLength: 2) {
                frequencies[word.word] = word.occurrences
                corpusSize += word.occurrences
            }
            let collocates = cooccurrences.filter { $0.value.count >= minimumCount }.map {
                Collocate(
                    collocate: $0.key, cooccurrences: $0.value.count, collocateFrequency: frequencies[$0.key] ?? $0.value.count,
                    nodeFrequency: nodeFrequency, corpusSize: max(corpusSize, 1), documents: $0.value.documents)
            }
            return Array(
                collocates.sorted { ($0.value(of: measure), $1.collocate) > ($1.value(of: measure), $0.collocate) }.prefix(max(0, top)))
        }
    }
}

extension Array {
    /// The first index whose element satisfies `belongs`, for a predicate false then true along the array.
    fileprivate func partitioningIndex(where belongs: (Element) -> Bool) -> Int {
        var low = 0, high = count
        while low < high {
            let middle = (low + high) / 2
            if belongs(self[middle]) { high = middle } else { low = middle + 1 }
        }
        return low
    }
}
