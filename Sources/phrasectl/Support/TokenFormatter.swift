import Foundation
import Tifa
import TifaText

/// Segments a batch of lines and formats the tokens as text or JSON lines.
struct TokenFormatter: Sendable {
    let format: Segment.Format
    let lossy: Bool

    struct Result {
        var output: [UInt8] = []
        /// The first line that is not UTF-8 (when not lossy): its number and byte offset in the input.
        var failure: (line: Int, byteOffset: Int)?
    }

    func segment(_ batch: LineReader.Batch, with segmenter: any Segmenter) -> Result {
        var result = Result()
        result.output.reserveCapacity(batch.bytes.count * (format == .text ? 2 : 12))
        let workspace = SegmentationWorkspace()
        var tokens: [Token] = []
        var repaired: [UInt8] = []
        var originalOffsets: [Int] = []
        batch.bytes.withUnsafeBufferPointer { bytes in
            var start = 0
            var number = batch.firstLine
            while start < bytes.count {
                var end = start
                while bytes[end] != 0x0A { end += 1 }
                let next = end + 1
                if end > start && bytes[end - 1] == 0x0D { end -= 1 }
                let line = UnsafeBufferPointer(rebasing: bytes[start..<end])
                tokens.removeAll(keepingCapacity: true)
                do {
                    try segmenter.segment(line, into: &tokens, workspace: workspace)
                    append(tokens, of: line, number: number, to: &result.output, segmenter: segmenter, workspace: workspace)
                } catch SegmentationError.invalidUTF8(let offset) {
                    guard lossy else {
                        result.failure = (number, batch.firstOffset + start + offset)
                        return
                    }
                    Self.repair(line, into: &repaired, originalOffsets: &originalOffsets)
                    repaired.withUnsafeBufferPointer { fixed in
                        // Repaired text is valid UTF-8, so this cannot fail again.
                        try? segmenter.segment(fixed, into: &tokens, workspace: workspace)
                        originalOffsets.withUnsafeBufferPointer { offsets in
                            append(
                                tokens, of: fixed, number: number, to: &result.output, segmenter: segmenter, workspace: workspace,
                                originalOffsets: offsets)
                        }
                    }
                } catch {
                    result.failure = (number, batch.firstOffset + start)
                    return
                }
                start = next
                number += 1
            }
        }
        return result
    }

    /// `line` with each byte that is not part of valid UTF-8 replaced by U+FFFD, and for every byte
    /// offset of the result (and its end) the offset in `line` it came from.
    static func repair(_ line: UnsafeBufferPointer<UInt8>, into repaired: inout [UInt8], originalOffsets: inout [Int]) {
        repaired.removeAll(keepingCapacity: true)
        originalOffsets.removeAll(keepingCapacity: true)
        var position = 0
        while position < line.count {
            let rest = UnsafeBufferPointer(rebasing: line[position...])
            let valid = firstInvalidUTF8Offset(rest) ?? rest.count
            repaired.append(contentsOf: rest[..<valid])
            originalOffsets.append(contentsOf: position..<(position + valid))
            position += valid
            if position < line.count {
                repaired.append(contentsOf: [0xEF, 0xBF, 0xBD])
                originalOffsets.append(contentsOf: [position, position, position])
                position += 1
            }
        }
        originalOffsets.append(line.count)
    }

