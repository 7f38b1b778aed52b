import Foundation
import XCTest

#if canImport(Glibc)
import Glibc
#endif

/// Fifty SIGKILLs at seeded random moments of `index` (adding and replacing), `delete` and
/// `optimize`: after each, `check` finds the index sound (its sample counts equal brute force over
/// the committed texts), and finishing the work gives exactly the documents of a clean run.
final class KillCampaignTests: XCTestCase {
    func testFiftyKillsLeaveASoundIndex() throws {
        let folder = (try PhrasectlRunner.temporaryFile([], name: "placeholder") as NSString).deletingLastPathComponent
        var texts: [[String: String]] = [[:], [:]]
        for version in 0..<2 {
            var lines: [String] = []
            for i in 0..<240 {
                let text = String(repeating: version == 0 ? "坚持全面从严治党。" : "推动高质量发展，两个维护。", count: 2 + i % 5) + "第\(i)篇"
                texts[version]["d\(i)"] = text
                lines.append(#"{"id":"d\#(i)","text":"\#(text)"}"#)
            }
            try Data((lines.joined(separator: "\n") + "\n").utf8).write(to: URL(fileURLWithPath: folder + "/v\(version).jsonl"))
        }
        let db = folder + "/campaign.tifa"
        var generator = SplitMix64(seed: 50)
        var kills = 0
        for round in 0..<50 {
            let arguments: [String]
            switch generator.next() % 4 {
            case 0, 1: arguments = ["index", "--quiet", "--batch", "8", "--db", db, folder + "/v\(generator.next() % 2).jsonl"]
            case 2: arguments = ["delete", "--db", db] + (0..<20).map { _ in "d\(generator.next() % 240)" }
            default: arguments = ["optimize", "--db", db]
            }
            if arguments[0] != "index" && !FileManager.default.fileExists(atPath: db) { continue }
            let process = Process()
            process.executableURL = PhrasectlRunner.binary
            process.arguments = arguments
            process.standardError = FileHandle.nullDevice
            try process.run()
            usleep(useconds_t(generator.next() % 200_000))
            if process.isRunning {
                kill(process.processIdentifier, SIGKILL)
                kills += 1
            }
            process.waitUntilExit()
            guard FileManager.default.fileExists(atPath: db) else { continue }
            let check = try PhrasectlRunner.run(["check", "--db", db, "--samples", "40", "--seed", "\(round)"])
            XCTAssertEqual(check.status, 0, "after \(arguments[0]) (round \(round)): \(check.stdout)\(check.stderr)")
        }
        XCTAssertGreaterThanOrEqual(kills, 10, "too few commands were still running when killed")

        // Finishing the work: every document of version 1, counted exactly.
        XCTAssertEqual(try PhrasectlRunner.run(["index", "--quiet", "--db", db, folder + "/v1.jsonl"]).status, 0)
        for phrase in ["两个维护", "高质量发展", "全面从严治党", "篇"] {
            let occurrences = texts[1].values.reduce(0) { $0 + $1.components(separatedBy: phrase).count - 1 }
            let documents = texts[1].values.filter { $0.contains(phrase) }.count
            XCTAssertEqual(
                try PhrasectlRunner.run(["count", "--db", db, "--json", phrase]).stdout,
                #"{"phrase":"\#(phrase)","occurrences":\#(occurrences),"documents":\#(documents)}"# + "\n")
        }
        XCTAssertEqual(try PhrasectlRunner.run(["stats", "--db", db, "--json"]).stdout.contains(#""documents":240,"#), true)
    }
}
