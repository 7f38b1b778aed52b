/// Evidence for unknown personal names: a common surname, one or two given-name characters,
/// and a title right after it (宋依佳书记) or right before it (书记陈敏尔).
enum PersonNames {
    /// Whether `c` is one of the common surnames (王李张刘陈杨黄赵吴周…).
    @inline(__always)
    static func isSurname(_ c: UInt32) -> Bool {
        switch c {
        case 0x4E01, 0x4E07, 0x4E25, 0x4E54, 0x4E60, 0x4E8E, 0x4ED8, 0x4EFB, 0x4F55, 0x4F59,
             0x4FAF, 0x5170, 0x5173, 0x51AF, 0x5218, 0x5362, 0x53F2, 0x53F6, 0x5411, 0x5415,
             0x5434, 0x5468, 0x5510, 0x590F, 0x59DA, 0x59DC, 0x5B54, 0x5B59, 0x5B5F, 0x5B8B,
             0x5C24, 0x5C39, 0x5D14, 0x5E38, 0x5E9E, 0x5EB7, 0x5ED6, 0x5F20, 0x5F6D, 0x5F90,
             0x6234, 0x65B9, 0x65BD, 0x6613, 0x66F9, 0x66FE, 0x6731, 0x674E, 0x675C, 0x6768,
             0x6797, 0x6817, 0x6881, 0x6A0A, 0x6B66, 0x6BB5, 0x6BB7, 0x6BDB, 0x6C5F, 0x6C64,
             0x6C6A, 0x6C88, 0x6F58, 0x718A, 0x738B, 0x7530, 0x767D, 0x77F3, 0x79E6, 0x7A0B,
             0x7F57, 0x803F, 0x8096, 0x80E1, 0x82CF, 0x8303, 0x83AB, 0x8463, 0x848B, 0x8521,
             0x859B, 0x8881, 0x8983, 0x8BB8, 0x8C22, 0x8C2D, 0x8D3A, 0x8D3E, 0x8D75, 0x9093,
             0x90B1, 0x90B5, 0x90B9, 0x90D1, 0x90DD, 0x90ED, 0x91D1, 0x949F, 0x94B1, 0x95EB,
             0x9646, 0x9648, 0x9676, 0x96F7, 0x97E6, 0x97E9, 0x987E, 0x9A6C, 0x9AD8, 0x9B4F,
             0x9EC4, 0x9ECE, 0x9F99, 0x9F9A:
            return true
        default:
            return false
        }
    }

    static let titles: [[UInt32]] = [
        "书记", "同志", "主席", "总理", "部长", "主任", "省长", "市长", "县长", "区长", "镇长", "乡长", "局长", "厅长",
        "处长", "组长", "委员", "代表", "先生", "女士", "教授", "院士", "记者", "院长", "校长", "董事长", "总经理", "大使",
        "将军", "司令员", "政委", "秘书长", "副书记", "副主任", "副组长",
    ].map { $0.unicodeScalars.map(\.value) }

    /// Characters that never stand in a given name: function words and administrative units
    /// (的了是在和与…县市省区镇乡村委党部局厅处组长).
    @inline(__always)
    static func isNonNameCharacter(_ c: UInt32) -> Bool {
        switch c {
        case 0x4E0E, 0x4E3A, 0x4E4B, 0x4E5F, 0x4E61, 0x4E86, 0x4ECE, 0x4EE5, 0x4F1A, 0x515A,
             0x5176, 0x533A, 0x5385, 0x53BF, 0x53C8, 0x53CA, 0x5404, 0x5411, 0x548C, 0x5728,
             0x5904, 0x59D4, 0x5BF9, 0x5C06, 0x5C31, 0x5C40, 0x5E02, 0x5E76, 0x6216, 0x628A,
             0x662F, 0x6751, 0x6B64, 0x6BCF, 0x7531, 0x7684, 0x7701, 0x7740, 0x7B49, 0x7EC4,
             0x800C, 0x80FD, 0x88AB, 0x8981, 0x8BF4, 0x8FC7, 0x8FD8, 0x8FD9, 0x90A3, 0x90E8,
             0x90FD, 0x9547, 0x957F:
            return true
        default:
            return false
        }
    }

    /// Whether some title starts with `c`: most positions are ruled out without the list.
    @inline(__always)
    static func isTitleStart(_ c: UInt32) -> Bool {
        switch c {
        case 0x4E3B, 0x4E61, 0x4E66, 0x4EE3, 0x5148, 0x526F, 0x533A, 0x5385, 0x53BF, 0x53F8, 0x540C, 0x5904, 0x5927, 0x5973, 0x59D4, 0x5C06, 0x5C40, 0x5E02, 0x603B, 0x653F, 0x6559, 0x6821, 0x7701, 0x79D8, 0x7EC4, 0x8463, 0x8BB0, 0x90E8, 0x9547, 0x9662:
            return true
        default:
            return false
        }
    }

    /// The length of the title starting at `i`, or 0.
    static func titleLength(_ s: UnsafeBufferPointer<UInt32>, at i: Int, end: Int) -> Int {
        guard i < end, isTitleStart(s[i]) else { return 0 }
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
            guard isHan(s[k]), !isNonNameCharacter(s[k]) else { break }
            if (titleBefore && nameEnd == end) || titleLength(s, at: nameEnd, end: end) > 0 {
                if given == 1 { ends.0 = nameEnd } else { ends.1 = nameEnd }
            }
        }
        return ends
    }
}
