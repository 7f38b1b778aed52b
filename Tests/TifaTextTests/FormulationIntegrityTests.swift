import Foundation
import TifaText
import XCTest

/// Coarse mode keeps set formulations whole: each one of the list alone and inside five sentence
/// templates, and next to the neighbours that glue to them most easily.
final class FormulationIntegrityTests: XCTestCase {
    static let templates = ["%@", "坚持%@不动摇。", "深入贯彻%@的要求", "和%@一起推进", "要把%@落到实处。", "关于%@的意见"]

    func testAtLeast99PercentOfTheListStaysWhole() throws {
        let list = try String(
            contentsOf: repositoryRoot.appendingPathComponent("Tests/TifaTextTests/Fixtures/formulations.txt"), encoding: .utf8)
        let formulations = list.split(separator: "\n").map(String.init).filter { !$0.hasPrefix("#") && !$0.isEmpty }
        XCTAssertGreaterThanOrEqual(formulations.count, 300)
        var whole = 0
        var failures: [String] = []
        for formulation in formulations {
            for template in Self.templates {
                let sentence = template.replacingOccurrences(of: "%@", with: formulation)
                if Segmenters.coarse.words(sentence).contains(formulation) {
                    whole += 1
                } else {
                    failures.append(Segmenters.coarse.words(sentence).joined(separator: " "))
                }
            }
        }
        let rate = Double(whole) / Double(formulations.count * Self.templates.count)
        XCTAssertGreaterThanOrEqual(rate, 0.99, "\(failures.count) split, e.g. \(failures.prefix(20))")
    }

    func testHardNeighbours() {
        let cases: [(String, [String])] = [
            ("和习近平同志", ["和", "习近平", "同志"]),
            ("把习近平新时代中国特色社会主义思想", ["把", "习近平新时代中国特色社会主义思想"]),
            ("同党中央保持高度一致", ["同", "党中央", "保持", "高度一致"]),
            ("做到两个维护和两个确立", ["做到", "两个维护", "和", "两个确立"]),
            ("贯彻新发展理念", ["贯彻", "新发展理念"]),
            ("以习近平同志为核心的党中央", ["以习近平同志为核心的党中央"]),
            ("和一带一路一起推进", ["和", "一带一路", "一起", "推进"]),
            ("要把三严三实落到实处", ["要", "把", "三严三实", "落到实处"]),
            ("和十四五一起推进", ["和", "十四五", "一起", "推进"]),
            ("二○○一年和一百二十万", ["二○○一年", "和", "一百二十万"]),
        ]
        for (text, expected) in cases {
            XCTAssertEqual(Segmenters.coarse.words(text), expected, text)
        }
    }
}
