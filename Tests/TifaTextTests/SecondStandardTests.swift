import Foundation
import TifaText
import XCTest

/// Both modes against a second segmentation standard: Fixtures/second-standard-gold.utf8, 300
/// sentences of official news and documents segmented by hand after the MSR conventions (names of
/// any length whole, numbers with their units whole, verb + object split). The floors are the scores
/// of the segmenter before the political lexicon was built by the miner (coarse 0.779, fine 0.818 F1,
/// the official scorer's numbers, which these reproduce), so a lexicon that glues what that
/// standard splits, or splits what it keeps whole, fails here.
final class SecondStandardTests: XCTestCase {
    /// Precision, recall and F1 of the words of `segmenter` against the gold words, by character spans.
    static func score(_ segmenter: some Segmenter) throws -> (precision: Double, recall: Double, f1: Double) {
        let url = repositoryRoot.appendingPathComponent("Tests/TifaTextTests/Fixtures/second-standard-gold.utf8")
        let gold = try String(contentsOf: url, encoding: .utf8).split(separator: "\n").filter { !$0.isEmpty }
        var correct = 0, goldWords = 0, testWords = 0
        for line in gold {
            let goldWordsOfLine = line.split(separator: " ").map(String.init)
            let words = segmenter.words(goldWordsOfLine.joined())
            let goldSpans = Self.spans(goldWordsOfLine), testSpans = Self.spans(words)
            correct += Set(goldSpans).intersection(testSpans).count
            goldWords += goldSpans.count
            testWords += testSpans.count
        }
        let precision = Double(correct) / Double(testWords), recall = Double(correct) / Double(goldWords)
        return (precision, recall, 2 * precision * recall / (precision + recall))
    }

    struct CharacterSpan: Hashable {
        var start: Int
        var end: Int
    }

    static func spans(_ words: [String]) -> [CharacterSpan] {
        var position = 0
        return words.map { word in
            defer { position += word.count }
            return CharacterSpan(start: position, end: position + word.count)
        }
    }

    func testCoarseModeDoesNotFallBelowTheSegmenterBeforeTheMinedLexicon() throws {
        let (precision, recall, f1) = try Self.score(Segmenters.coarse)
        XCTAssertGreaterThanOrEqual(f1, 0.779, "P \(precision) R \(recall)")
    }

    func testFineModeDoesNotFallBelowTheSegmenterBeforeTheMinedLexicon() throws {
        let (precision, recall, f1) = try Self.score(Segmenters.fine)
        XCTAssertGreaterThanOrEqual(f1, 0.818, "P \(precision) R \(recall)")
    }

    func testTheScoreCountsWordsByTheirSpans() {
        XCTAssertEqual(Self.spans(["新华社", "北京", "3月"]), [
            CharacterSpan(start: 0, end: 3), CharacterSpan(start: 3, end: 5), CharacterSpan(start: 5, end: 7),
        ])
    }
}
