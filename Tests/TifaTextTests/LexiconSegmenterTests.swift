import TifaText
import XCTest

final class LexiconSegmenterTests: XCTestCase {
    func testNumberedFormulasStayWholeInCoarseMode() {
        XCTAssertEqual(
            Segmenters.coarse.words("增强“四个意识”、坚定“四个自信”、做到“两个维护”"),
            ["增强", "“", "四个意识", "”", "、", "坚定", "“", "四个自信", "”", "、", "做到", "“", "两个维护", "”"])
        XCTAssertEqual(
            Segmenters.coarse.words("坚持三严三实，落实一岗双责，建设三县一城一枢纽"),
            ["坚持", "三严三实", "，", "落实", "一岗双责", "，", "建设", "三县一城一枢纽"])
    }

    func testFormulaTokensAreTaggedTifa() {
        let text = "做到两个维护"
        let kinds = Segmenters.coarse.tokens(in: text).map(\.kind)
        XCTAssertEqual(kinds, [.word, .tifa])
    }

    func testFineModeSplitsFormulasIntoWords() {
        XCTAssertEqual(
            Segmenters.fine.words("坚持三严三实，做到“两个维护”"),
            ["坚持", "三", "严", "三", "实", "，", "做到", "“", "两", "个", "维护", "”"])
        // PKU conventions: a Chinese name as surname and given name, a small number apart from its
        // measure word except 一个, years whole.
        XCTAssertEqual(Segmenters.fine.words("江泽民同志一年来三次视察，一个二○○一年"),
                       ["江", "泽民", "同志", "一", "年", "来", "三", "次", "视察", "，", "一个", "二○○一年"])
    }

    func testFineModeCutsCompoundsTheWayPKUDoes() {
        // Compositional compounds of the general lexicon are cut, lexicalized ones and idioms kept.
        XCTAssertEqual(
            Segmenters.fine.words("检察机关加强信息技术建设，社会主义市场经济实事求是"),
            ["检察", "机关", "加强", "信息", "技术", "建设", "，", "社会主义", "市场", "经济", "实事求是"])
        // 新 and 副 before a noun; place names stay whole.
        XCTAssertEqual(Segmenters.fine.words("迈向新世纪的新西兰副省长"), ["迈向", "新", "世纪", "的", "新西兰", "副", "省长"])
        // 多 and 余 after a number, ordinals apart from their measure word, counts of years.
        XCTAssertEqual(
            Segmenters.fine.words("二十多年来，30多万元，万余名，第三十二条，第一次，10年，1998年"),
            ["二十", "多", "年", "来", "，", "30", "多", "万", "元", "，", "万", "余", "名", "，", "第三十二", "条", "，",
             "第一", "次", "，", "10", "年", "，", "1998年"])
        // The coarse mode keeps them.
        XCTAssertEqual(Segmenters.coarse.words("第三十二条，10年，1万亿元"), ["第三十二条", "，", "10年", "，", "1万亿", "元"])
    }

    func testMasksAreOneTokenAndNeverGlue() {
        let text = "*月**日，全市召开**县工作会"
        XCTAssertEqual(Segmenters.coarse.words(text), ["*月**日", "，", "全市", "召开", "**", "县", "工作", "会"])
        XCTAssertEqual(Segmenters.coarse.tokens(in: text).map(\.kind).filter { $0 == .mask }.count, 2)
        XCTAssertEqual(Segmenters.coarse.words("XX同志在×××村，○○乡"), ["XX", "同志", "在", "×××", "村", "，", "○○", "乡"])
        XCTAssertEqual(
            Segmenters.coarse.tokens(in: "XX同志在×××村，○○乡").filter { $0.kind == .mask }.count, 3)
    }

    func testNumbersAndDatesStayWhole() {
        XCTAssertEqual(
            Segmenters.coarse.words("二○○一年增长3.5%，2022年达到1,000万元"),
            ["二○○一年", "增长", "3.5%", "，", "2022年", "达到", "1,000万", "元"])
        XCTAssertEqual(
            Segmenters.coarse.tokens(in: "二○○一年增长3.5%").map(\.kind), [.number, .word, .number])
        XCTAssertEqual(Segmenters.coarse.words("1至11月份全国"), ["1", "至", "11月份", "全国"])
        XCTAssertEqual(Segmenters.fine.words("10月份以来"), ["10月份", "以来"])
    }

