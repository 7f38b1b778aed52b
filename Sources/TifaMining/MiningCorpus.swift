import TifaText

/// The text a miner counts in: the matching forms of the documents, cut into runs of Han
/// characters. Everything else is a separator — a left quotation mark, a right quotation mark, or
/// any other break — so no n-gram crosses punctuation, masks or line breaks.
struct MiningCorpus {
    static let breakMark: UInt32 = 0
    static let openQuote: UInt32 = 1
    static let closeQuote: UInt32 = 2

    /// Han characters and separator codes, one separator between runs.
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
                // Runs of separators collapse, keeping a quotation mark over a plain break.
                if let last = text.last, last < 3 {
                    if mark != Self.breakMark { text[text.count - 1] = mark }
                } else {
                    text.append(mark)
                }
            }
        }
    }

    /// Closes the last document: every n-gram is followed by a separator.
    mutating func finish() {
        text.append(Self.breakMark)
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
