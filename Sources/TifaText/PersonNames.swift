/// Evidence for unknown personal names: a common surname, one or two given-name characters,
/// and a title right after it (宋依佳书记) or right before it (书记陈敏尔).
enum PersonNames {
    static let titles: [[UInt32]] = [
        "书记", "同志", "主席", "总理", "部长", "主任", "省长", "市长", "县长", "区长", "镇长", "乡长", "局长", "厅长",
        "处长", "组长", "委员", "代表", "先生", "女士", "教授", "院士", "记者", "院长", "校长", "董事长", "总经理", "大使",
        "将军", "司令员", "政委", "秘书长", "副书记", "副主任", "副组长",
    ].map { $0.unicodeScalars.map(\.value) }

    /// The length of the title starting at `i`, or 0.
    static func titleLength(_ s: UnsafeBufferPointer<UInt32>, at i: Int, end: Int) -> Int {
        guard i < end, ChineseCharacters.titleStart.contains(scalar: s[i]) else { return 0 }
        for title in titles where i + title.count <= end {
            var k = 0
            while k < title.count && s[i + k] == title[k] { k += 1 }
            if k == title.count { return title.count }
        }
        return 0
    }

    /// The ends (up to two, -1 when absent) of name spans starting at `p` inside the run
    /// `runStart..<end` that a title supports.
    static func nameEnds(
        _ s: UnsafeBufferPointer<UInt32>, at p: Int, runStart: Int, end: Int
    ) -> (Int, Int) {
        var ends = (-1, -1)
        let titleBefore =
            (p - 2 >= runStart && titleLength(s, at: p - 2, end: p) == 2)
            || (p - 3 >= runStart && titleLength(s, at: p - 3, end: p) == 3)
        for given in 1...2 where p + 1 + given <= end {
            let nameEnd = p + 1 + given
            let k = nameEnd - 1
            guard isHan(s[k]), !ChineseCharacters.nonNameCharacter.contains(scalar: s[k]) else { break }
            if (titleBefore && nameEnd == end) || titleLength(s, at: nameEnd, end: end) > 0 {
                if given == 1 { ends.0 = nameEnd } else { ends.1 = nameEnd }
            }
        }
        return ends
    }
}
