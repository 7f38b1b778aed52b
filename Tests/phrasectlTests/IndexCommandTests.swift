import Foundation
import XCTest

final class IndexCommandTests: XCTestCase {
    func makeIndex() throws -> (db: String, result: PhrasectlRunner.Result) {
        let jsonl = [
            #"{"id":"r1","text":"坚持全面从严治党。全面从严治党永远在路上。","date":"2015-03-05","speaker":"李克强","title":"一"}"#,
            #"{"id":"r2","text":"做到两个维护，推进全面从严治党。","date":"2016-03-05","tags":["report"]}"#,
            #"{"id":"r3","text": broken"#,
            #"{"id":"r4","text":"政府工作报\n告","date":"2016-04"}"#,
        ].joined(separator: "\n")
        let input = try PhrasectlRunner.temporaryFile(Array(jsonl.utf8), name: "docs.jsonl")
        let db = (input as NSString).deletingLastPathComponent + "/index.tifa"
        return (db, try PhrasectlRunner.run(["index", "--db", db, input]))
    }

    func testIndexReportsBadLinesAndExits2() throws {
        let (_, result) = try makeIndex()
        XCTAssertEqual(result.status, 2, result.stderr)
        XCTAssertTrue(result.stderr.contains("docs.jsonl:3: bad JSON"), result.stderr)
        XCTAssertTrue(result.stderr.contains("added 3, replaced 0, unchanged 0, duplicates 0, failed 1 (in 1 of 1 file)"), result.stderr)
    }

    func testCountJSONWithBreakdown() throws {
        let (db, _) = try makeIndex()
        let result = try PhrasectlRunner.run(["count", "--db", db, "--json", "--by", "year", "全面从严治党", "政府工作报告"])
        XCTAssertEqual(result.status, 0, result.stderr)
        XCTAssertEqual(
            result.stdout,
            """
            {"phrase":"全面从严治党","occurrences":3,"documents":2,"by":[{"year":"2015","occurrences":2,"documents":1},{"year":"2016","occurrences":1,"documents":1}]}
            {"phrase":"政府工作报告","occurrences":1,"documents":1,"by":[{"year":"2016","occurrences":1,"documents":1}]}

            """)
    }

    func testKWICAndSearchJSON() throws {
        let (db, _) = try makeIndex()
        let kwic = try PhrasectlRunner.run(["kwic", "--db", db, "--json", "--width", "2", "全面从严治党"])
        XCTAssertEqual(
            kwic.stdout,
            """
            {"id":"r1","start":2,"end":8,"left":"坚持","match":"全面从严治党","right":"。全"}
            {"id":"r1","start":9,"end":15,"left":"党。","match":"全面从严治党","right":"永远"}
            {"id":"r2","start":9,"end":15,"left":"推进","match":"全面从严治党","right":"。"}

            """)
        let search = try PhrasectlRunner.run(["search", "--db", db, "--json", "--sort", "date", "全面从严治党 -两个维护"])
        XCTAssertEqual(search.status, 0, search.stderr)
        XCTAssertTrue(search.stdout.hasPrefix(#"{"id":"r1","score":"#), search.stdout)
        XCTAssertEqual(search.stdout.split(separator: "\n").count, 1)
        let bad = try PhrasectlRunner.run(["search", "--db", db, "全面 AND ("])
        XCTAssertEqual(bad.status, 64)
        XCTAssertTrue(bad.stderr.contains("query error at character"), bad.stderr)
    }

    func testStatsAndForeignFile() throws {
        let (db, _) = try makeIndex()
        let stats = try PhrasectlRunner.run(["stats", "--db", db, "--json"])
        XCTAssertTrue(stats.stdout.hasPrefix(#"{"documents":3,"characters":43,"#), stats.stdout)
        let junk = try PhrasectlRunner.temporaryFile(Array("not a database".utf8), name: "junk.tifa")
        let result = try PhrasectlRunner.run(["count", "--db", junk, "全面"])
        XCTAssertEqual(result.status, 65)
        XCTAssertTrue(result.stderr.contains("\(junk) is not a Tifa index"), result.stderr)
        let missing = try PhrasectlRunner.run(["count", "--db", "/nonexistent/x.tifa", "全面"])
        XCTAssertNotEqual(missing.status, 0)
        XCTAssertTrue(missing.stderr.contains("no such file"), missing.stderr)
    }
}
