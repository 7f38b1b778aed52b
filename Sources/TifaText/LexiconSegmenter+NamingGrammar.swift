/// The naming grammars of the coarse mode: the shapes in which Party and State documents coin
/// names, so that a name no dictionary lists still comes out whole. The words that play each part
/// are data (`Dictionaries/naming-grammar.txt`, see `NamingRole`); the shapes are here:
///
/// - organ: naming head, then up to ten characters of words (和/与/及 between them), then an organ
///   tail — 中央|审计|委员会, 国家|发展|和|改革|委员会, 国务院|办公厅;
/// - campaign: words or a known formulation (up to ten characters, no verb first, frequent words
///   costing by `nameWordThreshold`), then a campaign tail — 碧水|保卫战,
///   防范化解重大风险|攻坚战, 党史|学习教育;
/// - strategy or system: a known formulation, then a system or campaign tail — 健康中国|战略,
///   中央八项规定|精神, 黄河流域生态保护和高质量发展|先行区 (words alone before a system tail make no
///   name: 调整|财政政策 is a verb and its object);
/// - 的-join: a known formulation or 党, 的, a known formulation — 党的|全面领导;
/// - organ of a province, city or county: a place before a regional head, or a division as the
///   head, and an organ's office or meeting after it — 浙江|省委|金融|委员会, 山东省|数据|局,
///   中央财经委员会|第四次会议 (see `LexiconSegmenter+RegionalOrgans.swift`);
/// - organ of the state, the Party or the army: its name, then a lexicon organ — 中华人民共和国|公安部;
/// - law or regulation: a lawgiver's name, then up to sixteen characters of words (和/与/及
///   between them, 若干 among them), then a tail of that lawgiver's titles or a word ending in one — 中华人民共和国
///   with 法, 法典, 条例 (中华人民共和国|学位|条例, 中华人民共和国|领海|及|毗连区|法), 中国共产党 with
///   条例, 准则, 规则 (中国共产党|问责|条例), 中国人民解放军 with 条令, 条例 (中国人民解放军|纪律|条令);
/// - document title: an issuing organ (up to three in a row), 关于, up to forty characters, 的 and a
///   title tail — 中共中央|关于|…|的|决定, 中共中央|国务院|关于|…|的|指导意见 (see
///   `LexiconSegmenter+DocumentTitles.swift`);
/// - parallel slogan: formulations the lexicon knows, of the same length (two to four characters),
///   each starting with the first one's first character (not a numeral) and none repeating the
///   one before it — 依宪治国|依宪执政, 保交楼|保民生|保稳定.
///
/// A word inside a name is a content word of two or more characters that is not a governing verb
/// or adverb (决定, 推动, 全面), or a known formulation (全面深化改革 in 中央全面深化改革委员会). After
/// 和, 与 or 及 no organ or place goes on a name, and a head that is an organ itself (省委, 全国人大)
/// takes no conjunction: those are two names side by side.
extension LexiconSegmenter {
    /// Longest stretch of words between an organ's head and tail.
    static let organMiddleLimit = 10
    /// Longest stretch of words before a campaign tail.
    static let campaignModifierLimit = 10

