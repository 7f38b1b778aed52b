import CICUShim

/// Normalizes text for segmentation and matching — NFKC (full-width letters and digits become
/// ASCII) and, optionally, Traditional → Simplified — while remembering, for every normalized
/// scalar, which scalars of the original text it came from.
///
/// ```swift
/// let normalizer = try Normalizer(toSimplified: true)
/// let text = normalizer.normalize("２０２２年們")
/// // text.scalars == "2022年们".unicodeScalars; text.originalRange(of: 0..<4) == 0..<4
/// ```
public struct Normalizer: Sendable {
    /// Whether Traditional characters are mapped to Simplified after NFKC.
    public let toSimplified: Bool
    let nfkcTable: CodePointTable
    let simplifiedTable: CodePointTable?

    /// A normalizer; throws when ICU lacks the NFKC or Traditional–Simplified data.
    public init(toSimplified: Bool = false) throws(ICUError) {
        self.toSimplified = toSimplified
        nfkcTable = try CharacterTables.nfkc.get()
        simplifiedTable = toSimplified ? try CharacterTables.traditionalToSimplified.get() : nil
    }

    /// Normalizes `text`.
    public func normalize(_ text: String) -> NormalizedText {
        let original = Array(text.unicodeScalars.lazy.map(\.value))
        var buffer = NormalizedBuffer()
        defer { buffer.deallocate() }
        original.withUnsafeBufferPointer { normalize($0, into: &buffer) }
        return NormalizedText(
            scalars: String(String.UnicodeScalarView(buffer.scalars.buffer.lazy.map { Unicode.Scalar($0)! })),
            sourceStart: (0..<buffer.count).map { Int(buffer.sourceStart($0)) },
            sourceEnd: (0..<buffer.count).map { Int(buffer.sourceEnd($0)) })
    }

    /// Normalizes `original` (Unicode scalar values) into `buffer`, replacing its contents.
    func normalize(_ original: UnsafeBufferPointer<UInt32>, into buffer: inout NormalizedBuffer) {
        buffer.removeAll()
        buffer.reserve(original.count)
        let table = nfkcTable
        var i = 0
        let n = original.count
        while i < n {
            let c = original[i]
            if c < 0x10000, case let mapped = table[Int(c)], mapped & CharacterTables.complex == 0,
                i + 1 == n || hasBoundaryBefore(original[i + 1])
            {
                buffer.append(simplified(mapped & CharacterTables.valueMask), from: Int32(i), to: Int32(i + 1))
                i += 1
                continue
            }
            i = normalizeChunk(original, at: i, into: &buffer)
        }
    }

    @inline(__always)
    private func simplified(_ c: UInt32) -> UInt32 {
        guard let simplifiedTable, c < 0x10000 else { return c }
        return simplifiedTable[Int(c)]
    }

    @inline(__always)
    private func hasBoundaryBefore(_ c: UInt32) -> Bool {
        c < 0x10000 ? nfkcTable[Int(c)] & CharacterTables.noBoundaryBefore == 0 : tifa_nfkc_has_boundary_before(c) != 0
    }

    /// Context-free: maps to one scalar and does not combine with what comes before.
    @inline(__always)
    private func isSimple(_ c: UInt32) -> Bool {
        c < 0x10000 && nfkcTable[Int(c)] & (CharacterTables.complex | CharacterTables.noBoundaryBefore) == 0
    }

