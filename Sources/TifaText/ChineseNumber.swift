/// A well-formed Chinese number: digit by digit (二○○一, 一九九七) or positional, with 十 百 千 after
/// a digit in falling order inside each 万/亿 group (三十五, 一百二十, 两千零八, 十二).
func isWellFormedNumber(_ s: UnsafeBufferPointer<UInt32>, _ range: Range<Int>) -> Bool {
    func digit(_ c: UInt32) -> Bool { ChineseCharacters.digit.contains(scalar: c) }
    func multiplier(_ c: UInt32) -> Int {
        switch c {
        case 0x5341: return 10  // 十
        case 0x767E: return 100  // 百
        case 0x5343: return 1000  // 千
        case 0x4E07: return 10_000  // 万
        case 0x4EBF: return 100_000_000  // 亿
        default: return 0
        }
    }
    if range.allSatisfy({ digit(s[$0]) }) {
        // Digit by digit is how years are written: four digits, or a zero among them.
        return range.count >= 4 || range.contains { ChineseCharacters.zero.contains(scalar: s[$0]) }
    }
    var groupLimit = Int.max  // the next 十/百/千 must be below this within the group
    var bigLimit = Int.max  // the next 万/亿 must be below this
    var previousWasDigit = false
    for i in range {
        let c = s[i]
        let m = multiplier(c)
        if m == 0 {
            // Two digits in a row only as 零 + digit (一百零五).
            if previousWasDigit && s[i - 1] != 0x96F6 && c != 0x96F6 { return false }
            previousWasDigit = true
            continue
        }
        if m >= 10_000 {
            guard m < bigLimit else { return false }
            bigLimit = m
            groupLimit = Int.max
        } else {
            guard m < groupLimit else { return false }
            groupLimit = m
        }
        previousWasDigit = false
    }
    return true
}
