import Foundation
import TifaIndex
import XCTest

/// A messy archive: every encoding and format users have, and every kind of bad file.
final class BatchIndexTests: XCTestCase {
    static let gb18030: [UInt8] = [
        0xC8, 0xAB, 0xC3, 0xE6, 0xB4, 0xD3, 0xD1, 0xCF, 0xD6, 0xCE, 0xB5, 0xB3, 0xD3, 0xC0, 0xD4, 0xB6, 0xD4, 0xDA, 0xC2, 0xB7,
        0xC9, 0xCF, 0xA3, 0xAC, 0xD1, 0xB2, 0xCA, 0xD3, 0xB9, 0xA4, 0xD7, 0xF7, 0xD2, 0xAA, 0xC9, 0xEE, 0xBB, 0xAF, 0xA1, 0xA3,
        0xCE, 0xD2, 0xC3, 0xC7, 0xB5, 0xC4, 0xC8, 0xCE, 0xCE, 0xF1, 0xCA, 0xC7, 0xBC, 0xE1, 0xB3, 0xD6, 0xB5, 0xB3, 0xB5, 0xC4,
        0xC1, 0xEC, 0xB5, 0xBC, 0xA1, 0xA3,
    ]  // 全面从严治党永远在路上，巡视工作要深化。我们的任务是坚持党的领导。
    static let big5: [UInt8] = [
        0xA5, 0xFE, 0xAD, 0xB1, 0xB1, 0x71, 0xC4, 0x59, 0xAA, 0x76, 0xC4, 0xD2, 0xA1, 0x41, 0xB0, 0xED, 0xAB, 0xF9, 0xC4, 0xD2,
        0xAA, 0xBA, 0xBB, 0xE2, 0xBE, 0xC9, 0xA1, 0x41, 0xB3, 0x6F, 0xAC, 0x4F, 0xA7, 0xDA, 0xAD, 0xCC, 0xAA, 0xBA, 0xAE, 0xDA,
        0xA5, 0xBB, 0xA1, 0x43, 0xA7, 0xDA, 0xAD, 0xCC, 0xAD, 0x6E, 0xB0, 0xB5, 0xA8, 0xEC, 0xA8, 0xE2, 0xAD, 0xD3, 0xBA, 0xFB,
        0xC5, 0x40, 0xA1, 0x43,
    ]  // 全面從嚴治黨，堅持黨的領導，這是我們的根本。我們要做到兩個維護。
    static let utf16le: [UInt8] = [
        0xFF, 0xFE, 0x9E, 0x58, 0x3A, 0x5F, 0xDB, 0x56, 0x2A, 0x4E, 0x0F, 0x61, 0xC6, 0x8B, 0x0C, 0xFF, 0x5A, 0x57, 0x9A, 0x5B,
        0xDB, 0x56, 0x2A, 0x4E, 0xEA, 0x81, 0xE1, 0x4F, 0x02, 0x30,
    ]  // 增强四个意识，坚定四个自信。

    /// Writes the archive into a new folder and returns it.
    static func makeArchive() throws -> URL {
        let root = FileManager.default.temporaryDirectory.appendingPathComponent(UUID().uuidString).appendingPathComponent("archive")
        let files: [(String, [UInt8])] = [
            ("2023/20230105.txt", Array("关于全面从严治党的讲话\r\n坚持全面从严治党，两个维护。\r\n".utf8)),
            ("bom.txt", [0xEF, 0xBB, 0xBF] + Array("两个维护是根本政治任务。".utf8)),
            ("windows-utf16.txt", utf16le),
            ("gbk/2019-05-04-speech.txt", gb18030),
            ("big5/traditional.txt", big5),
            ("speech.md", Array("---\ntitle: 巡视工作动员会讲话\ndate: 2022-06-01\nspeaker: 某书记\ntags: [巡视, 讲话]\n---\n# 讲话\n全面从严治党，做到“两个维护”。\n".utf8)),
            ("records.jsonl", Array(
                ("{\"id\":\"j1\",\"text\":\"全面从严治党永远在路上。\",\"date\":\"2018-03-05\",\"speaker\":\"李克强\"}\n"
                 + "{\"id\":\"j2\",\"text\":\"broken\n"
                 + "{\"id\":\"j3\",\"text\":\"推进全面从严治党。\",\"tags\":[\"report\"]}\n").utf8)),
            ("table.csv", Array("id,title,date,text\nc1,第一篇,2020-01-01,\"全面从严治党，\"\"两个维护\"\"\n第二行\"\nc2,第二篇,2021-01-01,两个维护\n".utf8)),
            ("empty.txt", []),
            ("image.txt", [0x89, 0x50, 0x4E, 0x47, 0x00, 0x00, 0x0D, 0x0A, 0x1A, 0x00, 0xFF]),
            ("broken-utf8.txt", Array("全面从严治党，".utf8) + [0xFF] + Array("巡视工作。两个维护。".utf8)),
            ("copy/20230105.txt", Array("关于全面从严治党的讲话\r\n坚持全面从严治党，两个维护。\r\n".utf8)),
            ("notes.docx", [0x50, 0x4B, 0x03, 0x04]),
        ]
        for (path, bytes) in files {
            let url = root.appendingPathComponent(path)
            try FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
            try Data(bytes).write(to: url)
        }
        return root
    }

