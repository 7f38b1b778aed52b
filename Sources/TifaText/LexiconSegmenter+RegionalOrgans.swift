import Foundation

/// The organs of provinces, cities and counties, and the meetings organs hold, by their shape:
///
/// - a division's name heads its organs as 中央 heads the centre's (山东省|数据|局,
///   宁夏回族自治区|生态环境|厅), and takes its government, Party committee and the organs the lexicon
///   knows (遵义市|人民政府, 三沙市|委, 浙江省|纪委, 广东省|政协);
/// - a place's name goes before a regional organ (浙江|省委全面深化改革委员会, 新疆维吾尔|自治区党委统战部),
///   and any name before 市委, 县委 or 区委 (寿光|市委, which the general lexicon tags as a person);
/// - the divisions above a name and the Party's name go before it: 福建省|福州市|…, 中共|浙江省委;
/// - an organ's office is the organ's: 杭州市委全面深化改革委员会|办公室;
/// - a division's regulations, reports and plans: 广东省|数字经济|促进|条例, 浙江省|政府工作报告;
/// - an organ's session, plenum or congress is a meeting of its own: 中央财经委员会|第四次会议,
///   浙江省委|十五届六次全会, 四川省|第十二次党代会, 上海市|十六届|人大|一次会议.
///
/// A place is a lexicon place of two or more characters that starts where no likelier word crosses
/// into it, so a name never takes half a word before it; a division's name is a place and its level,
/// not a kind of place (城市, 东部地区). No division takes a national organ (台湾省|第十四届全国人民代表大会).
extension LexiconSegmenter {
    /// The start of the longest lexicon place that ends at `end` and starts clear of the words before
    /// it; with `division`, only a place that ends in 省, 市, 县, 区, 州, 盟 or 旗.
    func placeStart(endingAt end: Int, division: Bool, _ s: UnsafeBufferPointer<UInt32>, _ runStart: Int, _ dag: HanRunDAG) -> Int? {
        guard end - runStart >= 2 else { return nil }
        if division && !ChineseCharacters.divisionFinal.contains(scalar: s[end - 1]) { return nil }
        for start in max(runStart, end - Self.longestPlace)..<(end - 1) {
            for e in edges(from: start, runStart, dag) where Int(dag.edges[e].end) == end && dag.edgeTag(e) & 0x0F == LexiconTag.place.code {
                guard !likelierWordCrosses(into: start, than: dag.edges[e].score, runStart, dag),
                    !division || isDivisionName(s, start..<end, listed: true, runStart, dag)
                else { return nil }
                return start
            }
        }
        return nil
    }

    /// The start of the division whose name ends at `end`: a lexicon place that names one
    /// (山东省, 宁夏回族自治区); a name and a level the lexicon does not hold together (霍尔果斯|市,
    /// 吴中|区, which the general lexicon tags as a person); or an autonomous area by its name, its
    /// peoples and its level (北川|羌族|自治县, 靖州|苗族|侗族|自治县).
    func divisionStart(endingAt end: Int, _ s: UnsafeBufferPointer<UInt32>, _ runStart: Int, _ dag: HanRunDAG) -> Int? {
        guard end - runStart >= 3, ChineseCharacters.divisionFinal.contains(scalar: s[end - 1]) else { return nil }
        let place = placeStart(endingAt: end, division: true, s, runStart, dag)
        if end - runStart >= 5, s[end - 3] == 0x81EA, s[end - 2] == 0x6CBB {  // 自治
            // The lexicon may hold the peoples and the level alone (侗族自治县): the name goes before them.
            var namesEnd = end - 3
            for _ in 0..<Self.peoplesLimit {
                guard let people = peopleStart(endingAt: namesEnd, s, runStart, dag) else { break }
                namesEnd = people
            }
            guard namesEnd < end - 3, let name = namePrefixStart(endingAt: namesEnd, s, runStart, dag) else { return place }
            return min(name, place ?? name)
        }
        if let place { return place }
        // The level must not start a word (市场, 区域), and the name with it must name a division.
        guard !longerWordStarts(at: end - 1, than: end, runStart, dag), let name = namePrefixStart(endingAt: end - 1, s, runStart, dag),
            end - 1 - name >= 2, isDivisionName(s, name..<end, listed: false, runStart, dag), !wordGoesOn(from: name, end, runStart, dag.completeRunEnd, dag)
        else { return nil }
        return name
    }