    /// Adds the edges of every name the grammars find in the run `a..<b`, whose lexicon and rule
    /// edges are complete.
    @inline(never)
    func addGrammarEdges(
        _ s: UnsafeBufferPointer<UInt32>, _ runStart: Int, _ runEnd: Int, _ normalized: NormalizedBuffer, _ dag: inout HanRunDAG
    ) {
        // Most runs hold no tail and no formulation before 的: nothing to do. The edges with a naming
        // role, and the formulations followed by 的, were marked while the run's edges were made.
        let seen = NamingRole(tagByte: dag.tagsSeen)
        let organ = seen.contains(.namingHead) && seen.contains(.organTail)
        let campaign = seen.contains(.campaignTail)
        let system = (seen.contains(.systemTail) || seen.contains(.campaignTail)) && dag.formulationSeen
        let regional = seen.contains(.namingHead) || seen.contains(.organTail)
        guard regional || campaign || system || dag.joinSeen || dag.partyOfSeen || dag.lawgiverSeen || dag.parallelSeen || dag.titleSeen
        else { return }
        // Where the last organ tail starts: a head after it starts no organ.
        var lastOrganTail = -1
        var campaignTails: [Int] = []
        for k in 0..<dag.markedEdge.count {
            let roles = NamingRole(tagByte: dag.edgeTag(Int(dag.markedEdge[k])))
            let position = Int(dag.markedStart[k])
            if roles.contains(.organTail) { lastOrganTail = position }
            // A tail after a function character (的行动, 和新区) ends no name: its modifiers are not searched.
            if campaign, roles.contains(.campaignTail), campaignTails.last != position,
                position > runStart, !ChineseCharacters.nonNameCharacter.contains(scalar: s[position - 1])
            {
                campaignTails.append(position)
            }
        }
        for k in 0..<dag.markedEdge.count {
            let position = Int(dag.markedStart[k]), e = Int(dag.markedEdge[k])
            let end = Int(dag.edges[e].end)
            let roles = NamingRole(tagByte: dag.edgeTag(e))
            if organ, roles.contains(.namingHead), end <= lastOrganTail {
                // A head of two or more characters names an organ itself (全国人大, 省委, 政协) — it takes
                // no conjunction (省委|和|省政府) — unless it only qualifies one (中央|和|国家机关).
                let headIsOrgan = end - position >= 2 && !Self.isQualifyingHead(s, position, end)
                // 全省, 全市: a region's meetings (全省|经济|工作会议), never its organs.
                let meetingsOnly = end - position == 2 && s[position] == 0x5168 && s[position + 1] != 0x56FD  // 全, not 全国
                if startsName(position, length: end - position, runStart, dag) {
                    organs(from: position, headEnd: end, lastTail: lastOrganTail, headIsOrgan: headIsOrgan, meetingsOnly: meetingsOnly, s, runStart, runEnd, normalized, &dag)
                    if isRegionalHead(s, position), let place = placeStart(endingAt: position, division: false, s, runStart, dag) {
                        // A place and a level (杭州|市) head as a division does: no verb first.
                        organs(from: place, headEnd: end, lastTail: lastOrganTail, headIsOrgan: headIsOrgan, meetingsOnly: meetingsOnly,
                            divisionHead: end - position == 1, s, runStart, runEnd, normalized, &dag)
                    } else if end - position == 1, let division = divisionStart(endingAt: end, s, runStart, dag) {
                        // A name and a level the lexicon does not hold together: 张家界|市.
                        organs(from: division, headEnd: end, lastTail: lastOrganTail, headIsOrgan: false, meetingsOnly: false, divisionHead: true, s, runStart, runEnd, normalized, &dag)
                    }
                    // 衢州|市委, 安吉|县委: the head is the organ of the name before it.
                    if isRegionalOrganHead(s, position, end, dag), let name = namePrefixStart(endingAt: position, s, runStart, dag),
                        !wordGoesOn(from: name, end, runStart, runEnd, dag)
                    {
                        addOrgan(from: name, to: end, s, runEnd, normalized, &dag)
                    }
                } else if let division = divisionStart(endingAt: end, s, runStart, dag) {
                    // The head ends a division's name (山东|省): the division heads the organ.
                    organs(from: division, headEnd: end, lastTail: lastOrganTail, headIsOrgan: false, meetingsOnly: false, divisionHead: true, s, runStart, runEnd, normalized, &dag)
                }
            }
            // A known formulation ending where a system or campaign tail starts, however long:
            // 健康中国|战略, 黄河流域生态保护和高质量发展|先行区; not a tail that begins a longer word
            // (市场主体|制度性|交易成本).
            // A campaign tail also completes a known formulation that ends inside it with the tail's
            // first characters (扶贫攻坚|战 is 扶贫攻坚战), unless the tail's last character starts a
            // word (脱贫攻坚|战场).
            if system, !roles.isDisjoint(with: [.systemTail, .campaignTail]), !longerWordStarts(at: position, than: end, runStart, dag) {
                let lastJoin = roles.contains(.campaignTail) && !longerWordStarts(at: end - 1, than: end, runStart, dag) ? end - 1 : position
                for join in position...lastJoin {
                    for start in max(runStart, join - max(lexicon.maxWordLength, 16))..<position where isFormulation(from: start, to: join, runStart, dag) {
                        add(from: start, to: end, normalized, &dag)
                    }
                }
            }
            // A known formulation, 的, a known formulation.
            if dag.joinSeen, end + 1 < runEnd, s[end] == Self.of, isKnownFormulation(e, length: end - position, dag) {
                joins(from: position, after: end + 1, runStart, normalized, &dag)
            }
        }
        if dag.partyOfSeen {
            for position in runStart..<max(runStart, runEnd - 2) where s[position] == Self.party && s[position + 1] == Self.of {
                joins(from: position, after: position + 2, runStart, normalized, &dag, afterParty: true)
            }
        }
        if dag.lawgiverSeen {
            for position in runStart..<max(runStart, runEnd - 5) {
                if let lawgiver = Lawgiver(s, at: position, runEnd) {
                    laws(of: lawgiver, from: position, s, runStart, runEnd, normalized, &dag)
                    organs(of: lawgiver, from: position, s, runStart, runEnd, normalized, &dag)
                }
            }
        }
        if dag.parallelSeen { parallelSlogans(s, runStart, runEnd, normalized, &dag) }
        if regional { lexiconOrgansAndMeetings(s, runStart, runEnd, normalized, &dag) }
        if dag.titleSeen { documentTitles(s, runStart, runEnd, normalized, &dag) }
        // Campaigns: from each start close enough before a campaign tail, in order of start.
        if !campaignTails.isEmpty {
            var next = runStart
            for tail in campaignTails {
                var position = max(next, tail - Self.campaignModifierLimit)
                while position <= tail - 2 {
                    if !isInsideWord(position, runStart, dag) {
                        campaigns(startingAt: position, s, runStart, runEnd, normalized, &dag)
                    }
                    position += 1
                }
                next = max(next, tail - 1)
            }
        }
        dag.sortGrammarEdges()
    }

