import Foundation
@_spi(Fingerprint) import TifaText
import XCTest

/// Pins the segmentation of the benchmark corpora (../shared/data) to the fingerprints recorded in
/// Benchmarks/expected-outputs.json, which the benchmarks check too. After an intended change in
/// segmentation, run once with TIFA_RECORD_FINGERPRINTS=1 to record the new values (that run
/// fails, so a recording run never counts as a pass), then run again without it.
final class SegmentationFingerprintTests: XCTestCase {
    static let data = sharedData
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
        let inputs = ["corpora/gov_work_reports.jsonl", "segmentation/pku_test.utf8"].map { Self.data.appendingPathComponent($0).path }
        let absent = inputs.filter { !FileManager.default.fileExists(atPath: $0) }
        try requireSharedData(absent.isEmpty, "missing \(absent.joined(separator: ", "))")
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
        // The counts are real segmentations, not empty runs; checked before recording, so an empty run is never recorded.
        let coarse = try XCTUnwrap(actual["work-reports/coarse"]?["tokens"])
        XCTAssertGreaterThan(coarse, 500_000)
        XCTAssertLessThan(coarse, try XCTUnwrap(actual["work-reports/icu"]?["tokens"]))
        if ProcessInfo.processInfo.environment["TIFA_RECORD_FINGERPRINTS"] == "1" {
            guard testRun?.failureCount == 0 else { return }
            let previous = (try? Data(contentsOf: Self.expectedFile)).flatMap {
                try? JSONSerialization.jsonObject(with: $0) as? [String: [String: UInt64]]
            }
            let data = try JSONSerialization.data(withJSONObject: actual, options: [.prettyPrinted, .sortedKeys])
            try data.write(to: Self.expectedFile)
            // Comparing with what was just written would always pass: a recording run fails.
            let changed = actual.keys.sorted().filter { previous?[$0] != actual[$0] }
            XCTFail(
                "recorded the fingerprints in \(Self.expectedFile.path) (changed: \(changed.isEmpty ? "none" : changed.joined(separator: ", "))); "
                    + "re-run without TIFA_RECORD_FINGERPRINTS to check them")
            return
        }
        let recorded = try XCTUnwrap(
            try JSONSerialization.jsonObject(with: Data(contentsOf: Self.expectedFile)) as? [String: [String: UInt64]])
        XCTAssertEqual(actual, recorded)
    }
}