    /// The most peoples an autonomous area names (靖州苗族侗族自治县 has two).
    static let peoplesLimit = 3

    /// The start of a people's name ending at `end` (羌族, 仡佬族), or nil.
    private func peopleStart(endingAt end: Int, _ s: UnsafeBufferPointer<UInt32>, _ runStart: Int, _ dag: HanRunDAG) -> Int? {
        guard end - runStart >= 2, s[end - 1] == 0x65CF else { return nil }  // 族
        for start in max(runStart, end - 5)..<(end - 1) {
            for e in edges(from: start, runStart, dag) where Int(dag.edges[e].end) == end { return start }
        }
        return nil
    }

    /// The longest place name looked for (长三角生态绿色一体化发展示范区 has fifteen characters): places
    /// are looked for wherever a division's character ends a word, so the walk back stays short.
    static let longestPlace = 16

    /// Whether the place `s[range]`, which ends in a division's character, names one division: a
    /// name of two or more characters and its level (山东|省, 遵义|市, 苏州工业园|区), not a kind of
    /// place (城市, 山区, 东部地区).
    /// A place the lexicon lists whole (`listed`) may have a common name before its level (南通|市,
    /// which the general lexicon tags as a noun); a name and a level it does not hold together needs a
    /// rare one.
    private func isDivisionName(_ s: UnsafeBufferPointer<UInt32>, _ range: Range<Int>, listed: Bool, _ runStart: Int, _ dag: HanRunDAG) -> Bool {
        let start = range.lowerBound, end = range.upperBound
        guard range.count >= 3, !(s[end - 2] == 0x5730 && s[end - 1] == 0x533A) else { return false }  // 地区
        // A naming head (直辖市, 自治州) or, unlisted, a frequent general word (地级市; not 仓山区) is a
        // kind of division.
        for e in edges(from: start, runStart, dag) where Int(dag.edges[e].end) == end {
            if NamingRole(tagByte: dag.edgeTag(e)).contains(.namingHead) { return false }
            if !listed && dag.edgeKind(e) == .word && dag.edgeTag(e) & 0x0F == LexiconTag.general.code && dag.edges[e].score > establishedWordScore {
                return false
            }
        }
        if range.count >= 5, s[end - 3] == 0x81EA, s[end - 2] == 0x6CBB { return true }  // 自治区, 自治州, 自治县
        // A very common word at its end makes a kind of place (大|城市; not 仓|山区).
        for inner in (start + 1)..<(end - 1) {
            for e in edges(from: inner, runStart, dag) where Int(dag.edges[e].end) == end && dag.edges[e].score > Self.kindOfPlaceScore(commonWordScore) {
                return false
            }
        }
        // So does a frequent general word before the level (欧元|区), or a qualifier (百强|县, 地级|市):
        // a name before it is rare, a place or a person's name to the general lexicon (遵义, 上海,
        // 吴中), or no word of its own.
        for e in edges(from: start, runStart, dag) where Int(dag.edges[e].end) == end - 1 {
            let tag = dag.edgeTag(e) & 0x0F
            if tag != LexiconTag.place.code && tag != LexiconTag.person.code && dag.edges[e].score > (listed ? numeralScore : establishedWordScore) {
                return false
            }
            if !listed && dag.edgeFlags(e) & Lexicon.EntryFlags.adjective.rawValue != 0 { return false }
        }
        // A frequent general word that ends with the level is a kind of area (老|城区, 济南|市区); a
        // place that does is part of the name (仓|山区), and so is a rarer word (杭|州市).
        for e in edges(from: end - 2, runStart, dag)
        where Int(dag.edges[e].end) == end && dag.edgeTag(e) & 0x0F == LexiconTag.general.code && dag.edges[e].score > numeralScore {
            return false
        }
        return true
    }

    /// Five times a common word's score: a word as frequent as 城市 ends kinds of places, not names.
    @inline(__always)
    static func kindOfPlaceScore(_ commonWordScore: Float) -> Float { commonWordScore + Float(log(5.0)) }

    /// Whether the organ the lexicon knows ending at `end` is one a division has: its last character
    /// ends organs (部, 委, 局, 院 …) or bodies (人大, 政协, 工商联), not trades (海洋渔业) or schools.
    private func isDivisionOrgan(_ s: UnsafeBufferPointer<UInt32>, _ end: Int) -> Bool {
        let last = s[end - 1]
        return ChineseCharacters.organFinal.contains(scalar: last) || last == 0x5927 || last == 0x534F || last == 0x8054  // 大 协 联
    }

