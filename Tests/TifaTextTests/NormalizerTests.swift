import TifaText
import XCTest

final class NormalizerTests: XCTestCase {
    func testFullWidthBecomesASCII() throws {
        let text = try Normalizer().normalize("２０２２年ＧＤＰ，")
        XCTAssertEqual(text.scalars, "2022年GDP,")
        XCTAssertEqual(text.originalRange(of: 5..<8), 5..<8)
    }

    func testTraditionalToSimplified() throws {
        XCTAssertEqual(try Normalizer(toSimplified: true).normalize("全面從嚴治黨").scalars, "全面从严治党")
        XCTAssertEqual(try Normalizer().normalize("全面從嚴治黨").scalars, "全面從嚴治黨")
    }

    func testExpansionsMapBackToTheirSourceCharacter() throws {
        // U+2026 HORIZONTAL ELLIPSIS becomes three full stops; all three come from scalar 1.
        let text = try Normalizer().normalize("好…了")
        XCTAssertEqual(text.scalars, "好...了")
        XCTAssertEqual(text.originalRange(of: 1..<4), 1..<2)
        XCTAssertEqual(text.originalRange(of: 4..<5), 2..<3)
    }

    func testCombiningMarksComposeWithTheirBase() throws {
        let text = try Normalizer().normalize("Cafe\u{301}馆")
        XCTAssertEqual(text.scalars, "Café馆")
        XCTAssertEqual(text.originalRange(of: 3..<4), 3..<5)
        XCTAssertEqual(text.originalRange(of: 4..<5), 5..<6)
    }
}
