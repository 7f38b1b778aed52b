/// The classes of characters the segmenter's rules test, each spelled as text, compiled once into
/// one table of 65,536 bit sets (every class lies in the Basic Multilingual Plane).
///
/// ```swift
/// ChineseCharacters.dateUnit.contains(scalar: 0x5E74)   // 年: true
/// ```
struct ChineseCharacters: OptionSet, Sendable {
    let rawValue: UInt16

    /// 一二三四五六七八九十百千万亿零〇○两: numerals, with the circles written as zero in dates (二○○一年).
    static let numeral = ChineseCharacters(rawValue: 1 << 0)
    /// Numerals that start numbered formulas (两个维护, 三县一城一枢纽).
    static let formulaNumeral = ChineseCharacters(rawValue: 1 << 1)
    /// Measure words of numbered formulas (四个意识, 八项规定, 二十四字方针).
    static let formulaMeasure = ChineseCharacters(rawValue: 1 << 2)
    /// Time and counting words that make numeral pairs ordinary quantities (一年一度, 三次一), and
    /// negations, which start a new phrase (一对一不动摇).
    static let countingWord = ChineseCharacters(rawValue: 1 << 3)
    /// Units that belong to the number before them (2024年, 十二月).
    static let dateUnit = ChineseCharacters(rawValue: 1 << 4)
    /// Zeros: 〇 ○ 零.
    static let zero = ChineseCharacters(rawValue: 1 << 5)
    /// The digits of a number written digit by digit (一九九七, 二○○一).
    static let digit = ChineseCharacters(rawValue: 1 << 6)
    /// Measure and time words the PKU standard writes apart from a small number (三 个).
    static let measureWord = ChineseCharacters(rawValue: 1 << 7)
    /// Negations: no numbered formula goes on with them (九条|不动).
    static let negation = ChineseCharacters(rawValue: 1 << 8)
    /// Common surnames.
    static let surname = ChineseCharacters(rawValue: 1 << 9)
    /// Characters never in a given name: function words and administrative units.
    static let nonNameCharacter = ChineseCharacters(rawValue: 1 << 10)
    /// First characters of the titles that mark a name (`PersonNames.titles`).
    static let titleStart = ChineseCharacters(rawValue: 1 << 11)
    /// Last characters of organs' names: 部, 委员会, 院, 局, 署, 厅 … (中华人民共和国|公安部).
    static let organFinal = ChineseCharacters(rawValue: 1 << 12)
    /// The directions, which before 部 make a region, not a ministry (中西部).
    static let direction = ChineseCharacters(rawValue: 1 << 13)
    /// Last characters of administrative divisions, whose names head the names of their organs
    /// (山东省|数据局, 宁夏回族自治区|生态环境厅).
    static let divisionFinal = ChineseCharacters(rawValue: 1 << 14)
    /// First characters of the naming heads of regional organs: 省委, 市政府, 县, 自治区 (not 中央 or 国家).
    static let regionalHeadStart = ChineseCharacters(rawValue: 1 << 15)

    private static let members: [(ChineseCharacters, String)] = [
        (.numeral, "一二三四五六七八九十百千万亿零〇○两"),
        (.formulaNumeral, "一二两三四五六七八九十百千双"),
        (.formulaMeasure, "个项条大种类点张字"),
        (.countingWord, "年月日天次个些点时周季号位种期岁不没未"),
        (.dateUnit, "年月日号"),
        (.zero, "〇○零"),
        (.digit, "〇○零一二三四五六七八九两"),
        (.measureWord, "年个次位天种条项批名届件场家座所支张台辆份篇部本句层倍周岁户架艘枚颗节"),
        (.negation, "不没未"),
        (.surname,
         "丁万严乔习于付任何余侯兰关冯刘卢史叶向吕吴周唐夏姚姜孔孙孟宋尤尹崔常庞康廖张彭徐戴方施易曹曾朱李杜杨林栗梁樊武段殷毛江汤"
            + "汪沈潘熊王田白石秦程罗耿肖胡苏范莫董蒋蔡薛袁覃许谢谭贺贾赵邓邱邵邹郑郝郭金钟钱闫陆陈陶雷韦韩顾马高魏黄黎龙龚"),
        (.nonNameCharacter, "与为之也乡了从以会党其区厅县又及各向和在处委对将就局市并或把是村此每由的省着等组而能被要说过还这那部都镇长"),
        (.titleStart, String(PersonNames.titles.compactMap { $0.first.flatMap(Unicode.Scalar.init).map(Character.init) })),
        (.organFinal, "部委会院局署厅办室处司行所庭社台团"),
        (.direction, "东西南北中"),
        (.divisionFinal, "省市县区州盟旗"),
        (.regionalHeadStart, "省市县区州盟旗乡镇自"),
    ]

    /// One bit set per BMP character; allocated once and never freed.
    // nonisolated(unsafe): written once, inside the lazy initializer, and only read after.
    nonisolated(unsafe) private static let table: UnsafeMutablePointer<UInt16> = {
        let table = UnsafeMutablePointer<UInt16>.allocate(capacity: 0x10000)
        table.initialize(repeating: 0, count: 0x10000)
        for (member, characters) in members {
            for scalar in characters.unicodeScalars {
                precondition(scalar.value < 0x10000, "character classes hold BMP characters only")
                table[Int(scalar.value)] |= member.rawValue
            }
        }
        return table
    }()

    /// Whether `c` belongs to any of these classes.
    @inline(__always)
    func contains(scalar c: UInt32) -> Bool {
        c < 0x10000 && Self.table[Int(c)] & rawValue != 0
    }

    /// The table itself, for a loop that tests every character: each use of `table` checks that
    /// it was made, which costs more than the test.
    static var lookupTable: UnsafePointer<UInt16> { UnsafePointer(table) }

    /// `contains(scalar:)` with the table fetched once by the caller (`lookupTable`).
    @inline(__always)
    func contains(scalar c: UInt32, in table: UnsafePointer<UInt16>) -> Bool {
        c < 0x10000 && table[Int(c)] & rawValue != 0
    }
}

/// Chinese numeral characters, including the two circles used as zero in dates (二○○一年).
@inline(__always)
func isChineseNumeral(_ c: UInt32) -> Bool { ChineseCharacters.numeral.contains(scalar: c) }

/// Numerals that start numbered formulas.
@inline(__always)
package func isFormulaNumeral(_ c: UInt32) -> Bool { ChineseCharacters.formulaNumeral.contains(scalar: c) }
