import Foundation
import XCTest

/// `phrasectl phrases` on three literal texts, every printed number worked out by hand from the
/// formulas of `phrasectl phrases --help`.
///
/// 18 Han characters. 甲子乙丑 occurs 3 times in 2 of the 3 texts, always between “ and ” (quoted
/// share 1; a quotation mark is a break and each break a new context: left and right entropy
/// ln 3); its characters occur nowhere else, so every split has PMI ln(3 · 18 / (3 · 3)) = ln 6;
/// no longer string occurs twice, so C-value = log2(4) · 3 = 6. The lexicon lacks it; it is a
/// quoted term (a pattern, + 2); in 2 of 3 texts the template factor is 1 − (2/3 − 1/2) = 5/6.
/// 春夏 occurs twice (texts 1 and 3), after a break both times (ln 2), before “ and 秋 (ln 2);
/// PMI ln(2 · 18 / (2 · 2)) = ln 9; C-value log2(2) · 2 = 2; a general word (× 0.25). Everything
/// else has a fixed neighbour (甲子 is always followed by 乙) or occurs once.
final class PhrasesCommandTests: XCTestCase {
    static let texts = ["“甲子乙丑”，春夏“甲子乙丑”。", "“甲子乙丑”。", "春夏秋冬。"]

    static func number(_ x: Double) -> String { String(format: "%.3f", x) }
    /// A JSON number as phrasectl writes one: rounded to three decimals, in its shortest form.
    static func jsonNumber(_ x: Double) -> String {
        let r = (x * 1000).rounded() / 1000
        return r == r.rounded() ? String(Int(r)) : "\(r)"
    }

    static let quotedScore = log2(4) * min(1, log(3.0) / 2) * (log(6.0) / 6) * (5.0 / 6) + 6 * 1 + 2
    static let generalScore = log2(3) * min(1, log(2.0) / 2) * (log(9.0) / 6) * 0.25 * (5.0 / 6)

    static let quotedJSON =
        #"{"phrase":"甲子乙丑","count":3,"documents":2,"cohesion":\#(jsonNumber(log(6))),"leftEntropy":\#(jsonNumber(log(3))),"#
        + #""rightEntropy":\#(jsonNumber(log(3))),"cvalue":6,"quoted":1,"known":false,"tag":null,"pattern":true,"#
        + #""numbered":false,"score":\#(jsonNumber(quotedScore))}"#
    static let generalJSON =
        #"{"phrase":"春夏","count":2,"documents":2,"cohesion":\#(jsonNumber(log(9))),"leftEntropy":\#(jsonNumber(log(2))),"#
        + #""rightEntropy":\#(jsonNumber(log(2))),"cvalue":2,"quoted":0,"known":true,"tag":"general","pattern":false,"#
        + #""numbered":false,"score":\#(jsonNumber(generalScore))}"#

    static func files() throws -> [String] {
        try texts.enumerated().map { try PhrasectlRunner.temporaryFile(Array($0.element.utf8), name: "text\($0.offset + 1).txt") }
    }

    func testTableOfTextFiles() throws {
        let result = try PhrasectlRunner.run(["phrases", "--quiet", "--min-count", "2"] + Self.files())
        XCTAssertEqual(result.status, 0, result.stderr)
        XCTAssertEqual(result.stderr, "")
        let f = Self.number
        // Columns split at runs of two spaces (no cell holds two), numbers right-aligned under their header.
        let rows = result.stdout.split(separator: "\n").map { $0.split(separator: "  ").map { $0.trimmingCharacters(in: .whitespaces) } }
        XCTAssertEqual(
            rows,
            [["score", "count", "documents", "cohesion", "left H", "right H", "C-value", "quoted", "known", "phrase"],
             [f(Self.quotedScore), "3", "2", f(log(6)), f(log(3)), f(log(3)), "6.000", "1.000", "no", "甲子乙丑"],
             [f(Self.generalScore), "2", "2", f(log(9)), f(log(2)), f(log(2)), "2.000", "0.000", "general", "春夏"]], result.stdout)
        let lines = result.stdout.split(separator: "\n")
        let lastColumnStarts = zip(lines, rows).map { $0.count - ($1.last?.count ?? 0) }
        XCTAssertEqual(Set(lastColumnStarts).count, 1, "the phrase column starts at one place in every line")
    }

