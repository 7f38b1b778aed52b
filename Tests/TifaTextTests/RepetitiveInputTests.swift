import Foundation
import TifaText
import XCTest

/// Lines that repeat what the rules look for — numerals, numbered formulas, organ tails, 的,
/// parallel slogans, laws, document titles, organs by their term, regional organs and their
/// meetings — thousands of times: the tokens
/// must tile the line. How long such lines take, as they grow, is the Tokenization benchmark's
/// "repetitive lines" (Benchmarks/).
final class RepetitiveInputTests: XCTestCase {
    func testRepetitionsOfRulePatternsTileTheLine() {
        let units = ["一", "两", "零", "〇", "十", "第一", "三县一城", "十三个方面", "二十届三中全会", "党的", "中央委员会", "攻坚战", "健康中国战略", "的", "稳增长", "中华人民共和国", "中华人民共和国票据法", "中共中央关于", "国务院关于发展的决定", "十八届中央委员会", "中华人民共和国外交部", "河南省人民政府办公厅关于加强工作的意见", "遵义市委", "中央财经委员会第四次会议", "四川省第十二次党代会", "上海市十六届人大一次会议"]
        for unit in units {
            let line = String(repeating: unit, count: 20_000 / unit.count)
            for segmenter in [Segmenters.coarse, Segmenters.fine] as [LexiconSegmenter] {
                let tokens = segmenter.tokens(in: line)
                var end = 0
                for token in tokens {
                    XCTAssertEqual(token.scalarRange.lowerBound, end, unit)
                    end = token.scalarRange.upperBound
                }
                XCTAssertEqual(end, line.unicodeScalars.count, unit)
            }
        }
    }

    /// The same with seeded random mixtures of those characters.
    func testRandomMixturesTileTheLine() {
        let alphabet = Array("一二两三四五六七八九十百千万亿零〇○第届个项条大中全会党的央国家委员会领导小组攻坚战保卫战略精神制度同志书记县城不年月日关于决定意见通知务院省市区州人民政府办公室浙江四川")
        var generator = SplitMix64(seed: 14)
        for _ in 0..<4 {
            let line = String((0..<50_000).map { _ in alphabet[Int(generator.next() % UInt64(alphabet.count))] })
            let tokens = Segmenters.coarse.tokens(in: line)
            XCTAssertEqual(tokens.first?.scalarRange.lowerBound, 0)
            XCTAssertEqual(tokens.last?.scalarRange.upperBound, line.unicodeScalars.count)
            XCTAssertTrue(zip(tokens, tokens.dropFirst()).allSatisfy { $0.scalarRange.upperBound == $1.scalarRange.lowerBound })
        }
    }
}