    /// The start of the name before a Party committee or government of a city, county or district
    /// (寿光|市委, 安吉|县委, 南湖|区委): a place, or a word of two to four characters the general
    /// lexicon takes for a name or a noun (it tags 安吉 and 张家港 as people) — no organ, no governing
    /// word, and none a likelier word crosses into.
    func namePrefixStart(endingAt end: Int, _ s: UnsafeBufferPointer<UInt32>, _ runStart: Int, _ dag: HanRunDAG) -> Int? {
        // A kind of place ends in a level already (城市|市委, 山区|县委).
        guard end - runStart >= 2, !ChineseCharacters.divisionFinal.contains(scalar: s[end - 1]) else { return nil }
        if let place = placeStart(endingAt: end, division: false, s, runStart, dag) { return place }
        for start in max(runStart, end - 4)..<(end - 1) {
            for e in edges(from: start, runStart, dag) where Int(dag.edges[e].end) == end && dag.edgeKind(e) == .word {
                let flags = dag.edgeFlags(e), tag = dag.edgeTag(e) & 0x0F
                // A common noun is no name (全体|市委委员); a rare one may be (凭祥).
                guard flags & Lexicon.EntryFlags.content.rawValue != 0, flags & Lexicon.EntryFlags.governing.rawValue == 0,
                    flags & Lexicon.EntryFlags.predicative.rawValue == 0, tag != LexiconTag.org.code,
                    tag == LexiconTag.person.code || dag.edges[e].score < establishedWordScore,
                    !NamingRole(tagByte: dag.edgeTag(e)).contains(.namingHead),
                    !likelierWordCrosses(into: start, than: dag.edges[e].score, runStart, dag)
                else { continue }
                return start
            }
        }
        return nil
    }

    /// Whether a lexicon word of two or more characters starts inside `start..<end`, before its last
    /// character, and ends after it: the name's last word goes on (新疆维吾尔自治区|党委书记, 北京|市委书记, 湖南省第十二次党代会代表).
    func wordGoesOn(from start: Int, _ end: Int, _ runStart: Int, _ runEnd: Int, _ dag: HanRunDAG) -> Bool {
        // A word that starts with the name's last character (部|落到实处, 会议|和, 全会|上) is the
        // tails' to judge.
        guard end < runEnd, end - 1 > start + 1 else { return false }
        for position in max(start + 1, end - lexicon.maxWordLength)..<(end - 1) {
            for e in edges(from: position, runStart, dag) where Int(dag.edges[e].end) > end && Int(dag.edges[e].end) - position >= 2 {
                return true
            }
        }
        return false
    }

    /// Whether a word of two or more characters at least as likely as `score` starts before
    /// `position` and ends after it, and no likelier word that starts where it does or before ends
    /// at `position` (推进|山东省: 进山 is rarer than 山东省; 落实|德清: 实德 is rarer than 落实).
    private func likelierWordCrosses(into position: Int, than score: Float, _ runStart: Int, _ dag: HanRunDAG) -> Bool {
        let earliest = max(runStart, position - lexicon.maxWordLength)
        for start in earliest..<position {
            for e in edges(from: start, runStart, dag)
            where Int(dag.edges[e].end) > position && Int(dag.edges[e].end) - start >= 2 && dag.edges[e].score >= score {
                if !likelierWordEnds(at: position, from: earliest...start, than: dag.edges[e].score, runStart, dag) { return true }
            }
        }
        return false
    }

    /// Whether a word of two or more characters likelier than `score` starting in `starts` ends at `end`.
    private func likelierWordEnds(at end: Int, from starts: ClosedRange<Int>, than score: Float, _ runStart: Int, _ dag: HanRunDAG) -> Bool {
        for start in starts where end - start >= 2 {
            for e in edges(from: start, runStart, dag) where Int(dag.edges[e].end) == end && dag.edges[e].score > score { return true }
        }
        return false
    }

    /// Whether the naming head at `position` is a region's (省委, 市政府, 县, 自治区), not the centre's.
    @inline(__always)
    func isRegionalHead(_ s: UnsafeBufferPointer<UInt32>, _ position: Int) -> Bool {
        ChineseCharacters.regionalHeadStart.contains(scalar: s[position])
    }

