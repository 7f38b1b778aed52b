import Foundation
import TifaIndex
import XCTest

#if canImport(Glibc)
import Glibc
#endif

/// The indexer killed with SIGKILL mid-batch, several times, then run to the end, gives the same
/// index as a clean run, and the file stays sound.
final class CrashRecoveryTests: XCTestCase {
    func testKilledIndexerResumesToTheSameIndex() throws {
        // The example archive's reports twice, each copy with a line of its own: 56 distinct documents.
        let reports = repositoryRoot.appendingPathComponent("Examples/work-reports")
        let names = try FileManager.default.contentsOfDirectory(atPath: reports.path).filter { $0.hasSuffix(".md") }.sorted()
        XCTAssertEqual(names.count, 28)
        let root = FileManager.default.temporaryDirectory.appendingPathComponent(UUID().uuidString)
        let archive = root.appendingPathComponent("reports")
        try FileManager.default.createDirectory(at: archive, withIntermediateDirectories: true)
        for copy in 1...2 {
            for name in names {
                let text = try String(contentsOf: reports.appendingPathComponent(name), encoding: .utf8) + "\n第\(copy)份。\n"
                try text.write(to: archive.appendingPathComponent("\(copy)-\(name)"), atomically: false, encoding: .utf8)
            }
        }
        let clean = root.appendingPathComponent("clean.tifa").path
        XCTAssertEqual(try PhrasectlRunner.run(["index", "--quiet", "--batch", "3", "--db", clean, archive.path]).status, 0)

        let crashed = root.appendingPathComponent("crashed.tifa").path
        var kills = 0
        for delay in [0.15, 0.4, 0.7, 1.0, 1.4] {
            let process = Process()
            process.executableURL = PhrasectlRunner.binary
            process.arguments = ["index", "--quiet", "--batch", "3", "--db", crashed, archive.path]
            process.standardError = FileHandle.nullDevice
            try process.run()
            Thread.sleep(forTimeInterval: delay)
            if process.isRunning {
                kill(process.processIdentifier, SIGKILL)
                kills += 1
            }
            process.waitUntilExit()
        }
        XCTAssertGreaterThan(kills, 0, "the indexer finished before any kill; the test proves nothing")
        XCTAssertEqual(try PhrasectlRunner.run(["index", "--quiet", "--batch", "3", "--db", crashed, archive.path]).status, 0)

        let a = try Index(path: clean, readOnly: true)
        let b = try Index(path: crashed, readOnly: true)
        XCTAssertEqual(try b.integrityProblems(), [])
        XCTAssertEqual(a.allDocuments.map(\.id).sorted(), b.allDocuments.map(\.id).sorted())
        XCTAssertEqual(a.allDocuments.count, 56)
        for phrase in ["全面从严治党", "政府工作报告", "第2份", "的", "高质量发展", "两个维护"] {
            let x = try a.count(phrase), y = try b.count(phrase)
            XCTAssertEqual([x.occurrences, x.documents], [y.occurrences, y.documents], phrase)
        }
        XCTAssertEqual(try a.wordFrequencies(top: 20), try b.wordFrequencies(top: 20))
    }
}
