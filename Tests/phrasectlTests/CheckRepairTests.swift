import Foundation
import XCTest

/// `check` finds each kind of damage and names where; `repair` rebuilds the postings from the
/// intact documents and the index is sound again.
final class CheckRepairTests: XCTestCase {
    struct Report: Decodable {
        var sound: Bool
        var documents: Int
        var phrasesCounted: Int
        var problems: [String]
    }

    /// An index of seeded random documents over a small alphabet, so the samples repeat often.
    func makeIndex(seed: UInt64) throws -> (db: String, texts: [String: String]) {
        var generator = SplitMix64(seed: seed)
        let alphabet = Array("全面从严治党两个维护坚持发展改革开放，。")
        var texts: [String: String] = [:]
        var lines: [String] = []
        for i in 0..<40 {
            let length = 20 + Int(generator.next() % 200)
            let text = String((0..<length).map { _ in alphabet[Int(generator.next() % UInt64(alphabet.count))] })
            texts["d\(i)"] = text
            lines.append(#"{"id":"d\#(i)","text":"\#(text)"}"#)
        }
        let db = try PhrasectlRunner.index(records: lines)
        return (db, texts)
    }

    func check(_ db: String) throws -> (status: Int32, report: Report) {
        let result = try PhrasectlRunner.run(["check", "--db", db, "--json", "--samples", "100"])
        return (result.status, try JSONDecoder().decode(Report.self, from: Data(result.stdout.utf8)))
    }

    func testSoundIndexesPass() throws {
        for seed: UInt64 in [1, 2, 3] {
            let (db, texts) = try makeIndex(seed: seed)
            let (status, report) = try check(db)
            XCTAssertEqual(status, 0, "\(report.problems)")
            XCTAssertEqual(report.documents, texts.count)
            XCTAssertGreaterThan(report.phrasesCounted, 10)
            XCTAssertEqual(report.problems, [])
        }
    }

    func testEachKindOfDamageIsFoundAndRepaired() throws {
        let damages: [(String, String, String)] = [
            ("a changed text", "update documents set text = replace(text, '党', '觉') where id = 'd3'", "document d3: its text does not match its checksum"),
            ("a wrong length", "update documents set length = length + 5 where id = 'd7'", "document d7: its text is not the one its postings were made from"),
            ("garbled postings", "update blocks set data = zeroblob(length(data)) where segment = (select min(segment) from blocks)", "does not decode"),
        ]
        for (name, statement, problem) in damages {
            let (db, texts) = try makeIndex(seed: 9)
            try runSQL(statement, on: db)
            let (status, report) = try check(db)
            XCTAssertEqual(status, 65, name)
            XCTAssertTrue(report.problems.contains { $0.contains(problem) }, "\(name): \(report.problems)")

            let repair = try PhrasectlRunner.run(["repair", "--db", db])
            let lostText = name == "a changed text"
            XCTAssertEqual(repair.status, lostText ? 2 : 0, "\(name): \(repair.stderr)")
            if lostText { XCTAssertTrue(repair.stderr.contains("d3: left out"), repair.stderr) }
            let (after, repaired) = try check(db)
            XCTAssertEqual(after, 0, "\(name): \(repaired.problems)")
            XCTAssertEqual(repaired.documents, texts.count - (lostText ? 1 : 0))
            // The repaired counts are the texts' own.
            let kept = texts.filter { !(lostText && $0.key == "d3") }.values
            let brute = kept.reduce(0) { $0 + $1.components(separatedBy: "两个维护").count - 1 }
            XCTAssertEqual(
                try PhrasectlRunner.run(["count", "--db", db, "--json", "两个维护"]).stdout,
                #"{"phrase":"两个维护","occurrences":\#(brute),"documents":\#(kept.filter { $0.contains("两个维护") }.count)}"# + "\n", name)
            for suffix in ["-wal", "-shm", ".repairing"] {
                XCTAssertFalse(FileManager.default.fileExists(atPath: db + suffix), "\(name) left \(suffix)")
            }
        }
    }
}