    /// Whether the head `start..<end` qualifies the organ after it rather than naming one: 中央, 国家,
    /// 全国, 地方.
    static func isQualifyingHead(_ s: UnsafeBufferPointer<UInt32>, _ start: Int, _ end: Int) -> Bool {
        guard end - start == 2 else { return false }
        switch (s[start], s[start + 1]) {
        case (0x4E2D, 0x592E), (0x56FD, 0x5BB6), (0x5168, 0x56FD), (0x5730, 0x65B9): return true
        default: return false
        }
    }

    /// Whether the organ tail ending at `end` is a meeting's (会议, 大会, 论坛), not an organ's
    /// (委员会, 常委会).
    static func isMeetingTail(_ s: UnsafeBufferPointer<UInt32>, _ end: Int) -> Bool {
        let last = s[end - 1]
        if last == 0x8BAE || last == 0x575B { return true }  // 议 坛
        return last == 0x4F1A && s[end - 2] != 0x5458 && s[end - 2] != 0x59D4  // 会, not 员会 or 委会
    }

    private static let of: UInt32 = 0x7684  // 的
    private static let party: UInt32 = 0x515A  // 党

    /// Head, words, tail.
    /// After a division's name (`divisionHead`) no verb starts the words: 江苏省|举办|…|大会 is a sentence.
    private func organs(
        from position: Int, headEnd h: Int, lastTail: Int, headIsOrgan: Bool, meetingsOnly: Bool, divisionHead: Bool = false,
        _ s: UnsafeBufferPointer<UInt32>, _ runStart: Int, _ runEnd: Int, _ normalized: NormalizedBuffer, _ dag: inout HanRunDAG
    ) {
        // No tail starts after the last one: the walk stops there.
        let limit = min(runEnd, h + Self.organMiddleLimit, lastTail)
        // Bit k: position h + k is reached by words (a tail may start there).
        var reached: UInt32 = 1
        // Bit k: an organ's name ends at h + k, so a conjunction there joins two organs
        // (浙江省人民政府|和|商务部), not two words of one name.
        var organEnds: UInt32 = headIsOrgan ? 1 : 0
        var r = h
        while r < runEnd && r <= limit {
            if reached & (1 << UInt32(r - h)) != 0 {
                for e in edges(from: r, runStart, dag) {
                    let end = Int(dag.edges[e].end)
                    if NamingRole(tagByte: dag.edgeTag(e)).contains(.organTail) {
                        let single = end - r == 1
                        // A one-character tail must start no word (部署) and end none (指挥|部署); no
                        // established word may start in a longer one and go on past it (党|组织,
                        // 党委书记).
                        if single
                            ? r > h && !continuesAsWord(r, runStart, runEnd, dag) && !endsWord(r, runStart, dag)
                            : !establishedWordGoesOn(from: r, past: end, runStart, dag),
                            !meetingsOnly || Self.isMeetingTail(s, end)
                        {
                            addOrgan(from: position, to: end, s, runEnd, normalized, &dag)
                        }
                        // Where a tail ends, a conjunction joins two organs (浙江省人民政府|和|商务部).
                        if end - h < 32 { organEnds |= 1 << UInt32(end - h) }
                    }
                    // A name ends at its first tail (中共中央办公厅|国务院办公厅).
                    if end <= limit, isNameWord(e, length: end - r, dag), !NamingRole(tagByte: dag.edgeTag(e)).contains(.organTail),
                        !divisionHead || r > h || !startsWithVerb(e, dag)
                    {
                        reached |= 1 << UInt32(end - h)
                        if dag.edgeTag(e) & 0x0F == LexiconTag.org.code || ChineseCharacters.organFinal.contains(scalar: s[end - 1]) {
                            organEnds |= 1 << UInt32(end - h)
                        }
                    }
                }
                // A conjunction (和 与 及) and a word after it: 发展|和|改革, 中央|和|国家机关; not an
                // organ or a place, which starts a name of its own (中央|和|国务院, 全国人大|与|俄罗斯联邦).
                if r + 1 < runEnd, Self.isConjunction(s[r]), organEnds & (1 << UInt32(r - h)) == 0 {
                    for e in edges(from: r + 1, runStart, dag) {
                        let end = Int(dag.edges[e].end)
                        let kind = dag.edgeTag(e) & 0x0F
                        if end <= limit, kind != LexiconTag.org.code, kind != LexiconTag.place.code, isNameWord(e, length: end - r - 1, dag) {
                            reached |= 1 << UInt32(end - h)
                        }
                    }
                }
            }
            r += 1
        }
    }

