import Foundation
import XCTest

/// `trend` and `keyness` on a small index whose figures are worked out by hand.
final class AnalyticsCommandTests: XCTestCase {
    /// d1 (2023, 10 characters) has 两个维护 once, d2 (2024, 14) twice, d3 (2024, 6) not at all.
    static let records = [
        #"{"id":"d1","text":"坚持两个维护甲乙丙丁","date":"2023-03-05","speaker":"甲"}"#,
        #"{"id":"d2","text":"两个维护，两个维护。戊己庚辛","date":"2024-03-05","speaker":"乙"}"#,
        #"{"id":"d3","text":"全面深化改革","date":"2024-06-01","speaker":"乙"}"#,
    ]

    func testTrendJSONCSVAndText() throws {
        let db = try PhrasectlRunner.index(records: Self.records)
        let json = try PhrasectlRunner.run(["trend", "--db", db, "--json", "两个维护"])
        // Rates: 1/10 and 2/20 per character; D = 1 − CV/√2 over rates .1, 2/14, 0; DP = ½(|1/3 − 10/30| + |2/3 − 14/30| + |0 − 6/30|) = 0.2.
        XCTAssertEqual(
            json.stdout,
            #"{"phrase":"两个维护","buckets":[{"key":"2023","occurrences":1,"documents":1,"characters":10,"perMillion":100000},"#
                + #"{"key":"2024","occurrences":2,"documents":1,"characters":20,"perMillion":100000}],"#
                + #""first":{"date":"2023-03-05","id":"d1"},"last":{"date":"2024-03-05","id":"d2"},"#
                + #""dispersion":{"range":2,"juillandD":0.4772,"griesDP":0.2}}"# + "\n", json.stderr)
        let csv = try PhrasectlRunner.run(["trend", "--db", db, "--csv", "--by", "speaker", "两个维护", "改革"])
        XCTAssertEqual(
            csv.stdout,
            "phrase,speaker,occurrences,documents,characters,perMillion\n两个维护,乙,2,1,20,100000\n两个维护,甲,1,1,10,100000\n改革,乙,1,1,20,50000\n改革,甲,0,0,10,0\n")
        let text = try PhrasectlRunner.run(["trend", "--db", db, "--filter", "date:2024", "改革"])
        XCTAssertEqual(
            text.stdout,
            """
            改革: 1 occurrence in 1 document
            first 2024-06-01 (d3), last 2024-06-01 (d3)
            dispersion: range 1, Juilland's D 0, Gries' DP 0.7
            year  occurrences  documents  characters  per million
            2024            1          1          20     50000.00

            """, text.stderr)
        let both = try PhrasectlRunner.run(["trend", "--db", db, "--json", "--csv", "改革"])
        XCTAssertEqual(both.status, 64)
        XCTAssertTrue(both.stderr.contains("Choose one of --json and --csv."), both.stderr)
    }

    func testKeynessRowsRecomputable() throws {
        let db = try PhrasectlRunner.index(records: Self.records)
        let result = try PhrasectlRunner.run(
            ["keyness", "--db", db, "--target", "date:2024", "--reference", "date:2023", "--alpha", "1", "--min-count", "1", "--json", "--top", "50"])
        XCTAssertEqual(result.status, 0, result.stderr)
        let rows = try result.stdout.split(separator: "\n").map {
            try XCTUnwrap(try JSONSerialization.jsonObject(with: Data($0.utf8)) as? [String: Any])
        }
        XCTAssertFalse(rows.isEmpty)
        for row in rows {
            // Every figure is recomputed from the row's own counts and sizes.
            let a = try XCTUnwrap(row["targetCount"] as? Double), b = try XCTUnwrap(row["referenceCount"] as? Double)
            let c = try XCTUnwrap(row["targetSize"] as? Double), d = try XCTUnwrap(row["referenceSize"] as? Double)
            XCTAssertEqual([c, d], [20, 10])
            let e1 = c * (a + b) / (c + d), e2 = d * (a + b) / (c + d)
            let g2 = 2 * ((a > 0 ? a * log(a / e1) : 0) + (b > 0 ? b * log(b / e2) : 0))
            XCTAssertEqual(try XCTUnwrap(row["logLikelihood"] as? Double), g2, accuracy: 0.001, "\(row)")
            XCTAssertEqual(try XCTUnwrap(row["logRatio"] as? Double), log2((max(a, 0.5) / c) / (max(b, 0.5) / d)), accuracy: 0.0001)
            XCTAssertEqual(row["overused"] as? Bool, a / c > b / d)
        }
        let g2s = rows.compactMap { $0["logLikelihood"] as? Double }
        XCTAssertEqual(g2s, g2s.sorted(by: >), "sorted by G²")
        // 两个维护 is political vocabulary: counted exactly as a string, twice in 2024 and once in 2023.
        let formulation = try XCTUnwrap(rows.first { $0["item"] as? String == "两个维护" })
        XCTAssertEqual(formulation["unit"] as? String, "formulation")
        XCTAssertEqual([formulation["targetCount"] as? Int, formulation["referenceCount"] as? Int], [2, 1])

        let none = try PhrasectlRunner.run(["keyness", "--db", db, "--target", "date:1990", "--reference", "date:2023"])
        XCTAssertEqual(none.status, 1)
        XCTAssertTrue(none.stderr.contains("the target query date:1990 matches no document"), none.stderr)
    }
}

extension AnalyticsCommandTests {
    func testCollocatesJSONAndWindowValidation() throws {
        let db = try PhrasectlRunner.index(records: [
            #"{"id":"a","text":"我们坚决做到两个维护，坚决两个维护。"}"#,
            #"{"id":"b","text":"必须坚决两个维护，推动高质量发展。"}"#,
        ])
        let result = try PhrasectlRunner.run(["collocates", "--db", db, "--window", "1,0", "--min-count", "2", "--json", "两个维护"])
        XCTAssertEqual(result.status, 0, result.stderr)
        let row = try XCTUnwrap(try JSONSerialization.jsonObject(with: Data(result.stdout.utf8)) as? [String: Any])
        XCTAssertEqual(row["collocate"] as? String, "坚决")
        XCTAssertEqual([row["cooccurrences"] as? Int, row["nodeFrequency"] as? Int, row["documents"] as? Int], [2, 3, 2])
        XCTAssertEqual(result.stdout.split(separator: "\n").count, 1, result.stdout)
        for bad in ["0,0", "a,b", "1,2,3", "-1,3", "101"] {
            let refused = try PhrasectlRunner.run(["collocates", "--db", db, "--window=\(bad)", "两个维护"])
            XCTAssertEqual(refused.status, 64, bad)
            XCTAssertTrue(refused.stderr.contains("--window takes L,R"), refused.stderr)
        }
    }
}

extension AnalyticsCommandTests {
    /// Two literal reports: B keeps one sentence, changes the target in another, adds one and drops two.
    func testDiffOfTwoDocuments() throws {
        let a = "坚持全面从严治党，推进党风廉政建设。今年经济增长目标为百分之五左右。加强生态环境保护工作，打好污染防治攻坚战。污染防治取得成效。"
        let b = "坚持全面从严治党，推进党风廉政建设。今年经济增长目标为百分之六左右。因地制宜发展新质生产力，培育新质生产力。"
        let db = try PhrasectlRunner.index(records: [
            #"{"id":"a","text":"\#(a)","date":"2024-03-05"}"#, #"{"id":"b","text":"\#(b)","date":"2025-03-05"}"#,
        ])
        let result = try PhrasectlRunner.run(["diff", "--db", db, "--json", "a", "date:2025"])
        XCTAssertEqual(result.status, 0, result.stderr)
        let object = try XCTUnwrap(try JSONSerialization.jsonObject(with: Data(result.stdout.utf8)) as? [String: Any])
        func phrases(_ key: String) -> [String] { (object[key] as? [[String: Any]] ?? []).compactMap { $0["phrase"] as? String } }
        XCTAssertEqual(phrases("added"), ["新质生产力", "生产力"])
        // A formulation's words count toward its parts too: 污染防治 drops 污染 and 防治 with it.
        XCTAssertEqual(phrases("dropped"), ["污染", "污染防治", "防治"])
        let added = try XCTUnwrap((object["added"] as? [[String: Any]])?.first)
        XCTAssertEqual([added["countA"] as? Int, added["countB"] as? Int], [0, 2])
        XCTAssertEqual(added["unit"] as? String, "formulation")
        XCTAssertEqual((added["context"] as? [String: Any])?["id"] as? String, "b")
        // The kept sentence is not new; the short one whose target changed shares 11 of 15 character
        // pairs (0.73, under 0.8), so it is new, as a changed target is news.
        let sentences = (object["newSentences"] as? [[String: Any]] ?? []).compactMap { $0["text"] as? String }
        XCTAssertEqual(sentences, ["今年经济增长目标为百分之六左右", "因地制宜发展新质生产力，培育新质生产力"])
        let missing = try PhrasectlRunner.run(["diff", "--db", db, "nothing", "b"])
        XCTAssertEqual(missing.status, 1)
        XCTAssertTrue(missing.stderr.contains("nothing is no document id and matches no document"), missing.stderr)
    }
}

extension AnalyticsCommandTests {
    /// A quoted term the lexicon does not know (the segmenter cuts it in two words), mined from the
    /// target and counted exactly in both slices.
    func testKeynessWithMinedPhrases() throws {
        let db = try PhrasectlRunner.index(records: [
            #"{"id":"t1","text":"落实“智慧菜场”要求，推进“智慧菜场”工作。","date":"2025-03-05"}"#,
            #"{"id":"t2","text":"继续推进“智慧菜场”工作。","date":"2025-04-05"}"#,
            #"{"id":"r1","text":"推进各项工作，落实各项要求。智慧菜场。","date":"2024-03-05"}"#,
        ])
        let result = try PhrasectlRunner.run(
            ["keyness", "--db", db, "--target", "date:2025", "--reference", "date:2024", "--alpha", "1", "--min-count", "1", "--mined", "5", "--json"])
        XCTAssertEqual(result.status, 0, result.stderr)
        let rows = try result.stdout.split(separator: "\n").map { try XCTUnwrap(try JSONSerialization.jsonObject(with: Data($0.utf8)) as? [String: Any]) }
        let mined = try XCTUnwrap(rows.first { $0["item"] as? String == "智慧菜场" }, result.stdout)
        XCTAssertEqual(mined["unit"] as? String, "phrase")
        XCTAssertEqual([mined["targetCount"] as? Int, mined["referenceCount"] as? Int], [3, 1])
    }
}
