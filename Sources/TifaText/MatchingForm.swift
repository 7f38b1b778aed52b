/// The form of a text that phrases are matched against — the same for count, search, KWIC and
/// mining: NFKC (and Traditional → Simplified when asked), then zero-width characters (U+200B–
/// U+200D, U+2060, U+FEFF) removed, then every whitespace run that holds at most one line break
/// and sits between two Han characters removed, so a hard-wrapped word (政府工作报\n告) is whole.
/// Each scalar remembers the range of original scalars it came from.
///
/// ```swift
/// let form = try Normalizer().matchingForm(of: "政府工作报\n告")
/// form.string                       // "政府工作报告"
/// form.originalRange(of: 5..<6)     // 6..<7
/// ```
public struct MatchingForm: Sendable {
    /// The matching text as Unicode scalar values.
    public let scalars: [UInt32]
    let originalStart: [Int32]
    let originalEnd: [Int32]

    /// The matching text.
    public var string: String {
        var utf8: [UInt8] = []
        utf8.reserveCapacity(scalars.count * 3)
        for c in scalars { appendUTF8(c, to: &utf8) }
        return String(decoding: utf8, as: UTF8.self)
    }

    /// The original scalars that matching scalars `range` came from.
    public func originalRange(of range: Range<Int>) -> Range<Int> {
        precondition(!range.isEmpty && range.upperBound <= scalars.count, "range outside the matching text")
        return Int(originalStart[range.lowerBound])..<Int(originalEnd[range.upperBound - 1])
    }
}

extension Normalizer {
    /// The matching form of `text` (see `MatchingForm`).
    public func matchingForm(of text: String) -> MatchingForm {
        var text = text
        var original = RawBuffer<UInt32>()
        var offsets = RawBuffer<Int32>()
        var buffer = NormalizedBuffer()
        defer {
            original.deallocate()
            offsets.deallocate()
            buffer.deallocate()
        }
        // A Swift String is valid UTF-8.
        _ = text.withUTF8 { decodeUTF8($0, into: &original, byteOffsets: &offsets) }
        normalize(original.buffer, into: &buffer)

        // Drop zero-width characters.
        var scalars: [UInt32] = []
        var starts: [Int32] = []
        var ends: [Int32] = []
        scalars.reserveCapacity(buffer.count)
        starts.reserveCapacity(buffer.count)
        ends.reserveCapacity(buffer.count)
        for i in 0..<buffer.count {
            let c = buffer.scalars[i]
            if (c >= 0x200B && c <= 0x200D) || c == 0x2060 || c == 0xFEFF { continue }
            scalars.append(c)
            starts.append(buffer.sourceStart(i))
            ends.append(buffer.sourceEnd(i))
        }

        // Drop whitespace runs with at most one line break between two Han characters.
        var keep = [Bool](repeating: true, count: scalars.count)
        var i = 0
        while i < scalars.count {
            guard isMatchingWhitespace(scalars[i]) else { i += 1; continue }
            var j = i
            var breaks = 0
            while j < scalars.count, isMatchingWhitespace(scalars[j]) {
                if scalars[j] == 0x0A { breaks += 1 }
                j += 1
            }
            if breaks <= 1, i > 0, j < scalars.count, isHan(scalars[i - 1]), isHan(scalars[j]) {
                for k in i..<j { keep[k] = false }
            }
            i = j
        }
        if keep.contains(false) {
            var k = 0
            for index in 0..<scalars.count where keep[index] {
                scalars[k] = scalars[index]
                starts[k] = starts[index]
                ends[k] = ends[index]
                k += 1
            }
            scalars.removeLast(scalars.count - k)
            starts.removeLast(starts.count - k)
            ends.removeLast(ends.count - k)
        }
        return MatchingForm(scalars: scalars, originalStart: starts, originalEnd: ends)
    }
}

/// Whitespace for the hard-wrap rule: spaces, tabs, line breaks (CR was folded by the reader or
/// is kept as a break of its own) and the ideographic space, which NFKC has made a space.
@inline(__always)
func isMatchingWhitespace(_ c: UInt32) -> Bool {
    c == 0x20 || c == 0x09 || c == 0x0A || c == 0x0D || c == 0xA0 || c == 0x3000
}

/// How many bytes UTF-8 takes for the scalar value `c`.
@inline(__always)
func utf8Length(_ c: UInt32) -> Int { c < 0x80 ? 1 : c < 0x800 ? 2 : c < 0x10000 ? 3 : 4 }

/// Appends the UTF-8 encoding of the scalar value `c`.
@inline(__always)
func appendUTF8(_ c: UInt32, to utf8: inout [UInt8]) {
    switch c {
    case 0..<0x80:
        utf8.append(UInt8(c))
    case 0x80..<0x800:
        utf8.append(UInt8(0xC0 | c >> 6))
        utf8.append(UInt8(0x80 | c & 0x3F))
    case 0x800..<0x10000:
        utf8.append(UInt8(0xE0 | c >> 12))
        utf8.append(UInt8(0x80 | (c >> 6) & 0x3F))
        utf8.append(UInt8(0x80 | c & 0x3F))
    default:
        utf8.append(UInt8(0xF0 | c >> 18))
        utf8.append(UInt8(0x80 | (c >> 12) & 0x3F))
        utf8.append(UInt8(0x80 | (c >> 6) & 0x3F))
        utf8.append(UInt8(0x80 | c & 0x3F))
    }
}
