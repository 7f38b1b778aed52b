import Foundation
import XCTest

/// The DocC catalog builds, and DocC has nothing to warn about (Scripts/documentation fails on a
/// warning: a broken symbol link, a missing parameter, an unknown directive).
final class DocumentationBuildTests: XCTestCase {
    func testCatalogBuildsWithoutWarnings() throws {
        let script = Process()
        script.executableURL = repositoryRoot.appendingPathComponent("Scripts/documentation")
        script.currentDirectoryURL = repositoryRoot
        let output = Pipe()
        script.standardOutput = output
        script.standardError = output
        try script.run()
        let log = String(decoding: output.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        script.waitUntilExit()
        XCTAssertEqual(script.terminationStatus, 0, log)
        XCTAssertFalse(log.contains("warning:"), log)
        let archive = repositoryRoot.appendingPathComponent(".build/documentation/Tifa.doccarchive/data/documentation/tifa")
        XCTAssertTrue(FileManager.default.fileExists(atPath: archive.path + ".json"), "no landing page")
        for page in ["index.json", "gettingstarted.json", "concurrency.json", "lexiconsegmenter.json", "archivefile.json"] {
            XCTAssertTrue(FileManager.default.fileExists(atPath: archive.appendingPathComponent(page).path), "no page \(page)")
        }
    }
}
