import Foundation
import XCTest

final class SegmentCommandTests: XCTestCase {
    func testTextOutputFromStandardInput() throws {
        let result = try PhrasectlRunner.run(["segment"], stdin: Data("做到“两个维护”\n\n  坚持三严三实 \n".utf8))
        XCTAssertEqual(result.status, 0, result.stderr)
        XCTAssertEqual(result.stdout, "做到 “ 两个维护 ”\n\n坚持 三严三实\n")
    }

    func testModes() throws {
        let input = Data("全面从严治党\n".utf8)
        XCTAssertEqual(try PhrasectlRunner.run(["segment", "--mode", "coarse"], stdin: input).stdout, "全面从严治党\n")
        XCTAssertEqual(try PhrasectlRunner.run(["segment", "--mode", "fine"], stdin: input).stdout, "全面 从严治党\n")
        XCTAssertEqual(try PhrasectlRunner.run(["segment", "--mode", "icu"], stdin: input).stdout, "全面 从 严 治 党\n")
        let bad = try PhrasectlRunner.run(["segment", "--mode", "medium"], stdin: input)
        XCTAssertNotEqual(bad.status, 0)
        XCTAssertTrue(bad.stderr.contains("coarse"), bad.stderr)
    }

    struct Line: Decodable {
        struct Token: Decodable {
            var text: String
            var kind: String
            var start: Int
            var end: Int
            var byteStart: Int
            var byteEnd: Int
        }
        var line: Int
        var tokens: [Token]
    }

    /// A formulation made of several words carries them as `parts`, nested, with offsets into the
    /// original line.
    func testJSONPartsOfAFormulation() throws {
        let line = "要全面从严治党"
        let result = try PhrasectlRunner.run(["segment", "--format", "json"], stdin: Data((line + "\n").utf8))
        XCTAssertEqual(result.status, 0, result.stderr)
        XCTAssertEqual(
            result.stdout,
            #"{"line":1,"tokens":[{"text":"要","kind":"word","start":0,"end":1,"byteStart":0,"byteEnd":3},"#
                + #"{"text":"全面从严治党","kind":"tifa","start":1,"end":7,"byteStart":3,"byteEnd":21,"parts":["#
                + #"{"text":"全面","kind":"word","start":1,"end":3,"byteStart":3,"byteEnd":9},"#
                + #"{"text":"从严治党","kind":"tifa","start":3,"end":7,"byteStart":9,"byteEnd":21,"parts":["#
                + #"{"text":"从严","kind":"word","start":3,"end":5,"byteStart":9,"byteEnd":15},"#
                + #"{"text":"治党","kind":"word","start":5,"end":7,"byteStart":15,"byteEnd":21}]}]}]}"# + "\n")
    }

    /// In JSON output the original line sliced at start..end (scalars) and at byteStart..byteEnd
    /// (bytes) is the token text, for full-width and Traditional input too.
    func testJSONOffsetsSliceTheOriginalLine() throws {
        let lines = ["２０２２年ＧＤＰ增长５％，“两个维护”", "堅持黨的領導，全面從嚴治黨…好", "*月**日，\"引号\"\\反斜杠"]
        let result = try PhrasectlRunner.run(
            ["segment", "--format", "json", "--to-simplified"], stdin: Data(lines.joined(separator: "\n").utf8))
        XCTAssertEqual(result.status, 0, result.stderr)
        let decoded = try result.stdout.split(separator: "\n").map {
            try JSONDecoder().decode(Line.self, from: Data($0.utf8))
        }
        XCTAssertEqual(decoded.map(\.line), [1, 2, 3])
        for (line, original) in zip(decoded, lines) {
            let scalars = Array(original.unicodeScalars)
            let bytes = Array(original.utf8)
            XCTAssertFalse(line.tokens.isEmpty)
            for token in line.tokens {
                XCTAssertEqual(String(String.UnicodeScalarView(scalars[token.start..<token.end])), token.text)
                XCTAssertEqual(String(decoding: bytes[token.byteStart..<token.byteEnd], as: UTF8.self), token.text)
            }
        }
        XCTAssertEqual(decoded[1].tokens.map(\.text), ["堅持", "黨的領導", "，", "全面從嚴治黨", "…", "好"])
        XCTAssertEqual(decoded[1].tokens[3].kind, "tifa")
        XCTAssertEqual(decoded[2].tokens.first?.kind, "mask")
    }

    func testInvalidUTF8NamesFileAndByteAndExits65() throws {
        let path = try PhrasectlRunner.temporaryFile(Array("第一行\n第二".utf8) + [0xB5, 0xDA] + Array("行\n".utf8))
        let result = try PhrasectlRunner.run(["segment", path])
        XCTAssertEqual(result.status, 65)
        XCTAssertTrue(result.stderr.contains("\(path): invalid UTF-8 at byte 16 (line 2)"), result.stderr)
        XCTAssertTrue(result.stderr.contains("--lossy"), result.stderr)
        XCTAssertEqual(result.stdout, "第一行\n")
    }

    func testLossyReplacesAndGoesOn() throws {
        let path = try PhrasectlRunner.temporaryFile(Array("第二".utf8) + [0xB5] + Array("行\n好\n".utf8))
        let result = try PhrasectlRunner.run(["segment", "--lossy", path])
        XCTAssertEqual(result.status, 0, result.stderr)
        XCTAssertEqual(result.stdout, "第二 \u{FFFD} 行\n好\n")
    }

    func testMissingFileExits66() throws {
        let result = try PhrasectlRunner.run(["segment", "/nonexistent/speech.txt"])
        XCTAssertEqual(result.status, 66)
        XCTAssertTrue(result.stderr.contains("cannot open /nonexistent/speech.txt"), result.stderr)
    }

    func testEmptyFileGivesNoOutput() throws {
        let path = try PhrasectlRunner.temporaryFile([])
        let result = try PhrasectlRunner.run(["segment", path])
        XCTAssertEqual(result.status, 0)
        XCTAssertEqual(result.stdout, "")
    }

    func testDictionaryDirectoryWithoutDictionariesNamesTheOption() throws {
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent(UUID().uuidString).path
        try FileManager.default.createDirectory(atPath: directory, withIntermediateDirectories: true)
        let result = try PhrasectlRunner.run(["segment", "--dict-dir", directory], stdin: Data("好\n".utf8))
        XCTAssertEqual(result.status, 78)
        XCTAssertTrue(result.stderr.contains("--dict-dir"), result.stderr)
    }

    func testUserDictionaryKeepsNewPhraseWhole() throws {
        let dict = try PhrasectlRunner.temporaryFile(Array("三强九严\t1000\ttifa\n".utf8), name: "user.dict")
        let input = Data("落实三强九严要求\n".utf8)
        XCTAssertEqual(try PhrasectlRunner.run(["segment"], stdin: input).stdout, "落实 三强九严 要求\n")
        let withDict = try PhrasectlRunner.run(["segment", "--user-dict", dict, "--mode", "fine"], stdin: input)
        XCTAssertEqual(withDict.stdout, "落实 三强九严 要求\n")
    }

    func testLongLineWithoutBreaks() throws {
        let line = String(repeating: "全面从严治党，", count: 200_000)  // 4.2 MB, no line break at the end
        let path = try PhrasectlRunner.temporaryFile(Array(line.utf8))
        let result = try PhrasectlRunner.run(["segment", path])
        XCTAssertEqual(result.status, 0, result.stderr)
        XCTAssertEqual(result.stdout.utf8.count, line.utf8.count + 2 * 200_000 - 1 + 1)
    }
}
