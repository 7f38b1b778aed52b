import CICUShim

/// The compiled lexicon: one contiguous block, the same in memory and in the cache file.
///
/// ```
/// header (64 bytes, little-endian):
///   magic "TIFALEX1" · version u32 · nodeCount u32 · entryCount u32 · maxWordLength u32
///   unknownLogProbability f32 · hashSlots u32 · sourceHash u64 · bodyChecksum u64 · zero padding
/// frequency   i64 × entryCount
/// slots       u64 × hashSlots                    label << 32 | child index (UInt64.max = empty): the
///                                               children of each node with many children, in a
///                                               region of its own (linear probing within it)
/// nodes       Node (16 bytes) × nodeCount        node 0 is the root
/// label       u32 × nodeCount                    edge label into each node
/// region      u32 × nodeCount                    where the node's region of `slots` starts (its
///                                               size: the power of two ≥ twice its children)
/// rootNodes   Node × 65536                       copy of the root child's Node per BMP scalar
/// rootChild   i32 × 65536                        root child per BMP scalar, 0 = none
/// mixedStarts u64 × 1024                         bit per BMP scalar: some formulation starting with
///                                               it holds an ASCII digit or letter (211工程, 中国制造2025)
/// ```
/// The copy in `rootNodes` lets the first step read the child's Node in the line that found it.
/// A node's own region keeps the children of a frequent node (的, 国, 发) in a few cache lines
/// instead of scattered over one table of every hashed child.
/// The children of a node are the contiguous nodes `firstChild ..< firstChild + childCount`,
/// sorted by label. Everything the segmenter needs about the word ending at a node sits in the
/// node itself, so a step through the trie touches one cache line for the node.
struct LexiconTables {
    static let magic: UInt64 = 0x3158_454C_4146_4954  // "TIFALEX1" little-endian
    /// Part of every cache file's name and header: bump it whenever the block's layout or the way
    /// it is built from the dictionaries changes, so no stale cache is read.
    static let version: UInt32 = 15
    static let headerSize = 64
    static let rootTableSize = 0x10000
    /// Nodes with more children than this find a child through the hash table.
    static let hashedFanOut: UInt16 = 8

    struct Node: BitwiseCopyable {
        var firstChild: Int32
        var childCount: UInt16
        /// `LexiconTag` code of the word ending here (low four bits) and its `NamingRole`s (high four).
        var tag: UInt8
        /// `Lexicon.EntryFlags` of the word ending here.
        var flags: UInt8
        var logProbability: Float
        /// Entry index of the word ending here, or -1.
        var entry: Int32
    }

    let nodeCount: Int
    let entryCount: Int
    let maxWordLength: Int
    let unknownLogProbability: Float
    let sourceHash: UInt64
    let hashSlots: Int

    static let emptyNode = Node(firstChild: 0, childCount: 0, tag: 0, flags: 0, logProbability: 0, entry: -1)

    let frequency: UnsafeMutablePointer<Int64>
    let slots: UnsafeMutablePointer<UInt64>
    let nodes: UnsafeMutablePointer<Node>
    let label: UnsafeMutablePointer<UInt32>
    let region: UnsafeMutablePointer<UInt32>
    let rootNodes: UnsafeMutablePointer<Node>
    let rootChild: UnsafeMutablePointer<Int32>
    let mixedStarts: UnsafeMutablePointer<UInt64>
    let byteCount: Int

    static func byteCount(nodes: Int, entries: Int, hashSlots: Int) -> Int {
        headerSize + entries * 8 + hashSlots * 8 + nodes * 24 + rootTableSize * 20 + rootTableSize / 8
    }

