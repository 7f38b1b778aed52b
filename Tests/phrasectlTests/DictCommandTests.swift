import Foundation
import XCTest

/// `phrasectl dict build` and `dict add` as a user runs them.
final class DictCommandTests: XCTestCase {
    static let dictionaries = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent().appendingPathComponent("Dictionaries")

    /// A tiny corpus in two folders: an organ named in varied contexts, a slogan quoted three
    /// times, a verb + formulation that is free; a hand-written list with an entry the corpus lacks.
    func testBuildWritesKindsAndProvenanceTheSameEveryTime() throws {
        let root = FileManager.default.temporaryDirectory.appendingPathComponent(UUID().uuidString)
        for folder in ["news", "reports"] {
            try FileManager.default.createDirectory(at: root.appendingPathComponent(folder), withIntermediateDirectories: true)
        }
        let befores = ["我们", "各地", "今年", "会议", "他们", "全省"]
        let afters = ["发布", "成立", "开会", "部署", "指出", "要求"]
        let filler = "春夏秋冬东南西北金木水火土日月星辰山川河流花草树木鸟兽虫鱼琴棋书画诗酒茶梅兰竹菊。"
        for k in 0..<6 {
            let text = filler + filler + "\(befores[k])看望“甲子乙丑”的人。\(befores[k])中央审计委员会\(afters[k])。"
            let folder = k < 3 ? "reports" : "news"
            try Data(text.utf8).write(to: root.appendingPathComponent("\(folder)/202\(k)0101.txt"))
        }
        let hand = root.appendingPathComponent("hand.tsv")
        try Data("# mine\n两个维护\tnumbered\n".utf8).write(to: hand)
        let output = root.appendingPathComponent("political.dict").path
        let arguments = [
            "dict", "build", "--quiet", "--general", Self.dictionaries.appendingPathComponent("general.dict").path,
            "--hand", hand.path, "--corpus", "reports=\(root.path)/reports", "--corpus", "news=\(root.path)/news",
            "--output", output,
        ]
        let first = try PhrasectlRunner.run(arguments)
        XCTAssertEqual(first.status, 0, first.stderr)
        let written = try String(contentsOfFile: output, encoding: .utf8)
        let entries = written.split(separator: "\n").filter { !$0.hasPrefix("#") }
        XCTAssertEqual(
            entries,
            [
                "中央审计委员会\t6\torg\torigin=mined\tfirst=2020-01-01\tfirstDocument=20200101.txt\tcount=6\treports=3\tnews=3",
                "甲子乙丑\t6\tslogan\torigin=mined\tfirst=2020-01-01\tfirstDocument=20200101.txt\tcount=6\treports=3\tnews=3",
                "两个维护\t5\tnumbered\torigin=hand\tcount=0\treports=0\tnews=0",
            ])
        XCTAssertTrue(written.hasPrefix("# Tifa political lexicon"))
        let second = try PhrasectlRunner.run(arguments)
        XCTAssertEqual(second.status, 0, second.stderr)
        XCTAssertEqual(try String(contentsOfFile: output, encoding: .utf8), written)
    }

    func testBuildRefusesWhatItCannotUse() throws {
        let empty = FileManager.default.temporaryDirectory.appendingPathComponent(UUID().uuidString)
        try FileManager.default.createDirectory(at: empty, withIntermediateDirectories: true)
        let general = Self.dictionaries.appendingPathComponent("general.dict").path
        let none = try PhrasectlRunner.run(["dict", "build", "--general", general, "--corpus", "x=\(empty.path)"])
        XCTAssertEqual(none.status, 65)
        XCTAssertTrue(none.stderr.contains("no documents in \(empty.path)"), none.stderr)
        let twice = try PhrasectlRunner.run(["dict", "build", "--general", general, "--corpus", "x=a", "--corpus", "x=b"])
        XCTAssertEqual(twice.status, 64)
        XCTAssertTrue(twice.stderr.contains("'x' is given twice"), twice.stderr)
        let badHand = try PhrasectlRunner.temporaryFile(Array("两个维护\tbogus\n".utf8), name: "hand.tsv")
        let speech = Self.dictionaries.deletingLastPathComponent().appendingPathComponent("Examples/county_inspection_speech.txt").path
        let bad = try PhrasectlRunner.run(["dict", "build", "--general", general, "--corpus", "x=\(speech)", "--hand", badHand])
        XCTAssertEqual(bad.status, 65)
        XCTAssertTrue(bad.stderr.contains("hand.tsv:1: 'bogus' is no kind"), bad.stderr)
    }

    func testAddRefusesWordsWithSpaces() throws {
        let file = FileManager.default.temporaryDirectory.appendingPathComponent(UUID().uuidString + ".dict").path
        let spaced = try PhrasectlRunner.run(["dict", "add", file, "两个 字"])
        XCTAssertEqual(spaced.status, 64)
        XCTAssertFalse(FileManager.default.fileExists(atPath: file))
        let added = try PhrasectlRunner.run(["dict", "add", file, "数字政府建设专班"])
        XCTAssertEqual(added.status, 0, added.stderr)
        let segmented = try PhrasectlRunner.run(["segment", "--user-dict", file], stdin: Data("研究数字政府建设专班的方案\n".utf8))
        XCTAssertEqual(segmented.stdout, "研究 数字政府建设专班 的 方案\n")
    }
}