    /// The longest part of a parallel slogan.
    static let parallelPartLimit = 4
    /// The most parts of a parallel slogan (稳增长促改革调结构惠民生防风险保稳定 has six, though not
    /// parallel by their first characters).
    static let parallelPartsLimit = 6

    /// Longest stretch of words between a lawgiver's name and the end of a title.
    static let lawMiddleLimit = 16

    /// The lawgiver's name, words (up to `lawMiddleLimit` characters, 和/与/及 between two of
    /// them), and a tail of its titles as a word of its own (农业税|条例) or ending a word of three
    /// or more characters (票据法, 内务条令). A two-character word is no title (中华人民共和国公民|依法,
    /// 中华人民共和国|普法), nor is a 法 that starts a word (中华人民共和国|最高人民法院). A conjunction
    /// never follows a complete title, so two laws stay two (中华人民共和国刑法|和|治安管理处罚法).
    private func laws(
        of lawgiver: Lawgiver, from position: Int, _ s: UnsafeBufferPointer<UInt32>, _ runStart: Int, _ runEnd: Int,
        _ normalized: NormalizedBuffer, _ dag: inout HanRunDAG
    ) {
        let h = position + lawgiver.nameLength
        let limit = min(runEnd, h + Self.lawMiddleLimit)
        // Bit k: position h + k is reached by words.
        var reached: UInt32 = 1
        var r = h
        while r <= limit && r < runEnd {
            if reached & (1 << UInt32(r - h)) != 0 {
                for e in edges(from: r, runStart, dag) {
                    let end = Int(dag.edges[e].end), length = end - r
                    let tail = lawgiver.tailLength(s, end: end, r)
                    if tail > 0, length == tail ? r > h : length >= 3, !lawStartsWord(endingAt: end, runStart, runEnd, dag) {
                        add(from: position, to: end, normalized, &dag)
                    }
                    if end <= limit, tail == 0, isNameWord(e, length: length, dag) || Self.isSeveral(s, r, end) {
                        reached |= 1 << UInt32(end - h)
                        if end + 1 <= limit, end + 1 < runEnd, Self.isConjunction(s[end]) { reached |= 1 << UInt32(end + 1 - h) }
                    }
                }
            }
            r += 1
        }
    }

