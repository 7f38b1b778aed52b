import TifaIndex
import TifaMining
import TifaText

extension Index {
    /// The words and formulations the documents `target` matches use more, or less, than those
    /// `reference` matches (give disjoint slices: `date:2025` against `date:2013..2024`). Words
    /// come from the word postings; a word the lexicon knows as political vocabulary among the
    /// items kept is counted again exactly, as a character string, and reported as a
    /// `formulation`. One snapshot of the index throughout.
    public func keyness(target: String, reference: String, options: KeynessOptions = KeynessOptions()) throws(IndexError) -> Keyness {
        try inOneSnapshot { () throws(IndexError) in
            let targetDocuments = try documents(matching: target)
            let referenceDocuments = try documents(matching: reference)
            let targetSize = targetDocuments.reduce(0) { $0 + $1.length }
            let referenceSize = referenceDocuments.reduce(0) { $0 + $1.length }
            var result = Keyness(
                targetDocuments: targetDocuments.count, targetSize: targetSize, referenceDocuments: referenceDocuments.count,
                referenceSize: referenceSize, tested: 0, items: [])
            result.sharedDocuments = Set(targetDocuments.map(\.number)).intersection(referenceDocuments.map(\.number)).count
            guard targetSize > 0, referenceSize > 0 else { return result }

            var counts: [String: (target: Int, reference: Int)] = [:]
            for word in try wordFrequencies(matching: target, top: Int.max, minimumLength: options.minimumLength) {
                counts[word.word, default: (0, 0)].target = word.occurrences
            }
            for word in try wordFrequencies(matching: reference, top: Int.max, minimumLength: options.minimumLength) {
                counts[word.word, default: (0, 0)].reference = word.occurrences
            }
            var items = counts.filter { $0.value.target + $0.value.reference >= options.minimumCount }.map {
                KeynessItem(
                    item: $0.key, unit: .word,
                    statistics: KeynessStatistics(
                        targetCount: $0.value.target, referenceCount: $0.value.reference, targetSize: targetSize, referenceSize: referenceSize))
            }
            let targetNumbers = Set(targetDocuments.map(\.number)), referenceNumbers = Set(referenceDocuments.map(\.number))
            func exactCounts(_ phrase: String) throws(IndexError) -> (Int, Int) {
                try occurrences(of: phrase, in: targetNumbers, and: referenceNumbers)
            }
            if options.minedPhrases > 0 {
                var texts: [String] = []
                for document in targetDocuments { texts.append(try text(ofDocument: document.id)) }
                let known = Set(items.map(\.item))
                let mined = PhraseMiner(analyzer: try analyzer()).mine(texts, minimumCount: options.minimumCount, newOnly: true)
                for candidate in mined.lazy.filter({ !known.contains($0.phrase) }).prefix(options.minedPhrases) {
                    let (a, b) = try exactCounts(candidate.phrase)
                    items.append(
                        KeynessItem(
                            item: candidate.phrase, unit: .phrase,
                            statistics: KeynessStatistics(targetCount: a, referenceCount: b, targetSize: targetSize, referenceSize: referenceSize)))
                }
            }
            result.tested = items.count
            let threshold = options.correction.threshold(alpha: options.alpha, tests: items.count)
            func kept(_ item: KeynessItem) -> Bool {
                (options.alpha >= 1 || item.statistics.pValue <= threshold) && abs(item.statistics.logRatio) >= options.minimumLogRatio
                    && item.statistics.targetCount + item.statistics.referenceCount >= options.minimumCount
            }
            func ranked(_ items: [KeynessItem]) -> [KeynessItem] {
                items.filter(kept).sorted {
                    ($0.statistics.logLikelihood, $1.item) > ($1.statistics.logLikelihood, $0.item)
                }
            }
            items = ranked(items)

            // Formulations among the leading items are counted exactly, then ranked again.
            let lexicon = try analyzer().segmenter.lexicon
            for i in items.indices.prefix(options.top * 2) where items[i].unit == .word {
                guard lexicon.entry(for: items[i].item)?.tag.isFormulationKind == true else { continue }
                let (a, b) = try exactCounts(items[i].item)
                items[i].unit = .formulation
                items[i].statistics.targetCount = a
                items[i].statistics.referenceCount = b
            }
            result.items = Array(ranked(items).prefix(options.top))
            return result
        }
    }
}
