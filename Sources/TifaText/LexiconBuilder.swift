/// Collects dictionary entries from several sources and builds the trie.
struct LexiconBuilder {
    /// Where an entry came from; a later source replaces an earlier one's entry for the same word.
    /// `grammar` sources (`naming-grammar.txt`) give words their `NamingRole`s and nothing else.
    enum Source: Int32 { case general = 0, political = 1, user = 2, grammar = 3 }

    private var keyScalars: [UInt32] = []
    private var keyStart: [Int32] = []
    private var keyLength: [Int32] = []
    private var frequency: [Int64] = []
    private var tag: [LexiconTag] = []
    private var pos: [Bool] = []  // content word
    private var idiom: [Bool] = []
    private var adjective: [Bool] = []
    private var predicative: [Bool] = []
    private var roles: [NamingRole] = []
    private var rank: [Int32] = []
    private var source: [Source] = []
    private var sourceCount: Int32 = 0
    private let normalizer: Normalizer
    private var normalized = NormalizedBuffer()
    private var scalars = RawBuffer<UInt32>()
    private var offsets = RawBuffer<Int32>()

    /// A user entry without a frequency gets one that lets it win against the words inside it.
    static let defaultUserFrequency: Int64 = 100_000

    /// The political lexicon counts occurrences in the corpora it was mined from, a few million
    /// words; the general lexicon's frequencies come from a corpus about twenty times larger. Its
    /// own entries are scaled by this to be compared on one scale.
    static let politicalFrequencyScale: Int64 = 20

    init() throws(ICUError) {
        normalizer = try Normalizer()
    }