    /// The state's, the Party's or the army's name and an organ the lexicon knows right after it:
    /// 中华人民共和国|国家发展和改革委员会, 中华人民共和国|公安部, 中国共产党|中央委员会. The
    /// organ must end in a character organs end in (部, 委员会, 院 …; the general lexicon also tags
    /// 联合国, 建交国 and 国际化 as organizations), not in a direction and 部 (中西部), and not where a
    /// longer word goes on (司法部|长 is 司法部长).
    private func organs(
        of lawgiver: Lawgiver, from position: Int, _ s: UnsafeBufferPointer<UInt32>, _ runStart: Int, _ runEnd: Int,
        _ normalized: NormalizedBuffer, _ dag: inout HanRunDAG
    ) {
        let h = position + lawgiver.nameLength
        guard h < runEnd else { return }
        for e in edges(from: h, runStart, dag) where Int(dag.edges[e].end) - h >= 2 && dag.edgeTag(e) & 0x0F == LexiconTag.org.code {
            let end = Int(dag.edges[e].end)
            guard ChineseCharacters.organFinal.contains(scalar: s[end - 1]),
                !(s[end - 1] == 0x90E8 && ChineseCharacters.direction.contains(scalar: s[end - 2])),  // 部
                !longerWordStarts(at: end - 1, than: end, runStart, dag)
            else { continue }
            add(from: position, to: end, normalized, &dag)
        }
    }

    /// Whether `start..<end` is 若干 ("several"), which titles put before their tail (若干准则, 若干规定).
    @inline(__always)
    private static func isSeveral(_ s: UnsafeBufferPointer<UInt32>, _ start: Int, _ end: Int) -> Bool {
        end - start == 2 && s[start] == 0x82E5 && s[start + 1] == 0x5E72
    }

    /// Whether the 法 that ends a law's title at `end` starts a word instead — 法院, 法律, 法规, 法庭:
    /// an established word of two characters starts at it, and no likelier word of two or more
    /// characters starts at the character after it (人民法院|依法, 人民法庭|审理, but 国旗法|规定,
    /// 规定 being likelier than 法规).
    private func lawStartsWord(endingAt end: Int, _ runStart: Int, _ runEnd: Int, _ dag: HanRunDAG) -> Bool {
        let f = end - 1
        guard end < runEnd else { return false }
        var lawWordScore = -Float.infinity
        for e in edges(from: f, runStart, dag) where Int(dag.edges[e].end) == end + 1 && dag.edges[e].score > establishedWordScore {
            lawWordScore = max(lawWordScore, dag.edges[e].score)
        }
        guard lawWordScore > -Float.infinity else { return false }
        for e in edges(from: end, runStart, dag) where Int(dag.edges[e].end) - end >= 2 && dag.edges[e].score > lawWordScore { return false }
        return true
    }

