import Foundation
import XCTest

/// A short pass of the libFuzzer targets (Scripts/fuzz): under CI, or when TIFA_FUZZ_SECONDS is
/// set, each target runs that long (15 s under CI) and must find nothing. Elsewhere the test is
/// skipped: building with the sanitizers takes minutes.
final class FuzzSmokeTests: XCTestCase {
    func testFuzzTargetsFindNothing() throws {
        let environment = ProcessInfo.processInfo.environment
        let seconds = environment["TIFA_FUZZ_SECONDS"] ?? (environment["CI"] == "true" ? "15" : nil)
        guard let seconds else { throw XCTSkip("set TIFA_FUZZ_SECONDS (or CI=true) to run the fuzz targets") }
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
