import Foundation
import TifaIndex
import XCTest

/// `a NEAR/n b` (at most n characters between the end of one and the start of the other) with
/// operands that are not plain phrases: one character, an OR group, a NOT, a field filter.
final class NearQueryTests: XCTestCase {
    /// Character positions:
    /// a  坚持全面从严治党，加强巡视工作。        全面从严治党 2–7, 党 7, 巡视 11–12, 视 12, 工 13
    /// b  全面从严治党永远在路上，巡察工作…     全面从严治党 0–5, 党 5, 巡察 12–13
    /// c  巡视工作很重要。其他内容×3。全面从严治党。  巡视 0–1, 工 2, 全面从严治党 21–26, 党 26
    /// e  加强巡视，从严治党                  巡视 2–3, 党 8 (the last character)
    var index: Index!

    override func setUpWithError() throws {
        index = try Index(path: try temporaryIndexPath())
        index.add(Document(id: "a", text: "坚持全面从严治党，加强巡视工作。", date: "2015-03-05", tags: ["report"]))
        index.add(Document(id: "b", text: "全面从严治党永远在路上，巡察工作要向基层延伸。", date: "2018-01-01"))
        index.add(Document(id: "c", text: "巡视工作很重要。" + String(repeating: "其他内容", count: 3) + "。全面从严治党。", date: "2020"))
        index.add(Document(id: "e", text: "加强巡视，从严治党", date: "2015-06-01"))
        try index.commit()
    }

    func ids(_ query: String) throws -> [String] {
        try index.search(query, limit: 100, order: .date).map(\.document.id)
    }

    func testPhraseOperandsBaseline() throws {
        XCTAssertEqual(try ids("全面从严治党 NEAR/3 巡视"), ["a"])  // a: 8 → 11
        XCTAssertEqual(try ids("全面从严治党 NEAR/2 巡视"), [])
        XCTAssertEqual(try ids("巡视 NEAR/18 全面从严治党"), ["a"])
        XCTAssertEqual(try ids("巡视 NEAR/19 全面从严治党"), ["a", "c"])  // c: 2 → 21
        XCTAssertEqual(try ids("\"全面从严治党\" NEAR/3 “巡视”"), ["a"])
        XCTAssertEqual(try ids("全面从严 NEAR/0 从严治党"), ["a", "b", "c"])  // overlapping occurrences are near
    }

    /// A one-character term is found at every position, also as a document's last character.
    func testOneCharacterOperand() throws {
        XCTAssertEqual(try ids("党 NEAR/2 巡视"), [])
        XCTAssertEqual(try ids("党 NEAR/3 巡视"), ["a"])  // a: 8 → 11; e: 4 → 8
        XCTAssertEqual(try ids("党 NEAR/4 巡视"), ["a", "e"])
        XCTAssertEqual(try ids("巡视 NEAR/4 党"), ["a", "e"])
        XCTAssertEqual(try ids("视 NEAR/0 工"), ["a", "c"])  // adjacent
        XCTAssertEqual(try ids("工 NEAR/0 视"), ["a", "c"])
        XCTAssertEqual(try ids("察 NEAR/0 视"), [])
    }

    /// NEAR binds tighter than NOT, and a NOT cannot follow NEAR.
    func testNotOperand() throws {
        XCTAssertEqual(
            try Query.parse("-巡视 NEAR/3 全面从严治党"), .not(.near(.phrase("巡视"), .phrase("全面从严治党"), distance: 3)))
        XCTAssertEqual(try ids("-巡视 NEAR/3 全面从严治党"), ["e", "b", "c"])
        for (query, found) in [("全面从严治党 NEAR/3 -巡视", "'-'"), ("全面从严治党 NEAR/3 NOT 巡视", "NOT")] {
            XCTAssertThrowsError(try Query.parse(query), query) { error in
                XCTAssertEqual((error as? QuerySyntaxError)?.position, 14, query)
                XCTAssertEqual((error as? QuerySyntaxError)?.message, "expected a term, a phrase or '(' but found \(found)")
            }
        }
        // In parentheses a NOT is accepted; it has no position, so only its documents count: those
        // with 全面从严治党 and without 巡视.
        XCTAssertEqual(
            try Query.parse("(NOT 巡视) NEAR/3 全面从严治党"), .near(.not(.phrase("巡视")), .phrase("全面从严治党"), distance: 3))
        XCTAssertEqual(try ids("(NOT 巡视) NEAR/3 全面从严治党"), ["b"])
    }

    /// A filter has no position either: NEAR with a filter selects the filter's documents holding the phrase.
    func testFieldFilterOperand() throws {
        XCTAssertEqual(
            try Query.parse("date:2015 NEAR/3 巡视"), .near(.filter(field: "date", value: "2015"), .phrase("巡视"), distance: 3))
        XCTAssertEqual(try ids("date:2015 NEAR/3 巡视"), ["a", "e"])
        XCTAssertEqual(try ids("巡视 NEAR/0 tag:report"), ["a"])
        XCTAssertEqual(try ids("date:2018 NEAR/3 巡视"), [])
    }

    /// An OR group's occurrences are those of its phrases, so the distance still applies: b's 巡察
    /// is 6 characters after 全面从严治党, c's 巡视 19 before it.
    func testOrGroupOperandKeepsTheDistance() throws {
        XCTAssertEqual(try ids("(巡视 OR 巡察) NEAR/3 全面从严治党"), ["a"])
        XCTAssertEqual(try ids("(巡视 OR 巡察) NEAR/6 全面从严治党"), ["a", "b"])
        XCTAssertEqual(try ids("全面从严治党 NEAR/6 (巡视 OR 巡察)"), ["a", "b"])
    }

    func testMisplacedNearPointsAtTheCharacter() {
        let cases: [(String, Int, String)] = [
            ("NEAR/3 巡视", 0, "expected a term, a phrase or '(' but found NEAR"),
            ("巡视 NEAR/3", 9, "expected a term, a phrase or '(' but found the end of the query"),
            ("巡视 NEAR/3 NEAR/3 工作", 10, "expected a term, a phrase or '(' but found NEAR"),
            ("巡视 NEAR/-1 工作", 8, "NEAR/ needs a distance from 0 to 2147483647 characters, as in NEAR/10"),
            ("巡视 NEAR/ 工作", 8, "NEAR/ needs a distance from 0 to 2147483647 characters, as in NEAR/10"),
            ("巡视 NEAR/3 )", 10, "expected a term, a phrase or '(' but found ')'"),
        ]
        for (query, position, message) in cases {
            XCTAssertThrowsError(try Query.parse(query), query) { error in
                XCTAssertEqual((error as? QuerySyntaxError)?.position, position, query)
                XCTAssertEqual((error as? QuerySyntaxError)?.message, message, query)
            }
        }
        XCTAssertThrowsError(try index.search("巡视 NEAR/3")) { error in
            XCTAssertEqual(
                "\(error)",
                "query error at character 10: expected a term, a phrase or '(' but found the end of the query\n  巡视 NEAR/3\n  "
                    + String(repeating: " ", count: 9) + "^")
        }
    }
}
