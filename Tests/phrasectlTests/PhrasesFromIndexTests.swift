import Foundation
import XCTest

/// `phrases --db` mines the index's matching form: what it counts is what `count` counts.
final class PhrasesFromIndexTests: XCTestCase {
    struct Candidate: Decodable {
        var phrase: String
        var count: Int
        var documents: Int
    }

    func testTraditionalIndexIsMinedInSimplifiedWithTheCountsCountGives() throws {
        let jsonl = [
            #"{"id":"t1","text":"我們要堅持全面從嚴治黨，推進黨的建設。"}"#,
            #"{"id":"t2","text":"必須把全面從嚴治黨引向深入。"}"#,
            #"{"id":"t3","text":"持續推進全面從嚴治黨，永遠在路上。"}"#,
            #"{"id":"t4","text":"“全面從嚴治黨”是重大戰略部署，全面從嚴治黨。"}"#,
        ].joined(separator: "\n")
        let input = try PhrasectlRunner.temporaryFile(Array(jsonl.utf8), name: "hant.jsonl")
        let db = (input as NSString).deletingLastPathComponent + "/hant.tifa"
        let indexed = try PhrasectlRunner.run(["index", "--db", db, "--to-simplified", "--quiet", input])
        XCTAssertEqual(indexed.status, 0, indexed.stderr)

        let mined = try PhrasectlRunner.run(["phrases", "--db", db, "--json", "--quiet", "--min-count", "2", "--top", "200"])
        XCTAssertEqual(mined.status, 0, mined.stderr)
        let candidates = try mined.stdout.split(separator: "\n").map {
            try JSONDecoder().decode(Candidate.self, from: Data($0.utf8))
        }
        XCTAssertFalse(candidates.contains { $0.phrase.contains("從") || $0.phrase.contains("黨") }, mined.stdout)
        let formulation = try XCTUnwrap(candidates.first { $0.phrase == "全面从严治党" }, mined.stdout)
        XCTAssertEqual(formulation.count, 5)
        XCTAssertEqual(formulation.documents, 4)

        let counted = try PhrasectlRunner.run(["count", "--db", db, "--json", "全面从严治党", "全面從嚴治黨"])
        XCTAssertEqual(
            counted.stdout,
            """
            {"phrase":"全面从严治党","occurrences":5,"documents":4}
            {"phrase":"全面從嚴治黨","occurrences":5,"documents":4}

            """)
    }
}
