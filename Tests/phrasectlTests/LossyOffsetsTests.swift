import Foundation
import XCTest

/// With --lossy, JSON offsets still point into the original line: each byte that is not UTF-8
/// is one U+FFFD character of the text, and its byte range is that one byte.
final class LossyOffsetsTests: XCTestCase {
    func testOffsetsSliceTheOriginalBytes() throws {
        var generator = SplitMix64(seed: 65)
        let pieces = ["坚持", "两个维护", "，", "全面从严治党", "2024年", "COVID-19", "。"].map { Array($0.utf8) }
        var input: [UInt8] = []
        var lines: [[UInt8]] = []
        for _ in 0..<30 {
            var line: [UInt8] = []
            for _ in 0..<(3 + Int(generator.next() % 8)) {
                if generator.next() % 3 == 0 { line.append(UInt8(0x80 + generator.next() % 0x7F)) }  // a stray byte
                line += pieces[Int(generator.next() % UInt64(pieces.count))]
            }
            lines.append(line)
            input += line + [0x0A]
        }
        let result = try PhrasectlRunner.run(["segment", "--lossy", "--format", "json"], stdin: Data(input))
        XCTAssertEqual(result.status, 0, result.stderr)
        let output = try result.stdout.split(separator: "\n").map { try JSONDecoder().decode(SegmentCommandTests.Line.self, from: Data($0.utf8)) }
        XCTAssertEqual(output.count, lines.count)
        for (line, segmented) in zip(lines, output) {
            var end = 0
            var characters = 0
            for token in segmented.tokens {
                XCTAssertEqual(token.byteStart, end)
                XCTAssertEqual(token.start, characters)
                let original = Array(line[token.byteStart..<token.byteEnd])
                // Each stray byte is its own U+FFFD: the text is the original bytes, repaired byte by byte.
                var repaired = ""
                var k = 0
                while k < original.count {
                    if let valid = (1...min(4, original.count - k)).lazy.compactMap({ String(validating: original[k..<(k + $0)], as: UTF8.self) }).first {
                        repaired += valid
                        k += valid.utf8.count
                    } else {
                        repaired += "\u{FFFD}"
                        k += 1
                    }
                }
                XCTAssertEqual(token.text, repaired)
                characters += token.text.unicodeScalars.count
                XCTAssertEqual(token.end, characters)
                end = token.byteEnd
            }
            XCTAssertEqual(end, line.count)
        }
    }
}