    /// Parses one dictionary file's bytes: `word<TAB>frequency<TAB>tag[<TAB>…]`, `#` comments.
    /// Fields may also be separated by spaces; frequency and tag are optional. A fourth field is
    /// jieba's part of speech, unless it holds `=` (a provenance field such as `first=2013-03-05`,
    /// which the segmenter does not read). A grammar file's lines are `word<TAB>role`.
    mutating func add(_ bytes: UnsafeBufferPointer<UInt8>, path: String, as kind: Source) throws(LexiconError) {
        let rankOfFile = sourceCount
        sourceCount += 1
        var lines = DictionaryLines(bytes)
        while let entry = lines.next() {
            let (lineNumber, lineStart, line, fields) = (entry.number, entry.start, entry.line, entry.fields)
            guard let wordRange = fields.first else { continue }
            if let bad = decodeUTF8(
                UnsafeBufferPointer(rebasing: line[wordRange]), into: &scalars, byteOffsets: &offsets)
            {
                throw .invalidUTF8(path: path, line: lineNumber, byteOffset: lineStart + wordRange.lowerBound + bad)
            }
            var freq: Int64 = kind == .user ? Self.defaultUserFrequency : 1
            var role: NamingRole = []
            var handTag: LexiconTag? = nil
            if kind == .grammar {
                let name = fields.count > 1 ? String(decoding: UnsafeBufferPointer(rebasing: line[fields[1]]), as: UTF8.self) : ""
                guard let parsed = NamingRole(parsing: name) else {
                    throw .badRole(path: path, line: lineNumber, text: name)
                }
                role = parsed
            } else if fields.count == 2, let named = LexiconTag(rawValue: String(decoding: UnsafeBufferPointer(rebasing: line[fields[1]]), as: UTF8.self)) {
                // `word<TAB>tag`: a hand-written list without frequencies.
                handTag = named
            } else if fields.count > 1 {
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
            let entryTag = handTag ?? (kind != .grammar && fields.count > 2 ? LexiconTag(parsing: Substring(String(decoding: UnsafeBufferPointer(rebasing: line[fields[2]]), as: UTF8.self))) : .general)
            var content = true
            var isIdiom = false
            var isAdjective = false
            var isPredicative = false
            if kind != .grammar, fields.count > 3, !line[fields[3]].contains(0x3D) {
                let first = line[fields[3].lowerBound]
                // jieba POS: n(oun), v(erb), a(djective), i(diom), l, j: content words.
                content = [0x6E, 0x76, 0x61, 0x69, 0x6C, 0x6A].contains(first)
                isIdiom = first == 0x69
                let posLength = fields[3].count
                let second: UInt8 = posLength > 1 ? line[fields[3].lowerBound + 1] : 0
                isAdjective = first == 0x61 && (posLength == 1 || second == 0x64)  // a, ad
                isPredicative = (first == 0x76 && second != 0x6E) || first == 0x64  // v, vd (not vn), d
            }
            normalizer.normalize(scalars.buffer, into: &normalized)
            if normalized.count == 0 { continue }
            keyStart.append(Int32(keyScalars.count))
            keyLength.append(Int32(normalized.count))
            keyScalars.append(contentsOf: normalized.scalars.buffer)
            frequency.append(freq)
            tag.append(entryTag)
            pos.append(content)
            idiom.append(isIdiom)
            adjective.append(isAdjective)
            predicative.append(isPredicative)
            roles.append(role)
            rank.append(rankOfFile)
            source.append(kind)
        }
    }

    /// Builds the compiled lexicon block (see `LexiconTables`); the caller owns it.
    consuming func build(sourceHash: UInt64) -> UnsafeMutableRawPointer {
        defer {
            normalized.deallocate()
            scalars.deallocate()
            offsets.deallocate()
        }
        let count = keyStart.count
        var order = Array(0..<count)
        keyScalars.withUnsafeBufferPointer { keys in
            order.sort { a, b in
                let c = compare(keys, a, b)
                return c != 0 ? c < 0 : rank[a] < rank[b]
            }
        }
        // Unique keys, the last source winning; remember whether the general lexicon had it.
        // Where the political lexicon has a word the general one has too, the general frequency
        // stands (fine mode rests on it) and the political tag is taken.
        var unique: [Int] = []
        var inGeneral: [Bool] = []
        var generalIdiom: [Bool] = []
        var mergedRoles: [NamingRole] = []
        var onlyGrammar: [Bool] = []
        unique.reserveCapacity(count)
        inGeneral.reserveCapacity(count)
        keyScalars.withUnsafeBufferPointer { keys in
            for i in order {
                if let last = unique.last, compare(keys, last, i) == 0 {
                    // A grammar line adds roles to the word; it replaces no entry.
                    mergedRoles[mergedRoles.count - 1].formUnion(roles[i])
                    if source[i] == .grammar { continue }
                    if onlyGrammar[onlyGrammar.count - 1] {
                        onlyGrammar[onlyGrammar.count - 1] = false
                        unique[unique.count - 1] = i
                        inGeneral[inGeneral.count - 1] = source[i] == .general
                        generalIdiom[generalIdiom.count - 1] = idiom[i]
                        continue
                    }
                    let hadGeneral = inGeneral[inGeneral.count - 1] || source[i] == .general
                    if source[last] == .general && source[i] == .political { frequency[i] = frequency[last] }
                    unique[unique.count - 1] = i
                    inGeneral[inGeneral.count - 1] = hadGeneral
                    generalIdiom[generalIdiom.count - 1] = generalIdiom[generalIdiom.count - 1] || idiom[i]
                } else {
                    unique.append(i)
                    inGeneral.append(source[i] == .general)
                    generalIdiom.append(idiom[i])
                    mergedRoles.append(roles[i])
                    onlyGrammar.append(source[i] == .grammar)
                }
            }
        }

        // A governing or counted word no dictionary lists is no word: the role alone makes no entry.
        if onlyGrammar.contains(true) {
            let keep = unique.indices.filter { !(onlyGrammar[$0] && mergedRoles[$0].isSubset(of: [.governing, .counted])) }
            unique = keep.map { unique[$0] }
            inGeneral = keep.map { inGeneral[$0] }
            generalIdiom = keep.map { generalIdiom[$0] }
            mergedRoles = keep.map { mergedRoles[$0] }
            onlyGrammar = keep.map { onlyGrammar[$0] }
        }

        // Trie nodes, breadth first, so that the children of a node are contiguous.
        var label: [UInt32] = [0]
        var firstChild: [Int32] = [0]
        var childCount: [Int32] = [0]
        var entryAtNode: [Int32] = [-1]
        let nodeBound = keyScalars.count + 1
        label.reserveCapacity(nodeBound)
        firstChild.reserveCapacity(nodeBound)
        childCount.reserveCapacity(nodeBound)
        entryAtNode.reserveCapacity(nodeBound)
        struct Pending { var node: Int32; var lo: Int32; var hi: Int32; var depth: Int32 }
        var queue = [Pending(node: 0, lo: 0, hi: Int32(unique.count), depth: 0)]
        queue.reserveCapacity(nodeBound)
        var head = 0
        keyScalars.withUnsafeBufferPointer { keys in
            while head < queue.count {
                let p = queue[head]
                head += 1
                var i = Int(p.lo)
                let hi = Int(p.hi)
                if i < hi && keyLength[unique[i]] == p.depth {
                    entryAtNode[Int(p.node)] = Int32(i)
                    i += 1
                }
                let first = Int32(label.count)
                var children: Int32 = 0
                while i < hi {
                    let c = keys[Int(keyStart[unique[i]] + p.depth)]
                    var j = i + 1
                    while j < hi && keys[Int(keyStart[unique[j]] + p.depth)] == c { j += 1 }
                    label.append(c)
                    firstChild.append(0)
                    childCount.append(0)
                    entryAtNode.append(-1)
                    queue.append(Pending(node: first + children, lo: Int32(i), hi: Int32(j), depth: p.depth + 1))
                    children += 1
                    i = j
                }
                firstChild[Int(p.node)] = first
                childCount[Int(p.node)] = children
            }
        }

        let freeCompound = freeCompounds(unique: unique, roles: mergedRoles, inGeneral: inGeneral, idiom: generalIdiom)
        for (n, i) in unique.enumerated() where source[i] == .political && !inGeneral[n] {
            frequency[i] *= Self.politicalFrequencyScale
        }
        // Probabilities are relative to the words both modes use, so adding set phrases for the
        // coarse mode leaves the fine mode's scale as it is.
        var total: Int64 = 0
        var maxWordLength = 0
        for (n, i) in unique.enumerated() {
            let coarseOnly = (source[i] == .political || source[i] == .grammar) && !inGeneral[n] && tag[i] != .person && tag[i] != .place
            if !coarseOnly { total += max(1, frequency[i]) }
            maxWordLength = max(maxWordLength, Int(keyLength[i]))
        }
        let logTotal = log(Double(max(1, total)))
        let wordFrequency = entryAtNode.map { $0 < 0 ? 0 : max(1, frequency[unique[Int($0)]]) }
        let layout = Self.layOut(label: label, firstChild: firstChild, childCount: childCount, wordFrequency: wordFrequency)
        let storage = LexiconTables.allocate(
            nodes: layout.slotCount, entries: unique.count, maxWordLength: maxWordLength,
            unknownLogProbability: Float(log(0.5) - logTotal), sourceHash: sourceHash)
        let t = LexiconTables(storage)
        t.nodes.initialize(repeating: LexiconTables.emptyNode, count: layout.slotCount)
        t.entry.initialize(repeating: -1, count: layout.slotCount)
        for node in 0..<label.count {
            let n = Int(entryAtNode[node])
            var record = LexiconTables.Node(
                firstChild: layout.block[node], fanOut: 0, filterLow: 0, tag: 0, flags: 0, logProbability: 0,
                labelAndWord: label[node] | (n >= 0 ? LexiconTables.wordBit : 0)
                    | (n >= 0 && mergedRoles[n].contains(.counted) ? LexiconTables.countedBit : 0)
                    | (n >= 0 && source[unique[n]] == .political && !inGeneral[n] ? LexiconTables.weightedPoliticalBit : 0))
            let first = Int(firstChild[node])
            record.setChildren(labels: label[first..<(first + Int(childCount[node]))])
            if n >= 0 {
                let i = unique[n]
                t.frequency[n] = frequency[i]
                record.logProbability = Float(log(Double(max(1, frequency[i]))) - logTotal)
                record.tag = tag[i].code | (mergedRoles[n].rawValue & 0xF0)
                var flags: Lexicon.EntryFlags = pos[i] ? .content : []
                if mergedRoles[n].contains(.governing) { flags.insert(.governing) }
                if adjective[i] { flags.insert(.adjective) }
                if predicative[i] { flags.insert(.predicative) }
                if freeCompound[n] { flags.insert(.freeCompound) }
                let multiWord = (source[i] == .political || source[i] == .grammar) && !inGeneral[n] && tag[i] != .person
                    && tag[i] != .place
                if multiWord { flags.insert(.coarseOnly) }
                if generalIdiom[n] || source[i] == .user { flags.insert(.keepWhole) }
                record.flags = flags.rawValue
            }
            let slot = Int(layout.slot[node])
            t.nodes[slot] = record
            t.entry[slot] = entryAtNode[node]
        }
        t.rootChild.initialize(repeating: 0, count: LexiconTables.rootTableSize)
        for k in 0..<Int(childCount[0]) {
            let node = Int(firstChild[0]) + k
            if label[node] < 0x10000 { t.rootChild[Int(label[node])] = layout.slot[node] }
        }
        t.mixedStarts.initialize(repeating: 0, count: LexiconTables.rootTableSize / 64)
        for n in unique.indices {
            let i = unique[n]
            let key = keyScalars[Int(keyStart[i])..<Int(keyStart[i] + keyLength[i])]
            guard isFormulationTag(tag[i].code), let head = key.first, head < 0x10000,
                key.contains(where: { scalarClass($0) == .digit || scalarClass($0) == .latin })
            else { continue }
            t.mixedStarts[Int(head >> 6)] |= 1 << UInt64(head & 63)
        }
        t.fillRootNodes()
        LexiconTables.seal(storage)
        return storage
    }

    /// Where each node of a breadth-first trie (children contiguous and sorted) goes in the
    /// compiled `nodes`: every node's children get a block of their own — contiguous when few,
    /// hashed by label into a block of `LexiconTables.blockSize` slots when many. Blocks are laid
    /// out hottest first, by the frequency of the words below their node, so that the walks text
    /// takes most often stay in a few megabytes (cache lines and pages) of a block of tens.
    /// Returns each node's slot, the start of each node's block, and the slots in all.
    static func layOut(
        label: [UInt32], firstChild: [Int32], childCount: [Int32], wordFrequency: [Int64]
    ) -> (slot: [Int32], block: [Int32], slotCount: Int) {
        // Children come after their parent, so one pass from the end sums each subtree.
        var heat = wordFrequency
        for node in stride(from: label.count - 1, through: 0, by: -1) where childCount[node] > 0 {
            let first = Int(firstChild[node])
            for child in first..<(first + Int(childCount[node])) { heat[node] &+= heat[child] }
        }
        let order = (0..<label.count).filter { childCount[$0] > 0 }.sorted { (heat[$0], $1) > (heat[$1], $0) }
        var slot = [Int32](repeating: 0, count: label.count)
        var block = [Int32](repeating: 0, count: label.count)
        var next = 1
        var taken: [Bool] = []
        for node in order {
            let count = Int(childCount[node])
            let first = Int(firstChild[node])
            block[node] = Int32(next)
            if count > Int(LexiconTables.hashedFanOut) {
                let size = LexiconTables.blockSize(children: count)
                taken.removeAll(keepingCapacity: true)
                taken.append(contentsOf: repeatElement(false, count: size))
                for child in first..<(first + count) {
                    var i = LexiconTables.slotHash(label[child]) & (size - 1)
                    while taken[i] { i = (i + 1) & (size - 1) }
                    taken[i] = true
                    slot[child] = Int32(next + i)
                }
                next += size
            } else {
                for k in 0..<count { slot[first + k] = Int32(next + k) }
                next += count
            }
        }
        precondition(next <= Int(Int32.max), "the trie has more than 2³¹ slots")
        return (slot, block, next)
    }

    /// Occurrences that make each part of a rare general-lexicon word common enough for the word to
    /// be a phrase of them.
    static let commonPartFrequency: Int64 = 1000

    /// Occurrences at or below which a general-lexicon word that starts with a verb or adverb is a
    /// phrase of its parts rather than a word (提高|效率).
    static let rareVerbCompoundFrequency: Int64 = 10

    /// Occurrences at or below which a general-lexicon word that starts with a verb, adverb or
    /// adjective is a phrase of its parts when both are everyday words (解决|问题, 明显|改善).
    static let rareCompoundFrequency: Int64 = 30

    /// Occurrences that make a part an everyday word, so that a rare word of two of them is a phrase
    /// (圆满|完成) rather than an idiom (率先垂范: 垂范 is no everyday word).
    static let everydayPartFrequency: Int64 = 500

    /// Which general-lexicon words are free combinations in the coarse mode: a governing verb or
    /// adverb and another word of two or more characters (全面|实施, 深入|开展), or a verb or adverb
    /// and another word when the whole is rare (`rareVerbCompoundFrequency`: 提高|效率), or a verb,
    /// adverb or adjective and another everyday word when the whole is a little less rare
    /// (`rareCompoundFrequency`, `everydayPartFrequency`: 解决|问题, 明显|改善, 圆满|完成),
    /// or two common words (`commonPartFrequency`) when the whole is rarer still, ten
    /// occurrences or fewer, and no idiom (两国|人民), or an organ
    /// made of two organs (中共中央|国务院). Idioms the general lexicon knows well (a hundred
    /// occurrences), the organ grammar's heads and tails, and political and user entries are not.
    private func freeCompounds(unique: [Int], roles: [NamingRole], inGeneral: [Bool], idiom: [Bool]) -> [Bool] {
        var result = [Bool](repeating: false, count: unique.count)
        var byKey: [[UInt32]: Int] = [:]
        keyScalars.withUnsafeBufferPointer { keys in
            for (n, i) in unique.enumerated() where keyLength[i] >= 2 && keyLength[i] <= 8 {
                byKey[Array(keys[Int(keyStart[i])..<Int(keyStart[i] + keyLength[i])])] = n
            }
            for (n, i) in unique.enumerated() where keyLength[i] >= 4 && source[i] == .general && inGeneral[n] {
                let organ = tag[i] == .org
                guard tag[i] == .general || tag[i] == .person || tag[i] == .place || organ else { continue }
                guard !idiom[n] || frequency[i] < 100 else { continue }
                // The organ grammar's heads and tails are whole, however rare (领导小组).
                guard roles[n].isDisjoint(with: [.namingHead, .organTail]) else { continue }
                let word = Array(keys[Int(keyStart[i])..<Int(keyStart[i] + keyLength[i])])
                for k in 2...(word.count - 2) {
                    guard let prefix = byKey[Array(word[..<k])], let suffix = byKey[Array(word[k...])] else { continue }
                    let p = unique[prefix]
                    // Two organs side by side are their joint issue (中共中央|国务院), not one organ.
                    if organ {
                        if tag[p] == .org && tag[unique[suffix]] == .org {
                            result[n] = true
                            break
                        }
                        continue
                    }
                    // A rarer one that starts with a verb or adverb (提高|效率); one that starts with an
                    // adjective, or is a little less rare, when both its parts are everyday words
                    // (解决|问题, 明显|改善, 圆满|完成; but 正本清源, 率先垂范, 切切实实).
                    let everydayParts = frequency[p] >= Self.everydayPartFrequency && frequency[unique[suffix]] >= Self.everydayPartFrequency
                    let lessRare = (predicative[p] || adjective[p]) && frequency[i] <= Self.rareCompoundFrequency && everydayParts
                    let rare = predicative[p] && frequency[i] <= Self.rareVerbCompoundFrequency
                    if roles[prefix].contains(.governing) || rare || lessRare {
                        result[n] = true
                        break
                    }
                    // Two common words the general lexicon also lists together, rarely: a phrase it
                    // happens to hold (两国|人民, 成效|显著), not a word.
                    if !idiom[n], frequency[i] <= 10, frequency[p] >= Self.commonPartFrequency,
                        frequency[unique[suffix]] >= Self.commonPartFrequency
                    {
                        result[n] = true
                        break
                    }
                }
            }
        }
        return result
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

#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
