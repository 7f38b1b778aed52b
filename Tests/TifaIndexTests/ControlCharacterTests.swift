import Foundation
import TifaIndex
import XCTest

/// Texts holding U+0000 and other control characters are stored and read back whole: SQLite is
/// given their byte length, not a C string, so the text checksum holds and counts see them.
final class ControlCharacterTests: XCTestCase {
    func testTextsWithNULAreKeptWhole() throws {
        let index = try Index(path: try temporaryIndexPath())
        let texts = ["前\u{0}后全面从严治党", "\u{0}\u{0}两个维护\u{1}\u{7F}", "坚持全面从严治党。"]
        for (k, text) in texts.enumerated() { index.add(Document(id: "d\(k)", text: text)) }
        try index.commit()
        for (k, text) in texts.enumerated() { XCTAssertEqual(try index.text(ofDocument: "d\(k)"), text) }
        XCTAssertEqual(try index.count("全面从严治党").occurrences, 2)
        XCTAssertEqual(try index.count("\u{0}后").occurrences, 1)
        XCTAssertEqual(try index.kwic("两个维护", width: 3).map(\.left), ["\u{0}\u{0}"])
        XCTAssertTrue(try index.check().isSound)
    }
}

/// A filter value in quotes may hold spaces and parentheses.
final class QuotedFilterTests: XCTestCase {
    func testQuotedIdAndTitle() throws {
        let index = try Index(path: try temporaryIndexPath())
        index.add(Document(id: "speech 1 (draft).md", text: "坚持两个维护。", title: "讲话 一"))
        index.add(Document(id: "speech", text: "做到两个维护。"))
        try index.commit()
        XCTAssertEqual(try index.search(#"两个维护 id:"speech 1 (draft).md""#).map(\.document.id), ["speech 1 (draft).md"])
        XCTAssertEqual(try index.search("id:speech").map(\.document.id), ["speech"])
        XCTAssertEqual(try index.search(#"title:“讲话 一”"#).map(\.document.id), ["speech 1 (draft).md"])
        XCTAssertThrowsError(try index.search(#"id:"open"#)) { error in
            XCTAssertEqual("\(error)", "query error at character 4: unclosed quotation mark\n  id:\"open\n     ^")
        }
    }
}
