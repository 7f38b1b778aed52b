import CICUShim

/// The compiled lexicon: one contiguous block, the same in memory and in the cache file.
///
/// ```
/// header (64 bytes, little-endian):
///   magic "TIFALEX1" · version u32 · nodeCount u32 · entryCount u32 · maxWordLength u32
///   unknownLogProbability f32 · reserved u32 · sourceHash u64 · bodyChecksum u64 · zero padding
/// frequency   i64 × entryCount
/// nodes       Node (16 bytes) × nodeCount        node 0 is the root; holes have label 0x1FFFFF
/// entry       i32 × nodeCount                    entry index of the word ending at each node, or -1
/// rootNodes   Node × 65536                       copy of the root child's Node per BMP scalar
/// rootChild   i32 × 65536                        root child per BMP scalar, 0 = none
/// mixedStarts u64 × 1024                         bit per BMP scalar: some formulation starting with
///                                               it holds an ASCII digit or letter (211工程, 中国制造2025)
/// ```
/// Each section starts at a multiple of 64 bytes (zero padding between), so no record straddles two
/// cache lines.
/// The children of a node sit in one block of `nodes` from `firstChild`: a node with few children
/// has them contiguous and sorted by label; a node with many (的, 国, 发) has a block of the
/// smallest power of two above one and a half times their number less one (at most 69% full), each
/// child at the slot its label hashes to (linear probing), the other slots holes. Either way the
/// record that holds a child's label is the child
/// itself, so a step through the trie reads one record — usually one cache line — and nothing
/// else. Most steps that fail read none: a node's record carries a sixteen-bit filter of its
/// children's labels, and a label whose bit is clear has no child. Everything the segmenter needs about the word ending at a node sits in its record.
/// The copy in `rootNodes` lets the first step read the child's record in the line that found it.
struct LexiconTables {
    static let magic: UInt64 = 0x3158_454C_4146_4954  // "TIFALEX1" little-endian
    /// Part of every cache file's name and header: bump it whenever the block's layout or the way
    /// it is built from the dictionaries changes, so no stale cache is read.
    static let version: UInt32 = 25
    static let headerSize = 64
    static let rootTableSize = 0x10000
    /// Nodes with more children than this keep them in a hashed block.
    static let hashedFanOut: UInt16 = 8
    /// The label of a hole in a hashed block: above every Unicode scalar.
    static let holeLabel: UInt32 = 0x1F_FFFF
    /// `Node.fanOut`'s mark of a hashed block.
    static let hashedMark: UInt8 = 0x80
    /// Where `labelAndWord` keeps the high half of the children's label filter.
    static let filterHighMask: UInt32 = 0xFF << 21
    static let wordBit: UInt32 = 1 << 31
    static let countedBit: UInt32 = 1 << 30
    static let weightedPoliticalBit: UInt32 = 1 << 29

    struct Node: BitwiseCopyable {
        var firstChild: Int32
        /// How the children are kept: their number when sorted and contiguous (at most
        /// `hashedFanOut`), or `hashedMark` plus the base-two logarithm of the hashed block's size.
        var fanOut: UInt8
        /// Eight bits of the children's label filter (the other eight are in `labelAndWord`).
        var filterLow: UInt8
        /// `LexiconTag` code of the word ending here (low four bits) and its `NamingRole`s (high four).
        var tag: UInt8
        /// `Lexicon.EntryFlags` of the word ending here.
        var flags: UInt8
        var logProbability: Float
        /// The label of the edge into this node (low 21 bits); the high eight bits of the children's
        /// label filter (bits 21–28); whether the word ending here is a political entry the general
        /// lexicon lacks, weighted for political text (bit 29); whether it is counted (bit 30,
        /// `NamingRole.counted`); whether a word ends here (bit 31).
        var labelAndWord: UInt32

        /// The scalar on the edge into this node, or `holeLabel`.
        @inline(__always) var label: UInt32 { labelAndWord & LexiconTables.holeLabel }
        /// Whether a lexicon word ends at this node.
        @inline(__always) var isWord: Bool { labelAndWord >> 31 != 0 }
        /// Whether the word ending here is counted after many different numbers (方面, 措施).
        @inline(__always) var isCounted: Bool { labelAndWord & LexiconTables.countedBit != 0 }
        /// Whether the word ending here is a political entry the general lexicon lacks, its
        /// frequency weighted by `LexiconBuilder.politicalFrequencyScale`.
        @inline(__always) var isWeightedPolitical: Bool { labelAndWord & LexiconTables.weightedPoliticalBit != 0 }
        /// Whether the node has children at all.
        @inline(__always) var hasChildren: Bool { fanOut != 0 }
        /// Whether the children are hashed into a block.
        @inline(__always) var isHashed: Bool { fanOut & LexiconTables.hashedMark != 0 }
        /// How many slots the node's block of children takes.
        @inline(__always) var childSlots: Int { isHashed ? 1 << Int(fanOut & ~LexiconTables.hashedMark) : Int(fanOut) }
        /// Sixteen bits, one set for each child label's `filterBit`: a clear bit means no child has
        /// that label, so the step need not read the children at all.
        @inline(__always) var childFilter: UInt32 { UInt32(filterLow) | (labelAndWord >> 13) & 0xFF00 }

