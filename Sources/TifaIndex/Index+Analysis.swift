import Dispatch
import TifaText

extension Index {
    /// Analyses a batch's documents on `jobs` threads and builds its posting lists. It reads
    /// nothing the writer changes, so it may run while `write` stores the previous batch.
    func prepare(_ batch: Batch) -> PreparedBatch {
        let prepared = PreparedBatch(batch)
        var analyses = analyse(batch.documents)
        var pairs: [Int64: Postings.Encoder] = [:]
        var words: [String: Postings.Encoder] = [:]
        prepared.shapes.reserveCapacity(analyses.count)
        for (i, analysis) in analyses.enumerated() {
            let local = Int64(i + 1)
            prepared.shapes.append((analysis.length, analysis.last))
            analysis.pairs.withUnsafeBufferPointer { entries in
                var k = 0
                while k < entries.count {
                    let gram = entries[k].gram
                    var j = k + 1
                    while j < entries.count && entries[j].gram == gram { j += 1 }
                    pairs[gram, default: Postings.Encoder()].append(
                        document: local, positions: UnsafeBufferPointer(rebasing: entries[k..<j]))
                    k = j
                }
            }
            for (word, frequency) in analysis.words {
                words[word, default: Postings.Encoder()].append(document: local, frequency: frequency)
            }
            analyses[i] = Analysis()  // its lists are encoded: memory holds one copy at a time
        }
        prepared.pairs = pairs.keys.sorted().map { ($0, pairs[$0]!.bytes) }
        prepared.words = words.keys.sorted(by: { $0.utf8.lexicographicallyPrecedes($1.utf8) }).map { ($0, words[$0]!.bytes) }
        return prepared
    }

    /// What a commit needs of one document.
    struct Analysis: Sendable {
        var length = 0
        var last: Int64 = -1
        /// Every pair and where it starts, sorted by pair, then position.
        var pairs: [PairPosition] = []
        var words: [String: Int] = [:]
    }

    struct PairPosition: Comparable, Sendable {
        var gram: Int64
        var position: Int32

        static func < (lhs: PairPosition, rhs: PairPosition) -> Bool {
            lhs.gram != rhs.gram ? lhs.gram < rhs.gram : lhs.position < rhs.position
        }
    }

    /// Analyses `batch` in parallel: one task per thread, so a workspace serves many documents;
    /// the largest documents are dealt first, each to the thread with the least text so far, so
    /// the threads end together.
    private func analyse(_ batch: [Document]) -> [Analysis] {
        // A writer made its analyzer when it opened, so this cannot fail.
        let analyzer = try! self.analyzer()
        var results = [Analysis](repeating: Analysis(), count: batch.count)
        let threads = max(1, min(jobs, batch.count))
        var assignment = [[Int]](repeating: [], count: threads)
        var load = [Int](repeating: 0, count: threads)
        for i in batch.indices.sorted(by: { batch[$0].text.utf8.count > batch[$1].text.utf8.count }) {
            let thread = load.indices.min { load[$0] < load[$1] }!
            assignment[thread].append(i)
            load[thread] += batch[i].text.utf8.count
        }
        results.withUnsafeMutableBufferPointer { slots in
            let slots = UncheckedSendable(slots)
            let documents = UncheckedSendable(batch)
            let plan = UncheckedSendable(assignment)
            DispatchQueue.concurrentPerform(iterations: threads) { thread in
                let workspace = SegmentationWorkspace()
                for i in plan.value[thread] {
                    slots.value[i] = Self.analyze(documents.value[i].text, analyzer: analyzer, workspace: workspace)
                }
            }
        }
        return results
    }

    /// One document: its matching form's pairs for phrase postings and its words (cut from the
    /// matching form, so a hard-wrapped word counts whole) for word postings.
    static func analyze(_ text: String, analyzer: DocumentAnalyzer, workspace: SegmentationWorkspace) -> Analysis {
        let form = analyzer.matchingForm(of: text)
        var analysis = Analysis()
        analysis.length = form.scalars.count
        analysis.last = form.scalars.last.map(Int64.init) ?? -1
        analysis.pairs = collectPostings(of: form.scalars)
        analysis.words = analyzer.wordCounts(of: form, workspace: workspace)
        return analysis
    }

    /// Every character pair of `scalars` with its positions. A single character's positions are
    /// those of the pairs it starts, plus the document's last character.
    static func collectPostings(of scalars: [UInt32]) -> [PairPosition] {
        let count = max(0, scalars.count - 1)
        // A pair key has 43 bits: with a position below 2^21 both fit one integer, which sorts fast.
        if scalars.count < 1 << 21 {
            var keys = [UInt64](repeating: 0, count: count)
            for p in 0..<count {
                keys[p] = UInt64(Postings.bigram(scalars[p], scalars[p + 1])) << 21 | UInt64(p)
            }
            keys.sort()
            return keys.map { PairPosition(gram: Int64($0 >> 21), position: Int32($0 & 0x1F_FFFF)) }
        }
        var pairs: [PairPosition] = []
        pairs.reserveCapacity(count)
        for p in 0..<count {
            pairs.append(PairPosition(gram: Postings.bigram(scalars[p], scalars[p + 1]), position: Int32(p)))
        }
        pairs.sort()
        return pairs
    }
}
