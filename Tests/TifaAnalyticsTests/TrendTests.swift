import Foundation
import TifaAnalytics
import TifaArchive
import TifaIndex
import TifaTestSupport
import XCTest

final class TrendTests: XCTestCase {
    func temporaryIndex() throws -> Index {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent(UUID().uuidString)
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        return try Index(path: folder.appendingPathComponent("trend.tifa").path)
    }

    /// Four documents of 100, 100, 200 and 100 characters holding the phrase 2, 0, 1 and 1 times:
    /// rates .02, 0, .005, .01 (mean .00875, population sd .0073951), so Juilland's D =
    /// 1 − (.0073951 / .00875) / √3 = 0.51205; shares of occurrences .5, 0, .25, .25 against
    /// shares of size .2, .2, .4, .2, so Gries' DP = ½(.3 + .2 + .15 + .05) = 0.35.
    func testBucketsAppearancesAndDispersionByHand() throws {
        let index = try temporaryIndex()
        index.add(Document(id: "a", text: "两个维护两个维护" + String(repeating: "甲", count: 92), date: "2024-03-05", speaker: "甲"))
        index.add(Document(id: "b", text: String(repeating: "甲", count: 100), date: "2023-01-01"))
        index.add(Document(id: "c", text: "两个维护" + String(repeating: "乙", count: 196), date: "2025-06-01", speaker: "乙"))
        index.add(Document(id: "d", text: "两个维护" + String(repeating: "丙", count: 96)))
        try index.commit()
        let trend = try index.trend(of: "两个维护")
        XCTAssertEqual(trend.phrase, "两个维护")
        XCTAssertEqual(
            trend.buckets,
            [.init(key: "2023", occurrences: 0, documents: 0, characters: 100, perMillion: 0),
             .init(key: "2024", occurrences: 2, documents: 1, characters: 100, perMillion: 20_000),
             .init(key: "2025", occurrences: 1, documents: 1, characters: 200, perMillion: 5_000),
             .init(key: "unknown", occurrences: 1, documents: 1, characters: 100, perMillion: 10_000)])
        XCTAssertEqual(trend.first, .init(date: "2024-03-05", id: "a"))
        XCTAssertEqual(trend.last, .init(date: "2025-06-01", id: "c"))
        XCTAssertEqual(trend.dispersion.range, 3)
        XCTAssertEqual(trend.dispersion.juillandD ?? .nan, 0.5120500, accuracy: 1e-6)
        XCTAssertEqual(trend.dispersion.griesDP ?? .nan, 0.35, accuracy: 1e-12)

        let bySpeaker = try index.trend(of: "两个维护", by: .speaker, filter: "date:2024..2025")
        XCTAssertEqual(bySpeaker.buckets.map(\.key), ["甲", "乙"].sorted())
        XCTAssertEqual(bySpeaker.buckets.map(\.occurrences), bySpeaker.buckets.map { $0.key == "甲" ? 2 : 1 })
        XCTAssertEqual(bySpeaker.dispersion.range, 2)

        let absent = try index.trend(of: "全面从严治党")
        XCTAssertNil(absent.first)
        XCTAssertNil(absent.dispersion.juillandD)
        XCTAssertNil(absent.dispersion.griesDP)
        XCTAssertEqual(absent.buckets.map(\.occurrences), [0, 0, 0, 0])
    }

    /// On the example archive's work reports, every year's bucket equals a brute-force count over
    /// the documents' matching form, written independently of the index.
    func testYearsEqualBruteForceOnTheWorkReports() throws {
        let index = try temporaryIndex()
        var texts: [(year: String, scalars: [Unicode.Scalar])] = []
        for file in try ArchiveReader.walk([repositoryRoot.appendingPathComponent("Examples/work-reports").path]).files {
            for result in ArchiveReader.documents(in: file.path, name: file.name) {
                let document = try result.get()
                index.add(document)
                texts.append((String(document.date!.prefix(4)), oracleMatchingForm(document.text)))
            }
        }
        try index.commit()
        let phrases = ["全面从严治党", "高质量发展", "改革开放", "人民", "新质生产力", "两个维护", "的"]
        for trend in try index.trends(of: phrases) {
            let phrase = Array(trend.phrase.unicodeScalars)
            var expected: [String: (occurrences: Int, documents: Int, characters: Int)] = [:]
            for (year, scalars) in texts {
                var n = 0
                if scalars.count >= phrase.count {
                    for start in 0...(scalars.count - phrase.count) where scalars[start..<(start + phrase.count)].elementsEqual(phrase) { n += 1 }
                }
                expected[year, default: (0, 0, 0)].occurrences += n
                expected[year]!.documents += n > 0 ? 1 : 0
                expected[year]!.characters += scalars.count
            }
            XCTAssertEqual(trend.buckets.map(\.key), expected.keys.sorted(), trend.phrase)
            for bucket in trend.buckets {
                let e = try XCTUnwrap(expected[bucket.key])
                XCTAssertEqual([bucket.occurrences, bucket.documents, bucket.characters], [e.occurrences, e.documents, e.characters], "\(trend.phrase) \(bucket.key)")
            }
        }
    }
}

/// Collocates counted by hand on literal documents.
final class CollocatesTests: XCTestCase {
    func testWindowsAndCounts() throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent(UUID().uuidString)
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        let index = try Index(path: folder.appendingPathComponent("c.tifa").path)
        // 两个维护 three times; 坚决 right before it twice (one word away), 做到 once.
        index.add(Document(id: "a", text: "我们坚决做到两个维护，坚决两个维护。"))
        index.add(Document(id: "b", text: "必须坚决两个维护，推动高质量发展。"))
        try index.commit()
        let near = try index.collocates(of: "两个维护", left: 1, right: 0, minimumCount: 1)
        XCTAssertEqual(near.map(\.collocate).sorted(), ["做到", "坚决"])
        let resolute = try XCTUnwrap(near.first { $0.collocate == "坚决" })
        XCTAssertEqual([resolute.cooccurrences, resolute.documents, resolute.nodeFrequency], [2, 2, 3])
        // Two words left and one right (punctuation passed over): in a, the first 坚决 is left of
        // the first occurrence; the second 坚决 is right of it and left of the second occurrence,
        // counted once; in b, left once: 3. The node's other occurrence is no collocate.
        let wider = try index.collocates(of: "两个维护", left: 2, right: 1, minimumCount: 1)
        XCTAssertEqual(wider.first { $0.collocate == "坚决" }?.cooccurrences, 3)
        XCTAssertNil(wider.first { $0.collocate == "两个维护" })
        XCTAssertEqual(wider.first { $0.collocate == "必须" }?.cooccurrences, 1)
        XCTAssertEqual(wider.first { $0.collocate == "推动" }?.cooccurrences, 1)
        XCTAssertNil(wider.first { $0.collocate == "高质量发展" })
        XCTAssertEqual(try index.collocates(of: "两个维护", left: 2, right: 1, filter: "date:1990", minimumCount: 1), [])
    }
}
