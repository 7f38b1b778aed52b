import TifaText
import XCTest

/// A document's word counts are those of its lines added up, however long it is: the analyzer
/// cuts long documents at whitespace, where no token can span.
final class DocumentAnalyzerTests: XCTestCase {
    func testLongDocumentsCountAsTheSumOfTheirLines() throws {
        let analyzer = try DocumentAnalyzer(lexicon: Segmenters.lexicon)
        let pieces = ["坚持全面从严治党", "推动高质量发展", "两个维护", "，", "。", "2024年", "COVID-19", " ", "十三个方面成就", "中央审计委员会", "的"]
        var generator = SplitMix64(seed: 16)
        var lines: [String] = []
        for k in 0..<400 {
            let count = k % 50 == 0 ? 3_000 : 1 + Int(generator.next() % 40)
            lines.append((0..<count).map { _ in pieces[Int(generator.next() % UInt64(pieces.count))] }.joined())
        }
        lines.append(String(repeating: "坚持全面从严治党", count: 20_000))  // 160,000 characters, no whitespace
        let workspace = SegmentationWorkspace()
        var expected: [String: Int] = [:]
        for line in lines {
            expected.merge(analyzer.wordCounts(of: analyzer.matchingForm(of: line), workspace: workspace), uniquingKeysWith: +)
        }
        // Lines joined by blank lines, so the matching form keeps a break between them.
        let document = lines.joined(separator: "\n\n")
        XCTAssertGreaterThan(document.unicodeScalars.count, 4 * (1 << 16))
        XCTAssertEqual(analyzer.wordCounts(of: analyzer.matchingForm(of: document), workspace: workspace), expected)
        XCTAssertEqual(expected["全面从严治党"].map { $0 > 20_000 }, true)
    }
}
