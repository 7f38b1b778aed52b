import Foundation
import XCTest

/// Writes that fail for want of space: `index` run under a file size limit (the shell's `ulimit
/// -f`, with SIGXFSZ ignored, so a write past it fails as on a full disk) stops with a clear error
/// (exit 74) naming the index, says what it committed, and the index holds exactly that, sound;
/// running again with room finishes it to the index of a clean run.
final class DiskFullTests: XCTestCase {
    func testIndexingIntoAFullDiskKeepsEveryCommit() throws {
        let archive = repositoryRoot.appendingPathComponent("Examples/work-reports").path
        let folder = (try PhrasectlRunner.temporaryFile([], name: "placeholder") as NSString).deletingLastPathComponent
        let clean = folder + "/clean.tifa"
        XCTAssertEqual(try PhrasectlRunner.run(["index", "--quiet", "--db", clean, archive]).status, 0)
        let phrases = ["全面从严治党", "高质量发展", "政府工作报告", "的"]
        let expected = try PhrasectlRunner.run(["count", "--db", clean, "--json"] + phrases).stdout

        var stopped = 0
        for kilobytes in [150, 700, 1_500, 3_000] {
            let db = folder + "/full-\(kilobytes).tifa"
            let limited = try Self.runLimited(kilobytes: kilobytes, ["index", "--quiet", "--batch", "4", "--db", db, archive])
            guard limited.status != 0 else { continue }
            stopped += 1
            XCTAssertEqual(limited.status, 74, limited.stderr)
            XCTAssertTrue(limited.stderr.contains("phrasectl: cannot write to the index \(db): "), limited.stderr)
            XCTAssertTrue(limited.stderr.contains("everything committed before is kept"), limited.stderr)
            let committed = try XCTUnwrap(limited.stderr.firstMatch(of: /committed before the failure: added (\d+)/)?.output.1)
            if FileManager.default.fileExists(atPath: db) {
                let check = try PhrasectlRunner.run(["check", "--db", db, "--json", "--samples", "30"])
                XCTAssertEqual(check.status, 0, check.stdout + check.stderr)
                XCTAssertTrue(check.stdout.hasPrefix(#"{"sound":true,"documents":\#(committed),"#), "\(kilobytes) KB: \(check.stdout)")
            } else {
                XCTAssertEqual(committed, "0")
            }
            let finished = try PhrasectlRunner.run(["index", "--quiet", "--db", db, archive])
            XCTAssertEqual(finished.status, 0, finished.stderr)
            XCTAssertEqual(try PhrasectlRunner.run(["count", "--db", db, "--json"] + phrases).stdout, expected, "\(kilobytes) KB")
        }
        XCTAssertGreaterThanOrEqual(stopped, 3, "the limits were too generous to fill the disk")

        // Optimizing rewrites the whole file: with too little room it stops and changes nothing.
        let db = folder + "/full-700.tifa"
        let size = try XCTUnwrap(FileManager.default.attributesOfItem(atPath: db)[.size] as? Int)
        let optimize = try Self.runLimited(kilobytes: size / 1024 + 64, ["optimize", "--db", db])
        XCTAssertEqual(optimize.status, 74, optimize.stderr)
        XCTAssertTrue(optimize.stderr.contains("cannot write to the index \(db): "), optimize.stderr)
        XCTAssertEqual(try PhrasectlRunner.run(["check", "--db", db, "--samples", "30"]).status, 0)
        XCTAssertEqual(try PhrasectlRunner.run(["count", "--db", db, "--json"] + phrases).stdout, expected)
    }

    /// A disk too full to create the index: a clear error (exit 73) and nothing left behind, so
    /// the next run, with room, creates it.
    func testCreatingOnAFullDiskLeavesNothing() throws {
        let report = repositoryRoot.appendingPathComponent("Examples/work-reports/gwr-2024.md").path
        let folder = (try PhrasectlRunner.temporaryFile([], name: "placeholder") as NSString).deletingLastPathComponent
        let db = folder + "/new.tifa"
        for kilobytes in [1, 4, 12] {
            let full = try Self.runLimited(kilobytes: kilobytes, ["index", "--quiet", "--db", db, report])
            XCTAssertEqual(full.status, 73, "\(kilobytes) KB: \(full.stderr)")
            XCTAssertTrue(full.stderr.contains("cannot create the index \(db): the file system refused a write"), full.stderr)
            XCTAssertEqual(try FileManager.default.contentsOfDirectory(atPath: folder).sorted(), ["placeholder"], "\(kilobytes) KB")
        }
        XCTAssertEqual(try PhrasectlRunner.run(["index", "--quiet", "--db", db, report]).status, 0)
        XCTAssertEqual(try PhrasectlRunner.run(["check", "--db", db, "--samples", "20"]).status, 0)
    }

    /// `phrasectl arguments…` with files limited to `kilobytes`.
    static func runLimited(kilobytes: Int, _ arguments: [String]) throws -> PhrasectlRunner.Result {
        let quoted = ([PhrasectlRunner.binary.path] + arguments).map { "'" + $0.replacingOccurrences(of: "'", with: "'\\''") + "'" }
        return try PhrasectlRunner.run(
            ["ulimit -f \(kilobytes); trap '' XFSZ; exec " + quoted.joined(separator: " ")], executable: URL(fileURLWithPath: "/bin/bash"),
            argumentsPrefix: ["-c"])
    }
}
