/// The character classes the segmenters split runs by, for scalars of the NORMALIZED text.
@usableFromInline
enum ScalarClass: UInt8 {
    case han, digit, latin, whitespace, punctuation, symbol, maskStar, cross, circle
}

@inline(__always)
package func isHan(_ c: UInt32) -> Bool {
    (c >= 0x4E00 && c <= 0x9FFF) || (c >= 0x3400 && c <= 0x4DBF) || (c >= 0xF900 && c <= 0xFAFF)
        || (c >= 0x20000 && c <= 0x3134F) || c == 0x3007
}

/// Chinese numeral characters, including the two circles used as zero in dates (二○○一年).
@inline(__always)
func isChineseNumeral(_ c: UInt32) -> Bool {
    switch c {
    case 0x4E00, 0x4E8C, 0x4E09, 0x56DB, 0x4E94, 0x516D, 0x4E03, 0x516B, 0x4E5D, 0x5341,  // 一二三四五六七八九十
         0x767E, 0x5343, 0x4E07, 0x4EBF, 0x96F6, 0x3007, 0x25CB, 0x4E24:  // 百千万亿零〇○两
        return true
    default:
        return false
    }
}

@inline(__always)
func scalarClass(_ c: UInt32) -> ScalarClass {
    if c < 0x80 {
        switch c {
        case 0x30...0x39: return .digit
        case 0x41...0x5A, 0x61...0x7A: return .latin
        case 0x20, 0x09, 0x0A, 0x0B, 0x0C, 0x0D: return .whitespace
        case 0x2A: return .maskStar
        case 0x00...0x1F, 0x7F: return .whitespace
        case 0x24, 0x2B, 0x3C, 0x3D, 0x3E, 0x5E, 0x60, 0x7C, 0x7E: return .symbol
        default: return .punctuation
        }
    }
    if isHan(c) { return .han }
    switch c {
    case 0xD7: return .cross
    case 0x25CB: return .circle
    case 0x85, 0xA0, 0x1680, 0x2000...0x200A, 0x2028, 0x2029, 0x202F, 0x205F, 0x3000: return .whitespace
    case 0x200B...0x200D, 0x2060, 0xFEFF: return .whitespace
    case 0xC0...0x24F, 0x370...0x3FF, 0x400...0x4FF, 0x1E00...0x1EFF: return c == 0xF7 ? .symbol : .latin
    case 0xA1...0xBF: return (c == 0xA7 || c == 0xAB || c == 0xBB || c == 0xB7 || c == 0xBF || c == 0xA1) ? .punctuation : .symbol
    case 0x2010...0x2027, 0x2030...0x205E: return .punctuation
    case 0x3001...0x3003, 0x3008...0x3011, 0x3014...0x301F, 0x30FB: return .punctuation
    case 0xFE10...0xFE6F, 0xFF01...0xFF0F, 0xFF1A...0xFF20, 0xFF3B...0xFF40, 0xFF5B...0xFF65: return .punctuation
    default: return .symbol
    }
}
