import TifaText

/// The quotation, list and frame patterns over one document's scalars.
struct PatternScanner {
    let s: [UInt32]

    init(_ scalars: [UInt32]) { s = scalars }

    static let openQuote = scalars("“")[0], closeQuote = scalars("”")[0], listComma = scalars("、")[0]
    static let jianChi = scalars("坚持"), buDongYao = scalars("不动摇")
    static let yi = scalars("以")[0], wei = scalars("为")[0]
    static let centres = ["核心", "中心", "统领", "主线", "引领"].map(scalars)

    private static func scalars(_ text: String) -> [UInt32] { text.unicodeScalars.map(\.value) }

    /// Each pattern scans the whole text on its own, so one may find what lies inside another's
    /// match (坚持以人民为中心不动摇: the 坚持 frame's slot and the 以…为中心 frame's).
    func scan(into found: inout [[UInt32]]) {
        var i = 0
        while i < s.count {
            if s[i] == Self.openQuote, let end = quoted(from: i) {
                found.append(Array(s[(i + 1)..<end]))
                i = end + 1
            } else {
                i += 1
            }
        }
        i = 0
        var listEnd = 0
        while i < s.count {
            if s[i] == Self.listComma, let (items, end) = list(around: i, from: listEnd) {
                found += items
                i = end
                listEnd = end
            } else {
                i += 1
            }
        }
        i = 0
        while i < s.count {
            if let slot = frameSlot(after: i, opening: Self.jianChi, maximum: 10, closing: { self.starts(Self.buDongYao, at: $0) }) {
                found.append(Array(s[slot]))
                i = slot.upperBound + 3
            } else {
                i += 1
            }
        }
        i = 0
        while i < s.count {
            if let slot = frameSlot(after: i, opening: [Self.yi], maximum: 12, closing: centre(at:)) {
                found.append(Array(s[slot]))
                i = slot.upperBound + 3
            } else {
                i += 1
            }
        }
    }

    /// “ + 2–12 Han characters + ”: the position of ”.
    private func quoted(from open: Int) -> Int? {
        var j = open + 1
        while j < s.count, isHan(s[j]), j - open - 1 < 12 { j += 1 }
        let length = j - open - 1
        return length >= 2 && j < s.count && s[j] == Self.closeQuote ? j : nil
    }

    /// At least three items of 2–6 Han characters joined by 、, found at its first 、. The first item
    /// may be the end of a longer run: parallel items share their shape, so it is then taken as
    /// long as the second; so is the last, taken as long as the one before it when its run is
    /// longer than six characters. The first starts no earlier than `limit`, the end of the list
    /// before. Returns the items and where the
    /// list ends.
    private func list(around firstComma: Int, from limit: Int) -> ([[UInt32]], Int)? {
        var runStart = firstComma
        while runStart > limit, isHan(s[runStart - 1]) { runStart -= 1 }
        guard firstComma - runStart >= 2 else { return nil }
        // Inner items: whole runs of 2–6 characters, each followed by 、.
        var inner: [Range<Int>] = []
        var p = firstComma + 1
        while true {
            var q = p
            while q < s.count, isHan(s[q]) { q += 1 }
            guard q - p >= 2, q - p <= 6, q < s.count, s[q] == Self.listComma else { break }
            inner.append(p..<q)
            p = q + 1
        }
        // The last item: the run after the last 、 taken, cut to the length of the item before it
        // when longer than six characters; when too short, the last inner item ends the list.
        var q = p
        while q < s.count, isHan(s[q]) { q += 1 }
        var last: Range<Int>
        if q - p >= 2, let before = inner.last ?? (firstComma - runStart >= 2 ? runStart..<firstComma : nil) {
            last = q - p <= 6 ? p..<q : p..<(p + min(6, before.count))
        } else {
            guard let previous = inner.popLast() else { return nil }
            last = previous
        }
        guard inner.count >= 1 else { return nil }
        let secondLength = inner[0].count
        let first = firstComma - runStart <= 6 ? runStart..<firstComma : (firstComma - secondLength)..<firstComma
        return ([Array(s[first])] + inner.map { Array(s[$0]) } + [Array(s[last])], last.upperBound)
    }

    /// `opening` at `i`, then the longest run of 2…`maximum` Han characters after which `closing`
    /// matches: the slot's range.
    private func frameSlot(after i: Int, opening: [UInt32], maximum: Int, closing: (Int) -> Bool) -> Range<Int>? {
        guard starts(opening, at: i) else { return nil }
        let start = i + opening.count
        var end = start
        while end < s.count, isHan(s[end]), end - start < maximum { end += 1 }
        var length = end - start
        while length >= 2 {
            if closing(start + length) { return start..<(start + length) }
            length -= 1
        }
        return nil
    }

    /// Whether 为 + 核心/中心/统领/主线/引领 (three characters) starts at `i`.
    private func centre(at i: Int) -> Bool {
        guard i + 2 < s.count, s[i] == Self.wei else { return false }
        return Self.centres.contains { starts($0, at: i + 1) }
    }

    private func starts(_ word: [UInt32], at i: Int) -> Bool {
        guard i + word.count <= s.count else { return false }
        for k in 0..<word.count where s[i + k] != word[k] { return false }
        return true
    }
}
