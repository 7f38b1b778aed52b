import Foundation
import XCTest

/// `phrasectl words` on three literal documents. The coarse segmenter keeps 两个维护 and 改革开放
/// whole and each also counts toward its parts (两个 | 维护, 改革 | 开放); 坚持 is a word of its own;
/// punctuation and one-character tokens are not words. So:
/// d1 两个维护 ×2, 改革开放 ×1; d2 两个维护, 改革开放, 坚持 ×1 each; d3 改革开放, 坚持 ×1 each.
final class WordsCommandTests: XCTestCase {
    static let records = [
        #"{"id":"d1","text":"两个维护。两个维护。改革开放。","date":"2019-05-04"}"#,
        #"{"id":"d2","text":"改革开放，两个维护。坚持。","date":"2020-06-01"}"#,
        #"{"id":"d3","text":"改革开放。坚持。","date":"2021-07-01"}"#,
    ]

    /// Most occurrences first; ties in code point order (两 U+4E24 < 开 U+5F00 < 改 U+6539 < 维 U+7EF4),
    /// a word before the longer words it begins.
    func testEveryWordWithOccurrencesAndDocuments() throws {
        let db = try PhrasectlRunner.index(records: Self.records)
        let result = try PhrasectlRunner.run(["words", "--db", db])
        XCTAssertEqual(result.status, 0, result.stderr)
        XCTAssertEqual(
            result.stdout,
            """
            word      occurrences  documents
            两个                3          2
            两个维护            3          2
            开放                3          3
            改革                3          3
            改革开放            3          3
            维护                3          2
            坚持                2          2

            """)
    }

    func testJSONMinimumLengthTopAndFilter() throws {
        let db = try PhrasectlRunner.index(records: Self.records)
        let long = try PhrasectlRunner.run(["words", "--db", db, "--json", "--min-length", "3"])
        XCTAssertEqual(
            long.stdout,
            """
            {"word":"两个维护","occurrences":3,"documents":2}
            {"word":"改革开放","occurrences":3,"documents":3}

            """, long.stderr)
        XCTAssertEqual(try PhrasectlRunner.run(["words", "--db", db, "--top", "1"]).stdout, "word  occurrences  documents\n两个            3          2\n")
        // Only d3 (2021): four words once each, 坚持 (U+575A) first.
        let filtered = try PhrasectlRunner.run(["words", "--db", db, "--filter", "date:2021", "--top", "2"])
        XCTAssertEqual(filtered.stdout, "word  occurrences  documents\n坚持            1          1\n开放            1          1\n", filtered.stderr)
        // d1 and d2 hold 两个维护: 3 in d1 and d2 together, 改革开放 2, 坚持 1.
        let query = try PhrasectlRunner.run(["words", "--db", db, "--json", "--filter", "两个维护", "--min-length", "4"])
        XCTAssertEqual(
            query.stdout,
            """
            {"word":"两个维护","occurrences":3,"documents":2}
            {"word":"改革开放","occurrences":2,"documents":2}

            """, query.stderr)
    }

    func testBadFilterIsAUsageError() throws {
        let db = try PhrasectlRunner.index(records: Self.records)
        let result = try PhrasectlRunner.run(["words", "--db", db, "--filter", "两个维护 AND ("])
        XCTAssertEqual(result.status, 64)
        XCTAssertEqual(result.stdout, "")
        XCTAssertTrue(result.stderr.contains("query error at character 11: expected a term, a phrase or '(' but found the end of the query"), result.stderr)
    }
}