    /// Views a block whose header is already written.
    init(_ base: UnsafeMutableRawPointer) {
        nodeCount = Int(base.load(fromByteOffset: 12, as: UInt32.self))
        entryCount = Int(base.load(fromByteOffset: 16, as: UInt32.self))
        maxWordLength = Int(base.load(fromByteOffset: 20, as: UInt32.self))
        unknownLogProbability = base.load(fromByteOffset: 24, as: Float.self)
        hashSlots = Int(base.load(fromByteOffset: 28, as: UInt32.self))
        sourceHash = base.load(fromByteOffset: 32, as: UInt64.self)
        var offset = Self.headerSize
        func take<T>(_ count: Int, _ type: T.Type) -> UnsafeMutablePointer<T> {
            defer { offset += count * MemoryLayout<T>.stride }
            return (base + offset).assumingMemoryBound(to: T.self)
        }
        frequency = take(entryCount, Int64.self)
        slots = take(hashSlots, UInt64.self)
        nodes = take(nodeCount, Node.self)
        label = take(nodeCount, UInt32.self)
        region = take(nodeCount, UInt32.self)
        rootNodes = take(Self.rootTableSize, Node.self)
        rootChild = take(Self.rootTableSize, Int32.self)
        mixedStarts = take(Self.rootTableSize / 64, UInt64.self)
        byteCount = offset
    }

    /// Allocates a block and writes its header.
    static func allocate(
        nodes: Int, entries: Int, hashSlots: Int, maxWordLength: Int, unknownLogProbability: Float, sourceHash: UInt64
    ) -> UnsafeMutableRawPointer {
        let size = byteCount(nodes: nodes, entries: entries, hashSlots: hashSlots)
        let base = UnsafeMutableRawPointer.allocate(byteCount: size, alignment: 16)
        base.initializeMemory(as: UInt8.self, repeating: 0, count: headerSize)
        base.storeBytes(of: magic, toByteOffset: 0, as: UInt64.self)
        base.storeBytes(of: version, toByteOffset: 8, as: UInt32.self)
        base.storeBytes(of: UInt32(nodes), toByteOffset: 12, as: UInt32.self)
        base.storeBytes(of: UInt32(entries), toByteOffset: 16, as: UInt32.self)
        base.storeBytes(of: UInt32(maxWordLength), toByteOffset: 20, as: UInt32.self)
        base.storeBytes(of: unknownLogProbability, toByteOffset: 24, as: Float.self)
        base.storeBytes(of: UInt32(hashSlots), toByteOffset: 28, as: UInt32.self)
        base.storeBytes(of: sourceHash, toByteOffset: 32, as: UInt64.self)
        return base
    }

    /// The slots of a node with `children` children: the power of two at least twice as many.
    @inline(__always)
    static func regionSize(children: Int) -> Int { 1 << (Int.bitWidth - (2 * children - 1).leadingZeroBitCount) }

    @inline(__always)
    static func slotHash(_ scalar: UInt32) -> Int { Int(truncatingIfNeeded: (UInt64(scalar) &* 0x9E37_79B9_7F4A_7C15) >> 40) }

    /// Where the search for the child labelled `scalar` of a hashed node starts: the node's
    /// region, its mask, and the first slot to look at.
    @inline(__always)
    func probe(_ node: Int32, children: UInt16, _ scalar: UInt32) -> (region: UnsafeMutablePointer<UInt64>, mask: Int, slot: Int) {
        let mask = Self.regionSize(children: Int(children)) - 1
        return (slots + Int(region[Int(node)]), mask, Self.slotHash(scalar) & mask)
    }

    /// Asks the processor to fetch the slot where the step from the word `first` by `second`
    /// starts looking, ahead of the step: the segmenter knows the next characters long before it
    /// walks from them, and that step is the one whose slot is rarely in the cache.
    @inline(__always)
    func prefetchSecondStep(_ first: UInt32, _ second: UInt32) {
        guard first < 0x10000 else { return }
        let node = rootChild[Int(first)]
        let childCount = rootNodes[Int(first)].childCount
        guard node != 0, childCount > Self.hashedFanOut else { return }
        let start = probe(node, children: childCount, second)
        tifa_prefetch(start.region + start.slot)
    }

    /// The child of `node` (whose record is `record`) labelled `scalar`: its index and record,
    /// or index -1.
    @inline(__always)
    func step(_ node: Int32, _ record: Node, _ scalar: UInt32) -> (Int32, Node) {
        if node == 0 && scalar < 0x10000 {
            let c = rootChild[Int(scalar)]
            return c == 0 ? (-1, record) : (c, rootNodes[Int(scalar)])
        }
        if record.childCount > Self.hashedFanOut {
            let (base, mask, first) = probe(node, children: record.childCount, scalar)
            var i = first
            while true {
                let slot = base[i]
                if UInt32(truncatingIfNeeded: slot >> 32) == scalar {
                    let child = Int32(truncatingIfNeeded: slot)
                    return (child, nodes[Int(child)])
                }
                if slot == .max { return (-1, record) }
                i = (i + 1) & mask
            }
        }
        var c = Int(record.firstChild)
        let end = c + Int(record.childCount)
        while c < end {
            let l = label[c]
            if l == scalar { return (Int32(c), nodes[c]) }
            if l > scalar { return (-1, record) }
            c += 1
        }
        return (-1, record)
    }

