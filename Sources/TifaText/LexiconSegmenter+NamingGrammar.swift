/// The naming grammars of the coarse mode: the shapes in which Party and State documents coin
/// names, so that a name no dictionary lists still comes out whole. The words that play each part
/// are data (`Dictionaries/naming-grammar.txt`, see `NamingRole`); the shapes are here:
///
/// - organ: naming head, then up to ten characters of words (和/与/及 between them), then an organ
///   tail — 中央|审计|委员会, 国家|发展|和|改革|委员会, 国务院|办公厅;
/// - campaign: words or a known formulation (up to ten characters, no verb first, frequent words
///   costing by `nameWordThreshold`), then a campaign tail — 碧水|保卫战,
///   防范化解重大风险|攻坚战, 党史|学习教育;
/// - strategy or system: a known formulation, then a system tail — 健康中国|战略, 中央八项规定|精神;
/// - 的-join: a known formulation or 党, 的, a known formulation — 党的|全面领导.
///
/// A word inside a name is a content word of two or more characters that is not a governing verb
/// or adverb (决定, 推动, 全面), or a known formulation (全面深化改革 in 中央全面深化改革委员会).
extension LexiconSegmenter {
    /// Longest stretch of words between an organ's head and tail.
    static let organMiddleLimit = 10
    /// Longest stretch of words before a campaign tail.
    static let campaignModifierLimit = 10

    /// Adds the edges of every name the grammars find in the run `a..<b`, whose lexicon and rule
    /// edges are complete.
    @inline(never)
    func addGrammarEdges(
        _ s: UnsafeBufferPointer<UInt32>, _ a: Int, _ b: Int, _ normalized: NormalizedBuffer, _ w: inout HanRunDAG
    ) {
        // Most runs hold no tail and no formulation before 的: nothing to do. The edges with a naming
        // role, and the formulations followed by 的, were marked while the run's edges were made.
        let seen = NamingRole(tagByte: w.tagsSeen)
        let organ = seen.contains(.namingHead) && seen.contains(.organTail)
        let campaign = seen.contains(.campaignTail)
        let system = seen.contains(.systemTail) && w.formulationSeen
        guard organ || campaign || system || w.joinSeen || w.partyOfSeen else { return }
        // Where the last organ tail starts: a head after it starts no organ.
        var lastOrganTail = -1
        var campaignTails: [Int] = []
        for k in 0..<w.markedEdge.count {
            let roles = NamingRole(tagByte: w.edgeTag(Int(w.markedEdge[k])))
            let p = Int(w.markedStart[k])
            if roles.contains(.organTail) { lastOrganTail = p }
            if campaign, roles.contains(.campaignTail), campaignTails.last != p { campaignTails.append(p) }
        }
        for k in 0..<w.markedEdge.count {
            let p = Int(w.markedStart[k]), e = Int(w.markedEdge[k])
            let end = Int(w.edgeEnd[e])
            let roles = NamingRole(tagByte: w.edgeTag(e))
            if organ, roles.contains(.namingHead), end <= lastOrganTail, startsName(p, length: end - p, a, w) {
                organs(from: p, headEnd: end, lastTail: lastOrganTail, s, a, b, normalized, &w)
            }
            // A known formulation ending where a system tail starts: 健康中国|战略.
            if system, roles.contains(.systemTail) {
                for start in max(a, p - max(lexicon.maxWordLength, 16))..<p where isFormulation(from: start, to: p, a, w) {
                    add(from: start, to: end, normalized, &w)
                }
            }
            // A known formulation, 的, a known formulation.
            if w.joinSeen, end + 1 < b, s[end] == Self.of, isKnownFormulation(e, length: end - p, w) {
                joins(from: p, after: end + 1, a, normalized, &w)
            }
        }
        if w.partyOfSeen {
            for p in a..<max(a, b - 2) where s[p] == Self.party && s[p + 1] == Self.of {
                joins(from: p, after: p + 2, a, normalized, &w, meetings: true)
            }
        }
        // Campaigns: from each start close enough before a campaign tail, in order of start.
        if !campaignTails.isEmpty {
            var next = a
            for tail in campaignTails {
                var p = max(next, tail - Self.campaignModifierLimit)
                while p <= tail - 2 {
                    campaigns(startingAt: p, s, a, b, normalized, &w)
                    p += 1
                }
                next = max(next, tail - 1)
            }
        }
        w.sortGrammarEdges()
    }

