/// Collects dictionary entries from several sources and builds the trie.
struct LexiconBuilder {
    /// Where an entry came from; a later source replaces an earlier one's entry for the same word.
    enum Source: Int32 { case general = 0, political = 1, user = 2 }

    private var keyScalars: [UInt32] = []
    private var keyStart: [Int32] = []
    private var keyLength: [Int32] = []
    private var frequency: [Int64] = []
    private var tag: [LexiconTag] = []
    private var pos: [Bool] = []  // content word
    private var rank: [Int32] = []
    private var source: [Source] = []
    private var sourceCount: Int32 = 0
    private let normalizer: Normalizer
    private var normalized = NormalizedBuffer()
    private var scalars: [UInt32] = []
    private var offsets: [Int32] = []

    /// A user entry without a frequency gets one that lets it win against the words inside it.
    static let defaultUserFrequency: Int64 = 100_000

    init() throws(ICUError) {
        normalizer = try Normalizer()
    }

    /// Parses one dictionary file's bytes: `word<TAB>frequency<TAB>tag[<TAB>…]`, `#` comments.
    /// Fields may also be separated by spaces; frequency and tag are optional.
    mutating func add(_ bytes: UnsafeBufferPointer<UInt8>, path: String, as kind: Source) throws(LexiconError) {
        let rankOfFile = sourceCount
        sourceCount += 1
        var lineStart = 0
        var lineNumber = 0
        let n = bytes.count
        while lineStart < n {
            lineNumber += 1
            var lineEnd = lineStart
            while lineEnd < n && bytes[lineEnd] != 0x0A { lineEnd += 1 }
            defer { lineStart = lineEnd + 1 }
            var end = lineEnd
            if end > lineStart && bytes[end - 1] == 0x0D { end -= 1 }
            if end == lineStart || bytes[lineStart] == 0x23 { continue }  // empty or '#'
            let line = UnsafeBufferPointer(rebasing: bytes[lineStart..<end])
            var fields: [Range<Int>] = []
            var i = 0
            while i < line.count && fields.count < 4 {
                while i < line.count && (line[i] == 0x09 || line[i] == 0x20) { i += 1 }
                let s = i
                while i < line.count && line[i] != 0x09 && line[i] != 0x20 { i += 1 }
                if i > s { fields.append(s..<i) }
            }
            guard let wordRange = fields.first else { continue }
            if let bad = decodeUTF8(
                UnsafeBufferPointer(rebasing: line[wordRange]), into: &scalars, byteOffsets: &offsets)
            {
                throw .invalidUTF8(path: path, line: lineNumber, byteOffset: lineStart + wordRange.lowerBound + bad)
            }
            var freq: Int64 = kind == .user ? Self.defaultUserFrequency : 1
            if fields.count > 1 {
                var value: Int64 = 0
                var digits = 0
                for b in line[fields[1]] {
                    guard b >= 0x30 && b <= 0x39 else { digits = -1; break }
                    value = value &* 10 &+ Int64(b - 0x30)
                    digits += 1
                }
                if digits <= 0 || digits > 15 {
                    throw .badFrequency(
                        path: path, line: lineNumber,
                        text: String(decoding: UnsafeBufferPointer(rebasing: line[fields[1]]), as: UTF8.self))
                }
                freq = value
            }
            let entryTag = fields.count > 2 ? LexiconTag(parsing: Substring(String(decoding: UnsafeBufferPointer(rebasing: line[fields[2]]), as: UTF8.self))) : .general
            var content = true
            if fields.count > 3 {
                let first = line[fields[3].lowerBound]
                // jieba POS: n(oun), v(erb), a(djective), i(diom), l, j: content words.
                content = [0x6E, 0x76, 0x61, 0x69, 0x6C, 0x6A].contains(first)
            }
            scalars.withUnsafeBufferPointer { normalizer.normalize($0, into: &normalized) }
            if normalized.count == 0 { continue }
            keyStart.append(Int32(keyScalars.count))
            keyLength.append(Int32(normalized.count))
            keyScalars.append(contentsOf: normalized.scalars)
            frequency.append(freq)
            tag.append(entryTag)
            pos.append(content)
            rank.append(rankOfFile)
            source.append(kind)
        }
    }

