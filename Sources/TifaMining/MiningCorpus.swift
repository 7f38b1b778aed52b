import TifaText

/// The text a miner counts in: the matching forms of the documents, cut into runs of Han
/// characters. Everything else is a separator — a left quotation mark, a right quotation mark, or
/// any other break — so no n-gram crosses punctuation, masks or line breaks.
struct MiningCorpus {
    /// Separator codes are bit sets: bit 0, a left quotation mark opens the next run; bit 1, a
    /// right quotation mark closes the run before. A run of separators holds both (”、“: both runs
    /// are quoted).
    static let breakMark: UInt32 = 0
    static let openQuote: UInt32 = 1
    static let closeQuote: UInt32 = 2

    /// Whether `c` is a separator code rather than a Han character.
    @inline(__always)
    static func isSeparator(_ c: UInt32) -> Bool { c <= openQuote | closeQuote }

    /// Whether the separator `c` before a run opens a quotation.
    static func opens(_ c: UInt32) -> Bool { isSeparator(c) && c & openQuote != 0 }

    /// Whether the separator `c` after a run closes a quotation.
    static func closes(_ c: UInt32) -> Bool { isSeparator(c) && c & closeQuote != 0 }

    /// Han characters and separator codes: separators between runs, and at both ends of every document.
    var text: [UInt32] = []
    /// Where each document starts in `text`.
    var documentStarts: [Int] = []
    /// How many Han characters `text` holds.
    var hanCount = 0

    init() {}

    /// Adds a document's matching form.
    mutating func append(_ form: MatchingForm) {
        documentStarts.append(text.count)
        text.append(Self.breakMark)
        for c in form.scalars {
            if isHan(c) {
                text.append(c)
                hanCount += 1
            } else {
                let mark = c == 0x201C ? Self.openQuote : c == 0x201D ? Self.closeQuote : Self.breakMark
                // Runs of separators collapse into one code; a right quotation mark ends whatever
                // a left one opened before it (“”: an empty quotation).
                if let last = text.last, Self.isSeparator(last) {
                    text[text.count - 1] = mark == Self.closeQuote ? (last & ~Self.openQuote) | Self.closeQuote : last | mark
                } else {
                    text.append(mark)
                }
            }
        }
        // A document ends with a separator of its own, so the next one's opening marks do not
        // close its last run.
        if let last = text.last, !Self.isSeparator(last) { text.append(Self.breakMark) }
    }

    /// The document holding position `p`.
    func document(at p: Int) -> Int {
        var lo = 0
        var hi = documentStarts.count
        while lo + 1 < hi {
            let mid = (lo + hi) / 2
            if documentStarts[mid] <= p { lo = mid } else { hi = mid }
        }
        return lo
    }
}
