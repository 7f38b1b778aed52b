import Foundation
import TifaArchive
import TifaIndex
import XCTest

/// CSV files (RFC 4180 with a header row): one document per record, a bad record reported with
/// its file and line while reading goes on.
final class ArchiveCSVTests: XCTestCase {
    func read(_ bytes: [UInt8], options: ArchiveOptions = ArchiveOptions()) throws -> (path: String, results: [Result<Document, ArchiveReader.Failure>]) {
        let path = try write(bytes, to: "table.csv", in: try temporaryFolder())
        return (path, ArchiveReader.documents(in: path, options: options))
    }

    /// A BOM, CRLF line endings, quoted fields holding commas, doubled quotes and a line break, an
    /// empty row, a row short of columns, empty fields, and no line break at the end. Line numbers
    /// are those of the file: the quoted line break makes c2 start on line 4.
    func testQuotedFieldsLineNumbersAndShortRows() throws {
        let csv = "\u{FEFF}id,title,date,text,tags\r\n"
            + "c1,\"标题, 含逗号\",2020-01-01,\"他说：\"\"两个维护\"\"。\r\n第二行\",\"巡视,讲话\"\r\n"
            + "c2,第二篇,20210101,两个维护,\r\n"
            + "\r\n"
            + "c3,缺列,2022-01-01\r\n"
            + "c4,,,四个意识,"
        let (path, results) = try read(Array(csv.utf8))
        XCTAssertEqual(results.count, 4)
        XCTAssertEqual(
            try results[0].get(),
            Document(id: "c1", text: "他说：\"两个维护\"。\n第二行", title: "标题, 含逗号", date: "2020-01-01", tags: ["巡视", "讲话"]))
        XCTAssertEqual(try results[1].get(), Document(id: "c2", text: "两个维护", title: "第二篇", date: "2021-01-01"))
        XCTAssertThrowsError(try results[2].get()) { error in
            XCTAssertEqual("\(error)", "\(path):6: bad CSV: 3 fields, the header has 5")
        }
        XCTAssertEqual(try results[3].get(), Document(id: "c4", text: "四个意识"))
    }

    /// Without an id column a record is named by its file and line; a date that is no date is kept as written.
    func testRecordsWithoutIdAndWithOtherFieldNames() throws {
        var options = ArchiveOptions()
        options.textField = "正文"
        options.dateField = "日期"
        let (path, results) = try read(Array("日期,正文\n2019年5月4日,青年节讲话\n上周,\"多行\n正文\"\n".utf8), options: options)
        XCTAssertEqual(try results.map { try $0.get() }, [
            Document(id: "\(path):2", text: "青年节讲话", date: "2019-05-04"),
            Document(id: "\(path):3", text: "多行\n正文", date: "上周"),
        ])
    }

    /// Records are read by the CSV row reader a megabyte at a time: one straddling the edges of
    /// the pieces comes out whole, CRLF ends a row, a row over the limit is reported and skipped.
    func testStreamedRecordsAcrossPiecesAndTheLimit() throws {
        var csv = "id,text\r\n"
        var expected: [String] = []
        for i in 0..<5_000 {
            if i == 2_000 {
                csv += "long,\"" + String(repeating: "长", count: 150_000) + "\"\n"
                continue
            }
            csv += "r\(i),\"第\(i)篇，\"\"两个维护\"\"\n" + String(repeating: "坚持", count: 20 + i % 90) + "\"\r\n"
            expected.append("r\(i)")
        }
        let path = try write(Array(csv.utf8), to: "big.csv", in: try temporaryFolder())
        var options = ArchiveOptions()
        options.maximumFileBytes = 300_000
        var ids: [String] = []
        var failures: [String] = []
        var texts: [String: String] = [:]
        ArchiveReader.forEachDocument(in: path, name: "big.csv", options: options) { result in
            switch result {
            case let .success(document):
                ids.append(document.id)
                texts[document.id] = document.text
            case let .failure(failure): failures.append("\(failure.line ?? 0): \(failure.reason)")
            }
        }
        XCTAssertEqual(ids, expected)
        XCTAssertEqual(failures, ["4002: a record longer than the limit (300000 bytes)"])
        XCTAssertEqual(texts["r4999"], "第4999篇，\"两个维护\"\n" + String(repeating: "坚持", count: 20 + 4999 % 90))
    }

    func testBrokenFilesNameFileAndLine() throws {
        let cases: [(String, String)] = [
            ("id,text\nx1,好\nx2,\"不闭合\n的引号\n", ":3: bad CSV: a quoted field is not closed"),
            ("id,body\nx1,好\n", ":1: no \"text\" column for the text (the columns are id, body)"),
            ("id,text\nx1,\n", ":2: no \"text\" field with the text"),
            ("id,text\nx1,好,多余\n", ":2: bad CSV: 3 fields, the header has 2"),
        ]
        for (csv, reason) in cases {
            let (path, results) = try read(Array(csv.utf8))
            // Records before an unclosed quote are kept; the quote costs the rest of the file.
            let kept = reason.contains("not closed") ? 1 : 0
            XCTAssertEqual(results.count, kept + 1, csv)
            XCTAssertEqual(try results.prefix(kept).map { try $0.get().id }, kept == 1 ? ["x1"] : [], csv)
            XCTAssertThrowsError(try results[kept].get(), csv) { error in
                XCTAssertEqual("\(error)", path + reason)
            }
        }
    }

    /// A quote inside an unquoted field is a character; text after a closing quote joins the field.
    func testLenientQuotes() throws {
        let (_, results) = try read(Array("id,text\nq1,他说\"好\"\nq2,\"引\"号后\n".utf8))
        XCTAssertEqual(try results.map { try $0.get().text }, ["他说\"好\"", "引号后"])
    }

    /// Naming the encoding of a UTF-8 file that starts with a BOM must not make the BOM part of
    /// the first column's name.
    func testByteOrderMarkWithExplicitUTF8() throws {
        var options = ArchiveOptions()
        options.encoding = "UTF-8"
        let (_, results) = try read([0xEF, 0xBB, 0xBF] + Array("text,id\n两个维护,c1\n".utf8), options: options)
        XCTAssertEqual(try results.map { try $0.get() }, [Document(id: "c1", text: "两个维护")])
    }
}
