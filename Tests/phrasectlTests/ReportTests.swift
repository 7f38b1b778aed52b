import Foundation
import XCTest

/// The report of the example archive is one self-contained page that a browser renders without an
/// error: headless Chromium loads it, its own script checks every chart drew its series, and the
/// page's state is read back from the DOM Chromium dumps.
final class ReportTests: XCTestCase {
    static func chromium() throws -> URL {
        for name in ["chromium", "chromium-browser", "google-chrome"] {
            for folder in ["/usr/bin", "/usr/local/bin", "/snap/bin"] where FileManager.default.isExecutableFile(atPath: "\(folder)/\(name)") {
                return URL(fileURLWithPath: "\(folder)/\(name)")
            }
        }
        throw ChromiumMissing()
    }

    struct ChromiumMissing: Error, CustomStringConvertible {
        var description: String { "no Chromium: Scripts/install-dependencies --tests installs it (apt-get install chromium)" }
    }

    func testExampleArchiveReportRendersWithoutErrors() throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent(UUID().uuidString)
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        let db = folder.appendingPathComponent("reports.tifa").path
        let archive = repositoryRoot.appendingPathComponent("Examples/work-reports").path
        XCTAssertEqual(try PhrasectlRunner.run(["index", "--quiet", "--db", db, archive]).status, 0)
        let out = folder.appendingPathComponent("report").path
        let phrases = ["全面从严治党", "高质量发展", "新质生产力"]
        let result = try PhrasectlRunner.run(["report", "--db", db, "--quiet", "--out", out] + phrases)
        XCTAssertEqual(result.status, 0, result.stderr)
        XCTAssertEqual(result.stdout, out + "/index.html\n")
        let html = try String(contentsOfFile: out + "/index.html", encoding: .utf8)
        // Self-contained: nothing fetched.
        for reference in ["src=\"http", "href=\"http", "@import", "url(", "<link"] {
            XCTAssertFalse(html.contains(reference), "the page refers to \(reference)")
        }
        XCTAssertEqual(html.components(separatedBy: "<path class=\"series\"").count - 1, 3)
        XCTAssertTrue(html.contains("Keyness: 2025 against 1997–2024"))

        let profile = folder.appendingPathComponent("profile").path
        let browser = try PhrasectlRunner.run(
            ["--headless", "--no-sandbox", "--disable-gpu", "--user-data-dir=\(profile)", "--virtual-time-budget=5000", "--dump-dom",
             URL(fileURLWithPath: out + "/index.html").absoluteString],
            executable: try Self.chromium())
        let rendered = browser.stdout
        XCTAssertEqual(browser.status, 0)
        let body = try XCTUnwrap(rendered.firstMatch(of: /<body[^>]*>/).map { String($0.output) }, String(rendered.prefix(500)))
        XCTAssertTrue(body.contains("data-ready=\"1\""), "the page's script did not finish: \(body)")
        XCTAssertTrue(body.contains("data-errors=\"[]\""), "errors in the page: \(body)")
        // The three series are there after rendering, with the phrases they stand for.
        for phrase in phrases { XCTAssertTrue(rendered.contains("data-phrase=\"\(phrase)\""), phrase) }
    }
}