    private func append(
        _ tokens: [Token], of line: UnsafeBufferPointer<UInt8>, number: Int, to out: inout [UInt8], segmenter: any Segmenter,
        workspace: SegmentationWorkspace, originalOffsets: UnsafeBufferPointer<Int>? = nil
    ) {
        switch format {
        case .text:
            // Tokens are never longer together than the line, plus one space between each.
            let start = out.count
            out.append(contentsOf: repeatElement(0, count: line.count + tokens.count + 1))
            var written = 0
            out.withUnsafeMutableBufferPointer { buffer in
                var p = buffer.baseAddress! + start
                for (i, token) in tokens.enumerated() {
                    if i > 0 {
                        p.pointee = 0x20
                        p += 1
                    }
                    let count = token.utf8Range.count
                    copyToken(from: line.baseAddress! + token.utf8Range.lowerBound, to: p, count: count)
                    p += count
                }
                p.pointee = 0x0A
                written = p + 1 - (buffer.baseAddress! + start)
            }
            out.removeLast(out.count - start - written)
        case .json:
            out.append(contentsOf: #"{"line":"#.utf8)
            appendInteger(number, to: &out)
            out.append(contentsOf: #","tokens":["#.utf8)
            let lexiconSegmenter = segmenter as? LexiconSegmenter
            for (i, token) in tokens.enumerated() {
                if i > 0 { out.append(0x2C) }
                let parts = lexiconSegmenter?.parts(of: token, in: line, workspace: workspace) ?? []
                appendJSON(NestedToken(token: token, parts: parts), of: line, to: &out, originalOffsets: originalOffsets)
            }
            out.append(contentsOf: "]}\n".utf8)
        }
    }
}

/// Copies a token's bytes. Most tokens are two or three characters (6–9 bytes), so the copy is
/// two overlapping loads and stores rather than a call to `memmove` per token.
@inline(__always)
private func copyToken(from source: UnsafePointer<UInt8>, to target: UnsafeMutablePointer<UInt8>, count: Int) {
    let from = UnsafeRawPointer(source), to = UnsafeMutableRawPointer(target)
    switch count {
    case 8...16:
        let head = from.loadUnaligned(as: UInt64.self), tail = from.loadUnaligned(fromByteOffset: count - 8, as: UInt64.self)
        to.storeBytes(of: head, as: UInt64.self)
        to.storeBytes(of: tail, toByteOffset: count - 8, as: UInt64.self)
    case 4..<8:
        let head = from.loadUnaligned(as: UInt32.self), tail = from.loadUnaligned(fromByteOffset: count - 4, as: UInt32.self)
        to.storeBytes(of: head, as: UInt32.self)
        to.storeBytes(of: tail, toByteOffset: count - 4, as: UInt32.self)
    case 1..<4:
        target[0] = source[0]
        target[count / 2] = source[count / 2]
        target[count - 1] = source[count - 1]
    default:
        target.update(from: source, count: count)
    }
}

/// `{"text","kind","start","end","byteStart","byteEnd"}`, and `"parts":[…]` (the same objects)
/// for a token made of several. Byte offsets go through `originalOffsets` when the line was repaired.
private func appendJSON(
    _ nested: NestedToken, of line: UnsafeBufferPointer<UInt8>, to out: inout [UInt8], originalOffsets: UnsafeBufferPointer<Int>?
) {
    let token = nested.token
    out.append(contentsOf: #"{"text":""#.utf8)
    appendJSONEscaped(UnsafeBufferPointer(rebasing: line[token.utf8Range]), to: &out)
    out.append(contentsOf: #"","kind":""#.utf8)
    out.append(contentsOf: token.kind.rawValue.utf8)
    out.append(contentsOf: #"","start":"#.utf8)
    appendInteger(token.scalarRange.lowerBound, to: &out)
    out.append(contentsOf: #","end":"#.utf8)
    appendInteger(token.scalarRange.upperBound, to: &out)
    out.append(contentsOf: #","byteStart":"#.utf8)
    appendInteger(originalOffsets.map { $0[token.utf8Range.lowerBound] } ?? token.utf8Range.lowerBound, to: &out)
    out.append(contentsOf: #","byteEnd":"#.utf8)
    appendInteger(originalOffsets.map { $0[token.utf8Range.upperBound] } ?? token.utf8Range.upperBound, to: &out)
    if !nested.parts.isEmpty {
        out.append(contentsOf: #","parts":["#.utf8)
        for (i, part) in nested.parts.enumerated() {
            if i > 0 { out.append(0x2C) }
            appendJSON(part, of: line, to: &out, originalOffsets: originalOffsets)
        }
        out.append(0x5D)
    }
    out.append(0x7D)
}