    private static let of: UInt32 = 0x7684  // 的
    private static let party: UInt32 = 0x515A  // 党
    /// 和 与 及: join the parts of an organ's name (国家发展和改革委员会).
    @inline(__always)
    private static func isConjunction(_ c: UInt32) -> Bool { c == 0x548C || c == 0x4E0E || c == 0x53CA }

    /// Head, words, tail.
    private func organs(
        from p: Int, headEnd h: Int, lastTail: Int, _ s: UnsafeBufferPointer<UInt32>, _ a: Int, _ b: Int,
        _ normalized: NormalizedBuffer, _ w: inout HanRunDAG
    ) {
        // No tail starts after the last one: the walk stops there.
        let limit = min(b, h + Self.organMiddleLimit, lastTail)
        // Bit k: position h + k is reached by words (a tail may start there).
        var reached: UInt32 = 1
        var r = h
        while r < b && r <= limit {
            if reached & (1 << UInt32(r - h)) != 0 {
                for e in edges(from: r, a, w) {
                    let end = Int(w.edgeEnd[e])
                    if NamingRole(tagByte: w.edgeTag(e)).contains(.organTail) {
                        let single = end - r == 1
                        if (r > h || !single) && (!single || !continuesAsWord(r, a, w)) {
                            add(from: p, to: end, normalized, &w)
                        }
                    }
                    // A name ends at its first tail (中共中央办公厅|国务院办公厅).
                    if end <= limit, isNameWord(e, length: end - r, w), !NamingRole(tagByte: w.edgeTag(e)).contains(.organTail) {
                        reached |= 1 << UInt32(end - h)
                    }
                }
                // A conjunction and a word after it: 发展|和|改革, 中央|和|国家机关.
                if r + 1 < b, Self.isConjunction(s[r]) {
                    for e in edges(from: r + 1, a, w) {
                        let end = Int(w.edgeEnd[e])
                        if end <= limit, isNameWord(e, length: end - r - 1, w) { reached |= 1 << UInt32(end - h) }
                    }
                }
            }
            r += 1
        }
    }

    /// Words or a known formulation, then a campaign tail.
    private func campaigns(
        startingAt p: Int, _ s: UnsafeBufferPointer<UInt32>, _ a: Int, _ b: Int, _ normalized: NormalizedBuffer,
        _ w: inout HanRunDAG
    ) {
        let limit = min(b, p + Self.campaignModifierLimit)
        // The cheapest modifier from p to each position (infinity: not reached).
        var cost = (
            Float(0), Float.infinity, Float.infinity, Float.infinity, Float.infinity, Float.infinity, Float.infinity,
            Float.infinity, Float.infinity, Float.infinity, Float.infinity
        )
        withUnsafeMutableBytes(of: &cost) { raw in
            let cost = raw.bindMemory(to: Float.self)
            campaigns(startingAt: p, limit: limit, cost: cost, s, a, b, normalized, &w)
        }
    }

    private func campaigns(
        startingAt p: Int, limit: Int, cost: UnsafeMutableBufferPointer<Float>, _ s: UnsafeBufferPointer<UInt32>,
        _ a: Int, _ b: Int, _ normalized: NormalizedBuffer, _ w: inout HanRunDAG
    ) {
        var r = p
        while r < b && r <= limit {
            let here = cost[r - p]
            if here < .infinity {
                for e in edges(from: r, a, w) {
                    let end = Int(w.edgeEnd[e])
                    if r > p, NamingRole(tagByte: w.edgeTag(e)).contains(.campaignTail) {
                        add(from: p, to: end, normalized, &w, cost: here)
                    }
                    // A verb does not start a name (研究|蓝天保卫战) unless it is a formulation.
                    if end <= limit, isNameWord(e, length: end - r, w), r > p || !startsWithVerb(e, w) {
                        let next = here + max(0, w.edgeScore[e] + Self.nameWordThreshold)
                        if next < cost[end - p] { cost[end - p] = next }
                    }
                }
            }
            r += 1
        }
    }

    /// Whether edge `e` is a verb by its part of speech and no formulation.
    @inline(__always)
    private func startsWithVerb(_ e: Int, _ w: HanRunDAG) -> Bool {
        let verb: UInt8 = Lexicon.EntryFlags.predicative.rawValue
        return w.edgeKind(e) != .tifa && w.edgeFlags(e) & verb != 0
    }