    /// Formulations written with digits or letters are found across the number and Han spans; a
    /// number next to words that form no entry stays apart. A known formulation keeps a numbered
    /// formula from starting inside it (大气十条|落到实处), and one the general lexicon barely knows
    /// (中办) still beats its characters.
    func testFormulationsWithDigitsAndKnownNamesWin() {
        let coarse = Segmenters.coarse
        XCTAssertEqual(coarse.words("要把211工程落到实处"), ["要", "把", "211工程", "落到实处"])
        XCTAssertEqual(coarse.words("实施中国制造2025战略"), ["实施", "中国制造2025", "战略"])
        XCTAssertEqual(coarse.words("庆祝改革开放40周年大会召开"), ["庆祝改革开放40周年大会", "召开"])
        XCTAssertEqual(coarse.words("建设5G基站300个"), ["建设", "5G", "基站", "300", "个"])
        XCTAssertEqual(coarse.words("要把大气十条落到实处"), ["要", "把", "大气十条", "落到实处"])
        XCTAssertEqual(coarse.words("中办印发"), ["中办", "印发"])
        XCTAssertEqual(Segmenters.fine.words("要把211工程落到实处"), ["要", "把", "211", "工程", "落到实处"])
    }

    /// Words of official style that jieba's dictionary lacked (Dictionaries/sources/general-words.tsv)
    /// are words in both modes, not characters (凝 心 聚 力, 共同 愿 景).
    func testWordsOfOfficialStyleFromTheSupplement() {
        XCTAssertEqual(Segmenters.coarse.words("凝心聚力多措并举推动普惠金融发展"), ["凝心聚力", "多措并举", "推动", "普惠金融", "发展"])
        XCTAssertEqual(Segmenters.fine.words("凝心聚力多措并举推动普惠金融发展"), ["凝心聚力", "多措并举", "推动", "普惠", "金融", "发展"])
        XCTAssertEqual(Segmenters.fine.words("描绘共同愿景，以算力赋能"), ["描绘", "共同", "愿景", "，", "以", "算力", "赋能"])
    }

    /// A known formulation that ends with a campaign tail's first characters takes the rest of the
    /// tail (扶贫攻坚 + 攻坚战), unless the tail's last character starts a word of its own.
    func testFormulationsEndingInsideACampaignTail() {
        let coarse = Segmenters.coarse
        XCTAssertEqual(coarse.words("持续打好扶贫攻坚战，"), ["持续", "打好", "扶贫攻坚战", "，"])
        XCTAssertEqual(coarse.words("打赢扶贫攻坚战的决定"), ["打赢", "扶贫攻坚战", "的", "决定"])
        XCTAssertEqual(coarse.words("在脱贫攻坚战场"), ["在", "脱贫攻坚", "战场"])
    }

    /// A number takes its measure word when the general lexicon holds the measure word with the
    /// noun it counts (架飞机, 份文件); the fine mode writes all three apart.
    func testNumbersTakeTheirMeasureWordsFromCompounds() {
        XCTAssertEqual(Segmenters.coarse.words("四架飞机抵达"), ["四架", "飞机", "抵达"])
        XCTAssertEqual(Segmenters.coarse.words("印发八份文件"), ["印发", "八份", "文件"])
        XCTAssertEqual(Segmenters.coarse.words("二十多架飞机"), ["二十多架", "飞机"])
        XCTAssertEqual(Segmenters.fine.words("四架飞机"), ["四", "架", "飞机"])
    }

