import Foundation
import XCTest

/// `phrasectl delete`: the counts drop by exactly what the deleted documents held.
final class DeleteCommandTests: XCTestCase {
    /// d1 holds 两个维护 twice and 改革开放 once, d2 and d3 hold 改革开放 and 坚持 once each, d2 两个维护 once.
    static let records = [
        #"{"id":"d1","text":"两个维护。两个维护。改革开放。","date":"2019-05-04"}"#,
        #"{"id":"d2","text":"改革开放，两个维护。坚持。","date":"2020-06-01"}"#,
        #"{"id":"d3","text":"改革开放。坚持。","date":"2021-07-01"}"#,
    ]
    static let phrases = ["两个维护", "改革开放", "坚持", "两", "。"]

    func testCountsDropByTheDeletedDocumentsOccurrences() throws {
        let db = try PhrasectlRunner.index(records: Self.records)
        let before = try PhrasectlRunner.run(["count", "--db", db, "--json"] + Self.phrases)
        XCTAssertEqual(
            before.stdout,
            """
            {"phrase":"两个维护","occurrences":3,"documents":2}
            {"phrase":"改革开放","occurrences":3,"documents":3}
            {"phrase":"坚持","occurrences":2,"documents":2}
            {"phrase":"两","occurrences":3,"documents":2}
            {"phrase":"。","occurrences":7,"documents":3}

            """, before.stderr)

        let deleted = try PhrasectlRunner.run(["delete", "--db", db, "d1"])
        XCTAssertEqual(deleted.status, 0, deleted.stderr)
        XCTAssertEqual(deleted.stderr, "removed 1 of 1 documents\n")
        // d1 took 两个维护 ×2, 改革开放 ×1, 两 ×2 and 。×3 with it; 坚持 was not in d1.
        let after = try PhrasectlRunner.run(["count", "--db", db, "--json"] + Self.phrases)
        XCTAssertEqual(
            after.stdout,
            """
            {"phrase":"两个维护","occurrences":1,"documents":1}
            {"phrase":"改革开放","occurrences":2,"documents":2}
            {"phrase":"坚持","occurrences":2,"documents":2}
            {"phrase":"两","occurrences":1,"documents":1}
            {"phrase":"。","occurrences":4,"documents":2}

            """, after.stderr)
        let stats = try PhrasectlRunner.run(["stats", "--db", db, "--json"])
        XCTAssertTrue(stats.stdout.hasPrefix(#"{"documents":2,"characters":21,"#), stats.stdout)  // 13 + 8 characters
        let words = try PhrasectlRunner.run(["words", "--db", db, "--min-length", "4"])
        XCTAssertEqual(words.stdout, "word      occurrences  documents\n改革开放            2          2\n两个维护            1          1\n")
        let search = try PhrasectlRunner.run(["search", "--db", db, "--json", "--sort", "date", "改革开放"])
        let ids = try search.stdout.split(separator: "\n").map {
            try XCTUnwrap(try JSONSerialization.jsonObject(with: Data($0.utf8)) as? [String: Any])["id"] as? String
        }
        XCTAssertEqual(ids, ["d2", "d3"])
    }

    /// Ids the index does not have are named and make the exit status 1; the others go.
    func testUnknownIdsAreReportedAndExit1() throws {
        let db = try PhrasectlRunner.index(records: Self.records)
        let result = try PhrasectlRunner.run(["delete", "--db", db, "d3", "no-such-id", "d2"])
        XCTAssertEqual(result.status, 1)
        XCTAssertEqual(result.stderr, "phrasectl: no document with id no-such-id in \(db)\nremoved 2 of 3 documents\n")
        XCTAssertEqual(
            try PhrasectlRunner.run(["count", "--db", db, "--json", "改革开放", "坚持"]).stdout,
            """
            {"phrase":"改革开放","occurrences":1,"documents":1}
            {"phrase":"坚持","occurrences":0,"documents":0}

            """)
        // An id named twice is one document.
        let twice = try PhrasectlRunner.run(["delete", "--db", db, "d1", "d1"])
        XCTAssertEqual(twice.status, 0)
        XCTAssertEqual(twice.stderr, "removed 1 of 1 documents\n")
        // Deleting it again finds nothing.
        let again = try PhrasectlRunner.run(["delete", "--db", db, "d3"])
        XCTAssertEqual(again.status, 1)
        XCTAssertEqual(again.stderr, "phrasectl: no document with id d3 in \(db)\nremoved 0 of 1 documents\n")
    }

    /// A deleted document indexed again counts as new, with its occurrences back.
    func testReindexingADeletedDocumentRestoresItsCounts() throws {
        let db = try PhrasectlRunner.index(records: Self.records)
        XCTAssertEqual(try PhrasectlRunner.run(["delete", "--db", db, "d1"]).status, 0)
        let input = try PhrasectlRunner.temporaryFile(Array((Self.records.joined(separator: "\n") + "\n").utf8), name: "again.jsonl")
        let reindexed = try PhrasectlRunner.run(["index", "--db", db, input])
        XCTAssertEqual(reindexed.status, 0, reindexed.stderr)
        XCTAssertTrue(reindexed.stderr.contains("added 1, replaced 0, unchanged 2, duplicates 0, failed 0"), reindexed.stderr)
        XCTAssertEqual(
            try PhrasectlRunner.run(["count", "--db", db, "--json", "两个维护"]).stdout,
            #"{"phrase":"两个维护","occurrences":3,"documents":2}"# + "\n")
    }

    /// A mistyped --db must not create an empty index and report on it, as if the ids were merely
    /// absent; `count` on the same path says there is no such file.
    func testMissingIndexIsAnErrorAndNotCreated() throws {
        let directory = (try PhrasectlRunner.temporaryFile([], name: "placeholder") as NSString).deletingLastPathComponent
        let missing = directory + "/typo.tifa"
        let result = try PhrasectlRunner.run(["delete", "--db", missing, "d1"])
        XCTAssertNotEqual(result.status, 0)
        XCTAssertTrue(result.stderr.contains("\(missing) is not a Tifa index (no such file)"), result.stderr)
        XCTAssertFalse(FileManager.default.fileExists(atPath: missing), "delete created \(missing)")
    }
}
