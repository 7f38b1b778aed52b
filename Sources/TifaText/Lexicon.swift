/// Every word the segmenters know, in a compact trie over normalized Unicode scalars.
///
/// Dictionaries are data: the built-in ones are embedded in the binary (from `Dictionaries/`),
/// a directory of `.dict` files can replace them, and user dictionaries are layered on top;
/// an entry from a later source replaces the same word from an earlier one. The built trie is
/// cached on disk (see `LexiconCache`), so a warm load reads one file.
///
/// ```swift
/// let lexicon = try Lexicon.bundled(userDictionaries: ["mine.dict"])
/// lexicon.entry(for: "全面从严治党")?.tag   // .tifa
/// ```
public final class Lexicon: @unchecked Sendable {
    // @unchecked: the tables are written once, before init returns, and only read after that.
    let tables: LexiconTables
    private let storage: UnsafeMutableRawPointer

    /// Longest entry, in scalars.
    public var maxWordLength: Int { tables.maxWordLength }
    /// Number of entries.
    public var count: Int { tables.entryCount }
    /// A hash of every source the lexicon was built from: equal hashes, equal lexicons.
    public var sourceHash: UInt64 { tables.sourceHash }
    /// Whether this lexicon was read from the compiled cache rather than built from text.
    public let loadedFromCache: Bool

    struct EntryFlags: OptionSet, Sendable {
        let rawValue: UInt8
        /// Only the coarse mode uses it: a multi-word set phrase, organ or title.
        static let coarseOnly = EntryFlags(rawValue: 1)
        /// A content word (noun, verb, adjective, idiom): may follow a numeral and measure
        /// word in a numbered formula.
        static let content = EntryFlags(rawValue: 2)
        /// Set only in the root-level records: the character is a common surname.
        static let surname = EntryFlags(rawValue: 4)
        /// An idiom or a user's word: the fine mode does not prefer to split it (see
        /// `LexiconSegmenter.fineCompoundPenalty`).
        static let keepWhole = EntryFlags(rawValue: 8)
        /// A governing verb or adverb (`NamingRole.governing`): never inside a name.
        static let governing = EntryFlags(rawValue: 16)
        /// An adjective (jieba POS a, ad): no part of a numbered formula (十八大|很重).
        static let adjective = EntryFlags(rawValue: 32)
        /// A verb or adverb by its part of speech (jieba v, vd, d): a rare general word it starts is
        /// a free combination in the coarse mode (提高|效率).
        static let predicative = EntryFlags(rawValue: 64)
        /// A general-lexicon word that is a free combination (全面实施, 提高效率): the coarse mode
        /// leaves it in its parts.
        static let freeCompound = EntryFlags(rawValue: 128)
    }

    /// Takes ownership of `storage`, a compiled lexicon (see `LexiconTables`).
    init(storage: UnsafeMutableRawPointer, fromCache: Bool) {
        self.storage = storage
        self.tables = LexiconTables(storage)
        self.loadedFromCache = fromCache
    }

    deinit { storage.deallocate() }

    /// The child of `node` labelled `scalar`, or -1.
    @inline(__always)
    func child(of node: Int32, _ scalar: UInt32) -> Int32 { tables.child(of: node, scalar) }

    /// A dictionary entry as the lexicon holds it.
    public struct Entry: Sendable, Equatable {
        /// The dictionary's count of the word: the higher, the likelier the segmenter keeps it.
        public var frequency: Int64
        /// What kind of unit the word is.
        public var tag: LexiconTag

        /// An entry of this frequency and kind.
        public init(frequency: Int64, tag: LexiconTag) {
            self.frequency = frequency
            self.tag = tag
        }
    }

    /// The entry for `word` (given in normalized form), if the lexicon has it.
    public func entry(for word: String) -> Entry? {
        guard let node = node(of: word.unicodeScalars.lazy.map(\.value)) else { return nil }
        return Entry(frequency: tables.frequency[Int(tables.entry[node])], tag: LexiconTag(code: tables.nodes[node].tag))
    }

    /// The trie node of the entry spelled by `scalars` (normalized), or nil when it is no entry.
    func node<S: Sequence>(of scalars: S) -> Int? where S.Element == UInt32 {
        var node: Int32 = 0
        for scalar in scalars {
            node = child(of: node, scalar)
            if node < 0 { return nil }
        }
        return node != 0 && tables.nodes[Int(node)].isWord ? Int(node) : nil
    }

    /// The trie record of the entry spelled by `scalars` (normalized), or nil when it is no entry.
    func record<S: Sequence>(of scalars: S) -> LexiconTables.Node? where S.Element == UInt32 {
        node(of: scalars).map { tables.nodes[$0] }
    }

    /// Every word whose tag is in `tags`, as scalars of its normalized form, in scalar order.
    public func words(tagged tags: Set<LexiconTag>) -> [[UInt32]] {
        let codes = Set(tags.map(\.code))
        var found: [[UInt32]] = []
        var path: [UInt32] = []
        // Depth first; a node's children fill one block, so each stack entry is a range of slots.
        var stack: [(next: Int, end: Int)] = []
        let root = tables.nodes[0]
        stack.append((Int(root.firstChild), Int(root.firstChild) + root.childSlots))
        while var top = stack.popLast() {
            guard top.next < top.end else {
                if !path.isEmpty { path.removeLast() }
                continue
            }
            let node = top.next
            top.next += 1
            stack.append(top)
            let record = tables.nodes[node]
            guard record.label != LexiconTables.holeLabel else { continue }
            path.append(record.label)
            if record.isWord, codes.contains(record.tag & 0x0F) { found.append(path) }
            stack.append((Int(record.firstChild), Int(record.firstChild) + record.childSlots))
        }
        // Hashed blocks hold children in hash order.
        return found.sorted { $0.lexicographicallyPrecedes($1) }
    }

    /// The kind a name's last word gives it by the naming grammars: an organ tail (委员会) makes an
    /// organ, a campaign tail (攻坚战) a campaign, a system tail (战略) a strategy; nil otherwise.
    /// `scalars` is a normalized word; its tail is the longest lexicon word it ends with.
    package func namedKind(of scalars: [UInt32]) -> LexiconTag? {
        for start in 1..<max(1, scalars.count) {
            guard let record = record(of: scalars[start...]) else { continue }
            // The longest word the name ends with decides: 北部 is no organ tail though 部 is.
            let roles = NamingRole(tagByte: record.tag)
            if roles.contains(.organTail) { return .org }
            if roles.contains(.campaignTail) { return .campaign }
            if roles.contains(.systemTail) { return .strategy }
            return nil
        }
        return nil
    }

    /// Whether `scalars` (normalized) is a governing verb or adverb of the naming grammar.
    package func isGoverning(_ scalars: ArraySlice<UInt32>) -> Bool {
        (record(of: scalars)?.flags ?? 0) & EntryFlags.governing.rawValue != 0
    }

    /// The compiled form, as written to the cache.
    var compiledBytes: UnsafeRawBufferPointer { UnsafeRawBufferPointer(start: storage, count: tables.byteCount) }
}
