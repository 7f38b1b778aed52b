/// Every word the segmenters know, in a compact trie over normalized Unicode scalars.
///
/// Dictionaries are data: the built-in ones are embedded in the binary (from `Dictionaries/`),
/// a directory of `.dict` files can replace them, and user dictionaries are layered on top;
/// an entry from a later source replaces the same word from an earlier one.
///
/// ```swift
/// let lexicon = try Lexicon.bundled(userDictionaries: [URL(fileURLWithPath: "mine.dict")])
/// lexicon.entry(for: "全面从严治党")?.tag   // .tifa
/// ```
public final class Lexicon: Sendable {
    // Trie nodes: node 0 is the root; the children of a node are the contiguous nodes
    // firstChild[n] ..< firstChild[n] + childCount[n], sorted by label.
    let label: [UInt32]
    let firstChild: [Int32]
    let childCount: [Int32]
    /// Entry index of the word ending at a node, or -1.
    let entryAtNode: [Int32]
    /// Child of the root for each BMP scalar (0 when none): the first step of every lookup.
    let rootChild: [Int32]

    // Entries, indexed by the values of `entryAtNode`.
    let entryLogProbability: [Float]
    let entryFrequency: [Int64]
    let entryTag: [LexiconTag]
    let entryFlags: [EntryFlags]
    /// Longest entry, in scalars.
    public let maxWordLength: Int
    /// Number of entries.
    public var count: Int { entryFrequency.count }

    struct EntryFlags: OptionSet, Sendable {
        let rawValue: UInt8
        /// Only the coarse mode uses it: a multi-word set phrase, organ or title.
        static let coarseOnly = EntryFlags(rawValue: 1)
        /// A content word (noun, verb, adjective, idiom): may follow a numeral and measure
        /// word in a numbered formula.
        static let content = EntryFlags(rawValue: 2)
    }

    init(builder: consuming LexiconBuilder) {
        let built = builder.build()
        label = built.label
        firstChild = built.firstChild
        childCount = built.childCount
        entryAtNode = built.entryAtNode
        rootChild = built.rootChild
        entryFrequency = built.frequency
        entryTag = built.tag
        entryFlags = built.flags
        maxWordLength = built.maxWordLength
        let total = Double(max(1, built.frequency.reduce(0, +)))
        entryLogProbability = built.frequency.map { Float(log(Double(max(1, $0)) / total)) }
        unknownLogProbability = Float(log(0.5 / total))
    }

    /// The log-probability of a span the lexicon does not know, per character.
    let unknownLogProbability: Float

    /// The child of `node` labelled `scalar`, or -1.
    @inline(__always)
    func child(of node: Int32, _ scalar: UInt32) -> Int32 {
        if node == 0 {
            if scalar < 0x10000 {
                let c = rootChild[Int(scalar)]
                return c == 0 ? -1 : c
            }
        }
        var lo = Int(firstChild[Int(node)])
        var hi = lo + Int(childCount[Int(node)])
        while lo < hi {
            let mid = (lo + hi) >> 1
            let l = label[mid]
            if l == scalar { return Int32(mid) }
            if l < scalar { lo = mid + 1 } else { hi = mid }
        }
        return -1
    }

    /// A dictionary entry as the lexicon holds it.
    public struct Entry: Sendable, Equatable {
        public var frequency: Int64
        public var tag: LexiconTag

        public init(frequency: Int64, tag: LexiconTag) {
            self.frequency = frequency
            self.tag = tag
        }
    }

    /// The entry for `word` (given in normalized form), if the lexicon has it.
    public func entry(for word: String) -> Entry? {
        var node: Int32 = 0
        for scalar in word.unicodeScalars {
            node = child(of: node, scalar.value)
            if node < 0 { return nil }
        }
        let e = entryAtNode[Int(node)]
        guard node != 0, e >= 0 else { return nil }
        return Entry(frequency: entryFrequency[Int(e)], tag: entryTag[Int(e)])
    }
}

#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