    /// Adds the organ `start..<end` a grammar found, the same organ with its office or a meeting it
    /// holds when one follows, and the same again under the divisions above it and the Party's name
    /// (福建省|福州市|…, 中共|浙江省委…).
    func addOrgan(from start: Int, to end: Int, _ s: UnsafeBufferPointer<UInt32>, _ runEnd: Int, _ normalized: NormalizedBuffer, _ dag: inout HanRunDAG) {
        addRegionalName(from: start, to: end, organ: true, s, runEnd, normalized, &dag)
    }

    /// Adds the name `start..<end` — an organ (`organ`) or a meeting — and the same name after the
    /// divisions above it (up to two) and after 中共 or 中国共产党.
    func addRegionalName(
        from start: Int, to end: Int, organ: Bool, _ s: UnsafeBufferPointer<UInt32>, _ runEnd: Int, _ normalized: NormalizedBuffer,
        _ dag: inout HanRunDAG
    ) {
        var from = start
        for level in 0...Self.divisionLevels {
            // No name ends inside a word: 北京|市委书记, not 北京市委|书记.
            guard !wordGoesOn(from: from, end, dag.runStart, runEnd, dag) else { break }
            add(from: from, to: end, normalized, &dag)
            if organ {
                dag.organStart.append(Int32(from))
                dag.organEnd.append(Int32(end))
                addOrganExtensions(from: from, organEnd: end, s, runEnd, normalized, &dag)
            }
            if let party = partyNameStart(endingAt: from, s, dag.runStart) {
                add(from: party, to: end, normalized, &dag)
                if organ, let meeting = meetingEnd(s, after: end, runEnd) { add(from: party, to: meeting, normalized, &dag) }
            }
            guard level < Self.divisionLevels, let higher = divisionStart(endingAt: from, s, dag.runStart, dag) else { break }
            from = higher
        }
    }

    /// How many divisions a name takes before its own (福建省|福州市|仓山区…).
    static let divisionLevels = 2

    /// Where 中共 or 中国共产党 ends at `end` starts, or nil.
    private func partyNameStart(endingAt end: Int, _ s: UnsafeBufferPointer<UInt32>, _ runStart: Int) -> Int? {
        let party = Lawgiver.party
        if end - runStart >= party.nameLength, party.isName(s, at: end - party.nameLength, end) { return end - party.nameLength }
        if end - runStart >= 2, s[end - 2] == 0x4E2D, s[end - 1] == 0x5171 { return end - 2 }  // 中共
        return nil
    }

    /// Adds the organ `start..<organEnd` with its office (办公室, 办公厅) or with a meeting it holds.
    func addOrganExtensions(
        from start: Int, organEnd: Int, _ s: UnsafeBufferPointer<UInt32>, _ runEnd: Int, _ normalized: NormalizedBuffer,
        _ dag: inout HanRunDAG
    ) {
        if let meeting = meetingEnd(s, after: organEnd, runEnd), !wordGoesOn(from: start, meeting, dag.runStart, runEnd, dag) {
            add(from: start, to: meeting, normalized, &dag)
        }
        // An office's own office is no name: 办公室|办公室.
        if let office = Self.officeEnd(s, at: organEnd, runEnd), s[organEnd - 1] != 0x529E, s[organEnd - 1] != 0x5385, s[organEnd - 1] != 0x5BA4,  // 办 厅 室
            !wordGoesOn(from: start, office, dag.runStart, runEnd, dag)
        {
            add(from: start, to: office, normalized, &dag)
            dag.organStart.append(Int32(start))
            dag.organEnd.append(Int32(office))
        }
    }

    /// Where 办公室 or 办公厅 at `position` ends, or nil.
    @inline(__always)
    static func officeEnd(_ s: UnsafeBufferPointer<UInt32>, at position: Int, _ runEnd: Int) -> Int? {
        guard position + 3 <= runEnd, s[position] == 0x529E, s[position + 1] == 0x516C, s[position + 2] == 0x5385 || s[position + 2] == 0x5BA4 else {
            return nil
        }
        return position + 3
    }