    /// Known formulations side by side, of one length and one first character: every chain of two
    /// or more from each start.
    private func parallelSlogans(
        _ s: UnsafeBufferPointer<UInt32>, _ runStart: Int, _ runEnd: Int, _ normalized: NormalizedBuffer, _ dag: inout HanRunDAG
    ) {
        for position in runStart..<runEnd {
            for e in edges(from: position, runStart, dag) {
                let length = Int(dag.edges[e].end) - position
                // A shared numeral makes no slogan (两个确立|两个维护 are two formulas).
                guard length <= Self.parallelPartLimit, !isChineseNumeral(s[position]), isListedFormulation(e, length: length, dag)
                else { continue }
                var end = position + length
                var parts = 1
                // Bounded, so a line of one formulation repeated stays linear.
                while parts < Self.parallelPartsLimit, end + length <= runEnd, s[end] == s[position],
                    !repeats(s, end - length, end, length: length), hasFormulation(from: end, length: length, runStart, dag)
                {
                    end += length
                    parts += 1
                    add(from: position, to: end, normalized, &dag)
                }
            }
        }
    }

    /// Whether a formulation the lexicon knows, of `length` characters, starts at `position`.
    private func hasFormulation(from position: Int, length: Int, _ runStart: Int, _ dag: HanRunDAG) -> Bool {
        for e in edges(from: position, runStart, dag) where Int(dag.edges[e].end) - position == length && isListedFormulation(e, length: length, dag) {
            return true
        }
        return false
    }

    /// A formulation the lexicon knows, not one a rule found (三个坚持): the parts of a parallel slogan.
    @inline(__always)
    private func isListedFormulation(_ e: Int, length: Int, _ dag: HanRunDAG) -> Bool {
        isKnownFormulation(e, length: length, dag) && isFormulationTag(dag.edgeTag(e))
    }

    /// Whether the `length` characters at `b` repeat those at `a` (防风险防风险 is no slogan).
    @inline(__always)
    private func repeats(_ s: UnsafeBufferPointer<UInt32>, _ a: Int, _ b: Int, length: Int) -> Bool {
        for k in 0..<length where s[a + k] != s[b + k] { return false }
        return true
    }

    /// Words or a known formulation, then a campaign tail.
    private func campaigns(
        startingAt position: Int, _ s: UnsafeBufferPointer<UInt32>, _ runStart: Int, _ runEnd: Int, _ normalized: NormalizedBuffer,
        _ dag: inout HanRunDAG
    ) {
        let limit = min(runEnd, position + Self.campaignModifierLimit)
        // The cheapest modifier from p to each position (infinity: not reached).
        var cost = (
            Float(0), Float.infinity, Float.infinity, Float.infinity, Float.infinity, Float.infinity, Float.infinity,
            Float.infinity, Float.infinity, Float.infinity, Float.infinity
        )
        withUnsafeMutableBytes(of: &cost) { raw in
            let cost = raw.bindMemory(to: Float.self)
            campaigns(startingAt: position, limit: limit, cost: cost, s, runStart, runEnd, normalized, &dag)
        }
    }

    private func campaigns(
        startingAt position: Int, limit: Int, cost: UnsafeMutableBufferPointer<Float>, _ s: UnsafeBufferPointer<UInt32>,
        _ runStart: Int, _ runEnd: Int, _ normalized: NormalizedBuffer, _ dag: inout HanRunDAG
    ) {
        var r = position
        while r < runEnd && r <= limit {
            let here = cost[r - position]
            if here < .infinity {
                for e in edges(from: r, runStart, dag) {
                    let end = Int(dag.edges[e].end)
                    if r > position, NamingRole(tagByte: dag.edgeTag(e)).contains(.campaignTail) {
                        add(from: position, to: end, normalized, &dag, cost: here)
                    }
                    // A verb does not start a name (研究|蓝天保卫战) unless it is a formulation, nor does
                    // a word that points to documents without naming them (有关|管理办法).
                    if end <= limit, isNameWord(e, length: end - r, dag),
                        r > position || (!startsWithVerb(e, dag) && !(end - r == 2 && Self.pointsWithoutNaming(s[r], s[r + 1])))
                    {
                        let next = here + max(0, dag.edges[e].score + Self.nameWordThreshold)
                        if next < cost[end - position] { cost[end - position] = next }
                    }
                }
            }
            r += 1
        }
    }

