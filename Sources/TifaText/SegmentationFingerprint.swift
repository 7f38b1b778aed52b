/// The number of tokens a segmenter cuts from some lines and a checksum of their kinds and
/// scalar ranges: a compact way to pin segmentation output, so a change in it is noticed
/// (tests and benchmarks compare fingerprints against recorded ones).
///
/// ```swift
/// let fingerprint = SegmentationFingerprint(of: ["做到两个维护"], segmenter: try LexiconSegmenter())
/// ```
///
/// A tool of the tests and benchmarks, not of the library's users: `@_spi(Fingerprint) import TifaText`.
@_spi(Fingerprint)
public struct SegmentationFingerprint: Sendable, Equatable, CustomStringConvertible {
    public var tokens: Int
    public var checksum: UInt64

    public init(tokens: Int, checksum: UInt64) {
        self.tokens = tokens
        self.checksum = checksum
    }

    /// Segments `lines` and fingerprints the tokens (FNV-1a over start, end and kind of each).
    public init(of lines: [String], segmenter: any Segmenter) {
        let workspace = SegmentationWorkspace()
        var buffer: [Token] = []
        var count = 0
        var hash = FNV1a()
        for var line in lines {
            buffer.removeAll(keepingCapacity: true)
            // A Swift String is valid UTF-8, so segmentation cannot fail.
            line.withUTF8 { try! segmenter.segment($0, into: &buffer, workspace: workspace) }
            count += buffer.count
            for token in buffer {
                for value in [token.scalarRange.lowerBound, token.scalarRange.upperBound, token.kind.ordinal] {
                    hash.add(word: UInt64(truncatingIfNeeded: value))
                }
            }
        }
        tokens = count
        checksum = hash.value
    }

    public var description: String { "\(tokens) tokens, checksum \(checksum)" }
}

extension TokenKind {
    /// A stable number per kind, unlike `hashValue`.
    var ordinal: Int { TokenKind.allCases.firstIndex(of: self)! }
}