    /// Where a meeting of the organ ending at `organEnd` ends — its session (第三次全体会议, 第四次会议,
    /// 四次全会), a session of its term (十三届一次会议, 十五届三次全体会议), its plenum (十五届六次全会),
    /// or its congress (第十二次党代会, 第十二次代表大会) — or nil when none follows.
    func meetingEnd(_ s: UnsafeBufferPointer<UInt32>, after organEnd: Int, _ runEnd: Int) -> Int? {
        guard organEnd + 4 <= runEnd else { return nil }
        if let end = sessionEnd(s, after: organEnd, runEnd) { return end }
        if let termEnd = termEnd(s, from: organEnd, runEnd) {
            if let end = sessionEnd(s, after: termEnd, runEnd) { return end }
            if let end = plenaryEnd(s, numeralsFrom: termEnd, runEnd, central: true) { return end }
        }
        return congressEnd(s, after: organEnd, runEnd)
    }

    /// Where a term — 第 or not, its number, 届 — that starts at `start` ends, or nil.
    private func termEnd(_ s: UnsafeBufferPointer<UInt32>, from start: Int, _ runEnd: Int) -> Int? {
        let numberStart = start < runEnd && s[start] == 0x7B2C ? start + 1 : start  // 第
        let numberEnd = numeralRunEnd(s, from: numberStart, runEnd)
        guard numberEnd > numberStart, numberEnd < runEnd, s[numberEnd] == 0x5C4A, isTermNumber(s, numberStart..<numberEnd) else { return nil }  // 届
        return numberEnd + 1
    }

    /// The congresses a region's Party holds: 党代会, 党代表大会, 代表大会.
    static let congressNames: [[UInt32]] = ["党代会", "党代表大会", "代表大会"].map { $0.unicodeScalars.map(\.value) }

    /// Where 第, a number, 次 and a congress's name (第十二次党代会) end, or nil.
    private func congressEnd(_ s: UnsafeBufferPointer<UInt32>, after organEnd: Int, _ runEnd: Int) -> Int? {
        guard s[organEnd] == 0x7B2C else { return nil }  // 第
        let numberEnd = numeralRunEnd(s, from: organEnd + 1, runEnd)
        guard numberEnd > organEnd + 1, numberEnd + 3 < runEnd, s[numberEnd] == 0x6B21, isTermNumber(s, (organEnd + 1)..<numberEnd) else { return nil }  // 次
        let rest = numberEnd + 1
        return Self.firstWritten(Self.congressNames, in: s, at: rest, runEnd).map { rest + $0 }
    }

    /// Whether a national name starts at `position` (中央, 中共, 全国, 国家, 中国, 中华): no division's
    /// organ (雄安新区|中央企业).
    static func startsNationalName(_ s: UnsafeBufferPointer<UInt32>, _ position: Int) -> Bool {
        guard position + 1 < s.count else { return false }
        switch (s[position], s[position + 1]) {
        case (0x4E2D, 0x592E), (0x4E2D, 0x5171), (0x5168, 0x56FD), (0x56FD, 0x5BB6), (0x4E2D, 0x56FD), (0x4E2D, 0x534E): return true
        default: return false
        }
    }

    /// Where 人民政府 or 党委 at `position` ends, or nil: a division's government and Party committee.
    static func governmentOrCommitteeEnd(_ s: UnsafeBufferPointer<UInt32>, at position: Int, _ runEnd: Int) -> Int? {
        if position + 4 <= runEnd, s[position] == 0x4EBA, s[position + 1] == 0x6C11, s[position + 2] == 0x653F, s[position + 3] == 0x5E9C {
            return position + 4  // 人民政府
        }
        if position + 2 <= runEnd, s[position] == 0x515A, s[position + 1] == 0x59D4 { return position + 2 }  // 党委
        return nil
    }

    /// Whether edge `e` is an organ the lexicon knows, or a naming head of two or more characters that
    /// names one (人大, 政协, 省委).
    @inline(__always)
    private func isOrganWord(_ e: Int, _ dag: HanRunDAG) -> Bool {
        let tag = dag.edgeTag(e)
        return tag & 0x0F == LexiconTag.org.code || NamingRole(tagByte: tag).contains(.namingHead) && dag.edgeKind(e) == .word
    }

    /// Whether the regional head `start..<end` names an organ itself: 省委, 市委, 县委, 省政府 (it ends
    /// in 委 or 府), not 省 or 自治区.
    func isRegionalOrganHead(_ s: UnsafeBufferPointer<UInt32>, _ start: Int, _ end: Int, _ dag: HanRunDAG) -> Bool {
        // 委 that starts a word is none (上海市|委托).
        end - start >= 2 && isRegionalHead(s, start) && (s[end - 1] == 0x59D4 || s[end - 1] == 0x5E9C)  // 委 府
            && !establishedWordStarts(at: end - 1, after: end, dag.runStart, dag)
    }

