import TifaAnalytics
import XCTest

/// The keyness and dispersion figures on contingency tables and parts worked out by hand.
final class KeynessStatisticsTests: XCTestCase {
    /// 30 in 10,000 against 10 in 20,000: E = 13.333 and 26.667, G² = 2(30 ln(30/13.333) + 10 ln(10/26.667)).
    func testOverusedItem() {
        let s = KeynessStatistics(targetCount: 30, referenceCount: 10, targetSize: 10_000, referenceSize: 20_000)
        XCTAssertEqual(s.logLikelihood, 29.039228, accuracy: 1e-6)
        XCTAssertEqual(s.pValue, 7.0927e-8, accuracy: 1e-11)
        XCTAssertEqual(s.logRatio, log2(6), accuracy: 1e-12)
        XCTAssertEqual(s.percentDiff ?? .nan, 500, accuracy: 1e-9)
        XCTAssertEqual(s.simpleMaths, 3_001.0 / 501.0, accuracy: 1e-12)
        XCTAssertTrue(s.overused)
    }

    /// None in the target: only the reference's term counts, Log Ratio takes the zero as 0.5.
    func testItemAbsentFromTheTarget() {
        let s = KeynessStatistics(targetCount: 0, referenceCount: 12, targetSize: 10_000, referenceSize: 20_000)
        XCTAssertEqual(s.logLikelihood, 9.731163, accuracy: 1e-6)
        XCTAssertEqual(s.logRatio, log2((0.5 / 10_000) / (12.0 / 20_000)), accuracy: 1e-12)
        XCTAssertEqual(s.percentDiff ?? .nan, -100, accuracy: 1e-9)
        XCTAssertFalse(s.overused)
        XCTAssertNil(KeynessStatistics(targetCount: 3, referenceCount: 0, targetSize: 10, referenceSize: 10).percentDiff)
        XCTAssertEqual(KeynessStatistics(targetCount: 5, referenceCount: 10, targetSize: 100, referenceSize: 200).logLikelihood, 0, accuracy: 1e-12)
    }

    func testCorrections() {
        XCTAssertEqual(SignificanceCorrection.bonferroni.threshold(alpha: 0.05, tests: 10), 0.005, accuracy: 1e-15)
        XCTAssertEqual(SignificanceCorrection.sidak.threshold(alpha: 0.05, tests: 10), 0.0051161969, accuracy: 1e-10)
        XCTAssertEqual(SignificanceCorrection.none.threshold(alpha: 0.05, tests: 10), 0.05)
    }
}

/// Association measures on a table worked out by hand: O = 10, node 20, collocate 50, N = 10,000,
/// so E = 0.1.
final class CollocationMeasureTests: XCTestCase {
    func testMeasuresByHand() {
        let c = Collocate(collocate: "x", cooccurrences: 10, collocateFrequency: 50, nodeFrequency: 20, corpusSize: 10_000, documents: 3)
        XCTAssertEqual(c.mi, log2(100), accuracy: 1e-12)
        XCTAssertEqual(c.mi3, log2(10_000), accuracy: 1e-9)
        XCTAssertEqual(c.logDice, 14 + log2(20.0 / 70.0), accuracy: 1e-12)
        XCTAssertEqual(c.t, 9.9 / 10.0.squareRoot(), accuracy: 1e-12)
        XCTAssertEqual(c.logLikelihood, 80.459254, accuracy: 1e-6)
        XCTAssertEqual(c.value(of: .mi3), c.mi3)
    }
}
