import Foundation
import XCTest

/// `phrasectl optimize`: one segment afterwards, every count as before, and a file no larger.
final class OptimizeCommandTests: XCTestCase {
    static let texts = ["两个维护。两个维护。改革开放。", "改革开放，两个维护。坚持。", "改革开放。坚持。"]
    static var records: [String] {
        texts.enumerated().map { #"{"id":"d\#($0.offset + 1)","text":"\#($0.element)"}"# }
    }

    /// Every substring of one to four characters of the texts, and two that occur nowhere.
    static var phrases: [String] {
        var found: [String] = []
        for text in texts {
            let characters = Array(text)
            for length in 1...4 where length <= characters.count {
                for start in 0...(characters.count - length) {
                    let phrase = String(characters[start..<(start + length)])
                    if !found.contains(phrase) { found.append(phrase) }
                }
            }
        }
        return found + ["维护改革", "三个代表"]
    }

    /// The `count --json` lines, counted by brute force over the texts, overlapping occurrences included.
    static func bruteForceCounts(of texts: [String]) -> String {
        phrases.map { phrase in
            let needle = Array(phrase)
            var occurrences = 0, documents = 0
            for text in texts {
                let haystack = Array(text)
                var inThis = 0
                for start in haystack.indices where haystack[start...].starts(with: needle) { inThis += 1 }
                occurrences += inThis
                documents += inThis > 0 ? 1 : 0
            }
            return #"{"phrase":"\#(phrase)","occurrences":\#(occurrences),"documents":\#(documents)}"# + "\n"
        }.joined()
    }

    static func fileBytes(_ db: String) -> Int {
        [db, db + "-wal"].reduce(0) {
            $0 + (((try? FileManager.default.attributesOfItem(atPath: $1))?[.size] as? NSNumber)?.intValue ?? 0)
        }
    }

    static func statistics(_ db: String) throws -> [String: Any] {
        let stats = try PhrasectlRunner.run(["stats", "--db", db, "--json"])
        return try XCTUnwrap(try JSONSerialization.jsonObject(with: Data(stats.stdout.utf8)) as? [String: Any], stats.stderr)
    }

    func testMergesSegmentsAndKeepsEveryCount() throws {
        let db = try PhrasectlRunner.index(records: Self.records)
        XCTAssertEqual(try Self.statistics(db)["segments"] as? Int, 3)  // one commit per record
        let expected = Self.bruteForceCounts(of: Self.texts)
        XCTAssertEqual(try PhrasectlRunner.run(["count", "--db", db, "--json"] + Self.phrases).stdout, expected)
        let words = try PhrasectlRunner.run(["words", "--db", db]).stdout
        let kwic = try PhrasectlRunner.run(["kwic", "--db", db, "--json", "两个维护"]).stdout
        let size = Self.fileBytes(db)

        let result = try PhrasectlRunner.run(["optimize", "--db", db])
        XCTAssertEqual(result.status, 0, result.stderr)
        XCTAssertEqual(result.stdout + result.stderr, "")

        let stats = try Self.statistics(db)
        XCTAssertEqual(stats["segments"] as? Int, 1)
        XCTAssertEqual(stats["documents"] as? Int, 3)
        XCTAssertEqual(try PhrasectlRunner.run(["count", "--db", db, "--json"] + Self.phrases).stdout, expected)
        XCTAssertEqual(try PhrasectlRunner.run(["words", "--db", db]).stdout, words)
        XCTAssertEqual(try PhrasectlRunner.run(["kwic", "--db", db, "--json", "两个维护"]).stdout, kwic)
        XCTAssertLessThanOrEqual(Self.fileBytes(db), size)
        // Optimizing an optimized index changes nothing.
        XCTAssertEqual(try PhrasectlRunner.run(["optimize", "--db", db]).status, 0)
        XCTAssertEqual(try PhrasectlRunner.run(["count", "--db", db, "--json"] + Self.phrases).stdout, expected)
        XCTAssertLessThanOrEqual(Self.fileBytes(db), size)
    }

    /// A large document deleted and the index optimized: the file is back to the size of the
    /// optimized index without it, and nothing of the document is found.
    func testGivesBackTheSpaceOfDeletedDocuments() throws {
        let db = try PhrasectlRunner.index(records: Self.records)
        XCTAssertEqual(try PhrasectlRunner.run(["optimize", "--db", db]).status, 0)
        let compact = Self.fileBytes(db)

        // 20,000 CJK code points in steps of 7,919 (a prime, so each once), three times over: 60,000
        // characters, 20,000 distinct pairs, each six-character sample three times.
        let large = String(String.UnicodeScalarView((0..<60_000).map { Unicode.Scalar(0x4E00 + ($0 * 7919) % 20_000)! }))
        let input = try PhrasectlRunner.temporaryFile(Array((#"{"id":"large","text":"\#(large)"}"# + "\n").utf8), name: "large.jsonl")
        XCTAssertEqual(try PhrasectlRunner.run(["index", "--quiet", "--db", db, input]).status, 0)
        XCTAssertGreaterThan(Self.fileBytes(db), compact + 200_000)
        let sample = String(large.unicodeScalars.prefix(6))
        XCTAssertEqual(
            try PhrasectlRunner.run(["count", "--db", db, "--json", sample]).stdout,
            #"{"phrase":"\#(sample)","occurrences":3,"documents":1}"# + "\n")

        XCTAssertEqual(try PhrasectlRunner.run(["delete", "--db", db, "large"]).status, 0)
        XCTAssertEqual(try PhrasectlRunner.run(["optimize", "--db", db]).status, 0)
        XCTAssertLessThanOrEqual(Self.fileBytes(db), compact)
        XCTAssertEqual(try Self.statistics(db)["segments"] as? Int, 1)
        XCTAssertEqual(
            try PhrasectlRunner.run(["count", "--db", db, "--json", sample]).stdout,
            #"{"phrase":"\#(sample)","occurrences":0,"documents":0}"# + "\n")
        XCTAssertEqual(try PhrasectlRunner.run(["count", "--db", db, "--json"] + Self.phrases).stdout, Self.bruteForceCounts(of: Self.texts))
    }

    /// A mistyped --db must not create an empty index and report success.
    func testMissingIndexIsAnErrorAndNotCreated() throws {
        let directory = (try PhrasectlRunner.temporaryFile([], name: "placeholder") as NSString).deletingLastPathComponent
        let missing = directory + "/typo.tifa"
        let result = try PhrasectlRunner.run(["optimize", "--db", missing])
        XCTAssertNotEqual(result.status, 0)
        XCTAssertTrue(result.stderr.contains("\(missing) is not a Tifa index (no such file)"), result.stderr)
        XCTAssertFalse(FileManager.default.fileExists(atPath: missing), "optimize created \(missing)")
    }
}
