import Foundation
import XCTest

/// Text output is for people: headed columns aligned by the cells a terminal gives each character
/// (a Han character two), numbers right-aligned, nouns in the number their count asks for.
final class TextOutputTests: XCTestCase {
    func testCountsAndBreakdownsReadAsSentencesAndColumns() throws {
        let db = try PhrasectlRunner.index(records: [
            #"{"id":"a","text":"坚持两个维护。","date":"2023-03-05"}"#,
            #"{"id":"b","text":"两个维护，两个维护。全面从严治党。","date":"2024-03-05"}"#,
        ])
        let count = try PhrasectlRunner.run(["count", "--db", db, "两个维护", "全面从严治党", "GDP"])
        XCTAssertEqual(
            count.stdout,
            """
            phrase        occurrences  documents
            两个维护                3          2
            全面从严治党            1          1
            GDP                     0          0

            """, count.stderr)
        let byYear = try PhrasectlRunner.run(["count", "--db", db, "--by", "year", "全面从严治党", "两个维护"])
        XCTAssertEqual(
            byYear.stdout,
            """
            全面从严治党: 1 occurrence in 1 document
            year  occurrences  documents
            2024            1          1
            两个维护: 3 occurrences in 2 documents
            year  occurrences  documents
            2023            1          1
            2024            2          1

            """, byYear.stderr)
        let kwic = try PhrasectlRunner.run(["kwic", "--db", db, "--width", "3", "全面从严治党"])
        XCTAssertEqual(kwic.stdout, "id    left  match         right\nb   维护。  全面从严治党  。\n", kwic.stderr)
    }

    func testCacheShowAndClear() throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent(UUID().uuidString).path
        setenv("TIFA_CACHE_DIR", folder, 1)
        defer { unsetenv("TIFA_CACHE_DIR") }
        XCTAssertEqual(try PhrasectlRunner.run(["segment"], stdin: Data("两个维护\n".utf8)).stdout, "两个维护\n")
        let shown = try PhrasectlRunner.run(["cache", "show", "--json"])
        let lines = shown.stdout.split(separator: "\n")
        XCTAssertEqual(lines.count, 1, shown.stdout)
        XCTAssertTrue(lines.first?.hasPrefix(#"{"path":"\#(folder)/lexicon-"#) == true, shown.stdout)
        let text = try PhrasectlRunner.run(["cache"]).stdout
        XCTAssertTrue(text.hasPrefix("folder  \(folder)\nfiles   1 lexicon, "), text)
        let cleared = try PhrasectlRunner.run(["cache", "clear"])
        XCTAssertEqual(cleared.status, 0, cleared.stderr)
        XCTAssertTrue(cleared.stdout.hasPrefix("removed 1 lexicon, "), cleared.stdout)
        XCTAssertEqual(try FileManager.default.contentsOfDirectory(atPath: folder), [])
        XCTAssertEqual(try PhrasectlRunner.run(["cache", "clear"]).stdout, "removed 0 lexicons, 0.0 MB\n")
    }
}