    /// 有关 and 现行 point to regulations and plans (有关管理办法, 现行条例) without naming them. The
    /// general lexicon tags them as nouns, so the verb test misses them (相关, a verb, it catches);
    /// they cannot be `governing`, which would also bar them from inside names (全国人大有关专门委员会).
    @inline(__always)
    static func pointsWithoutNaming(_ first: UInt32, _ second: UInt32) -> Bool {
        (first == 0x6709 && second == 0x5173) || (first == 0x73B0 && second == 0x884C)
    }

    /// Whether edge `e` is a verb by its part of speech and no formulation.
    @inline(__always)
    private func startsWithVerb(_ e: Int, _ dag: HanRunDAG) -> Bool {
        let verb: UInt8 = Lexicon.EntryFlags.predicative.rawValue
        return dag.edgeKind(e) != .tifa && dag.edgeFlags(e) & verb != 0
    }

    /// A word of a campaign's modifier costs what its log-probability exceeds this (nats): a word
    /// seen more than about fifty times in a million is more likely a free word than part of a name.
    /// 研究 (−7.4) costs 8.6, enough to stay apart from 主题教育; 碧水 (−14) costs 2 and joins 保卫战;
    /// 防范|化解|重大|风险 together cost about 27 and still make 防范化解重大风险攻坚战 whole.
    static let nameWordThreshold: Float = 16


    /// A known formulation (or 党), 的, a known formulation; after 党的 also an organ or a meeting
    /// (党的全国代表大会).
    private func joins(
        from position: Int, after x: Int, _ runStart: Int, _ normalized: NormalizedBuffer, _ dag: inout HanRunDAG, afterParty: Bool = false
    ) {
        for e in edges(from: x, runStart, dag)
        where isKnownFormulation(e, length: Int(dag.edges[e].end) - x, dag)
            || (afterParty && (dag.edgeTag(e) & 0x0F == LexiconTag.meeting.code || dag.edgeTag(e) & 0x0F == LexiconTag.org.code))
        {
            add(from: position, to: Int(dag.edges[e].end), normalized, &dag)
        }
    }

    /// Whether a known formulation runs from `start` to `end`.
    private func isFormulation(from start: Int, to end: Int, _ runStart: Int, _ dag: HanRunDAG) -> Bool {
        for e in edges(from: start, runStart, dag) where Int(dag.edges[e].end) == end && isKnownFormulation(e, length: end - start, dag) {
            return true
        }
        return false
    }

    @inline(__always)
    func add(from position: Int, to end: Int, _ normalized: NormalizedBuffer, _ dag: inout HanRunDAG, cost: Float = 0) {
        guard normalized.isBoundary(end), normalized.isBoundary(position) else { return }
        if let excluded = dag.excluded, excluded.lowerBound == position, excluded.upperBound == end { return }
        dag.appendGrammarEdge(from: position, to: end, cost: cost)
    }

    /// The edges leaving position `position` of the run starting at `runStart`.
    @inline(__always)
    func edges(from position: Int, _ runStart: Int, _ dag: HanRunDAG) -> Range<Int> {
        Int(dag.edgeOffset[position - runStart])..<Int(dag.edgeOffset[position - runStart + 1])
    }

    /// A formulation the lexicon knows, or a numbered formula found by rule; not an organ, title
    /// or meeting, which are names already.
    @inline(__always)
    private func isKnownFormulation(_ e: Int, length: Int, _ dag: HanRunDAG) -> Bool {
        guard dag.edgeKind(e) == .tifa, length >= 2 else { return false }
        let tag = dag.edgeTag(e) & 0x0F
        return tag != LexiconTag.org.code && tag != LexiconTag.title.code && tag != LexiconTag.meeting.code
    }

    /// Whether edge `e` may stand inside a name: a known formulation, or a content word of two or
    /// more characters that is no governing verb or adverb.
    @inline(__always)
    private func isNameWord(_ e: Int, length: Int, _ dag: HanRunDAG) -> Bool {
        guard length >= 2 else { return false }
        if dag.edgeKind(e) == .tifa { return true }
        let flags = dag.edgeFlags(e)
        return dag.edgeKind(e) == .word && flags & Lexicon.EntryFlags.content.rawValue != 0
            && flags & Lexicon.EntryFlags.governing.rawValue == 0
    }

