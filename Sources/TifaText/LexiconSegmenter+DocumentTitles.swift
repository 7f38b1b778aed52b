/// Document titles by their shape: the organs that issue a document, 关于, what it is about, 的 and
/// the kind of document — 中共中央|关于|全面深化改革若干重大问题|的|决定,
/// 中共中央|国务院|关于|实施乡村振兴战略|的|意见, 国务院办公厅|关于|…|的|通知. The issuer is what
/// tells a title from the same words in a sentence (关于这个问题的意见 is no title): without an organ
/// the lexicon knows right before 关于, starting where no word crosses into it (洪都拉斯|政府, not
/// 洪都拉|斯政府), no title starts; nor does one whose subject starts with 这, 那 or 此. A title that
/// names another (国务院关于提请审议关于设立全国生态日的决定的议案) ends at its own kind of document.
extension LexiconSegmenter {
    /// Longest stretch between 关于 and the title's 的.
    static let titleSubjectLimit = 40
    /// Most organs that issue one document together (中共中央办公厅|国务院办公厅).
    static let issuerLimit = 3

    /// The kinds of document a title ends with, longest first where one ends another.
    static let titleTails: [[UInt32]] = [
        "指导意见", "实施意见", "若干意见", "若干规定", "若干准则", "暂行规定", "实施办法", "实施细则", "工作报告",
        "联合声明", "联合公报", "决定", "决议", "意见", "通知", "建议", "规定", "报告", "办法", "准则", "条例", "纲要",
        "方案", "批复", "公告", "公报", "规划", "说明", "通报", "声明", "宣言", "协定", "协议", "议案",
    ].map { $0.unicodeScalars.map(\.value) }

    /// The first characters of `titleTails`.
    static let titleTailStarts = Set(titleTails.map { $0[0] })

    /// Adds an edge for every document title in the run: issuers ending at a 关于, then the first 的
    /// followed by a title tail that begins no longer word.
    func documentTitles(
        _ s: UnsafeBufferPointer<UInt32>, _ runStart: Int, _ runEnd: Int, _ normalized: NormalizedBuffer, _ dag: inout HanRunDAG
    ) {
        // The organs the grammars found, by where they end: a line of one title repeated has as many
        // organs as 关于s.
        var grammarOrgans: [Int: [Int]] = [:]
        for k in 0..<dag.organStart.count { grammarOrgans[Int(dag.organEnd[k]), default: []].append(Int(dag.organStart[k])) }
        for about in (runStart + 1)..<max(runStart + 1, runEnd - 4) where s[about] == 0x5173 && s[about + 1] == 0x4E8E {  // 关于
            // 这, 那, 此: 关于这个问题的意见 is about a matter, not a title.
            guard s[about + 2] != 0x8FD9, s[about + 2] != 0x90A3, s[about + 2] != 0x6B64,
                let start = issuerStart(endingAt: about, runStart, grammarOrgans, dag),
                let end = titleEnd(s, after: about + 2, runStart, runEnd, dag)
            else { continue }
            add(from: start, to: end, normalized, &dag)
        }
    }

    /// Where the issuing organs that end at `end` start: up to `issuerLimit` organs in a row, the
    /// longest each time; nil when no organ ends there.
    private func issuerStart(endingAt end: Int, _ runStart: Int, _ grammarOrgans: [Int: [Int]], _ dag: HanRunDAG) -> Int? {
        var start = end
        for _ in 0..<Self.issuerLimit {
            guard let organStart = organStart(endingAt: start, runStart, grammarOrgans, dag) else { break }
            start = organStart
        }
        return start < end ? start : nil
    }

    /// The start of the longest organ — one the lexicon knows or one a grammar found — that ends at
    /// `end` and starts where no longer word crosses into it, or nil.
    private func organStart(endingAt end: Int, _ runStart: Int, _ grammarOrgans: [Int: [Int]], _ dag: HanRunDAG) -> Int? {
        var found: Int? = nil
        for start in grammarOrgans[end] ?? [] where start < found ?? end && !wordCrosses(into: start, runStart, dag) { found = start }
        if let found { return found }
        let earliest = max(runStart, end - lexicon.maxWordLength)
        guard earliest < end - 1 else { return nil }
        for start in earliest..<(end - 1) {
            for e in edges(from: start, runStart, dag)
            where Int(dag.edges[e].end) == end && dag.edgeTag(e) & 0x0F == LexiconTag.org.code {
                // Only an organ's start is checked for a crossing word: checking every position
                // would cost the square of the longest word at each 关于.
                if !wordCrosses(into: start, runStart, dag) { return start }
                break
            }
        }
        return nil
    }

    /// Whether a lexicon word of two or more characters starts before `position` and ends after it.
    func wordCrosses(into position: Int, _ runStart: Int, _ dag: HanRunDAG) -> Bool {
        for start in max(runStart, position - lexicon.maxWordLength)..<position {
            for e in edges(from: start, runStart, dag) where Int(dag.edges[e].end) > position && Int(dag.edges[e].end) - start >= 2 {
                return true
            }
        }
        return false
    }

    /// Where the title whose subject starts at `subject` ends: after the tail that follows the first
    /// 的 followed by a tail, within `titleSubjectLimit` — the first after the titles its subject
    /// names, one for each 关于 in it; nil when there is none, or when that tail begins a longer
    /// word (的决定性作用: the words are then left as they are).
    private func titleEnd(_ s: UnsafeBufferPointer<UInt32>, after subject: Int, _ runStart: Int, _ runEnd: Int, _ dag: HanRunDAG) -> Int? {
        let limit = min(runEnd - 2, subject + Self.titleSubjectLimit)
        var nested = 0
        var of = subject + 1
        while of <= limit {
            defer { of += 1 }
            if s[of] == 0x4E8E && s[of - 1] == 0x5173 { nested += 1 }  // 关于
            guard s[of] == 0x7684, Self.titleTailStarts.contains(s[of + 1]) else { continue }  // 的
            guard let tail = Self.firstWritten(Self.titleTails, in: s, at: of + 1, runEnd) else { continue }
            let end = of + 1 + tail
            // 的决定性作用 is no title's end.
            if longerWordStarts(at: of + 1, than: end, runStart, dag) { return nil }
            if nested > 0 {
                nested -= 1
                continue
            }
            return end
        }
        return nil
    }
}