    /// A word of a campaign's modifier costs what its log-probability exceeds this (nats): a word
    /// seen more than about fifty times in a million is more likely a free word than part of a name.
    /// 研究 (−7.4) costs 8.6, enough to stay apart from 主题教育; 碧水 (−14) costs 2 and joins 保卫战;
    /// 防范|化解|重大|风险 together cost about 27 and still make 防范化解重大风险攻坚战 whole.
    static let nameWordThreshold: Float = 16


    /// A known formulation (or 党), 的, a known formulation.
    private func joins(
        from p: Int, after x: Int, _ a: Int, _ normalized: NormalizedBuffer, _ w: inout HanRunDAG, meetings: Bool = false
    ) {
        for e in edges(from: x, a, w)
        where isKnownFormulation(e, length: Int(w.edgeEnd[e]) - x, w)
            || (meetings && w.edgeKind(e) == .tifa && w.edgeTag(e) & 0x0F == LexiconTag.meeting.code)
        {
            add(from: p, to: Int(w.edgeEnd[e]), normalized, &w)
        }
    }

    /// Whether a known formulation runs from `start` to `end`.
    private func isFormulation(from start: Int, to end: Int, _ a: Int, _ w: HanRunDAG) -> Bool {
        for e in edges(from: start, a, w) where Int(w.edgeEnd[e]) == end && isKnownFormulation(e, length: end - start, w) {
            return true
        }
        return false
    }

    @inline(__always)
    private func add(from p: Int, to end: Int, _ normalized: NormalizedBuffer, _ w: inout HanRunDAG, cost: Float = 0) {
        guard normalized.isBoundary(end), normalized.isBoundary(p) else { return }
        if let excluded = w.excluded, excluded.lowerBound == p, excluded.upperBound == end { return }
        w.appendGrammarEdge(from: p, to: end, cost: cost)
    }

    /// The edges leaving position `p` of the run starting at `a`.
    @inline(__always)
    private func edges(from p: Int, _ a: Int, _ w: HanRunDAG) -> Range<Int> {
        Int(w.edgeOffset[p - a])..<Int(w.edgeOffset[p - a + 1])
    }

    /// A formulation the lexicon knows, or a numbered formula found by rule; not an organ, title
    /// or meeting, which are names already.
    @inline(__always)
    private func isKnownFormulation(_ e: Int, length: Int, _ w: HanRunDAG) -> Bool {
        guard w.edgeKind(e) == .tifa, length >= 2 else { return false }
        let tag = w.edgeTag(e) & 0x0F
        return tag != LexiconTag.org.code && tag != LexiconTag.title.code && tag != LexiconTag.meeting.code
    }

    /// Whether edge `e` may stand inside a name: a known formulation, or a content word of two or
    /// more characters that is no governing verb or adverb.
    @inline(__always)
    private func isNameWord(_ e: Int, length: Int, _ w: HanRunDAG) -> Bool {
        guard length >= 2 else { return false }
        if w.edgeKind(e) == .tifa { return true }
        let flags = w.edgeFlags(e)
        return w.edgeKind(e) == .word && flags & Lexicon.EntryFlags.content.rawValue != 0
            && flags & Lexicon.EntryFlags.governing.rawValue == 0
    }

    /// Whether a one-character tail at `r` starts a word (部署, 局面, 部门) rather than ending a name.
    private func continuesAsWord(_ r: Int, _ a: Int, _ w: HanRunDAG) -> Bool {
        for e in edges(from: r, a, w) where Int(w.edgeEnd[e]) - r >= 2 && w.edgeFlags(e) & Lexicon.EntryFlags.content.rawValue != 0 {
            return true
        }
        return false
    }

    /// Whether a naming head at `p` begins a name rather than ending a word: a one-character head
    /// (省, 市, 区) must not be the second character of a word (地区, 城市).
    private func startsName(_ p: Int, length: Int, _ a: Int, _ w: HanRunDAG) -> Bool {
        guard length == 1 else { return true }
        for q in max(a, p - 2)..<p {
            for e in edges(from: q, a, w) where Int(w.edgeEnd[e]) > p && w.edgeEnd[e] - Int32(q) >= 2 {
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