        /// Sets `fanOut` and the filter for children with these labels.
        mutating func setChildren(labels: some Collection<UInt32>) {
            if labels.count > Int(LexiconTables.hashedFanOut) {
                let size = LexiconTables.blockSize(children: labels.count)
                fanOut = LexiconTables.hashedMark | UInt8(size.trailingZeroBitCount)
            } else {
                fanOut = UInt8(labels.count)
            }
            var filter: UInt32 = 0
            for label in labels { filter |= 1 << LexiconTables.filterBit(label) }
            filterLow = UInt8(truncatingIfNeeded: filter)
            labelAndWord = labelAndWord & ~LexiconTables.filterHighMask | (filter & 0xFF00) << 13
        }
    }

    let nodeCount: Int
    let entryCount: Int
    let maxWordLength: Int
    let unknownLogProbability: Float
    let sourceHash: UInt64

    static let emptyNode = Node(firstChild: 0, fanOut: 0, filterLow: 0, tag: 0, flags: 0, logProbability: 0, labelAndWord: holeLabel)

    /// The bit of `Node.childFilter` a child labelled `scalar` sets.
    @inline(__always)
    static func filterBit(_ scalar: UInt32) -> UInt32 { (scalar &* 0x9E37_79B1) >> 28 }

    let frequency: UnsafeMutablePointer<Int64>
    let nodes: UnsafeMutablePointer<Node>
    let entry: UnsafeMutablePointer<Int32>
    let rootNodes: UnsafeMutablePointer<Node>
    let rootChild: UnsafeMutablePointer<Int32>
    let mixedStarts: UnsafeMutablePointer<UInt64>
    let byteCount: Int

    /// Every section starts on a cache line, so no record straddles two.
    static let sectionAlignment = 64

    @inline(__always)
    static func aligned(_ offset: Int) -> Int { (offset + sectionAlignment - 1) & ~(sectionAlignment - 1) }

    static func byteCount(nodes: Int, entries: Int) -> Int {
        var offset = headerSize
        for size in [entries * 8, nodes * 16, nodes * 4, rootTableSize * 16, rootTableSize * 4, rootTableSize / 8] {
            offset = aligned(offset) + size
        }
        return offset
    }

    /// Views a block whose header is already written.
    init(_ base: UnsafeMutableRawPointer) {
        nodeCount = Int(base.load(fromByteOffset: 12, as: UInt32.self))
        entryCount = Int(base.load(fromByteOffset: 16, as: UInt32.self))
        maxWordLength = Int(base.load(fromByteOffset: 20, as: UInt32.self))
        unknownLogProbability = base.load(fromByteOffset: 24, as: Float.self)
        sourceHash = base.load(fromByteOffset: 32, as: UInt64.self)
        var offset = Self.headerSize
        func take<T>(_ count: Int, _ type: T.Type) -> UnsafeMutablePointer<T> {
            offset = Self.aligned(offset)
            defer { offset += count * MemoryLayout<T>.stride }
            return (base + offset).assumingMemoryBound(to: T.self)
        }
        frequency = take(entryCount, Int64.self)
        nodes = take(nodeCount, Node.self)
        entry = take(nodeCount, Int32.self)
        rootNodes = take(Self.rootTableSize, Node.self)
        rootChild = take(Self.rootTableSize, Int32.self)
        mixedStarts = take(Self.rootTableSize / 64, UInt64.self)
        byteCount = offset
    }

    /// Allocates a block and writes its header.
    static func allocate(
        nodes: Int, entries: Int, maxWordLength: Int, unknownLogProbability: Float, sourceHash: UInt64
    ) -> UnsafeMutableRawPointer {
        let size = byteCount(nodes: nodes, entries: entries)
        let base = UnsafeMutableRawPointer.allocate(byteCount: size, alignment: sectionAlignment)
        base.initializeMemory(as: UInt8.self, repeating: 0, count: size)
        base.storeBytes(of: magic, toByteOffset: 0, as: UInt64.self)
        base.storeBytes(of: version, toByteOffset: 8, as: UInt32.self)
        base.storeBytes(of: UInt32(nodes), toByteOffset: 12, as: UInt32.self)
        base.storeBytes(of: UInt32(entries), toByteOffset: 16, as: UInt32.self)
        base.storeBytes(of: UInt32(maxWordLength), toByteOffset: 20, as: UInt32.self)
        base.storeBytes(of: unknownLogProbability, toByteOffset: 24, as: Float.self)
        base.storeBytes(of: sourceHash, toByteOffset: 32, as: UInt64.self)
        return base
    }

