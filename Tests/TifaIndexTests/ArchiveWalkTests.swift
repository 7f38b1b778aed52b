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
        XCTAssertEqual(files.map(\.path), [link + "/a.txt", link + "/linked.txt", link + "/sub/b.txt"])
        XCTAssertEqual(files.map(\.name), ["link/a.txt", "link/linked.txt", "link/sub/b.txt"])
        XCTAssertEqual(
            failures.map(\.description).sorted(),
            (badNames.map { $0.replacingOccurrences(of: real.path, with: link) + ": the file name is not UTF-8; rename it to index it" }
                + [link + "/dangling.txt: a symbolic link to nothing",
                   link + "/sub/loop: a symbolic link back into a folder being read (a loop); left out"]).sorted())
        XCTAssertEqual(try ArchiveReader.files(under: [link]), files.map(\.path))
    }

    /// A file's name in the archive is the named folder's own name and the path inside it, however
    /// the folder is written and wherever the walk starts; a file named alone is its file name.
    func testNamesDoNotDependOnTheWorkingDirectory() throws {
        let base = try temporaryFolder()
        try write(Array("坚持两个维护。".utf8), to: "speeches/2023/a.md", in: base)
        try write(Array("全面从严治党。".utf8), to: "speeches/b.txt", in: base)
        let fm = FileManager.default
        let start = fm.currentDirectoryPath
        defer { _ = fm.changeCurrentDirectoryPath(start) }
        var seen: [[String]] = []
        for (folder, given) in [(base.path, "speeches"), (base.path, "./speeches/"), (base.path + "/speeches/2023", ".."), ("/", base.path + "/speeches")] {
            XCTAssertTrue(fm.changeCurrentDirectoryPath(folder))
            seen.append(try ArchiveReader.walk([given]).files.map(\.name))
        }
        XCTAssertEqual(seen, Array(repeating: ["speeches/2023/a.md", "speeches/b.txt"], count: 4))
        XCTAssertTrue(fm.changeCurrentDirectoryPath(base.path + "/speeches"))
        XCTAssertEqual(try ArchiveReader.walk(["2023/a.md", "./b.txt"]).files.map(\.name), ["a.md", "b.txt"])
    }

    /// Documents are called by the name they are given; the id prefix goes before every id, those
    /// of id fields included, and a record without an id is `name:line`.
    func testDocumentIdsFromNamesAndPrefix() throws {
        let base = try temporaryFolder()
        try write(Array("两个维护。".utf8), to: "a.txt", in: base)
        try write(Array("{\"id\":\"x1\",\"text\":\"甲\"}\n{\"text\":\"乙\"}\n".utf8), to: "r.jsonl", in: base)
        var options = ArchiveOptions()
        func ids(_ file: String, _ name: String?) throws -> [String] {
            try ArchiveReader.documents(in: base.path + "/" + file, name: name, options: options).map { try $0.get().id }
        }
        XCTAssertEqual(try ids("a.txt", nil), [base.path + "/a.txt"])
        XCTAssertEqual(try ids("a.txt", "box/a.txt"), ["box/a.txt"])
        XCTAssertEqual(try ids("r.jsonl", "box/r.jsonl"), ["x1", "box/r.jsonl:2"])
        options.idPrefix = "xwlb"
        XCTAssertEqual(try ids("a.txt", "box/a.txt"), ["xwlb/box/a.txt"])
        XCTAssertEqual(try ids("r.jsonl", "box/r.jsonl"), ["xwlb/x1", "xwlb/box/r.jsonl:2"])
    }
}