    /// Normalizes the chunk around the context-dependent scalar at `i` through ICU and returns
    /// the index after it. All of the chunk's output maps to the whole chunk.
    private func normalizeChunk(
        _ original: UnsafeBufferPointer<UInt32>, at i: Int, into buffer: inout NormalizedBuffer
    ) -> Int {
        let start = i
        // The chunk runs to the next scalar that starts a new chunk and maps context-free.
        var end = i + 1
        while end < original.count, !isSimple(original[end]) || !hasBoundaryBefore(original[end]) { end += 1 }

        var utf16: [UInt16] = []
        utf16.reserveCapacity((end - start) * 2)
        for k in start..<end {
            if let scalar = Unicode.Scalar(original[k]) {
                utf16.append(contentsOf: UTF16.encode(scalar)!)
            }
        }
        var output = [UInt16](repeating: 0, count: utf16.count * 4 + 8)
        var status: Int32 = 0
        var length = tifa_nfkc_normalize(utf16, Int32(utf16.count), &output, Int32(output.count), &status)
        if length > output.count {
            output = [UInt16](repeating: 0, count: Int(length))
            length = tifa_nfkc_normalize(utf16, Int32(utf16.count), &output, Int32(output.count), &status)
        }
        if tifa_icu_failed(status) != 0 {
            // ICU could not normalize this chunk: keep it as it is rather than lose text.
            for k in start..<end { buffer.append(original[k], from: Int32(k), to: Int32(k + 1)) }
            return end
        }
        var produced = 0
        for scalar in String(decoding: output[0..<Int(length)], as: UTF16.self).unicodeScalars {
            buffer.append(simplified(scalar.value), from: Int32(start), to: Int32(end))
            produced += 1
        }
        if end - start > 1 || produced != 1 { buffer.hasChunks = true }
        return end
    }
}

/// Normalized scalars and, for each, the range of original scalars it came from. The memory
/// belongs to the owner, which calls `deallocate()`.
///
/// Most lines normalize scalar for scalar (normalized scalar i came from original scalar i), so
/// the ranges are only written down once a line departs from that: until then `sourceStarts` and
/// `sourceEnds` stay empty and `sourceStart(_:)` answers i.
struct NormalizedBuffer {
    var scalars = RawBuffer<UInt32>()
    private var sourceStarts = RawBuffer<Int32>()
    private var sourceEnds = RawBuffer<Int32>()
    /// Whether the source ranges are written down (some scalar did not come from its own index).
    private var mapped = false
    /// Whether any original scalar became several or combined with another: only then can a
    /// position fall inside a chunk.
    var hasChunks = false

    var count: Int { scalars.count }

    func deallocate() {
        scalars.deallocate()
        sourceStarts.deallocate()
        sourceEnds.deallocate()
    }

    mutating func removeAll() {
        scalars.removeAll()
        sourceStarts.removeAll()
        sourceEnds.removeAll()
        mapped = false
        hasChunks = false
    }

    mutating func reserve(_ n: Int) {
        scalars.reserve(n)
    }

    @inline(__always)
    mutating func append(_ scalar: UInt32, from: Int32, to: Int32) {
        if !mapped && Int(from) == scalars.count && to == from + 1 {
            scalars.append(scalar)
            return
        }
        appendMapped(scalar, from: from, to: to)
    }

    private mutating func appendMapped(_ scalar: UInt32, from: Int32, to: Int32) {
        if !mapped {
            mapped = true
            sourceStarts.reserve(scalars.count + 16)
            sourceEnds.reserve(scalars.count + 16)
            for i in 0..<Int32(scalars.count) {
                sourceStarts.append(i)
                sourceEnds.append(i + 1)
            }
        }
        scalars.append(scalar)
        sourceStarts.append(from)
        sourceEnds.append(to)
    }

    /// The first original scalar normalized scalar `i` came from.
    @inline(__always)
    func sourceStart(_ i: Int) -> Int32 { mapped ? sourceStarts[i] : Int32(i) }

    /// The original scalar after the last one normalized scalar `i` came from.
    @inline(__always)
    func sourceEnd(_ i: Int) -> Int32 { mapped ? sourceEnds[i] : Int32(i + 1) }

    /// A token may start or end at normalized index `i` only where a new source chunk starts.
    @inline(__always)
    func isBoundary(_ i: Int) -> Bool {
        !hasChunks || i == 0 || i >= scalars.count || sourceStart(i) != sourceStart(i - 1)
    }
}

/// The result of `Normalizer.normalize(_:)`.
public struct NormalizedText: Sendable, Equatable {
    /// The normalized text.
    public let scalars: String
    let sourceStart: [Int]
    let sourceEnd: [Int]

    /// The range of original Unicode scalars that normalized scalars `range` came from.
    public func originalRange(of range: Range<Int>) -> Range<Int> {
        precondition(!range.isEmpty && range.upperBound <= sourceStart.count, "range outside the normalized text")
        return sourceStart[range.lowerBound]..<sourceEnd[range.upperBound - 1]
    }
}