    /// The slots of a hashed block for `children` children: the smallest power of two above one and a
    /// half times as many less one, so at most 69% of the slots are taken (eleven children in
    /// sixteen). Twice as many made the compiled lexicon a fifth larger (25 MB against 22) and the
    /// text it walks most often no faster; a fuller block makes a failing probe read further.
    @inline(__always)
    static func blockSize(children: Int) -> Int { 1 << (Int.bitWidth - ((3 * children) / 2 - 1).leadingZeroBitCount) }

    @inline(__always)
    static func slotHash(_ scalar: UInt32) -> Int { Int(truncatingIfNeeded: (UInt64(scalar) &* 0x9E37_79B9_7F4A_7C15) >> 40) }

    /// Asks the processor to fetch the record where the step from the word `first` by `second`
    /// starts looking, ahead of the step: the segmenter knows the next characters long before it
    /// walks from them, and that step is the one whose record is rarely in the cache.
    @inline(__always)
    func prefetchSecondStep(_ first: UInt32, _ second: UInt32) {
        guard first < 0x10000 else { return }
        let record = rootNodes[Int(first)]
        guard record.isHashed, record.childFilter >> Self.filterBit(second) & 1 != 0 else { return }
        let mask = record.childSlots - 1
        tifa_prefetch(nodes + Int(record.firstChild) + (Self.slotHash(second) & mask))
    }

    /// The child of `node` (whose record is `record`) labelled `scalar`: its index and record,
    /// or index -1.
    @inline(__always)
    func step(_ node: Int32, _ record: Node, _ scalar: UInt32) -> (Int32, Node) {
        if node == 0 && scalar < 0x10000 {
            let c = rootChild[Int(scalar)]
            return c == 0 ? (-1, record) : (c, rootNodes[Int(scalar)])
        }
        guard record.childFilter >> Self.filterBit(scalar) & 1 != 0 else { return (-1, record) }
        let block = nodes + Int(record.firstChild)
        if record.isHashed {
            let mask = record.childSlots - 1
            var i = Self.slotHash(scalar) & mask
            while true {
                let child = block[i]
                let l = child.label
                if l == scalar { return (record.firstChild + Int32(truncatingIfNeeded: i), child) }
                if l == Self.holeLabel { return (-1, record) }
                i = (i + 1) & mask
            }
        }
        var i = 0
        let count = Int(record.fanOut)
        while i < count {
            let child = block[i]
            let l = child.label
            if l == scalar { return (record.firstChild + Int32(truncatingIfNeeded: i), child) }
            if l > scalar { return (-1, record) }
            i += 1
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

    /// Fills the table of root records from the nodes, marking the surname characters.
    func fillRootNodes() {
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

    /// A fast 64-bit checksum, eight bytes at a time in four independent lanes (so the processor
    /// overlaps their multiplications): it catches a truncated or damaged cache file, and every
    /// load runs it over the whole block.
    static func checksum(_ bytes: UnsafeRawBufferPointer) -> UInt64 {
        var lanes = (FNV1a(), FNV1a(), FNV1a(), FNV1a())
        let blocks = bytes.count / 32
        for i in 0..<blocks {
            let at = i * 32
            lanes.0.add(word: bytes.loadUnaligned(fromByteOffset: at, as: UInt64.self))
            lanes.1.add(word: bytes.loadUnaligned(fromByteOffset: at + 8, as: UInt64.self))
            lanes.2.add(word: bytes.loadUnaligned(fromByteOffset: at + 16, as: UInt64.self))
            lanes.3.add(word: bytes.loadUnaligned(fromByteOffset: at + 24, as: UInt64.self))
            lanes.0.foldHighBits()
            lanes.1.foldHighBits()
            lanes.2.foldHighBits()
            lanes.3.foldHighBits()
        }
        var hash = FNV1a()
        for lane in [lanes.0, lanes.1, lanes.2, lanes.3] {
            hash.add(word: lane.value)
            hash.foldHighBits()
        }
        for i in (blocks * 32)..<bytes.count { hash.add(bytes[i]) }
        hash.add(word: UInt64(bytes.count))
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
        guard bytes.count == byteCount(nodes: nodes, entries: entries)
        else { return false }
        let body = UnsafeRawBufferPointer(rebasing: bytes[headerSize...])
        return checksum(body) == bytes.load(fromByteOffset: 40, as: UInt64.self)
    }
}
