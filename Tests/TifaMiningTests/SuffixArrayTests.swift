@testable import TifaMining
import TifaText
import XCTest

/// The multikey suffix sort against a plain comparison sort of the same definition, on text with
/// long repeats, quotations and short runs; and the quick branching bounds against the entropies
/// the miner computes.
final class SuffixArrayTests: XCTestCase {
    /// The definition: by characters up to `depth`, a separator ending the comparison; ties by position.
    func oracle(_ text: [UInt32], depth: Int) -> [Int32] {
        (0..<text.count).filter { !MiningCorpus.isSeparator(text[$0]) }.map(Int32.init).sorted { a, b in
            for k in 0..<depth {
                let x = text[Int(a) + k], y = text[Int(b) + k]
                if x != y { return x < y }
                if MiningCorpus.isSeparator(x) { return a < b }
            }
            return a < b
        }
    }

    func corpus(_ documents: [String]) -> MiningCorpus {
        var corpus = MiningCorpus()
        let normalizer = try! Normalizer()
        for document in documents { corpus.append(normalizer.matchingForm(of: document)) }
        return corpus
    }

    func testSortAgreesWithTheDefinitionOnRepeatsAndRandomText() {
        var generator = SplitMix64(seed: 17)
        let alphabet = Array("的发展党中国人民坚持两个维护“”，。").map { String($0) }
        var documents = [String](repeating: "坚持“两个维护”，推动高质量发展，推动高质量发展。", count: 40)
        documents.append(String(repeating: "哈", count: 300))
        documents.append(String(repeating: "发展", count: 200))
        for _ in 0..<60 {
            documents.append((0..<Int(generator.next() % 80)).map { _ in alphabet[Int(generator.next() % UInt64(alphabet.count))] }.joined())
        }
        let text = corpus(documents).text
        for depth in [1, 2, 5, 16] {
            XCTAssertEqual(SuffixArray(text, depth: depth).suffixes, oracle(text, depth: depth), "depth \(depth)")
        }
        let sa = SuffixArray(text, depth: 16)
        XCTAssertEqual(sa.range(of: Array("发展".unicodeScalars.map(\.value))[...], in: text).count, 200 + 80 + countOf("发展", in: documents.suffix(60)))
        XCTAssertEqual(sa.range(of: Array("哈哈哈".unicodeScalars.map(\.value))[...], in: text).count, 298)
        XCTAssertEqual(sa.range(of: Array("质推".unicodeScalars.map(\.value))[...], in: text).count, 0)
    }

    func countOf(_ phrase: String, in texts: ArraySlice<String>) -> Int {
        texts.reduce(0) { total, text in
            var n = 0
            var rest = Substring(text)
            while let found = rest.range(of: phrase) {
                n += 1
                rest = rest[rest.index(after: found.lowerBound)...]
            }
            return total + n
        }
    }

    /// Every run the bounds pass over has an entropy at or below 0.25 on one side, by the miner's
    /// own measure.
    func testBranchingBoundsNeverDropACandidate() throws {
        var generator = SplitMix64(seed: 5)
        let alphabet = Array("甲乙丙丁戊己“”，").map { String($0) }
        let documents = (0..<200).map { _ in (0..<Int(generator.next() % 40)).map { _ in alphabet[Int(generator.next() % UInt64(alphabet.count))] }.joined() }
            + [String](repeating: "子丑寅卯辰巳午未", count: 30)
        let text = corpus(documents).text
        let sa = SuffixArray(text, depth: 16)
        var buffer: [UInt32] = []
        var passedOver = 0
        for length in 2...4 {
            var runStart = 0
            for i in 1...sa.suffixes.count {
                if i < sa.suffixes.count, Int(sa.lcp[i]) >= length { continue }
                defer { runStart = i }
                guard i - runStart >= 2 else { continue }
                var left: [UInt32: Int] = [:], right: [UInt32: Int] = [:]
                var leftBreaks = 0, rightBreaks = 0
                for k in runStart..<i {
                    let p = Int(sa.suffixes[k])
                    if MiningCorpus.isSeparator(text[p - 1]) { leftBreaks += 1 } else { left[text[p - 1], default: 0] += 1 }
                    if MiningCorpus.isSeparator(text[p + length]) { rightBreaks += 1 } else { right[text[p + length], default: 0] += 1 }
                }
                let branchesRight = PhraseMiner.entropy(right, breaks: rightBreaks) > PhraseMiner.minimumBranching
                let branchesLeft = PhraseMiner.entropy(left, breaks: leftBreaks) > PhraseMiner.minimumBranching
                let mayRight = PhraseMiner.mayBranch(rightOf: runStart..<i, length: length, sa: sa)
                let mayLeft = PhraseMiner.mayBranch(leftOf: runStart..<i, sa: sa, text: text, buffer: &buffer)
                if branchesRight { XCTAssertTrue(mayRight) }
                if branchesLeft { XCTAssertTrue(mayLeft) }
                if !mayRight || !mayLeft { passedOver += 1 }
            }
        }
        XCTAssertGreaterThan(passedOver, 18)
    }
}