    /// Whether some formulation that starts with `scalar` holds an ASCII digit or letter.
    @inline(__always)
    func startsMixedEntry(_ scalar: UInt32) -> Bool {
        scalar < 0x10000 && mixedStarts[Int(scalar >> 6)] & (1 << UInt64(scalar & 63)) != 0
    }

    /// The child of `node` labelled `scalar`, or -1.
    @inline(__always)
    func child(of node: Int32, _ scalar: UInt32) -> Int32 {
        step(node, nodes[Int(node)], scalar).0
    }

    /// Fills the hash table with the children of every node with many children, and the root
    /// records table.
    func fillHash() {
        slots.initialize(repeating: .max, count: hashSlots)
        region.initialize(repeating: 0, count: nodeCount)
        var next = 0
        for node in 0..<nodeCount where nodes[node].childCount > Self.hashedFanOut {
            let size = Self.regionSize(children: Int(nodes[node].childCount))
            region[node] = UInt32(next)
            let first = Int(nodes[node].firstChild)
            for child in first..<(first + Int(nodes[node].childCount)) {
                var i = Self.slotHash(label[child]) & (size - 1)
                while slots[next + i] != .max { i = (i + 1) & (size - 1) }
                slots[next + i] = UInt64(label[child]) << 32 | UInt64(UInt32(child))
            }
            next += size
        }
        precondition(next == hashSlots, "the hash regions do not fill the slots")
        rootNodes.initialize(repeating: Self.emptyNode, count: Self.rootTableSize)
        for scalar in 0..<Self.rootTableSize where rootChild[scalar] != 0 {
            rootNodes[scalar] = nodes[Int(rootChild[scalar])]
            if ChineseCharacters.surname.contains(scalar: UInt32(scalar)) { rootNodes[scalar].flags |= Lexicon.EntryFlags.surname.rawValue }
        }
    }

    /// Writes the checksum of everything after the header, which `isValid` verifies.
    static func seal(_ base: UnsafeMutableRawPointer) {
        let tables = LexiconTables(base)
        let body = UnsafeRawBufferPointer(start: base + headerSize, count: tables.byteCount - headerSize)
        base.storeBytes(of: checksum(body), toByteOffset: 40, as: UInt64.self)
    }

    /// A fast 64-bit checksum, eight bytes at a time: it catches a truncated or damaged cache file.
    static func checksum(_ bytes: UnsafeRawBufferPointer) -> UInt64 {
        var hash = FNV1a()
        let words = bytes.count / 8
        for i in 0..<words {
            hash.add(word: bytes.loadUnaligned(fromByteOffset: i * 8, as: UInt64.self))
            hash.foldHighBits()
        }
        for i in (words * 8)..<bytes.count { hash.add(bytes[i]) }
        return hash.value
    }

    /// Whether `bytes` is a complete, undamaged compiled lexicon of this version built from `sourceHash`.
    static func isValid(_ bytes: UnsafeRawBufferPointer, sourceHash: UInt64) -> Bool {
        guard bytes.count >= headerSize,
            bytes.load(fromByteOffset: 0, as: UInt64.self) == magic,
            bytes.load(fromByteOffset: 8, as: UInt32.self) == version,
            bytes.load(fromByteOffset: 32, as: UInt64.self) == sourceHash
        else { return false }
        let nodes = Int(bytes.load(fromByteOffset: 12, as: UInt32.self))
        let entries = Int(bytes.load(fromByteOffset: 16, as: UInt32.self))
        let slots = Int(bytes.load(fromByteOffset: 28, as: UInt32.self))
        guard bytes.count == byteCount(nodes: nodes, entries: entries, hashSlots: slots)
        else { return false }
        let body = UnsafeRawBufferPointer(rebasing: bytes[headerSize...])
        return checksum(body) == bytes.load(fromByteOffset: 40, as: UInt64.self)
    }
}
