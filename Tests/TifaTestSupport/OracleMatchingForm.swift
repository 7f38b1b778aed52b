import Foundation

/// The matching form written independently of Tifa's code, with Foundation: NFKC, zero-width
/// characters removed, whitespace runs with at most one line break between Han characters removed.
public func oracleMatchingForm(_ text: String) -> [Unicode.Scalar] {
    let nfkc = text.precomposedStringWithCompatibilityMapping
    var scalars = Array(nfkc.unicodeScalars.filter { !["\u{200B}", "\u{200C}", "\u{200D}", "\u{2060}", "\u{FEFF}"].contains($0) })
    func isHan(_ s: Unicode.Scalar) -> Bool {
        (0x4E00...0x9FFF).contains(s.value) || (0x3400...0x4DBF).contains(s.value) || (0xF900...0xFAFF).contains(s.value)
            || (0x20000...0x3134F).contains(s.value) || s.value == 0x3007
    }
    func isSpace(_ s: Unicode.Scalar) -> Bool { [" ", "\t", "\n", "\r", "\u{A0}", "\u{3000}"].contains(s) }
    var result: [Unicode.Scalar] = []
    var i = 0
    while i < scalars.count {
        if isSpace(scalars[i]) {
            var j = i
            while j < scalars.count && isSpace(scalars[j]) { j += 1 }
            let breaks = scalars[i..<j].filter { $0 == "\n" }.count
            if !(breaks <= 1 && i > 0 && j < scalars.count && isHan(scalars[i - 1]) && isHan(scalars[j])) {
                result += scalars[i..<j]
            }
            i = j
        } else {
            result.append(scalars[i])
            i += 1
        }
    }
    scalars = result
    return scalars
}
