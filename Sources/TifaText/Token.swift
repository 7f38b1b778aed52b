/// What a token is. Set formulations (`tifa`) and redaction masks (`mask`) are first-class
/// because they are what Tifa's users count.
public enum TokenKind: String, Sendable, Hashable, CaseIterable, Codable, BitwiseCopyable {
    /// A dictionary word or an unknown Han span.
    case word
    /// A set political formulation: a lexicon entry tagged `tifa`, or a numbered formula
    /// recognised by grammar (两个维护, 三严三实, 三县一城一枢纽).
    case tifa
    /// Digits or Chinese numerals, with a unit or date suffix when one follows (2022年, 3.5%, 二○○一年).
    case number
    /// A run of Latin, Greek or Cyrillic letters and digits (G20, COVID-19).
    case latin
    /// A punctuation mark, or a run of the same mark (……, ——).
    case punctuation
    /// A redaction mask (`**`, `*月**日`, `×××`, `XX`, `○○`).
    case mask
    /// Any other symbol (emoji, arrows, currency signs).
    case symbol
}

extension TokenKind {
    /// The kind's index in `allCases`, as the segmenter's DAG stores it.
    @inline(__always)
    var code: UInt8 {
        switch self {
        case .word: 0
        case .tifa: 1
        case .number: 2
        case .latin: 3
        case .punctuation: 4
        case .mask: 5
        case .symbol: 6
        }
    }

    @inline(__always)
    init(code: UInt8) {
        switch code {
        case 0: self = .word
        case 1: self = .tifa
        case 2: self = .number
        case 3: self = .latin
        case 4: self = .punctuation
        case 5: self = .mask
        default: self = .symbol
        }
    }
}

/// One token: its kind and where it is in the ORIGINAL text, as UTF-8 byte offsets and as
/// Unicode-scalar offsets. Normalization never moves these: slicing the original text at
/// either range gives the token's text.
///
/// ```swift
/// let text = "２０２２年召开"
/// let year = try LexiconSegmenter().tokens(in: text)[0]
/// print(year.text(in: text), year.kind, year.utf8Range, year.scalarRange)   // ２０２２年 number 0..<15 0..<5
/// ```
public struct Token: Sendable, Hashable {
    /// What the token is.
    public var kind: TokenKind
    /// UTF-8 byte range in the original text.
    public var utf8Range: Range<Int>
    /// Unicode-scalar range in the original text.
    public var scalarRange: Range<Int>

    /// A token of `kind` at these ranges of an original text.
    public init(kind: TokenKind, utf8Range: Range<Int>, scalarRange: Range<Int>) {
        self.kind = kind
        self.utf8Range = utf8Range
        self.scalarRange = scalarRange
    }

    /// The token's text, sliced from the original string it was cut from.
    public func text(in original: String) -> Substring {
        let utf8 = original.utf8
        let start = utf8.index(utf8.startIndex, offsetBy: utf8Range.lowerBound)
        let end = utf8.index(start, offsetBy: utf8Range.count)
        return original[start..<end]
    }
}
