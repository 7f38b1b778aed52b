import Foundation
import TifaText
import XCTest

/// Coarse mode keeps established formulations whole and does not glue free combinations, on the
/// hand-written lists of Fixtures/ (written independently of the lexicon's extraction) in every
/// sentence context of Fixtures/contexts.tsv. Entries alternate between a tuning half (even lines),
/// on which rules were chosen, and a reporting half (odd lines).
final class FormulationIntegrityTests: XCTestCase {
    static func lines(_ name: String) throws -> [String] {
        try String(contentsOf: repositoryRoot.appendingPathComponent("Tests/TifaTextTests/Fixtures/\(name)"), encoding: .utf8)
            .split(separator: "\n").map(String.init).filter { !$0.hasPrefix("#") && !$0.trimmingCharacters(in: .whitespaces).isEmpty }
    }

    static func contexts(_ list: String) throws -> [String] {
        try lines("contexts.tsv").map { $0.split(separator: "\t", maxSplits: 1).map(String.init) }
            .filter { $0[0] == list }.map { $0[1] }
    }

    /// Share of (formulation, context) pairs where the formulation is one token.
    static func wholeRate(half: Int) throws -> (rate: Double, failures: [String]) {
        let formulations = try lines("formulations-by-kind.tsv").enumerated().filter { $0.offset % 2 == half }
            .map { String($0.element.split(separator: "\t")[0]) }
        let contexts = try contexts("formulation")
        var whole = 0
        var failures: [String] = []
        for formulation in formulations {
            for template in contexts {
                let words = Segmenters.coarse.words(template.replacingOccurrences(of: "%@", with: formulation))
                if words.contains(formulation) { whole += 1 } else { failures.append(words.joined(separator: " ")) }
            }
        }
        return (Double(whole) / Double(formulations.count * contexts.count), failures)
    }

    /// Share of (free combination, context) pairs cut at every marked boundary.
    static func notGluedRate(half: Int) throws -> (rate: Double, failures: [String]) {
        let combinations = try lines("free-combinations.txt").enumerated().filter { $0.offset % 2 == half }
            .map { $0.element.split(separator: " ").map(String.init) }
        let contexts = try contexts("free")
        var cut = 0
        var failures: [String] = []
        for parts in combinations {
            for template in contexts {
                let at = template.distance(from: template.startIndex, to: template.range(of: "%@")!.lowerBound)
                let sentence = template.replacingOccurrences(of: "%@", with: parts.joined())
                let words = Segmenters.coarse.words(sentence)
                var ends = Set<Int>()
                var position = 0
                for word in words {
                    position += word.count
                    ends.insert(position)
                }
                var marks: [Int] = []
                var mark = at
                for part in parts.dropLast() {
                    mark += part.count
                    marks.append(mark)
                }
                if marks.allSatisfy(ends.contains) { cut += 1 } else { failures.append(words.joined(separator: " ")) }
            }
        }
        return (Double(cut) / Double(combinations.count * contexts.count), failures)
    }

    func testTheListsAreLargeAndHaveSixContexts() throws {
        XCTAssertGreaterThanOrEqual(try Self.lines("formulations-by-kind.tsv").count, 400)
        XCTAssertGreaterThanOrEqual(try Self.lines("free-combinations.txt").count, 200)
        XCTAssertGreaterThanOrEqual(try Self.contexts("formulation").count, 6)
        XCTAssertGreaterThanOrEqual(try Self.contexts("free").count, 6)
    }

    func testFormulationsStayWholeInEveryContext() throws {
        for half in 0...1 {
            let (rate, failures) = try Self.wholeRate(half: half)
            XCTAssertGreaterThanOrEqual(rate, Self.wholeFloor, "half \(half): \(failures.count) split, e.g. \(failures.prefix(30))")
        }
    }

    func testFreeCombinationsAreNotGlued() throws {
        for half in 0...1 {
            let (rate, failures) = try Self.notGluedRate(half: half)
            XCTAssertGreaterThanOrEqual(rate, Self.notGluedFloor, "half \(half): \(failures.count) glued, e.g. \(failures.prefix(30))")
        }
    }

    /// The rates measured when the lexicon was last rebuilt (whole 0.958 / 0.936, not glued
    /// 0.996 / 0.973 on the tuning / reporting half), less a little: a drop fails the test. The
    /// goal is 0.99 on lists the project has never seen.
    static let wholeFloor = 0.97
    static let notGluedFloor = 0.97

    func testHardNeighbours() {
        let cases: [(String, [String])] = [
            ("和习近平同志", ["和", "习近平", "同志"]),
            ("把习近平新时代中国特色社会主义思想", ["把", "习近平新时代中国特色社会主义思想"]),
            ("做到两个维护和两个确立", ["做到", "两个维护", "和", "两个确立"]),
            ("贯彻新发展理念", ["贯彻", "新发展理念"]),
            ("和一带一路一起推进", ["和", "一带一路", "一起", "推进"]),
            ("要把三严三实落到实处", ["要", "把", "三严三实", "落到实处"]),
            ("二○○一年和一百二十万", ["二○○一年", "和", "一百二十万"]),
        ]
        for (text, expected) in cases {
            XCTAssertEqual(Segmenters.coarse.words(text), expected, text)
        }
    }
}
