/// The numbers of the live documents as a bit set: posting lists name documents by number, and a
/// reader asks of each whether it is still live, which a dictionary of metadata answers only
/// by copying the metadata out.
struct LiveDocuments {
    private var words: [UInt64] = []

    init<Numbers: Sequence<Int64>>(_ numbers: Numbers) {
        for number in numbers where number >= 0 {
            let word = Int(number >> 6)
            if word >= words.count { words += [UInt64](repeating: 0, count: word - words.count + 1) }
            words[word] |= 1 << UInt64(number & 63)
        }
    }

    @inline(__always)
    func contains(_ number: Int64) -> Bool {
        let word = Int(truncatingIfNeeded: number >> 6)
        return number >= 0 && word < words.count && words[word] & (1 << UInt64(number & 63)) != 0
    }
}