    /// Organs the lexicon knows with the place before them — a place before a regional one (江西|省委),
    /// a division before any (浙江省|纪委, 广东省|政协) — and with a meeting after them
    /// (中央财经委员会|第四次会议); a division with its Party committee (三沙市|委), its congress
    /// (四川省|第十二次党代会) or an organ of a term (上海市|十六届|人大|一次会议).
    func lexiconOrgansAndMeetings(
        _ s: UnsafeBufferPointer<UInt32>, _ runStart: Int, _ runEnd: Int, _ normalized: NormalizedBuffer, _ dag: inout HanRunDAG
    ) {
        let classes = ChineseCharacters.lookupTable
        var afterDivision = false
        for position in runStart..<runEnd {
            // Most organs are followed by nothing of a name and stand where no place ends: the
            // characters around them say so, one table entry each, before any edge is looked at.
            let c = s[position]
            let bits = c < 0x10000 ? classes[Int(c)] : 0
            let regionalStart = bits & ChineseCharacters.regionalHeadStart.rawValue != 0
            defer { afterDivision = bits & ChineseCharacters.divisionFinal.rawValue != 0 }
            if afterDivision { autonomousArea(endingAt: position, s, runStart, normalized, &dag) }
            // An office or a meeting starting here completes the organs that end here.
            if position > runStart + 1, c == 0x529E || c == 0x7B2C || bits & ChineseCharacters.numeral.rawValue != 0,  // 办 第
                meetingEnd(s, after: position, runEnd) != nil || Self.officeEnd(s, at: position, runEnd) != nil
            {
                // Only the longest word that ends here: an organ inside it is half of a word
                // (省|政协十二届五次会议, where 省政协 is the word).
                var longest = -1
                for start in max(runStart, position - lexicon.maxWordLength)...(position - 2) where longest < 0 {
                    for e in edges(from: start, runStart, dag) where Int(dag.edges[e].end) == position {
                        longest = start
                        break
                    }
                }
                if longest >= 0 {
                    let start = longest
                    for e in edges(from: start, runStart, dag) where Int(dag.edges[e].end) == position && isOrganWord(e, dag) {
                        guard !longerWordStarts(at: position - 1, than: position, runStart, dag),
                            !likelierWordCrosses(into: start, than: dag.edges[e].score, runStart, dag)
                        else { continue }
                        if ChineseCharacters.organFinal.contains(scalar: s[position - 1], in: classes) {
                            addOrganExtensions(from: start, organEnd: position, s, runEnd, normalized, &dag)
                        } else if let meeting = meetingEnd(s, after: position, runEnd) {
                            add(from: start, to: meeting, normalized, &dag)
                        }
                    }
                }
            }
            // A zone's or a prefecture's administration: 平潭综合实验区|管委会, 阿里地区|行政公署.
            if position > runStart + 2, let end = Self.administrationEnd(s, at: position, runEnd) {
                administrations(endingAt: position, organEnd: end, s, runStart, runEnd, normalized, &dag)
            }
            guard regionalStart || afterDivision else { continue }
            for e in edges(from: position, runStart, dag) where isOrganWord(e, dag) {
                let end = Int(dag.edges[e].end)
                // The general lexicon also tags 联合国 and 国际化 as organizations.
                guard end - position >= 2, !longerWordStarts(at: end - 1, than: end, runStart, dag) else { continue }
                let organFinal = ChineseCharacters.organFinal.contains(scalar: s[end - 1], in: classes)
                if regionalStart && organFinal, let place = namePrefixStart(endingAt: position, s, runStart, dag),
                    !wordGoesOn(from: place, end, runStart, runEnd, dag)
                {
                    addOrgan(from: place, to: end, s, runEnd, normalized, &dag)
                } else if afterDivision, !Self.startsNationalName(s, position), isDivisionOrgan(s, end),
                    let division = divisionStart(endingAt: position, s, runStart, dag),
                    !wordGoesOn(from: division, end, runStart, runEnd, dag)
                {
                    addOrgan(from: division, to: end, s, runEnd, normalized, &dag)
                }
            }
            guard afterDivision, let division = divisionStart(endingAt: position, s, runStart, dag) else { continue }
            if let congress = congressEnd(s, after: position, runEnd) {
                addRegionalName(from: division, to: congress, organ: false, s, runEnd, normalized, &dag)
            }
            // 三沙市|委: the division's Party committee, where 委 starts no word (委托, 委员).
            if s[position] == 0x59D4, !establishedWordStarts(at: position, after: position + 1, runStart, dag) {
                addOrgan(from: division, to: position + 1, s, runEnd, normalized, &dag)
            }
            // 黔东南苗族侗族自治州|人民政府, 伊犁哈萨克自治州|党委.
            if let end = Self.governmentOrCommitteeEnd(s, at: position, runEnd), !wordGoesOn(from: division, end, runStart, runEnd, dag) {
                addOrgan(from: division, to: end, s, runEnd, normalized, &dag)
            }
            regionalRegulations(from: division, headEnd: position, s, runStart, runEnd, normalized, &dag)
            // 台湾省|第十四届全国人民代表大会 names the national congress, not the province's.
            if let termEnd = termEnd(s, from: position, runEnd), termEnd + 1 < runEnd, !Self.startsNationalName(s, termEnd) {
                for e in edges(from: termEnd, runStart, dag) where isOrganWord(e, dag) && Int(dag.edges[e].end) - termEnd >= 2 {
                    let organEnd = Int(dag.edges[e].end)
                    addRegionalName(from: division, to: meetingEnd(s, after: organEnd, runEnd) ?? organEnd, organ: false, s, runEnd, normalized, &dag)
                }
            }
        }
        if afterDivision { autonomousArea(endingAt: runEnd, s, runStart, normalized, &dag) }
    }