    /// Whether a one-character tail at `r` starts a word (部署, 局面, 部门) rather than ending a name;
    /// not when a longer word starts right after it (参谋部|落到实处, not 参谋|部落|到).
    private func continuesAsWord(_ r: Int, _ runStart: Int, _ runEnd: Int, _ dag: HanRunDAG) -> Bool {
        var longest = r
        for e in edges(from: r, runStart, dag) where Int(dag.edges[e].end) - r >= 2 && dag.edgeFlags(e) & Lexicon.EntryFlags.content.rawValue != 0 {
            longest = max(longest, Int(dag.edges[e].end))
        }
        guard longest > r else { return false }
        if r + 1 < runEnd {
            for e in edges(from: r + 1, runStart, dag) where Int(dag.edges[e].end) > longest && Int(dag.edges[e].end) - (r + 1) >= 3 {
                return false
            }
        }
        return true
    }

    /// Whether the one-character tail at `r` ends an established word of two characters (指挥|部署,
    /// 党组|织 are no 署 and no 织 after a name).
    private func endsWord(_ r: Int, _ runStart: Int, _ dag: HanRunDAG) -> Bool {
        guard r > runStart else { return false }
        for e in edges(from: r - 1, runStart, dag)
        where Int(dag.edges[e].end) == r + 1 && dag.edgeKind(e) == .word && dag.edges[e].score > establishedWordScore {
            return true
        }
        return false
    }

    /// Whether an established word of the general lexicon starts at `position` and ends after `end`
    /// (委托 after 三沙市).
    func establishedWordStarts(at position: Int, after end: Int, _ runStart: Int, _ dag: HanRunDAG) -> Bool {
        longerWordStarts(at: position, than: end, runStart, dag, above: establishedWordScore)
    }

    /// Whether an established word of the general lexicon starts in `start..<end` and ends after `end`.
    private func establishedWordGoesOn(from start: Int, past end: Int, _ runStart: Int, _ dag: HanRunDAG) -> Bool {
        for position in start..<end where establishedWordStarts(at: position, after: end, runStart, dag) { return true }
        return false
    }

    /// Whether a word of the general lexicon, likelier than `above`, that starts at `position` ends
    /// after `end`.
    func longerWordStarts(at position: Int, than end: Int, _ runStart: Int, _ dag: HanRunDAG, above: Float = -.infinity) -> Bool {
        for e in edges(from: position, runStart, dag) where Int(dag.edges[e].end) > end && dag.edgeKind(e) == .word && dag.edges[e].score > above {
            return true
        }
        return false
    }

    /// Whether a common word of two characters ends right after `position`, having started right
    /// before it: a name does not start there (关于|碧水保卫战, not 关|于碧水保卫战).
    private func isInsideWord(_ position: Int, _ runStart: Int, _ dag: HanRunDAG) -> Bool {
        guard position > runStart else { return false }
        for e in edges(from: position - 1, runStart, dag)
        where Int(dag.edges[e].end) == position + 1 && dag.edgeKind(e) == .word && dag.edges[e].score > commonWordScore {
            return true
        }
        return false
    }

    /// Whether a naming head at `position` begins a name rather than ending a word: a one-character head
    /// (省, 市, 区) must not be the second character of a word (地区, 城市).
    private func startsName(_ position: Int, length: Int, _ runStart: Int, _ dag: HanRunDAG) -> Bool {
        guard length == 1 else { return true }
        for wordEnd in max(runStart, position - 2)..<position {
            for e in edges(from: wordEnd, runStart, dag) where Int(dag.edges[e].end) > position && dag.edges[e].end - Int32(wordEnd) >= 2 {
                return false
            }
        }
        return true
    }
}

/// Whether a compiled tag byte names political vocabulary that the coarse mode emits as `tifa`.
@inline(__always)
func isFormulationTag(_ tagByte: UInt8) -> Bool {
    // Bit k set: the kind with code k is political vocabulary (all but general 0, person 4, place 5).
    (0xFFCE as UInt16) >> UInt16(tagByte & 0x0F) & 1 != 0
}
