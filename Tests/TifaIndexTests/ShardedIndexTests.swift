import Foundation
import TifaArchive
import TifaIndex
import XCTest

/// Shards answer as one index of the same documents: counts of random phrases, search hits with
/// their scores, word frequencies and KWIC lines are those of the single index.
final class ShardedIndexTests: XCTestCase {
    func testShardsAnswerAsOneIndex() throws {
        var documents: [Document] = []
        for file in try ArchiveReader.walk([repositoryRoot.appendingPathComponent("Examples").path]).files {
            for result in ArchiveReader.documents(in: file.path, name: file.name) { documents.append(try result.get()) }
        }
        let whole = try Index(path: try temporaryIndexPath())
        let shards = try (0..<3).map { _ in try Index(path: try temporaryIndexPath()) }
        var generator = SplitMix64(seed: 17)
        for document in documents {
            whole.add(document)
            shards[Int(generator.next() % 3)].add(document)
        }
        try whole.commit()
        for shard in shards { try shard.commit() }
        XCTAssertTrue(shards.allSatisfy { !$0.allDocuments.isEmpty })
        let set = ShardedIndex(shards: shards)

        // Random phrases from the texts, and phrases found nowhere.
        let normalizer = try Normalizer()
        let forms = documents.map { Array(normalizer.matchingForm(of: $0.text).scalars) }
        var phrases = ["全面从严治党", "两个维护", "的", "哈哈哈", "新质生产力"]
        while phrases.count < 300 {
            let form = forms[Int(generator.next() % UInt64(forms.count))]
            let length = 1 + Int(generator.next() % 8)
            guard form.count > length else { continue }
            let start = Int(generator.next() % UInt64(form.count - length))
            phrases.append(String(String.UnicodeScalarView(form[start..<(start + length)].compactMap(Unicode.Scalar.init))))
        }
        var differences: [String] = []
        for phrase in phrases {
            let one = try whole.count(phrase), many = try set.count(phrase)
            if [one.occurrences, one.documents] != [many.occurrences, many.documents] {
                differences.append("\(phrase): \(one.occurrences)/\(one.documents) against \(many.occurrences)/\(many.documents)")
            }
        }
        XCTAssertEqual(differences, [])

        for query in ["全面从严治党", "\"高质量发展\" NEAR/20 改革", "两个维护 OR 四个意识", "发展 date:2010..2020", "改革 -开放"] {
            let one = try whole.search(query, limit: 1_000).map { "\($0.document.id) \(String(format: "%.9f", $0.score))" }
            let many = try set.search(query, limit: 1_000).map { "\($0.value.document.id) \(String(format: "%.9f", $0.value.score))" }
            XCTAssertEqual(Set(one), Set(many), query)
            XCTAssertEqual(one.count, many.count, query)
            let top = try set.search(query, limit: 3).map(\.value.score)
            XCTAssertEqual(top, top.sorted(by: >), query)
        }
        XCTAssertEqual(try set.wordFrequencies(top: 40), try whole.wordFrequencies(top: 40))
        XCTAssertEqual(
            Set(try set.kwic("新质生产力", width: 5).map { "\($0.value.id) \($0.value.start)" }),
            Set(try whole.kwic("新质生产力", width: 5).map { "\($0.id) \($0.start)" }))
        XCTAssertEqual(try set.documents(matching: "date:2024").map(\.value.id), try whole.documents(matching: "date:2024").map(\.id))
    }
}
