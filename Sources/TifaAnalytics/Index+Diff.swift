import TifaIndex
import TifaText

extension Index {
    /// Two sentences are near-identical when this share of their character pairs is common to
    /// both (Jaccard similarity): a word swapped in a long sentence keeps it the same; a rewritten
    /// clause, or a changed figure in a short sentence (a new target), makes it new.
    static let nearIdentical = 0.8
    /// Sentences shorter than this many characters (list numbers, one-word headings) are not compared.
    static let shortestSentence = 4

    /// What `b` says that `a` does not. Each side is a document id, or a query whose documents make
    /// the side. Items are the words of two or more characters the segmenter cut, counted exactly as
    /// character strings on both sides: added when A has none (not even inside a longer word) and B
    /// has `minimumCount` or more, dropped the other way round, changed when both have it and the
    /// change of rate is significant (log-likelihood p < 0.05); at most `top` of each kind.
    public func diff(_ a: String, _ b: String, top: Int = 20, minimumCount: Int = 2) throws(IndexError) -> IndexDiff {
        try inOneSnapshot { () throws(IndexError) in
            let sideA = try side(a), sideB = try side(b)
            let sizeA = sideA.reduce(0) { $0 + $1.length }, sizeB = sideB.reduce(0) { $0 + $1.length }
            var result = IndexDiff(
                documentsA: sideA.count, documentsB: sideB.count, sizeA: sizeA, sizeB: sizeB, added: [], dropped: [], changed: [], newSentences: [])
            result.sharedDocuments = Set(sideA.map(\.number)).intersection(sideB.map(\.number)).count
            guard sizeA > 0, sizeB > 0 else { return result }

            var counts: [String: (a: Int, b: Int)] = [:]
            for word in try wordFrequencies(in: sideA, top: Int.max) { counts[word.word, default: (0, 0)].a = word.occurrences }
            for word in try wordFrequencies(in: sideB, top: Int.max) { counts[word.word, default: (0, 0)].b = word.occurrences }
            let lexicon = try analyzer().segmenter.lexicon
            let numbersA = Set(sideA.map(\.number)), numbersB = Set(sideB.map(\.number))
            func exact(_ phrase: String) throws(IndexError) -> (a: Int, b: Int) {
                let counts = try occurrences(of: phrase, in: numbersA, and: numbersB)
                return (counts.first, counts.second)
            }
            func statistics(_ c: (a: Int, b: Int)) -> KeynessStatistics {
                KeynessStatistics(targetCount: c.b, referenceCount: c.a, targetSize: sizeB, referenceSize: sizeA)
            }
            func item(_ phrase: String, _ c: (a: Int, b: Int)) throws(IndexError) -> IndexDiff.Item {
                let unit: KeynessItem.Unit = lexicon.entry(for: phrase)?.tag.isFormulationKind == true ? .formulation : .word
                let context = try kwic(phrase, in: c.b > 0 ? sideB : sideA, width: 12, limit: 1).first
                return IndexDiff.Item(phrase: phrase, unit: unit, countA: c.a, countB: c.b, logRatio: statistics(c).logRatio, context: context)
            }
            // Candidates come from the word postings; each is counted exactly before it is kept.
            let candidates = counts.map { (phrase: $0.key, a: $0.value.a, b: $0.value.b) }
            func collect(
                _ ordered: [(phrase: String, a: Int, b: Int)], keep: ((a: Int, b: Int)) -> Bool
            ) throws(IndexError) -> [IndexDiff.Item] {
                var kept: [IndexDiff.Item] = []
                for candidate in ordered.prefix(top * 20) where kept.count < top {
                    let c = try exact(candidate.phrase)
                    if keep(c) { kept.append(try item(candidate.phrase, c)) }
                }
                return kept
            }
            result.added = try collect(
                candidates.filter { $0.a == 0 && $0.b >= minimumCount }.sorted { ($0.b, $1.phrase) > ($1.b, $0.phrase) },
                keep: { $0.a == 0 && $0.b >= minimumCount })
            result.dropped = try collect(
                candidates.filter { $0.b == 0 && $0.a >= minimumCount }.sorted { ($0.a, $1.phrase) > ($1.a, $0.phrase) },
                keep: { $0.b == 0 && $0.a >= minimumCount })
            result.changed = try collect(
                candidates.filter { $0.a > 0 && $0.b > 0 && $0.a + $0.b >= minimumCount }
                    .map { ($0, statistics(($0.a, $0.b)).logLikelihood) }.sorted { ($0.1, $1.0.phrase) > ($1.1, $0.0.phrase) }.map(\.0),
                keep: { $0.a > 0 && $0.b > 0 && $0.a + $0.b >= minimumCount && statistics($0).pValue < 0.05 })
            result.newSentences = try newSentences(of: sideB, against: sideA)
            return result
        }
    }

    /// A side: the document with id `name`, else the documents the query `name` matches.
    private func side(_ name: String) throws(IndexError) -> [DocumentInfo] {
        if let document = document(id: name) { return [document] }
        return try documents(matching: name)
    }

    private func newSentences(of documentsB: [DocumentInfo], against documentsA: [DocumentInfo]) throws(IndexError) -> [IndexDiff.Sentence] {
        let analyzer = try analyzer()
        func sentences(of document: DocumentInfo) throws(IndexError) -> [(text: String, pairs: Set<UInt64>)] {
            let text = try self.text(ofDocument: document.id)
            return text.split(whereSeparator: { "。！？；!?;\n".contains($0) }).compactMap { piece in
                let kept = analyzer.matchingForm(of: String(piece)).scalars.filter { scalar in
                    guard let s = Unicode.Scalar(scalar) else { return false }
                    return s.properties.isAlphabetic || s.properties.numericType != nil
                }
                guard kept.count >= Self.shortestSentence else { return nil }
                var pairs = Set<UInt64>()
                for i in 0..<(kept.count - 1) { pairs.insert(UInt64(kept[i]) << 32 | UInt64(kept[i + 1])) }
                return (piece.trimmingCharacters(in: .whitespaces), pairs)
            }
        }
        var known: [Set<UInt64>] = []
        var byPair: [UInt64: [Int]] = [:]
        for document in documentsA {
            for sentence in try sentences(of: document) {
                for pair in sentence.pairs { byPair[pair, default: []].append(known.count) }
                known.append(sentence.pairs)
            }
        }
        // Candidates are found through pairs few sentences share; a near-identical sentence shares
        // most of its pairs, so it shares a rare one unless it is made of common ones only.
        let common = max(50, known.count / 100)
        var found: [IndexDiff.Sentence] = []
        for document in documentsB {
            for sentence in try sentences(of: document) {
                var candidates = Set<Int>()
                for pair in sentence.pairs {
                    if let holders = byPair[pair], holders.count <= common { candidates.formUnion(holders) }
                }
                let similar = candidates.contains { k in
                    let shared = known[k].intersection(sentence.pairs).count
                    return Double(shared) / Double(known[k].count + sentence.pairs.count - shared) >= Self.nearIdentical
                }
                if !similar { found.append(IndexDiff.Sentence(text: sentence.text, id: document.id)) }
            }
        }
        return found
    }
}
