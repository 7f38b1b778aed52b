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

        // `count` and `totals` against brute force; then again with segments holding deleted and
        // replaced documents (totals decoded there), and again after merging them away.
        func mismatches() throws -> [String] {
            var found: [String] = []
            for phrase in phrases {
                let query = String(String.UnicodeScalarView(phrase))
                let expected = bruteForce(oracleMatchingForm(query).isEmpty ? phrase : oracleMatchingForm(query))
                let count = try index.count(query)
                let totals = try index.totals(query)
                if count.occurrences != expected.occurrences || count.documents != expected.documents
                    || totals.occurrences != expected.occurrences || totals.documents != expected.documents
                {
                    found.append(
                        "\(query.debugDescription): count \(count.occurrences)/\(count.documents), totals \(totals.occurrences)/\(totals.documents), brute force \(expected.occurrences)/\(expected.documents)")
                }
            }
            return found
        }
        XCTAssertEqual(try mismatches(), [], "of \(phrases.count) phrases")
        XCTAssertGreaterThan(phrases.count, 1_000)

        for id in ids.prefix(3) { texts[id] = nil }
        try index.delete(ids: Array(ids.prefix(3)))
        let replaced = Document(id: ids[10], text: "全面从严治党，的的确确。党")
        texts[replaced.id] = oracleMatchingForm(replaced.text)
        index.add(replaced)
        try index.commit()
        starts = [:]
        for (id, scalars) in texts {
            for (p, s) in scalars.enumerated() { starts[s, default: []].append((id, p)) }
        }
        XCTAssertEqual(try mismatches(), [], "with deleted and replaced documents")
        try index.optimize()
        XCTAssertEqual(try mismatches(), [], "after optimize")
        XCTAssertTrue(try index.check(samplePhrases: 300).problems.isEmpty)
    }

    /// An index of format 1 (made by an earlier Tifa: two segments, one document deleted) is read
    /// as it is, and upgraded to format 2 when a writer opens it, counting the same.
    func testFormatOneIsReadAndUpgraded() throws {
        let path = try temporaryIndexPath()
        try FileManager.default.copyItem(
            atPath: repositoryRoot.appendingPathComponent("Tests/TifaIndexTests/Fixtures/format1.tifa").path, toPath: path)
        let expected: [(String, Int, Int)] = [
            ("全面从严治党", 2, 2), ("治党", 4, 3), ("党", 4, 3), ("发展", 4, 2), ("哈哈", 2, 1), ("高质量发展", 2, 2), ("展", 4, 2),
        ]
        func counts(_ index: Index) throws -> [(String, Int, Int)] {
            try expected.map { phrase, _, _ in
                let totals = try index.totals(phrase)
                let count = try index.count(phrase)
                XCTAssertEqual(totals.occurrences, count.occurrences, phrase)
                XCTAssertEqual(totals.documents, count.documents, phrase)
                return (phrase, totals.occurrences, totals.documents)
            }
        }
        let reader = try Index(path: path, readOnly: true)
        XCTAssertEqual(try reader.statistics().formatVersion, 1)
        XCTAssertEqual(try counts(reader).map { "\($0) \($1) \($2)" }, expected.map { "\($0) \($1) \($2)" })

        let writer = try Index(path: path)
        XCTAssertEqual(try writer.statistics().formatVersion, 2)
        XCTAssertEqual(try writer.statistics().segments, 1)
        XCTAssertEqual(try counts(writer).map { "\($0) \($1) \($2)" }, expected.map { "\($0) \($1) \($2)" })
        XCTAssertEqual(try writer.check().problems, [])
        // The reader opened before the upgrade reads the new layout.
        XCTAssertEqual(try counts(reader).map { "\($0) \($1) \($2)" }, expected.map { "\($0) \($1) \($2)" })
    }
}