    func testJSONTopAndNewOnly() throws {
        let files = try Self.files()
        let json = try PhrasectlRunner.run(["phrases", "--quiet", "--json", "--min-count", "2"] + files)
        XCTAssertEqual(json.stdout, Self.quotedJSON + "\n" + Self.generalJSON + "\n", json.stderr)
        let top = try PhrasectlRunner.run(["phrases", "--quiet", "--json", "--min-count", "2", "--top", "1"] + files)
        XCTAssertEqual(top.stdout, Self.quotedJSON + "\n")
        // 春夏 is in the lexicon.
        let new = try PhrasectlRunner.run(["phrases", "--quiet", "--json", "--min-count", "2", "--new-only"] + files)
        XCTAssertEqual(new.stdout, Self.quotedJSON + "\n")
        // With --min-count 3, 春夏 (twice) is no candidate; 甲子乙丑 is a pattern candidate all the same.
        let three = try PhrasectlRunner.run(["phrases", "--quiet", "--json", "--min-count", "3"] + files)
        XCTAssertEqual(three.stdout, Self.quotedJSON + "\n")
    }

    /// From an index: the same texts give the same candidates. Filtered to the documents holding
    /// 甲子乙丑 (texts 1 and 2, 14 Han characters): it is in all of them (template factor 1/2), its
    /// PMI is ln(3 · 14 / 9), and 春夏 occurs once.
    func testIndexAndFilter() throws {
        let db = try PhrasectlRunner.index(records: Self.texts.enumerated().map { #"{"id":"t\#($0.offset + 1)","text":"\#($0.element)"}"# })
        let all = try PhrasectlRunner.run(["phrases", "--quiet", "--json", "--min-count", "2", "--db", db])
        XCTAssertEqual(all.stdout, Self.quotedJSON + "\n" + Self.generalJSON + "\n", all.stderr)

        let filtered = try PhrasectlRunner.run(["phrases", "--quiet", "--json", "--min-count", "2", "--db", db, "--filter", "甲子乙丑"])
        let f = Self.jsonNumber
        let score = log2(4) * min(1, log(3.0) / 2) * (log(14.0 / 3) / 6) * 0.5 + 6 + 2
        XCTAssertEqual(
            filtered.stdout,
            #"{"phrase":"甲子乙丑","count":3,"documents":2,"cohesion":\#(f(log(14.0 / 3))),"leftEntropy":\#(f(log(3))),"#
                + #""rightEntropy":\#(f(log(3))),"cvalue":6,"quoted":1,"known":false,"tag":null,"pattern":true,"#
                + #""numbered":false,"score":\#(f(score))}"# + "\n", filtered.stderr)
    }

    func testRefusesContradictoryOptionsAndUnreadableFiles() throws {
        let files = try Self.files()
        let cases: [([String], String)] = [
            (["--db", "x.tifa"] + files, "Give one of --db FILE (repeated for shards), --stats DIR, or text files."),
            ([], "Give one of --db FILE (repeated for shards), --stats DIR, or text files."),
            (["--stats", "statistics"] + files, "Give one of --db FILE (repeated for shards), --stats DIR, or text files."),
            (["--filter", "甲子"] + files, "--filter needs --db."),
            (["--min-count", "0"] + files, "--min-count must be at least 1."),
        ]
        for (arguments, message) in cases {
            let result = try PhrasectlRunner.run(["phrases", "--quiet"] + arguments)
            XCTAssertEqual(result.status, 64, "\(arguments)")
            XCTAssertTrue(result.stderr.contains(message), "\(arguments): \(result.stderr)")
            XCTAssertEqual(result.stdout, "")
        }
        let missing = (files[0] as NSString).deletingLastPathComponent + "/absent.txt"
        let unreadable = try PhrasectlRunner.run(["phrases", "--quiet", files[0], missing])
        XCTAssertEqual(unreadable.status, 65)
        XCTAssertEqual(unreadable.stderr, "phrasectl: \(missing): cannot be read\n")
        XCTAssertEqual(unreadable.stdout, "")
    }
}
