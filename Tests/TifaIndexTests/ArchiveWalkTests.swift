import Foundation
import TifaArchive
import XCTest

/// Every file under a folder is either taken or reported: symbolic links are followed (loops
/// reported, not walked forever), names that are not UTF-8 and links to nothing are named.
final class ArchiveWalkTests: XCTestCase {
    func testLinksLoopsAndNamesThatAreNotUTF8() throws {
        let base = try temporaryFolder()
        let real = base.appendingPathComponent("real")
        try write(Array("坚持两个维护。".utf8), to: "real/a.txt", in: base)
        try write(Array("全面从严治党。".utf8), to: "real/sub/b.txt", in: base)
        try write(Array("外面的文件。".utf8), to: "outside/c.txt", in: base)
        let fm = FileManager.default
        try fm.createSymbolicLink(atPath: real.path + "/sub/loop", withDestinationPath: "..")
        try fm.createSymbolicLink(atPath: real.path + "/dangling.txt", withDestinationPath: "nowhere.txt")
        try fm.createSymbolicLink(atPath: real.path + "/linked.txt", withDestinationPath: base.path + "/outside/c.txt")
        try fm.createSymbolicLink(atPath: real.path + "/dangling.png", withDestinationPath: "nowhere.png")
        // Names with bytes that are no UTF-8, made with the system call (Swift strings cannot hold them).
        var generator = SplitMix64(seed: 7)
        var badNames: [String] = []
        for k in 0..<3 {
            let byte = UInt8(0x80 + generator.next() % 0x40)  // a lone continuation byte
            var path = Array((real.path + "/bad\(k)").utf8) + [byte] + Array(".txt".utf8) + [0]
            let descriptor = path.withUnsafeMutableBufferPointer { open(UnsafeRawPointer($0.baseAddress!).assumingMemoryBound(to: CChar.self), O_CREAT | O_WRONLY, 0o644) }
            XCTAssertGreaterThanOrEqual(descriptor, 0)
            close(descriptor)
            badNames.append(real.path + "/bad\(k)" + String(format: "\\x%02X", byte) + ".txt")
        }
        let link = base.appendingPathComponent("link").path
        try fm.createSymbolicLink(atPath: link, withDestinationPath: real.path)

        let (files, failures) = try ArchiveReader.walk([link])
        XCTAssertEqual(files, [link + "/a.txt", link + "/linked.txt", link + "/sub/b.txt"])
        XCTAssertEqual(
            failures.map(\.description).sorted(),
            (badNames.map { $0.replacingOccurrences(of: real.path, with: link) + ": the file name is not UTF-8; rename it to index it" }
                + [link + "/dangling.txt: a symbolic link to nothing",
                   link + "/sub/loop: a symbolic link back into a folder being read (a loop); left out"]).sorted())
        XCTAssertEqual(try ArchiveReader.files(under: [link]), files)
    }
}