    /// A political entry the general lexicon lacks does not start inside a general word: it loses
    /// its weight there, and inside a common word that starts clear of others it is no candidate.
    func testPoliticalEntriesDoNotStartInsideGeneralWords() {
        let coarse = Segmenters.coarse
        XCTAssertEqual(coarse.words("财政收入平稳增长"), ["财政", "收入", "平稳", "增长"])
        XCTAssertEqual(coarse.words("坚持中国共产党的领导"), ["坚持", "中国共产党", "的", "领导"])
        XCTAssertEqual(coarse.words("坚持稳增长"), ["坚持", "稳增长"])
        // 实现 starts inside 落实, so it keeps nothing out; 和 before a name is as often the conjunction.
        XCTAssertEqual(coarse.words("落实现代化经济体系"), ["落实", "现代化经济体系"])
        XCTAssertEqual(coarse.words("推进法治中国和平安中国建设"), ["推进", "法治中国", "和", "平安中国建设"])
    }

    func testLatinRuns() {
        XCTAssertEqual(Segmenters.coarse.words("COVID-19疫情和G20峰会"), ["COVID-19", "疫情", "和", "G20", "峰会"])
    }

    func testUnknownNameNextToTitle() {
        XCTAssertEqual(Segmenters.coarse.words("市纪委宋依佳书记要求"), ["市纪委", "宋依佳", "书记", "要求"])
    }

    func testHardNeighboursOfLeadersNames() {
        XCTAssertEqual(Segmenters.coarse.words("和习近平同志为核心"), ["和", "习近平", "同志", "为", "核心"])
    }

    func testFullWidthInputKeepsOriginalOffsets() {
        let text = "２０２２年ＧＤＰ增长５％"
        XCTAssertEqual(Segmenters.coarse.words(text), ["２０２２年", "ＧＤＰ", "增长", "５％"])
        let tokens = Segmenters.coarse.tokens(in: text)
        XCTAssertEqual(tokens.map(\.scalarRange), [0..<5, 5..<8, 8..<10, 10..<12])
        XCTAssertEqual(tokens.map(\.utf8Range), [0..<15, 15..<24, 24..<30, 30..<36])
    }

    func testTraditionalInputWithToSimplified() throws {
        let segmenter = try LexiconSegmenter(lexicon: Segmenters.lexicon, granularity: .coarse, toSimplified: true)
        let text = "堅持黨的領導，全面從嚴治黨"
        XCTAssertEqual(segmenter.words(text), ["堅持", "黨的領導", "，", "全面從嚴治黨"])
        XCTAssertEqual(segmenter.tokens(in: text).last?.kind, .tifa)
    }

    func testWhitespaceIsDroppedAndOffsetsSkipIt() {
        let text = "  全面 从严治党\t"
        let tokens = Segmenters.coarse.tokens(in: text)
        XCTAssertEqual(tokens.map { String($0.text(in: text)) }, ["全面", "从严治党"])
        XCTAssertEqual(tokens.map(\.scalarRange), [2..<4, 5..<9])
    }

    func testEmptyAndPunctuationOnlyInput() {
        XCTAssertEqual(Segmenters.coarse.words(""), [])
        XCTAssertEqual(Segmenters.coarse.words("……——！"), ["……", "——", "！"])
    }

    func testInvalidUTF8ReportsTheByteOffset() {
        let bytes: [UInt8] = Array("全面".utf8) + [0xE5, 0x20] + Array("党".utf8)
        var tokens: [Token] = []
        XCTAssertThrowsError(
            try bytes.withUnsafeBufferPointer {
                try Segmenters.coarse.segment($0, into: &tokens, workspace: SegmentationWorkspace())
            }
        ) { error in
            XCTAssertEqual(error as? SegmentationError, .invalidUTF8(byteOffset: 6))
        }
    }

