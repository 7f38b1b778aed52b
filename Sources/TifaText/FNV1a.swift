/// The 64-bit FNV-1a hash: content hashes of documents, checksums of compiled lexicons and
/// segmentation fingerprints all use it, so one definition serves them.
package struct FNV1a {
    package static let offsetBasis: UInt64 = 0xCBF2_9CE4_8422_2325
    package static let prime: UInt64 = 0x0000_0100_0000_01B3

    package private(set) var value = offsetBasis

    package init() {}

    @inline(__always)
    package mutating func add(_ byte: UInt8) {
        value = (value ^ UInt64(byte)) &* Self.prime
    }

    package mutating func add(_ text: String) {
        for byte in text.utf8 { add(byte) }
    }

    /// Mixes in a whole value at once (not byte by byte): faster, and enough for checksums.
    @inline(__always)
    package mutating func add(word: UInt64) {
        value = (value ^ word) &* Self.prime
    }

    /// Word-at-a-time hashing leaves the high bits of a word unmixed into the low ones; folding
    /// them down after each word keeps every input bit in play.
    @inline(__always)
    package mutating func foldHighBits() {
        value ^= value >> 29
    }

    package var signed: Int64 { Int64(bitPattern: value) }
}
