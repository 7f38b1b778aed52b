import Foundation
import TifaArchive
import XCTest

/// A UTF-8 JSONL file is read a megabyte at a time: records across chunk edges come out whole,
/// the size limit bounds a record rather than the file, and a bad line costs only itself.
final class ArchiveStreamingTests: XCTestCase {
    func testRecordsAcrossChunksLongLinesAndBadBytes() throws {
        var bytes: [UInt8] = [0xEF, 0xBB, 0xBF]
        var expected: [String] = []
        var generator = SplitMix64(seed: 11)
        for i in 0..<6_000 {  // about 3 MB, so records straddle the megabyte edges
            let text = String(repeating: "两个维护", count: 20 + Int(generator.next() % 60)) + "第\(i)篇"
            switch i {
            case 100: bytes += Array(#"{"id":"r100","text":"坏"#.utf8) + [0xFF] + Array("\"}\n".utf8)
            case 2_500: bytes += Array(#"{"id":"long","text":""#.utf8) + Array(String(repeating: "长", count: 400_000).utf8) + Array("\"}\n".utf8)
            case 4_000: bytes += Array("not json\r\n".utf8)
            default:
                bytes += Array(#"{"id":"r\#(i)","text":"\#(text)"}"#.utf8) + (i % 2 == 0 ? [0x0A] : [0x0D, 0x0A])
                expected.append("r\(i)")
            }
        }
        let path = try write(bytes, to: "big.jsonl", in: try temporaryFolder())
        // Limits smaller than the file and larger than every record but one: the long record is
        // seen whole in the buffer (1 MB) or cut off before its end is read (300 KB).
        for limit in [1 << 20, 300_000] {
            var options = ArchiveOptions()
            options.maximumFileBytes = limit
            var ids: [String] = []
            var failures: [String] = []
            var lastText = ""
            ArchiveReader.forEachDocument(in: path, name: "big.jsonl", options: options) { result in
                switch result {
                case let .success(document):
                    ids.append(document.id)
                    lastText = document.text
                case let .failure(failure):
                    failures.append("\(failure.line ?? 0): \(failure.reason)")
                }
            }
            XCTAssertEqual(ids, expected)
            XCTAssertTrue(lastText.hasSuffix("第5999篇"), lastText.suffix(10).description)
            XCTAssertEqual(failures.count, 3, "\(failures)")
            guard failures.count == 3 else { return }
            XCTAssertTrue(failures[0].hasPrefix("101: undecodable: invalid UTF-8 at byte "), failures[0])
            XCTAssertEqual(failures[1], "2501: a record longer than the limit (\(limit) bytes)")
            XCTAssertEqual(failures[2], "4001: bad JSON")
            // The byte offset points at the bad byte in the file.
            let offset = try XCTUnwrap(Int(failures[0].split(separator: " ").last!))
            XCTAssertEqual(bytes[offset], 0xFF)
            // Collected, the same file gives the same documents.
            XCTAssertEqual(ArchiveReader.documents(in: path, name: "big.jsonl", options: options).compactMap { try? $0.get().id }, expected)
        }
    }
}
