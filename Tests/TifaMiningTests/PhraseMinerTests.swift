import Foundation
import TifaMining
import XCTest

final class PhraseMinerTests: XCTestCase {
    static let miner = try! PhraseMiner()

    /// 甲乙 in [甲乙丙甲乙丁, 甲乙]: 3 occurrences in 2 documents among 8 characters. Before it: a
    /// break, 丙, a break (breaks are distinct contexts) → ln 3; after it: 丙, 丁, a break → ln 3.
    /// Cohesion ln(3 · 8 / (3 · 3)); no longer candidate seen twice, so C-value = log2(2) · 3.
    func testScoresOfASmallText() throws {
        let candidates = Self.miner.mine(["甲乙丙甲乙丁", "甲乙"], minimumCount: 2)
        let c = try XCTUnwrap(candidates.first { $0.phrase == "甲乙" })
        XCTAssertEqual(c.count, 3)
        XCTAssertEqual(c.documents, 2)
        XCTAssertEqual(c.leftEntropy, log(3), accuracy: 1e-9)
        XCTAssertEqual(c.rightEntropy, log(3), accuracy: 1e-9)
        XCTAssertEqual(c.cohesion, log(24.0 / 9.0), accuracy: 1e-9)
        XCTAssertEqual(c.cvalue, 3, accuracy: 1e-9)
        XCTAssertEqual(c.quoted, 0)
        XCTAssertFalse(c.pattern)
        // In both documents (spread 1: template discount 0.5); 甲乙 is ordinary vocabulary (× 0.25).
        XCTAssertEqual(c.spread, 1)
        XCTAssertTrue(c.ordinaryWord)
        XCTAssertEqual(c.score, log2(4) * min(1, log(3) / 2) * (log(24.0 / 9.0) / 6) * 0.25 * 0.5, accuracy: 1e-9)
        XCTAssertNil(candidates.first { $0.phrase == "乙丙" })  // once only
    }

    /// 甲乙 after 丙 seven times and 丁 once (left entropy −(⅞ ln ⅞ + ⅛ ln ⅛)), before eight different
    /// characters (ln 8 ≥ 2): a fixed neighbour on one side costs at most half, branching =
    /// ½ + left / 4. Cohesion ln(8 · 32 / (8 · 8)) = ln 4.
    func testOneSidedBranchingIsDiscountedByHalfAtMost() throws {
        let documents = ["丙甲乙子", "丙甲乙丑", "丙甲乙寅", "丙甲乙卯", "丙甲乙辰", "丙甲乙巳", "丙甲乙午", "丁甲乙未"]
        let c = try XCTUnwrap(Self.miner.mine(documents, minimumCount: 5).first { $0.phrase == "甲乙" })
        let left = -(7.0 / 8 * log(7.0 / 8) + 1.0 / 8 * log(1.0 / 8))
        XCTAssertEqual(c.leftEntropy, left, accuracy: 1e-9)
        XCTAssertEqual(c.rightEntropy, log(8), accuracy: 1e-9)
        XCTAssertEqual(c.cohesion, log(4), accuracy: 1e-9)
        XCTAssertEqual(c.score, log2(9) * (0.5 + left / 4) * (log(4) / 6) * 0.25 * 0.5, accuracy: 1e-9)
    }

    /// 两个维护 once, with no branching evidence: its score is its pattern (+2, since one occurrence
    /// is all `minimumCount: 1` asks for) and the lexicon's formulation (+4; a known formulation's
    /// numbered shape adds nothing more). With `minimumCount: 5` a single occurrence earns no
    /// pattern bonus.
    func testKnownFormulationAndPatternBonuses() throws {
        let once = try XCTUnwrap(Self.miner.mine(["做到两个维护。"], minimumCount: 1).first { $0.phrase == "两个维护" })
        XCTAssertTrue(once.knownFormulation)
        XCTAssertFalse(once.ordinaryWord)
        XCTAssertEqual(once.score, 6, accuracy: 1e-9)
        let rare = try XCTUnwrap(Self.miner.mine(["做到两个维护。"], minimumCount: 5).first { $0.phrase == "两个维护" })
        XCTAssertEqual(rare.score, 4, accuracy: 1e-9)
        // A numbered formula the lexicon lacks: its pattern (+2) and its shape (+2).
        let new = try XCTUnwrap(Self.miner.mine(["建设四镇一园一走廊。"], minimumCount: 1).first { $0.phrase == "四镇一园一走廊" })
        XCTAssertTrue(new.numbered)
        XCTAssertFalse(new.known)
        XCTAssertEqual(new.score, 4, accuracy: 1e-9)
    }

