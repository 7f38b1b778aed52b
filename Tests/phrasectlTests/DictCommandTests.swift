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

    /// --pending lists the bound candidates no verdict covers; a verdict in --reviewed admits one
    /// with its kind and takes it off the list.
    func testBuildPutsBoundCandidatesUpForReviewAndTakesVerdicts() throws {
        let root = FileManager.default.temporaryDirectory.appendingPathComponent(UUID().uuidString)
        try FileManager.default.createDirectory(at: root, withIntermediateDirectories: true)
        let befores = ["我们", "各地", "今年", "会议", "他们", "全省"]
        let afters = ["发布", "成立", "开会", "部署", "指出", "要求"]
        let filler = String(repeating: "春夏秋冬东南西北金木水火土日月星辰山川河流花草树木鸟兽虫鱼琴棋书画诗酒茶梅兰竹菊。", count: 6)
        for k in 0..<6 {
            try Data((filler + "\(befores[k])甲丙戊庚\(afters[k])。").utf8).write(to: root.appendingPathComponent("2020010\(k).txt"))
        }
        let pending = root.appendingPathComponent("pending.tsv").path
        let reviewed = root.appendingPathComponent("reviewed.tsv")
        try Data("# verdicts\n".utf8).write(to: reviewed)
        let output = root.appendingPathComponent("political.dict").path
        let arguments = [
            "dict", "build", "--quiet", "--general", Self.dictionaries.appendingPathComponent("general.dict").path,
            "--corpus", "news=\(root.path)", "--reviewed", reviewed.path, "--pending", pending, "--output", output,
        ]
        let first = try PhrasectlRunner.run(arguments)
        XCTAssertEqual(first.status, 0, first.stderr)
        let waiting = try String(contentsOfFile: pending, encoding: .utf8).split(separator: "\n")
        XCTAssertTrue(waiting[0].hasPrefix("# Bound candidates awaiting a verdict"))
        XCTAssertEqual(waiting.dropFirst().first { $0.hasPrefix("甲丙戊庚\t") }?.split(separator: "\t").prefix(3), ["甲丙戊庚", "6", "6"])
        XCTAssertFalse(try String(contentsOfFile: output, encoding: .utf8).contains("甲丙戊庚"))

        try Data("# verdicts\r\n甲丙戊庚\tcampaign\r\n".utf8).write(to: reviewed)
        let second = try PhrasectlRunner.run(arguments)
        XCTAssertEqual(second.status, 0, second.stderr)
        XCTAssertTrue(
            try String(contentsOfFile: output, encoding: .utf8).contains(
                "甲丙戊庚\t6\tcampaign\torigin=mined+reviewed\tfirst=2020-01-01\tfirstDocument=20200101.txt\tcount=6\tnews=6\n"))
        XCTAssertFalse(try String(contentsOfFile: pending, encoding: .utf8).contains("甲丙戊庚"))
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
        let badVerdict = try PhrasectlRunner.temporaryFile(Array("# verdicts\n两个维护\tmaybe\n".utf8), name: "reviewed.tsv")
        let unsure = try PhrasectlRunner.run(["dict", "build", "--general", general, "--corpus", "x=\(speech)", "--reviewed", badVerdict])
        XCTAssertEqual(unsure.status, 65)
        XCTAssertTrue(unsure.stderr.contains("reviewed.tsv:2: 'maybe' is no verdict; write reject or a kind"), unsure.stderr)
        let twoVerdicts = try PhrasectlRunner.temporaryFile(Array("两个维护\tnumbered\r\n两个维护\treject\r\n".utf8), name: "reviewed.tsv")
        let torn = try PhrasectlRunner.run(["dict", "build", "--general", general, "--corpus", "x=\(speech)", "--reviewed", twoVerdicts])
        XCTAssertEqual(torn.status, 65)
        XCTAssertTrue(torn.stderr.contains("reviewed.tsv:2: 两个维护 is 'reject' here but 'numbered' at "), torn.stderr)
        let folder = try PhrasectlRunner.run(["dict", "build", "--general", general, "--corpus", "x=\(speech)", "--reviewed", NSTemporaryDirectory()])
        XCTAssertEqual(folder.status, 66)
        XCTAssertTrue(folder.stderr.contains("is a folder, not a list"), folder.stderr)
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

    /// New phrases are appended as `word<TAB>100000<TAB>kind`; comments, existing lines and a
    /// missing final line break are kept; a phrase the file already has is not added again.
    func testAddAppendsOneLinePerNewPhraseAndKeepsTheRest() throws {
        let file = try PhrasectlRunner.temporaryFile(Array("# 我的词典\n县委巡察办\t500\torg".utf8), name: "user.dict")
        let added = try PhrasectlRunner.run(["dict", "add", file, "数字政府建设专班", "县委巡察办", "三强九严"])
        XCTAssertEqual(added.status, 0, added.stderr)
        XCTAssertEqual(added.stdout + added.stderr, "")
        XCTAssertEqual(
            try String(contentsOfFile: file, encoding: .utf8),
            "# 我的词典\n县委巡察办\t500\torg\n数字政府建设专班\t100000\ttifa\n三强九严\t100000\ttifa\n")
        let tagged = try PhrasectlRunner.run(["dict", "add", "--tag", "org", file, "市委巡察办"])
        XCTAssertEqual(tagged.status, 0, tagged.stderr)
        XCTAssertTrue(try String(contentsOfFile: file, encoding: .utf8).hasSuffix("三强九严\t100000\ttifa\n市委巡察办\t100000\torg\n"))
        // Adding what is there already leaves the file as it was.
        let before = try Data(contentsOf: URL(fileURLWithPath: file))
        XCTAssertEqual(try PhrasectlRunner.run(["dict", "add", file, "三强九严", "市委巡察办"]).status, 0)
        XCTAssertEqual(try Data(contentsOf: URL(fileURLWithPath: file)), before)
    }

    /// Bad input is a usage error (64) that names the problem, and the file is not touched.
    func testAddRejectsBadInputWithAClearError() throws {
        let file = FileManager.default.temporaryDirectory.appendingPathComponent(UUID().uuidString + ".dict").path
        let kinds = "general, tifa, org, title, person, place, campaign, meeting, slogan, numbered, strategy"
        let cases: [([String], String)] = [
            (["--tag", "bogus", file, "甲乙丙"], "Error: 'bogus' is no kind; kinds: \(kinds).\n"),
            ([file, "甲乙\t丙"], "Error: '甲乙\t丙' cannot be a dictionary word: a word has no spaces or tabs and does not start with #.\n"),
            ([file, "#甲乙"], "Error: '#甲乙' cannot be a dictionary word: a word has no spaces or tabs and does not start with #.\n"),
            ([file, ""], "Error: '' cannot be a dictionary word: a word has no spaces or tabs and does not start with #.\n"),
            ([file], "Error: Missing expected argument '<PHRASE> ...'\n"),
        ]
        for (arguments, message) in cases {
            let result = try PhrasectlRunner.run(["dict", "add"] + arguments)
            XCTAssertEqual(result.status, 64, "\(arguments)")
            XCTAssertTrue(result.stderr.hasPrefix(message), "\(arguments): \(result.stderr)")
            XCTAssertFalse(FileManager.default.fileExists(atPath: file), "\(arguments) created the file")
        }
        let unwritable = try PhrasectlRunner.run(["dict", "add", "/nonexistent/folder/user.dict", "甲乙丙"])
        XCTAssertEqual(unwritable.status, 66)
        XCTAssertEqual(unwritable.stderr, "phrasectl: cannot open /nonexistent/folder/user.dict: cannot be written\n")
    }

    /// The same new phrase named twice in one call is one entry.
    func testAddWritesAPhraseNamedTwiceOnce() throws {
        let file = FileManager.default.temporaryDirectory.appendingPathComponent(UUID().uuidString + ".dict").path
        XCTAssertEqual(try PhrasectlRunner.run(["dict", "add", file, "三强九严", "三强九严"]).status, 0)
        XCTAssertEqual(try String(contentsOfFile: file, encoding: .utf8), "三强九严\t100000\ttifa\n")
    }

    /// A user dictionary may separate its fields by spaces and end its lines with CRLF (the
    /// lexicon loader reads both): its words are known too, and not added a second time.
    func testAddKnowsTheWordsOfEveryLineTheLoaderReads() throws {
        for contents in ["县委巡察办 500 org\n市委巡察办\n", "县委巡察办\t500\torg\r\n市委巡察办\t500\torg\r\n"] {
            let file = try PhrasectlRunner.temporaryFile(Array(contents.utf8), name: "user.dict")
            XCTAssertEqual(try PhrasectlRunner.run(["dict", "add", file, "县委巡察办", "市委巡察办"]).status, 0)
            XCTAssertEqual(try String(contentsOfFile: file, encoding: .utf8).debugDescription, contents.debugDescription)
        }
    }

    /// A dictionary that is not UTF-8 (here GBK) cannot be read as text; `dict add` must refuse
    /// it rather than write the new phrase over the user's entries.
    func testAddNeverOverwritesADictionaryItCannotRead() throws {
        let gbk: [UInt8] = [0xCF, 0xD8, 0xCE, 0xAF, 0xD1, 0xB2, 0xB2, 0xEC, 0xB0, 0xEC, 0x09, 0x35, 0x30, 0x30, 0x0A]  // 县委巡察办\t500
        let file = try PhrasectlRunner.temporaryFile(gbk, name: "gbk.dict")
        let result = try PhrasectlRunner.run(["dict", "add", file, "三强九严"])
        XCTAssertNotEqual(result.status, 0)
        XCTAssertTrue(result.stderr.contains(file), result.stderr)
        XCTAssertEqual(try Data(contentsOf: URL(fileURLWithPath: file)), Data(gbk))
    }
}
