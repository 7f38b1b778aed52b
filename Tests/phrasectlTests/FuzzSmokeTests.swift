import Foundation
import XCTest

/// A short pass of the libFuzzer targets (Scripts/fuzz): each target runs TIFA_FUZZ_SECONDS
/// seconds (15 under CI, 3 elsewhere) and must find nothing. The first run builds the targets with
/// the sanitizers, which takes a few minutes; long campaigns run from Scripts/fuzz.
final class FuzzSmokeTests: XCTestCase {
    func testFuzzTargetsFindNothing() throws {
        let environment = ProcessInfo.processInfo.environment
        let seconds = environment["TIFA_FUZZ_SECONDS"] ?? (environment["CI"] == "true" ? "15" : "3")
        let script = repositoryRoot.appendingPathComponent("Scripts/fuzz")
        let process = Process()
        process.executableURL = script
        process.arguments = ["--seconds", seconds]
        let errors = Pipe()
        process.standardError = errors
        try process.run()
        let report = String(decoding: errors.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        process.waitUntilExit()
        XCTAssertEqual(process.terminationStatus, 0, report)
        for target in ["FuzzSegmenter", "FuzzQuery", "FuzzArchive"] {
            XCTAssertTrue(report.contains("\(target): nothing found in "), report)
        }
    }
}
