import Foundation
import TifaArchive
import TifaIndex
import XCTest

/// Markdown front matter: `key: value` lines between `---` lines give title, date, speaker,
/// source and tags; without it the title is the first line and the date comes from the path.
final class ArchiveFrontMatterTests: XCTestCase {
    func document(_ text: String, named name: String) throws -> Document {
        let path = try write(Array(text.utf8), to: name, in: try temporaryFolder())
        let results = ArchiveReader.documents(in: path)
        XCTAssertEqual(results.count, 1)
        return try XCTUnwrap(results.first).get()
    }

    /// Keys in any case, values quoted or not, a list in brackets, lines without a colon and
    /// empty values ignored; a BOM and CRLF line endings do not hide it.
    func testFieldsOfTheFrontMatter() throws {
        let text = "\u{FEFF}---\r\nTitle: \"巡视工作动员会讲话\"\r\ndate: 2022年6月1日\r\nspeaker: 某书记\r\n"
            + "source: 'county news'\r\ntags: [巡视, \"讲话\", ]\r\na line without colon\r\nempty:\r\n---\r\n# 正文标题\r\n全面从严治党。\r\n"
        let document = try document(text, named: "speech.md")
        XCTAssertEqual(document.title, "巡视工作动员会讲话")
        XCTAssertEqual(document.date, "2022-06-01")
        XCTAssertEqual(document.speaker, "某书记")
        XCTAssertEqual(document.source, "county news")
        XCTAssertEqual(document.tags, ["巡视", "讲话"])
        XCTAssertTrue(document.id.hasSuffix("/speech.md"))
        XCTAssertFalse(document.text.contains("\r"))
        XCTAssertFalse(document.text.contains("\u{FEFF}"))
    }

    func testValuesKeepTheirColonsAndListsNeedNoBrackets() throws {
        let document = try document("---\ntitle: 会议纪要: 第一次\ntags: 巡视, 整改\ndate: 2023-01-05T09:30:00+08:00\n---\n正文\n", named: "x.md")
        XCTAssertEqual(document.title, "会议纪要: 第一次")
        XCTAssertEqual(document.tags, ["巡视", "整改"])
        XCTAssertEqual(document.date, "2023-01-05")
    }

    /// Without a title field: the first non-empty line, without its heading marks.
    func testTitleFromTheFirstHeadingAndDateFromThePath() throws {
        let withMatter = try document("---\nspeaker: 某书记\n---\n\n## 二级标题 \n正文\n", named: "2021-07-01-讲话.md")
        XCTAssertEqual(withMatter.title, "二级标题")
        XCTAssertEqual(withMatter.date, "2021-07-01")
        XCTAssertEqual(withMatter.speaker, "某书记")
        let without = try document("\n  # 标题\n正文\n", named: "2021/20210702.md")
        XCTAssertEqual(without.title, "标题")
        XCTAssertEqual(without.date, "2021-07-02")
        XCTAssertNil(without.speaker)
        XCTAssertEqual(without.tags, [])
        // A front-matter value that is no date leaves the date to the path.
        XCTAssertEqual(try document("---\ndate: soon\n---\n正文\n", named: "2020/notes.md").date, "2020")
    }

    /// A first line longer than 80 characters is a paragraph: its first 80 characters and "…".
    func testLongFirstLineIsCut() throws {
        let line = String(repeating: "全面从严治党永远在路上", count: 10)  // 110 characters
        XCTAssertEqual(try document(line + "\n", named: "long.md").title, String(line.prefix(80)) + "…")
    }

    /// Front matter is read in Markdown only; in a text file it is text.
    func testPlainTextHasNoFrontMatter() throws {
        let document = try document("---\ntitle: 标题\nspeaker: 某书记\n---\n正文\n", named: "speech.txt")
        XCTAssertEqual(document.title, "---")
        XCTAssertNil(document.speaker)
        XCTAssertEqual(document.text, "---\ntitle: 标题\nspeaker: 某书记\n---\n正文\n")
    }

    /// The front matter is metadata: its keys and values are not words of the speech, so
    /// `count 某书记` must not find the speaker's name in a speech that never says it.
    func testFrontMatterIsNotPartOfTheText() throws {
        let document = try document("---\ntitle: 讲话\nspeaker: 某书记\n---\n# 讲话\n全面从严治党。\n", named: "speech.md")
        XCTAssertEqual(document.text, "# 讲话\n全面从严治党。\n")
    }

    /// `---` right after `---` is an empty front matter, not a title.
    func testEmptyFrontMatterIsRecognised() throws {
        let document = try document("---\n---\n# 标题\n正文\n", named: "speech.md")
        XCTAssertEqual(document.title, "标题")
    }

    /// `YYYY-MM` is a date a document may have (see `Document.date`); front matter must keep it.
    func testFrontMatterYearAndMonthIsKept() throws {
        XCTAssertEqual(try document("---\ndate: 2022-03\n---\n正文\n", named: "speech.md").date, "2022-03")
    }
}
