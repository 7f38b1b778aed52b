import Foundation
import TifaArchive
import TifaIndex
import XCTest

/// The index's counts against a brute-force count over the documents' matching forms.
final class IndexOracleTests: XCTestCase {
    func testCountsEqualBruteForceOnTheExampleArchive() throws {
        let files = try ArchiveReader.walk([repositoryRoot.appendingPathComponent("Examples").path]).files
        let index = try Index(path: try temporaryIndexPath())
        var texts: [String: [Unicode.Scalar]] = [:]
        for file in files {
            for result in ArchiveReader.documents(in: file.path, name: file.name) {
                let document = try result.get()
                index.add(document)
                texts[document.id] = oracleMatchingForm(document.text)
                if texts.count % 5 == 0 { try index.commit() }  // many segments, merged as they grow
            }
        }
        try index.commit()
        XCTAssertEqual(index.allDocuments.count, 29)

        // Where each scalar occurs, to check candidates directly against the text.
        var starts: [Unicode.Scalar: [(String, Int)]] = [:]
        for (id, scalars) in texts {
            for (p, s) in scalars.enumerated() { starts[s, default: []].append((id, p)) }
        }
        func bruteForce(_ phrase: [Unicode.Scalar]) -> (occurrences: Int, documents: Int) {
            var perDocument: [String: Int] = [:]
            for (id, p) in starts[phrase[0]] ?? [] {
                let text = texts[id]!
                guard p + phrase.count <= text.count else { continue }
                if text[p..<(p + phrase.count)].elementsEqual(phrase) { perDocument[id, default: 0] += 1 }
            }
            return (perDocument.values.reduce(0, +), perDocument.count)
        }

        var generator = SplitMix64(seed: 20_261_125)
        let ids = texts.keys.sorted()
        var phrases: [[Unicode.Scalar]] = []
        while phrases.count < 1_100 {
            let text = texts[ids[Int(generator.next() % UInt64(ids.count))]]!
            let length = 2 + Int(generator.next() % 9)
            guard text.count > length else { continue }
            let start = Int(generator.next() % UInt64(text.count - length))
            phrases.append(Array(text[start..<(start + length)]))
        }
        // Misses and near-misses: reversed samples and invented strings.
        for k in 0..<150 { phrases.append(phrases[k].reversed()) }
        phrases += ["哈哈", "全面从严治党永远在路上啊", "两个维护", "ＧＤＰ", "政府工作报\n告", "の党", "习近平新时代"].map { Array($0.unicodeScalars) }
        phrases += ["发", "的", "。", "\u{3007}"].map { Array($0.unicodeScalars) }

        var mismatches: [String] = []
        for phrase in phrases {
            let query = String(String.UnicodeScalarView(phrase))
            let expected = bruteForce(oracleMatchingForm(query).isEmpty ? phrase : oracleMatchingForm(query))
            let count = try index.count(query)
            if count.occurrences != expected.occurrences || count.documents != expected.documents {
                mismatches.append("\(query.debugDescription): index \(count.occurrences)/\(count.documents), brute force \(expected.occurrences)/\(expected.documents)")
            }
        }
        XCTAssertEqual(mismatches, [], "\(mismatches.count) of \(phrases.count) phrases differ")
        XCTAssertGreaterThan(phrases.count, 1_000)
    }
}