    /// One archive indexed from two working directories, named two ways: the same ids, and the
    /// second run adds nothing. `--id-prefix` namespaces a second copy of the same archive.
    func testIdsDoNotDependOnTheWorkingDirectory() throws {
        let archive = try Self.makeArchive()
        let parent = archive.deletingLastPathComponent()
        let db = parent.appendingPathComponent("ids.tifa").path
        let first = try PhrasectlRunner.run(["index", "--quiet", "--db", db, "archive"], in: parent)
        XCTAssertEqual(first.status, 2, first.stderr)  // the archive holds bad files on purpose
        let second = try PhrasectlRunner.run(["index", "--db", db, "../"], in: archive.appendingPathComponent("gbk"))
        XCTAssertTrue(second.stderr.contains("added 0, replaced 0, unchanged 10, duplicates 1, failed 4"), second.stderr)
        let ids = try Index(path: db, readOnly: true).allDocuments.map(\.id).sorted()
        XCTAssertEqual(
            ids,
            ["archive/2023/20230105.txt", "archive/big5/traditional.txt", "archive/bom.txt", "archive/gbk/2019-05-04-speech.txt",
             "archive/speech.md", "archive/windows-utf16.txt", "c1", "c2", "j1", "j3"])
        let prefixed = try PhrasectlRunner.run(["index", "--quiet", "--db", db, "--id-prefix", "mirror", archive.path + "/2023"])
        XCTAssertEqual(prefixed.status, 0, prefixed.stderr)
        XCTAssertTrue(prefixed.stderr.isEmpty, prefixed.stderr)
        // The same text under another id is a duplicate, reported only without --quiet; the ids say where it came from.
        let again = try PhrasectlRunner.run(["index", "--db", db, "--id-prefix", "mirror", archive.path + "/2023"])
        XCTAssertTrue(again.stderr.contains("mirror/2023/20230105.txt: skipped, the same text as archive/2023/20230105.txt"), again.stderr)
        let badPrefix = try PhrasectlRunner.run(["index", "--db", db, "--id-prefix", "mirror/", archive.path])
        XCTAssertEqual(badPrefix.status, 64)
        XCTAssertTrue(badPrefix.stderr.contains("--id-prefix is joined to ids with a /"), badPrefix.stderr)
    }

