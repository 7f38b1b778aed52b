import Foundation
import XCTest

/// `segment --jobs N` keeps the input order: the output of four threads is the output of one,
/// byte for byte (a documented guarantee), over an input of several one-megabyte batches.
final class SegmentJobsTests: XCTestCase {
    static let sentences = [
        "坚持全面从严治党，做到“两个维护”。",
        "２０２２年ＧＤＰ增长５％，市纪委宋依佳书记要求落实三强九严。",
        "堅持黨的領導，全面從嚴治黨。",
        "Reform and opening-up 改革开放 since 1978.",
        "以人民为中心的发展思想，一体推进不敢腐、不能腐、不想腐。",
        "  \t首尾有空白 ",
        "*月**日，\"引号\"\\反斜杠",
    ]

    /// 14,000 numbered lines made of the sentences repeated with variations, every fifth ending
    /// in CRLF, every seventh empty, and line 7,001 of 1.4 MB (longer than a batch): about 3.4 MB.
    static func input() -> [UInt8] {
        var generator = SplitMix64(seed: 16)
        var bytes: [UInt8] = []
        for line in 1...14_000 {
            var text = ""
            if line % 7 != 0 {
                for _ in 0...(generator.next() % 4) {
                    text += sentences[Int(generator.next() % UInt64(sentences.count))]
                }
                text += "第\(line)行"
            }
            if line == 7_001 { text = String(repeating: "全面从严治党，", count: 66_667) }
            bytes += Array(text.utf8) + (line % 5 == 0 ? [0x0D, 0x0A] : [0x0A])
        }
        return bytes
    }

    func testFourJobsWriteWhatOneJobWrites() throws {
        let input = Self.input()
        XCTAssertGreaterThan(input.count, 3_000_000)
        let path = try PhrasectlRunner.temporaryFile(input)
        let one = try PhrasectlRunner.run(["segment", "--jobs", "1", path])
        XCTAssertEqual(one.status, 0, one.stderr)
        let four = try PhrasectlRunner.run(["segment", "--jobs", "4", path])
        XCTAssertEqual(four.status, 0, four.stderr)
        XCTAssertTrue(one.stdout == four.stdout, "--jobs 4 differs from --jobs 1, first at byte \(firstDifference(one.stdout, four.stdout))")

        // One output line per input line, in the input's order, without the CR of CRLF lines.
        let lines = one.stdout.utf8.split(separator: 0x0A, omittingEmptySubsequences: false).dropLast()
        XCTAssertEqual(lines.count, 14_000)
        XCTAssertFalse(one.stdout.utf8.contains(0x0D))
        XCTAssertEqual(lines[6].count, 0)  // line 7 is empty
        XCTAssertEqual(lines[13_999].count, 0)  // line 14,000 too, with CRLF
        XCTAssertTrue(String(decoding: lines[13_998], as: UTF8.self).contains("13999"))
        XCTAssertEqual(lines[7_000].count, 66_667 * 23 - 1)  // 全面从严治党 ， ×66,667, one space between
    }

    private func firstDifference(_ a: String, _ b: String) -> Int {
        zip(a.utf8, b.utf8).enumerated().first { $0.element.0 != $0.element.1 }?.offset ?? min(a.utf8.count, b.utf8.count)
    }
}
