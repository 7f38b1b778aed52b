/// A body whose laws and regulations documents cite by full title: the name the title starts with
/// and the tails its titles end in (see the law grammar in `LexiconSegmenter+NamingGrammar`).
struct Lawgiver {
    /// 中华人民共和国: laws (法), codes (法典) and regulations (条例).
    static let state = Lawgiver(name: [0x4E2D, 0x534E, 0x4EBA, 0x6C11, 0x5171, 0x548C, 0x56FD], tails: [[0x6CD5], [0x6CD5, 0x5178], [0x6761, 0x4F8B]])
    /// 中国共产党: the Party's regulations (条例), codes of conduct (准则) and rules (规则).
    static let party = Lawgiver(name: [0x4E2D, 0x56FD, 0x5171, 0x4EA7, 0x515A], tails: [[0x6761, 0x4F8B], [0x51C6, 0x5219], [0x89C4, 0x5219]])
    /// 中国人民解放军: the army's regulations (条令, 条例).
    static let army = Lawgiver(name: [0x4E2D, 0x56FD, 0x4EBA, 0x6C11, 0x89E3, 0x653E, 0x519B], tails: [[0x6761, 0x4EE4], [0x6761, 0x4F8B]])
    static let all = [state, party, army]
    /// A province, city or county (its name is found in the text, not here): its regulations
    /// (条例), rules (规定) and measures (办法), and its reports and plans (政府工作报告, 规划纲要).
    static let division = Lawgiver(name: [], tails: [[0x6761, 0x4F8B], [0x89C4, 0x5B9A], [0x529E, 0x6CD5], [0x62A5, 0x544A], [0x7EB2, 0x8981]])

    let name: [UInt32]
    let tails: [[UInt32]]

    var nameLength: Int { name.count }

    /// The lawgiver whose name starts at `position`, if any.
    init?(_ s: UnsafeBufferPointer<UInt32>, at position: Int, _ runEnd: Int) {
        guard s[position] == 0x4E2D else { return nil }  // 中
        for lawgiver in Self.all where lawgiver.isName(s, at: position, runEnd) {
            self = lawgiver
            return
        }
        return nil
    }

    private init(name: [UInt32], tails: [[UInt32]]) {
        self.name = name
        self.tails = tails
    }

    /// Whether this lawgiver's name starts at `position`.
    func isName(_ s: UnsafeBufferPointer<UInt32>, at position: Int, _ runEnd: Int) -> Bool {
        guard position + name.count <= runEnd else { return false }
        for k in 0..<name.count where s[position + k] != name[k] { return false }
        return true
    }

    /// How many characters of one of the tails end the text `start..<end`, or 0.
    func tailLength(_ s: UnsafeBufferPointer<UInt32>, end: Int, _ start: Int) -> Int {
        for tail in tails where tail.count <= end - start {
            var matches = true
            for k in 0..<tail.count where s[end - tail.count + k] != tail[k] {
                matches = false
                break
            }
            if matches { return tail.count }
        }
        return 0
    }
}
