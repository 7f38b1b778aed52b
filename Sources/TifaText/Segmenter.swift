/// Cuts text into tokens whose ranges point into the original text.
///
/// ```swift
/// let text = "增强“四个意识”"
/// for token in try LexiconSegmenter().tokens(in: text) { print(token.text(in: text), token.kind) }   // 增强 word, “ punctuation, 四个意识 tifa, ” punctuation
/// ```
public protocol Segmenter: Sendable {
    /// Segments the UTF-8 text in `utf8`, appending tokens (offsets relative to `utf8`) to `tokens`.
    /// `workspace` holds reusable buffers; use one per thread.
    func segment(
        _ utf8: UnsafeBufferPointer<UInt8>, into tokens: inout [Token], workspace: SegmentationWorkspace
    ) throws(SegmentationError)
}

extension Segmenter {
    /// The tokens of `text`.
    public func tokens(in text: String) -> [Token] {
        var text = text
        var tokens: [Token] = []
        let workspace = SegmentationWorkspace()
        text.withUTF8 { bytes in
            // A Swift String is always valid UTF-8.
            try! segment(bytes, into: &tokens, workspace: workspace)
        }
        return tokens
    }
}

/// The segmentation modes `phrasectl segment --mode` offers, for choosing one by name.
///
/// ```swift
/// let mode = SegmentationMode(rawValue: "fine") ?? .coarse
/// let segmenter = try mode.makeSegmenter(lexicon: { try Lexicon.bundled() })
/// ```
public enum SegmentationMode: String, Sendable, CaseIterable {
    /// Words close to the People's Daily (PKU) standard.
    case fine
    /// Set phrases, numbered formulas, organ names and titles kept whole: the default for analysis.
    case coarse
    /// ICU word breaks only: the baseline.
    case icu

    /// A segmenter for this mode; `lexicon` is called only by the modes that use a lexicon.
    public func makeSegmenter(toSimplified: Bool = false, lexicon: () throws -> Lexicon) throws -> any Segmenter {
        switch self {
        case .fine: return try LexiconSegmenter(lexicon: lexicon(), granularity: .fine, toSimplified: toSimplified)
        case .coarse: return try LexiconSegmenter(lexicon: lexicon(), granularity: .coarse, toSimplified: toSimplified)
        case .icu: return try ICUSegmenter(toSimplified: toSimplified)
        }
    }
}

/// Why text could not be segmented.
public enum SegmentationError: Error, CustomStringConvertible, Sendable, Equatable {
    /// The input is not valid UTF-8 at this byte offset.
    case invalidUTF8(byteOffset: Int)
    /// ICU failed.
    case icu(ICUError)

    /// The failure, with the byte offset for invalid UTF-8.
    public var description: String {
        switch self {
        case let .invalidUTF8(offset): return "invalid UTF-8 at byte \(offset)"
        case let .icu(error): return error.description
        }
    }
}