    func testEveryKindOfInvalidSequenceIsReportedAtItsFirstByte() {
        let cases: [(bytes: [UInt8], offset: Int)] = [
            (Array("党".utf8) + [0xE5, 0x85], 3),  // a Han character cut off at the end of the line
            (Array("党".utf8) + [0xED, 0xA0, 0x80], 3),  // a surrogate
            ([0x41, 0xE0, 0x80, 0x80], 1),  // an overlong three-byte form
            ([0xC0, 0x80], 0),  // an overlong two-byte form
            (Array("中".utf8) + [0xF4, 0x90, 0x80, 0x80], 3),  // above U+10FFFF
            ([0xE4, 0xB8, 0x41], 0),  // a lead byte followed by ASCII
            ([0x80], 0),  // a lone continuation byte
        ]
        for (bytes, offset) in cases {
            var tokens: [Token] = []
            XCTAssertThrowsError(
                try bytes.withUnsafeBufferPointer {
                    try Segmenters.coarse.segment($0, into: &tokens, workspace: SegmentationWorkspace())
                }, "\(bytes)"
            ) { error in
                XCTAssertEqual(error as? SegmentationError, .invalidUTF8(byteOffset: offset), "\(bytes)")
            }
        }
        // Valid text of every length, four-byte scalars and a maximal three-byte one included, segments
        // with byte ranges that cover it exactly.
        let valid = "a中𠀀\u{FFFD}\u{07FF}党的\u{10FFFF}"
        let bytes = Array(valid.utf8)
        var tokens: [Token] = []
        try? bytes.withUnsafeBufferPointer { try Segmenters.coarse.segment($0, into: &tokens, workspace: SegmentationWorkspace()) }
        XCTAssertEqual(tokens.first?.utf8Range.lowerBound, 0)
        XCTAssertEqual(tokens.last?.utf8Range.upperBound, bytes.count)
        XCTAssertEqual(tokens.last?.scalarRange.upperBound, valid.unicodeScalars.count)
    }

    func testICUBaselineSplitsSetPhrases() {
        XCTAssertEqual(Segmenters.icu.words("全面从严治党"), ["全面", "从", "严", "治", "党"])
        XCTAssertEqual(Segmenters.icu.words("做到两个维护"), ["做到", "两", "个", "维护"])
    }

    /// The acceptance list of the county speech: each formulation is a token of its own in coarse mode.
    func testCountySpeechKeepsEveryFormulationWhole() throws {
        let url = repositoryRoot.appendingPathComponent("Examples/county_inspection_speech.txt")
        let speech = try String(contentsOf: url, encoding: .utf8)
        let words = Set(Segmenters.coarse.words(speech))
        for formulation in [
            "两个确立", "四个意识", "四个自信", "两个维护", "一岗双责", "三个精准", "四个强化", "三县一城一枢纽", "三件大事",
            "四条底线", "四大班子", "全面从严治党", "巡视组", "第一责任人", "政治站位", "习近平", "陈敏尔", "党的二十大",
        ] {
            XCTAssertTrue(words.contains(formulation), "\(formulation) is not a token of its own")
        }
        XCTAssertTrue(words.contains("*月**日"))
        XCTAssertTrue(words.contains("**"))
        let icuWords = Set(Segmenters.icu.words(speech))
        let keptByICU = ["两个确立", "四个意识", "两个维护", "一岗双责", "三县一城一枢纽", "全面从严治党", "政治站位"]
            .filter(icuWords.contains)
        XCTAssertEqual(keptByICU, [])
    }

    /// Every token of every line, sliced from the original at its offsets, is non-empty, tokens
    /// are in order and never overlap, and only whitespace lies between them.
    func testTokensTileTheOriginalText() throws {
        let url = repositoryRoot.appendingPathComponent("Examples/county_inspection_speech.txt")
        let speech = try String(contentsOf: url, encoding: .utf8)
        for segmenter in [Segmenters.coarse, Segmenters.fine, Segmenters.icu] as [any Segmenter] {
            let tokens = segmenter.tokens(in: speech)
            let scalars = Array(speech.unicodeScalars)
            var position = 0
            for token in tokens {
                XCTAssertFalse(token.scalarRange.isEmpty)
                for gap in scalars[position..<token.scalarRange.lowerBound] {
                    XCTAssertTrue(gap.properties.isWhitespace, "non-space \(gap) skipped before \(token)")
                }
                XCTAssertEqual(
                    String(String.UnicodeScalarView(scalars[token.scalarRange])), String(token.text(in: speech)))
                position = token.scalarRange.upperBound
            }
            XCTAssertTrue(scalars[position...].allSatisfy(\.properties.isWhitespace))
        }
    }
}