    struct Built {
        var label: [UInt32]
        var firstChild: [Int32]
        var childCount: [Int32]
        var entryAtNode: [Int32]
        var rootChild: [Int32]
        var frequency: [Int64]
        var tag: [LexiconTag]
        var flags: [Lexicon.EntryFlags]
        var maxWordLength: Int
    }

    consuming func build() -> Built {
        let count = keyStart.count
        var order = Array(0..<count)
        keyScalars.withUnsafeBufferPointer { keys in
            order.sort { a, b in
                let c = compare(keys, a, b)
                return c != 0 ? c < 0 : rank[a] < rank[b]
            }
        }
        // Unique keys, the last source winning; remember whether the general lexicon had it.
        var unique: [Int] = []
        var inGeneral: [Bool] = []
        unique.reserveCapacity(count)
        keyScalars.withUnsafeBufferPointer { keys in
            for i in order {
                if let last = unique.last, compare(keys, last, i) == 0 {
                    let hadGeneral = inGeneral[inGeneral.count - 1] || source[i] == .general
                    unique[unique.count - 1] = i
                    inGeneral[inGeneral.count - 1] = hadGeneral
                } else {
                    unique.append(i)
                    inGeneral.append(source[i] == .general)
                }
            }
        }

        var built = Built(
            label: [0], firstChild: [0], childCount: [0], entryAtNode: [-1],
            rootChild: [Int32](repeating: 0, count: 0x10000), frequency: [], tag: [], flags: [], maxWordLength: 0)
        built.frequency.reserveCapacity(unique.count)
        for (n, i) in unique.enumerated() {
            built.frequency.append(frequency[i])
            built.tag.append(tag[i])
            var flags: Lexicon.EntryFlags = pos[i] ? .content : []
            let multiWord = source[i] == .political && !inGeneral[n] && tag[i] != .person && tag[i] != .place
            if multiWord { flags.insert(.coarseOnly) }
            built.flags.append(flags)
            built.maxWordLength = max(built.maxWordLength, Int(keyLength[i]))
        }

        struct Pending { var node: Int32; var lo: Int; var hi: Int; var depth: Int32 }
        var queue = [Pending(node: 0, lo: 0, hi: unique.count, depth: 0)]
        var head = 0
        keyScalars.withUnsafeBufferPointer { keys in
            while head < queue.count {
                let p = queue[head]
                head += 1
                var i = p.lo
                if i < p.hi && keyLength[unique[i]] == p.depth {
                    built.entryAtNode[Int(p.node)] = Int32(i)
                    i += 1
                }
                let first = Int32(built.label.count)
                var children: Int32 = 0
                while i < p.hi {
                    let c = keys[Int(keyStart[unique[i]] + p.depth)]
                    var j = i + 1
                    while j < p.hi && keys[Int(keyStart[unique[j]] + p.depth)] == c { j += 1 }
                    built.label.append(c)
                    built.firstChild.append(0)
                    built.childCount.append(0)
                    built.entryAtNode.append(-1)
                    queue.append(Pending(node: first + children, lo: i, hi: j, depth: p.depth + 1))
                    children += 1
                    i = j
                }
                built.firstChild[Int(p.node)] = first
                built.childCount[Int(p.node)] = children
            }
        }
        for k in 0..<Int(built.childCount[0]) {
            let node = Int(built.firstChild[0]) + k
            if built.label[node] < 0x10000 { built.rootChild[Int(built.label[node])] = Int32(node) }
        }
        return built
    }

    @inline(__always)
    private func compare(_ keys: UnsafeBufferPointer<UInt32>, _ a: Int, _ b: Int) -> Int {
        let sa = Int(keyStart[a]), la = Int(keyLength[a])
        let sb = Int(keyStart[b]), lb = Int(keyLength[b])
        let m = min(la, lb)
        var k = 0
        while k < m {
            let x = keys[sa + k], y = keys[sb + k]
            if x != y { return x < y ? -1 : 1 }
            k += 1
        }
        return la - lb
    }
}