    /// A known formulation is a candidate even where one neighbour never changes; an unknown
    /// string in the same place is not.
    func testKnownFormulationsNeedNoBranching() throws {
        let known = Self.miner.mine(Array(repeating: "坚持稳中求进工作总基调。", count: 5), minimumCount: 5)
        let c = try XCTUnwrap(known.first { $0.phrase == "稳中求进工作总基调" })
        XCTAssertEqual(c.count, 5)
        XCTAssertEqual(c.leftEntropy, 0)
        XCTAssertTrue(c.knownFormulation)
        let unknown = Self.miner.mine(Array(repeating: "坚持甲乙丙丁戊。", count: 5), minimumCount: 5)
        XCTAssertNil(unknown.first { $0.phrase == "甲乙丙丁戊" })
    }

    func testOverlappingOccurrencesAndQuotes() throws {
        // 哈哈哈 holds 哈哈 twice (overlapping), 哈哈 once more: 3.
        let overlapping = Self.miner.mine(["哈哈哈，哈哈。"], minimumCount: 2)
        XCTAssertEqual(overlapping.first { $0.phrase == "哈哈" }?.count, 3)
        // One of two occurrences stands between “ and ”.
        let quoted = try XCTUnwrap(Self.miner.mine(["“哈哈”，哈哈。"], minimumCount: 2).first { $0.phrase == "哈哈" })
        XCTAssertEqual(quoted.count, 2)
        XCTAssertEqual(quoted.quoted, 0.5, accuracy: 1e-9)
    }

    /// A quotation followed at once by another (“甲”“乙”, or across punctuation: “甲”、“乙”) is
    /// quoted as much as one standing alone: all four occurrences here are between “ and ”.
    func testAQuotationRightBeforeAnotherIsQuotedToo() throws {
        let c = try XCTUnwrap(Self.miner.mine(["“甲子乙丑”“甲子乙丑”。", "“甲子乙丑”、“甲子乙丑”"], minimumCount: 2).first { $0.phrase == "甲子乙丑" })
        XCTAssertEqual(c.count, 4)
        XCTAssertEqual(c.quoted, 1, accuracy: 1e-9)
    }

    func testPatternsFindRareFormulations() {
        let text = "增强“四个意识”，坚决做到两个维护。一体推进不敢腐、不能腐、不想腐。坚持改革开放不动摇。建设四镇一园一走廊。以人民为中心。"
        let found = Dictionary(uniqueKeysWithValues: Self.miner.mine([text], minimumCount: 5).map { ($0.phrase, $0) })
        for phrase in ["四个意识", "两个维护", "不敢腐", "不能腐", "不想腐", "改革开放", "四镇一园一走廊", "人民"] {
            XCTAssertEqual(found[phrase]?.pattern, true, phrase)
        }
        XCTAssertNil(found["体推进不敢腐"])
        XCTAssertEqual(found["四个意识"]?.quoted, 1)
        XCTAssertEqual(found["四个意识"]?.known, true)
        XCTAssertEqual(found["四镇一园一走廊"]?.known, false)
        let newOnly = Self.miner.mine([text], minimumCount: 5, newOnly: true).map(\.phrase)
        XCTAssertTrue(newOnly.contains("四镇一园一走廊"))
        XCTAssertFalse(newOnly.contains("四个意识"))
    }

    /// Each pattern scans on its own (a frame inside a frame); a frame takes its longest slot; a list
    /// whose first and last runs are longer than six characters takes items as long as their
    /// neighbours; “…” of 2–12 characters.
    func testPatternScannersWithLiteralText() {
        let text = "坚持以人民为中心不动摇。“小而美”。一体推进不敢腐、不能腐、不想腐的体制机制，以党的政治建设为统领。“一二三四五六七八九十甲乙丙”"
        let patterns = Set(Self.miner.mine([text], minimumCount: 5).filter(\.pattern).map(\.phrase))
        XCTAssertEqual(patterns, ["以人民为中心", "人民", "小而美", "不敢腐", "不能腐", "不想腐", "党的政治建设"])
    }

    /// The county speech alone: its numbered formulations, most of them said once, rank in the top 50.
    func testCountySpeechFormulationsInTopFifty() throws {
        let url = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
            .deletingLastPathComponent().appendingPathComponent("Examples/county_inspection_speech.txt")
        let top = Self.miner.mine([try String(contentsOf: url, encoding: .utf8)], minimumCount: 1).prefix(50).map(\.phrase)
        for phrase in ["两个确立", "四个意识", "四个自信", "两个维护", "一岗双责", "三个精准", "四个强化", "三县一城一枢纽", "三件大事", "四条底线"] {
            XCTAssertTrue(top.contains(phrase), "\(phrase) is not in the top 50")
        }
    }
}
