import Foundation
@_spi(Fingerprint) import TifaText
import TifaArchive
import XCTest

/// Pins the segmentation of the benchmark corpora to the fingerprints recorded in
/// Benchmarks/expected-outputs.json, which the benchmarks check too: the example archive's work
/// reports always, and the PKU test text too when ../shared/data is beside the repository. After an
/// intended change in segmentation, run once with TIFA_RECORD_FINGERPRINTS=1 to record the new
/// values (that run fails, so a recording run never counts as a pass), then run again without it.
final class SegmentationFingerprintTests: XCTestCase {
    static let expectedFile = repositoryRoot.appendingPathComponent("Benchmarks/expected-outputs.json")

    static func corpora() throws -> [(String, [String])] {
        var reports: [String] = []
        let folder = repositoryRoot.appendingPathComponent("Examples/work-reports").path
        for file in try ArchiveReader.walk([folder]).files {
            for result in ArchiveReader.documents(in: file.path) {
                reports += try result.get().text.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
            }
        }
        var corpora = [("work-reports", reports)]
        let pku = sharedData.appendingPathComponent("segmentation/pku_test.utf8")
        if let text = try? String(contentsOf: pku, encoding: .utf8) {
            corpora.append(("pku-test", text.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)))
        }
        return corpora
    }

    func testBenchmarkCorporaMatchTheRecordedFingerprints() throws {
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
        XCTAssertGreaterThan(coarse, 200_000)
        XCTAssertLessThan(coarse, try XCTUnwrap(actual["work-reports/icu"]?["tokens"]))
        let previous = (try? Data(contentsOf: Self.expectedFile)).flatMap {
            try? JSONSerialization.jsonObject(with: $0) as? [String: [String: UInt64]]
        }
        if ProcessInfo.processInfo.environment["TIFA_RECORD_FINGERPRINTS"] == "1" {
            guard testRun?.failureCount == 0 else { return }
            // Corpora not read in this run keep what was recorded for them.
            let recorded = (previous ?? [:]).merging(actual) { _, new in new }
            let data = try JSONSerialization.data(withJSONObject: recorded, options: [.prettyPrinted, .sortedKeys])
            try data.write(to: Self.expectedFile)
            // Comparing with what was just written would always pass: a recording run fails.
            let changed = actual.keys.sorted().filter { previous?[$0] != actual[$0] }
            XCTFail(
                "recorded the fingerprints in \(Self.expectedFile.path) (changed: \(changed.isEmpty ? "none" : changed.joined(separator: ", "))); "
                    + "re-run without TIFA_RECORD_FINGERPRINTS to check them")
            return
        }
        let recorded = try XCTUnwrap(previous, "cannot read \(Self.expectedFile.path)")
        XCTAssertEqual(actual, recorded.filter { actual[$0.key] != nil })
    }
}