    /// An autonomous area the lexicon lacks, ending at `end`, is a name of its own: 北川羌族自治县.
    @inline(__always)
    private func autonomousArea(
        endingAt end: Int, _ s: UnsafeBufferPointer<UInt32>, _ runStart: Int, _ normalized: NormalizedBuffer, _ dag: inout HanRunDAG
    ) {
        guard end - runStart >= 5, s[end - 3] == 0x81EA, s[end - 2] == 0x6CBB, let area = divisionStart(endingAt: end, s, runStart, dag) else { return }  // 自治
        add(from: area, to: end, normalized, &dag)
    }

    /// A division's regulations, rules, measures, reports and plans by their titles: its name, words
    /// (up to `lawMiddleLimit` characters; the last may be a verb, 数字经济|促进|条例), and a tail as a
    /// word of its own or ending one of three or more characters (广东省|数字经济|促进|条例,
    /// 浙江省|政府工作报告). A verb elsewhere ends the title (广东省|出台|…).
    private func regionalRegulations(
        from position: Int, headEnd h: Int, _ s: UnsafeBufferPointer<UInt32>, _ runStart: Int, _ runEnd: Int,
        _ normalized: NormalizedBuffer, _ dag: inout HanRunDAG
    ) {
        let lawgiver = Lawgiver.division
        let limit = min(runEnd, h + Self.lawMiddleLimit)
        // Bit k: position h + k is reached by words.
        var reached: UInt32 = 1
        var r = h
        while r <= limit && r < runEnd {
            if reached & (1 << UInt32(r - h)) != 0 {
                for e in edges(from: r, runStart, dag) {
                    let end = Int(dag.edges[e].end), length = end - r
                    let tail = lawgiver.tailLength(s, end: end, r)
                    // 有关规定 and 现行办法 point to rules without naming them.
                    if tail > 0, length == tail ? r > h : length >= 3 && !Self.pointsWithoutNaming(s[r], s[r + 1]),
                        !longerWordStarts(at: end - 1, than: end, runStart, dag)
                    {
                        add(from: position, to: end, normalized, &dag)
                    }
                    guard end <= limit, tail == 0, length >= 2, dag.edgeFlags(e) & Lexicon.EntryFlags.content.rawValue != 0 || dag.edgeKind(e) == .tifa
                    else { continue }
                    if isRegulationWord(e, s, dag), !Self.pointsWithoutNaming(s[r], s[r + 1]) {
                        reached |= 1 << UInt32(end - h)
                    } else if r > h, end < runEnd, let tailEnd = regulationTailEnd(s, at: end, runEnd) {
                        // A verb right before the tail, after the title's words: 数字经济|促进|条例
                        // (not 没有|办法, 出台|规定).
                        add(from: position, to: tailEnd, normalized, &dag)
                    }
                }
            }
            r += 1
        }
    }

