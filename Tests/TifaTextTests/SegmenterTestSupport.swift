import Foundation
import TifaText
@_exported import TifaTestSupport
import XCTest

/// One coarse, one fine and one ICU segmenter over the built-in dictionaries, shared by the tests.
enum Segmenters {
    static let lexicon = try! Lexicon.bundled()
    static let coarse = try! LexiconSegmenter(lexicon: lexicon, granularity: .coarse)
    static let fine = try! LexiconSegmenter(lexicon: lexicon, granularity: .fine)
    static let icu = try! ICUSegmenter()
}

extension Segmenter {
    /// The token texts of `text`, sliced from the original.
    func words(_ text: String) -> [String] {
        tokens(in: text).map { String($0.text(in: text)) }
    }
}

