import Foundation
@_spi(Fingerprint) import TifaText
import XCTest

/// Pins the segmentation of the benchmark corpora (../shared/data) to the fingerprints recorded in
/// Benchmarks/expected-outputs.json, which the benchmarks check too. After an intended change in
/// segmentation, rerun with TIFA_RECORD_FINGERPRINTS=1 to record the new values.
final class SegmentationFingerprintTests: XCTestCase {
    static let data = repositoryRoot.deletingLastPathComponent().appendingPathComponent("shared/data")
    static let expectedFile = repositoryRoot.appendingPathComponent("Benchmarks/expected-outputs.json")

    static func corpora() throws -> [(String, [String])] {
        var reports: [String] = []
        let jsonl = try String(contentsOf: data.appendingPathComponent("corpora/gov_work_reports.jsonl"), encoding: .utf8)
        for line in jsonl.split(separator: "\n") {
            let object = try XCTUnwrap(try JSONSerialization.jsonObject(with: Data(line.utf8)) as? [String: Any])
            let text = try XCTUnwrap(object["text"] as? String)
            reports += text.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
        }
        let pku = try String(contentsOf: data.appendingPathComponent("segmentation/pku_test.utf8"), encoding: .utf8)
            .split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
        return [("work-reports", reports), ("pku-test", pku)]
    }

    func testBenchmarkCorporaMatchTheRecordedFingerprints() throws {
        guard FileManager.default.fileExists(atPath: Self.data.path) else {
            throw XCTSkip("../shared/data is not beside the repository")
        }
        let segmenters: [(String, any Segmenter)] = [
            ("coarse", Segmenters.coarse), ("fine", Segmenters.fine), ("icu", Segmenters.icu),
        ]
        var actual: [String: [String: UInt64]] = [:]
        for (name, lines) in try Self.corpora() {
            for (mode, segmenter) in segmenters {
                let fingerprint = SegmentationFingerprint(of: lines, segmenter: segmenter)
                actual["\(name)/\(mode)"] = ["tokens": UInt64(fingerprint.tokens), "checksum": fingerprint.checksum]
            }
        }
        if ProcessInfo.processInfo.environment["TIFA_RECORD_FINGERPRINTS"] == "1" {
            let data = try JSONSerialization.data(withJSONObject: actual, options: [.prettyPrinted, .sortedKeys])
            try data.write(to: Self.expectedFile)
        }
        let recorded = try XCTUnwrap(
            try JSONSerialization.jsonObject(with: Data(contentsOf: Self.expectedFile)) as? [String: [String: UInt64]])
        XCTAssertEqual(actual, recorded)
        // The counts are real segmentations, not empty runs.
        XCTAssertGreaterThan(try XCTUnwrap(actual["work-reports/coarse"]?["tokens"]), 500_000)
        XCTAssertLessThan(
            try XCTUnwrap(actual["work-reports/coarse"]?["tokens"]), try XCTUnwrap(actual["work-reports/icu"]?["tokens"]))
    }
}
