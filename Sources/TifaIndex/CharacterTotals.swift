/// Adds up, for one segment, each character's occurrences and the documents holding it — the
/// `characters` table (FORMAT.md) — from the segment's pair lists as they are written, in gram
/// order, and the last character of each of its documents.
///
/// A character occurs where a pair starting with it does, and once more at the end of a
/// document ending with it. Its pairs (`c x` for every `x`) are adjacent in gram order, so a
/// document is counted once per character by remembering the character it was last counted for.
struct CharacterTotals {
    private let firstDocument: Int64
    /// Per document (from `firstDocument`), the character it was last counted for, plus one.
    private var countedFor: [UInt32]
    /// Per document, its last character plus one (0: none), and whether a pair already counted it.
    private var lastCharacter: [UInt32]
    private var lastCounted: [Bool]
    private var totals: [UInt32: PostingTotals] = [:]
    /// The character of the pairs being added and its totals so far.
    private var character: UInt32 = .max
    private var current = PostingTotals()

    /// For a segment whose documents are numbered within `documents`.
    init(documents: Range<Int64>) {
        firstDocument = documents.lowerBound
        let size = documents.count
        countedFor = [UInt32](repeating: 0, count: size)
        lastCharacter = [UInt32](repeating: 0, count: size)
        lastCounted = [Bool](repeating: false, count: size)
    }

    /// Records that `document` ends with `character` (its matching form is not empty). Call it
    /// for every document before the pairs.
    mutating func setLast(_ character: UInt32, of document: Int64) {
        lastCharacter[Int(document - firstDocument)] = character + 1
    }

    /// `count` positions of `gram` in `document`; grams must come in ascending order.
    @inline(__always)
    mutating func add(gram: Int64, document: Int64, count: Int) {
        let first = UInt32(truncatingIfNeeded: gram >> 21) & 0x1F_FFFF
        if first != character {
            assert(character == .max || first > character, "grams out of order")
            flush()
            character = first
        }
        let slot = Int(document - firstDocument)
        if countedFor[slot] != character + 1 {
            countedFor[slot] = character + 1
            current.documents += 1
            if lastCharacter[slot] == character + 1 { lastCounted[slot] = true }
        }
        current.occurrences += count
    }

    private mutating func flush() {
        if character != .max { totals[character] = current }
        current = PostingTotals()
    }

    /// The totals with each document's last character added, in character order.
    mutating func finish() -> [(character: UInt32, totals: PostingTotals)] {
        flush()
        character = .max
        for slot in lastCharacter.indices where lastCharacter[slot] != 0 {
            let character = lastCharacter[slot] - 1
            totals[character, default: PostingTotals()].occurrences += 1
            if !lastCounted[slot] { totals[character]!.documents += 1 }
        }
        return totals.keys.sorted().map { ($0, totals[$0]!) }
    }
}
