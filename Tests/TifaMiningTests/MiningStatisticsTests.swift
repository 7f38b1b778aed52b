import Foundation
import TifaMining
import XCTest

/// Statistics folders written by hand from the definitions in `Distributed/spark/README.md`: ranked
/// by `PhraseMiner.mine(_:)`, they give exactly what mining the texts gives.
final class MiningStatisticsTests: XCTestCase {
    static let miner = try! PhraseMiner()

    func makeFolder(
        documents: Int, characters: Int, minimumCount: Int, unigrams: String, grams: String, patterns: String = ""
    ) throws -> String {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent(UUID().uuidString)
        for part in ["unigrams", "grams", "patterns"] {
            try FileManager.default.createDirectory(at: folder.appendingPathComponent(part), withIntermediateDirectories: true)
        }
        try Data(unigrams.utf8).write(to: folder.appendingPathComponent("unigrams/part-00000"))
        try Data(grams.utf8).write(to: folder.appendingPathComponent("grams/part-00000"))
        try Data(patterns.utf8).write(to: folder.appendingPathComponent("patterns/part-00000"))
        try Data(#"{"format":"tifa-mining-statistics","version":1,"documents":\#(documents),"characters":\#(characters),"minimumCount":\#(minimumCount),"maximumLength":16}"#.utf8)
            .write(to: folder.appendingPathComponent("summary.json"))
        return folder.path
    }

    /// [甲乙丙甲乙丁, 甲乙]: 8 Han characters; 甲乙 3 times in 2 documents, with a break, 丙 and a
    /// break before it, and 丙, 丁 and a break after it.
    func testHandWrittenStatisticsRankAsTheText() throws {
        let folder = try makeFolder(
            documents: 2, characters: 8, minimumCount: 2, unigrams: "甲\t3\n乙\t3\n丙\t1\n丁\t1\n",
            grams: "甲乙\t3\t2\t0\t2\t1\t丙1\t丙1丁1\n")
        let fromStatistics = try Self.miner.mine(MiningStatistics(folder: folder), minimumCount: 2)
        XCTAssertEqual(fromStatistics.map(\.phrase), ["甲乙"])
        XCTAssertEqual(fromStatistics, Self.miner.mine(["甲乙丙甲乙丁", "甲乙"], minimumCount: 2))
    }

    /// Quotations and a numbered formula: [做到“两个维护”。, 坚决做到“两个维护”。] — 14 Han
    /// characters; 两个维护 is quoted both times and proposed as a numbered formula; its parts are
    /// listed for cohesion.
    func testQuotedNumberedFormula() throws {
        let grams = """
            做到\t2\t2\t0\t1\t2\t决1\t
            两个\t2\t2\t0\t2\t0\t\t维2
            个维\t2\t2\t0\t0\t0\t两2\t护2
            维护\t2\t2\t0\t0\t2\t个2\t
            两个维\t2\t2\t0\t2\t0\t\t护2
            个维护\t2\t2\t0\t0\t2\t两2\t
            两个维护\t2\t2\t2\t2\t2\t\t

            """
        let folder = try makeFolder(
            documents: 2, characters: 14, minimumCount: 2,
            unigrams: "做\t2\n到\t2\n两\t2\n个\t2\n维\t2\n护\t2\n坚\t1\n决\t1\n", grams: grams, patterns: "两个维护\t1\n")
        let fromStatistics = try Self.miner.mine(MiningStatistics(folder: folder), minimumCount: 2)
        let fromText = Self.miner.mine(["做到“两个维护”。", "坚决做到“两个维护”。"], minimumCount: 2)
        XCTAssertEqual(fromStatistics, fromText)
        let formula = try XCTUnwrap(fromStatistics.first { $0.phrase == "两个维护" })
        XCTAssertEqual(formula.quoted, 1)
        XCTAssertTrue(formula.numbered)
        XCTAssertEqual(formula.cohesion, log(2.0 * 14 / (2 * 2)), accuracy: 1e-9)
    }

    func testStatisticsCutAboveTheAskedCountAreRefused() throws {
        let folder = try makeFolder(documents: 1, characters: 2, minimumCount: 5, unigrams: "甲\t1\n乙\t1\n", grams: "")
        XCTAssertThrowsError(try Self.miner.mine(MiningStatistics(folder: folder), minimumCount: 3)) { error in
            XCTAssertEqual(error as? MiningStatisticsError, .thresholdTooLow(asked: 3, available: 5))
        }
        XCTAssertEqual(try Self.miner.mine(MiningStatistics(folder: folder), minimumCount: 6), [])
    }

    func testMalformedLinesAreNamedByFileAndLine() throws {
        let cases: [(grams: String, line: Int, reason: String)] = [
            ("甲乙\t3\t2\t0\t2\t1\t丙1\n", 1, "expected 8 fields, found 7"),
            ("甲乙\t3\t2\t0\t2\t1\t丙1\t丁1丙1\nab\t1\t1\t0\t1\t1\t\t\n", 2, "the n-gram must be 2–16 Han characters"),
            ("甲乙\tthree\t2\t0\t2\t1\t\t\n", 1, "counts must be whole numbers below 10^9, the count at least 1"),
            ("甲乙\t3\t2\t0\t2\t1\t丙\t\n", 1, "left neighbours must be Han characters each followed by a count"),
            ("甲乙\t3\t2\t0\t2\t1\t\t1丁\n", 1, "right neighbours must be Han characters each followed by a count"),
            ("甲乙\t3\t2\t0\t3\t3\t\t\n\n甲乙\t3\t2\t0\t3\t3\t\t\n", 3, "甲乙 is listed twice"),
            ("甲乙\t3\t4\t0\t3\t3\t\t\n", 1, "documents must be 1 to the count, and quoted at most the count"),
            ("甲乙\t3\t2\t0\t2\t3\t丙2\t\n", 1, "left neighbours and breaks add up to 4, not the count 3"),
            ("甲乙\t3\t2\t0\t3\t1\t\t丙1丙1\n", 1, "a right neighbour is listed twice"),
        ]
        for (grams, line, reason) in cases {
            let folder = try makeFolder(documents: 1, characters: 3, minimumCount: 2, unigrams: "甲\t3\n", grams: grams)
            XCTAssertThrowsError(try MiningStatistics(folder: folder)) { error in
                XCTAssertEqual(error as? MiningStatisticsError, .malformed(path: folder + "/grams/part-00000", line: line, reason: reason), grams)
            }
        }
        let notStatistics = try makeFolder(documents: 1, characters: 1, minimumCount: 2, unigrams: "", grams: "")
        try Data(#"{"format":"something else"}"#.utf8).write(to: URL(fileURLWithPath: notStatistics + "/summary.json"))
        XCTAssertThrowsError(try MiningStatistics(folder: notStatistics)) { error in
            XCTAssertEqual(
                error as? MiningStatisticsError,
                .malformed(path: notStatistics + "/summary.json", line: 1, reason: "not a Tifa mining statistics summary"))
        }
        let miscounted = try makeFolder(documents: 1, characters: 5, minimumCount: 2, unigrams: "甲\t3\n乙\t1\n", grams: "")
        XCTAssertThrowsError(try MiningStatistics(folder: miscounted)) { error in
            XCTAssertEqual(
                error as? MiningStatisticsError,
                .malformed(path: miscounted + "/summary.json", line: 1, reason: "characters is 5, but the unigrams count 4"))
        }
        let twice = try makeFolder(documents: 1, characters: 2, minimumCount: 2, unigrams: "甲\t1\n甲\t1\n", grams: "")
        XCTAssertThrowsError(try MiningStatistics(folder: twice)) { error in
            XCTAssertEqual(error as? MiningStatisticsError, .malformed(path: twice + "/unigrams/part-00000", line: 2, reason: "甲 is listed twice"))
        }
        let textVersion = try makeFolder(documents: 1, characters: 0, minimumCount: 2, unigrams: "", grams: "")
        try Data(#"{"format":"tifa-mining-statistics","version":"1","documents":1,"characters":0,"minimumCount":2,"maximumLength":16}"#.utf8)
            .write(to: URL(fileURLWithPath: textVersion + "/summary.json"))
        XCTAssertThrowsError(try MiningStatistics(folder: textVersion)) { error in
            XCTAssertEqual(
                error as? MiningStatisticsError,
                .malformed(path: textVersion + "/summary.json", line: 1, reason: "needs \"version\": 1 (the number), the one this build reads"))
        }
        let noParts = try makeFolder(documents: 1, characters: 0, minimumCount: 2, unigrams: "", grams: "")
        try FileManager.default.removeItem(atPath: noParts + "/grams/part-00000")
        XCTAssertThrowsError(try MiningStatistics(folder: noParts)) { error in
            XCTAssertEqual(error as? MiningStatisticsError, .missing(path: noParts + "/grams/part-*"))
        }
        XCTAssertThrowsError(try MiningStatistics(folder: "/nonexistent/statistics")) { error in
            XCTAssertEqual(error as? MiningStatisticsError, .notAFolder(path: "/nonexistent/statistics"))
        }
        let withoutGrams = try makeFolder(documents: 1, characters: 0, minimumCount: 2, unigrams: "", grams: "")
        try FileManager.default.removeItem(atPath: withoutGrams + "/grams")
        XCTAssertThrowsError(try MiningStatistics(folder: withoutGrams)) { error in
            XCTAssertEqual(error as? MiningStatisticsError, .missing(path: withoutGrams + "/grams"))
        }
    }
}