    /// Whether edge `e` may stand inside a regulation's title: a known formulation, or a content word
    /// that is neither a verb nor governing.
    @inline(__always)
    private func isRegulationWord(_ e: Int, _ s: UnsafeBufferPointer<UInt32>, _ dag: HanRunDAG) -> Bool {
        // An organ issues a regulation; it is not in its title (北京市人民政府|印发|办法).
        let tag = dag.edgeTag(e), last = s[Int(dag.edges[e].end) - 1]
        guard tag & 0x0F != LexiconTag.org.code, !NamingRole(tagByte: tag).contains(.organTail), !NamingRole(tagByte: tag).contains(.namingHead),
            !ChineseCharacters.organFinal.contains(scalar: last), last != 0x5E9C  // 府
        else { return false }
        if dag.edgeKind(e) == .tifa { return true }
        let flags = dag.edgeFlags(e)
        return flags & (Lexicon.EntryFlags.governing.rawValue | Lexicon.EntryFlags.predicative.rawValue) == 0
    }

    /// Where 条例, 规定 or 办法 standing at `position` ends, or nil.
    @inline(__always)
    private func regulationTailEnd(_ s: UnsafeBufferPointer<UInt32>, at position: Int, _ runEnd: Int) -> Int? {
        guard position + 2 <= runEnd else { return nil }
        switch (s[position], s[position + 1]) {
        case (0x6761, 0x4F8B), (0x89C4, 0x5B9A), (0x529E, 0x6CD5): return position + 2
        default: return nil
        }
    }

    /// The administrations of zones and prefectures: 管委会, 管理委员会, 党工委, 工委, 执行委员会 after a
    /// zone (…区); 行政公署, 行署 after a prefecture or league (…地区, …盟).
    static let administrations: [[UInt32]] = ["管委会", "管理委员会", "党工委", "工委", "执行委员会", "行政公署", "行署"].map { $0.unicodeScalars.map(\.value) }

    /// Where an administration named at `position` ends, or nil.
    @inline(__always)
    static func administrationEnd(_ s: UnsafeBufferPointer<UInt32>, at position: Int, _ runEnd: Int) -> Int? {
        let first = s[position]
        guard first == 0x7BA1 || first == 0x515A || first == 0x5DE5 || first == 0x6267 || first == 0x884C else { return nil }  // 管 党 工 执 行
        return firstWritten(administrations, in: s, at: position, runEnd).map { position + $0 }
    }

    /// Adds the administration `zoneEnd..<organEnd` with the zone or prefecture before it: the
    /// longest lexicon word that ends at `zoneEnd` in 区 or 盟 (平潭综合实验区,
    /// 经济技术开发区, 锡林郭勒盟), with a place before it when one is there (长沙|经济技术开发区).
    private func administrations(
        endingAt zoneEnd: Int, organEnd: Int, _ s: UnsafeBufferPointer<UInt32>, _ runStart: Int, _ runEnd: Int,
        _ normalized: NormalizedBuffer, _ dag: inout HanRunDAG
    ) {
        let last = s[zoneEnd - 1]
        guard last == 0x533A || last == 0x76DF else { return }  // 区 盟
        var zone: Int? = nil
        for start in max(runStart, zoneEnd - lexicon.maxWordLength)...(zoneEnd - 2) where zone == nil {
            for e in edges(from: start, runStart, dag) where Int(dag.edges[e].end) == zoneEnd && zoneEnd - start >= 3 {
                zone = start
                break
            }
        }
        guard let zone, !likelierWordCrossesZone(zone, runStart, dag) else { return }
        addOrgan(from: zone, to: organEnd, s, runEnd, normalized, &dag)
        if let place = placeStart(endingAt: zone, division: false, s, runStart, dag) { addOrgan(from: place, to: organEnd, s, runEnd, normalized, &dag) }
    }

    /// Whether a common word crosses into the zone's start: the zone is then the end of a longer phrase.
    private func likelierWordCrossesZone(_ zone: Int, _ runStart: Int, _ dag: HanRunDAG) -> Bool {
        for start in max(runStart, zone - 3)..<zone {
            for e in edges(from: start, runStart, dag) where Int(dag.edges[e].end) > zone && dag.edges[e].score > commonWordScore { return true }
        }
        return false
    }
}