    func testMessyArchive() throws {
        let archive = try Self.makeArchive()
        let db = archive.deletingLastPathComponent().appendingPathComponent("archive.tifa").path
        let errors = archive.deletingLastPathComponent().appendingPathComponent("errors.jsonl").path
        let result = try PhrasectlRunner.run(["index", "--db", db, "--errors", errors, "--batch", "3", archive.path])
        XCTAssertEqual(result.status, 2, result.stderr)
        let root = archive.path
        for expected in [
            "\(root)/empty.txt: empty file", "\(root)/image.txt: binary file", "\(root)/records.jsonl:2: bad JSON",
            "\(root)/broken-utf8.txt: undecodable: invalid UTF-8 at byte 21",
            "archive/copy/20230105.txt: skipped, the same text as archive/2023/20230105.txt",
            "added 10, replaced 0, unchanged 0, duplicates 1, failed 4 (in 4 of 12 files)",
        ] {
            XCTAssertTrue(result.stderr.contains(expected), "missing '\(expected)' in:\n\(result.stderr)")
        }
        let errorLines = try String(contentsOfFile: errors, encoding: .utf8).split(separator: "\n")
        XCTAssertEqual(errorLines.count, 4)
        XCTAssertTrue(errorLines.contains { $0.contains(#""line":2,"reason":"bad JSON""#) })

        // Known phrases, exactly: 全面从严治党 in utf8 ×2, gbk ×1, big5 (as 全面從嚴治黨, not Simplified) 0,
        // speech.md ×1, j1 ×1, j3 ×1, c1 ×1.
        let count = try PhrasectlRunner.run(["count", "--db", db, "--json", "全面从严治党", "两个维护", "四个意识", "全面從嚴治黨"])
        XCTAssertEqual(
            count.stdout,
            """
            {"phrase":"全面从严治党","occurrences":7,"documents":6}
            {"phrase":"两个维护","occurrences":5,"documents":5}
            {"phrase":"四个意识","occurrences":1,"documents":1}
            {"phrase":"全面從嚴治黨","occurrences":1,"documents":1}

            """, count.stderr)
        // Metadata: front matter, date from the path, CSV fields, JSONL fields.
        let search = try PhrasectlRunner.run(["search", "--db", db, "--json", "--sort", "date", "--limit", "20", "date:2018..2023"])
        let ids = search.stdout.split(separator: "\n").compactMap { line -> String? in
            guard let object = try? JSONSerialization.jsonObject(with: Data(line.utf8)) as? [String: Any] else { return nil }
            return "\(object["id"] as? String ?? "?")@\(object["date"] as? String ?? "-")"
        }
        XCTAssertEqual(
            ids,
            ["j1@2018-03-05", "archive/gbk/2019-05-04-speech.txt@2019-05-04", "c1@2020-01-01", "c2@2021-01-01",
             "archive/speech.md@2022-06-01", "archive/2023/20230105.txt@2023-01-05"])
        let tagged = try PhrasectlRunner.run(["search", "--db", db, "--json", "tag:巡视 speaker:某书记 title:巡视工作动员会讲话"])
        XCTAssertEqual(tagged.stdout.split(separator: "\n").count, 1, tagged.stdout)
        let kwic = try PhrasectlRunner.run(["kwic", "--db", db, "--json", "--width", "3", "两个维护"])
        XCTAssertTrue(kwic.stdout.contains(#"{"id":"c1","start":8,"end":12,"left":"党，\"","match":"两个维护","right":"\" 第"}"#), kwic.stdout)

        // Running again over the same folder changes nothing.
        let again = try PhrasectlRunner.run(["index", "--db", db, archive.path])
        XCTAssertEqual(again.status, 2)
        XCTAssertTrue(again.stderr.contains("added 0, replaced 0, unchanged 10, duplicates 1, failed 4"), again.stderr)
        // A changed file replaces its old version.
        try Data("坚持全面从严治党。".utf8).write(to: archive.appendingPathComponent("bom.txt"))
        let changed = try PhrasectlRunner.run(["index", "--db", db, archive.path])
        XCTAssertTrue(changed.stderr.contains("added 0, replaced 1, unchanged 9"), changed.stderr)
        XCTAssertTrue(try PhrasectlRunner.run(["count", "--db", db, "--json", "全面从严治党"]).stdout.contains(#""occurrences":8,"documents":7"#))
    }

    func testNothingIndexableExits1() throws {
        let empty = try PhrasectlRunner.temporaryFile([], name: "empty.txt")
        let db = (empty as NSString).deletingLastPathComponent + "/x.tifa"
        let result = try PhrasectlRunner.run(["index", "--db", db, empty])
        XCTAssertEqual(result.status, 1, result.stderr)
    }

    func testEncodingOverrideAndGlobs() throws {
        let archive = try Self.makeArchive()
        let db = archive.deletingLastPathComponent().appendingPathComponent("gbk.tifa").path
        let result = try PhrasectlRunner.run([
            "index", "--db", db, "--include", "*.txt", "--exclude", "big5/*", "--exclude", "*utf8*", "--exclude", "empty.txt",
            "--exclude", "image.txt", "--exclude", "copy/*", "--exclude", "bom.txt", "--exclude", "windows-*",
            "--exclude", "2023/*", "--encoding", "GB18030", archive.path,
        ])
        XCTAssertEqual(result.status, 0, result.stderr)
        XCTAssertTrue(result.stderr.contains("added 1,"), result.stderr)
    }
}
