/// Evidence for unknown personal names: a common surname, one or two given-name characters,
/// and a title right after it (宋依佳书记) or right before it (书记陈敏尔).
enum PersonNames {
    static let surnames: Set<UInt32> = Set(
        "王李张刘陈杨黄赵吴周徐孙马朱胡郭何高林罗郑梁谢宋唐许韩冯邓曹彭曾肖田董袁潘于蒋蔡余杜叶程苏魏吕丁任沈姚卢姜崔钟谭陆汪范金石廖贾夏韦付方白邹孟熊秦邱江尹薛闫段雷侯龙史陶黎贺顾毛郝龚邵万钱严覃武戴莫孔向汤习栗尤易常施乔殷耿关庞樊兰康"
            .unicodeScalars.map(\.value))

    static let titles: [[UInt32]] = [
        "书记", "同志", "主席", "总理", "部长", "主任", "省长", "市长", "县长", "区长", "镇长", "乡长", "局长", "厅长",
        "处长", "组长", "委员", "代表", "先生", "女士", "教授", "院士", "记者", "院长", "校长", "董事长", "总经理", "大使",
        "将军", "司令员", "政委", "秘书长", "副书记", "副主任", "副组长",
    ].map { $0.unicodeScalars.map(\.value) }

    /// Characters that never stand in a given name.
    static let nonNameCharacters: Set<UInt32> = Set(
        "的了是在和与及或也都就还又并而要会能将把被对向从由为以之其这那此各每等着过说县市省区镇乡村委党部局厅处组长"
            .unicodeScalars.map(\.value))

    /// The length of the title starting at `i`, or 0.
    static func titleLength(_ s: UnsafeBufferPointer<UInt32>, at i: Int, end: Int) -> Int {
        for title in titles where i + title.count <= end {
            var k = 0
            while k < title.count && s[i + k] == title[k] { k += 1 }
            if k == title.count { return title.count }
        }
        return 0
    }

    /// The ends of name spans starting at `p` inside the run `p..<end` that a title supports.
    static func nameEnds(_ s: UnsafeBufferPointer<UInt32>, at p: Int, runStart: Int, end: Int) -> [Int] {
        guard surnames.contains(s[p]) else { return [] }
        var ends: [Int] = []
        let titleBefore = (2...3).contains { length in
            p - length >= runStart && titleLength(s, at: p - length, end: p) == length
        }
        for given in 1...2 where p + 1 + given <= end {
            let nameEnd = p + 1 + given
            var ok = true
            for k in (p + 1)..<nameEnd where nonNameCharacters.contains(s[k]) || !isHan(s[k]) { ok = false }
            guard ok else { break }
            if titleBefore && nameEnd == end || titleLength(s, at: nameEnd, end: end) > 0 { ends.append(nameEnd) }
        }
        return ends
    }
}
