import Foundation
import TifaText
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

/// The folder holding the repository, for fixtures kept in it.
let repositoryRoot = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
    .deletingLastPathComponent()

/// `../shared/data`, the corpora some tests read; not part of the repository.
let sharedData = repositoryRoot.deletingLastPathComponent().appendingPathComponent("shared/data")

/// Skips the calling test when `../shared/data` lacks what it needs, but fails it when CI=true:
/// there a skip would let a checkout without the data pass unnoticed.
func requireSharedData(
    _ present: Bool, _ missing: @autoclosure () -> String,
    environment: [String: String] = ProcessInfo.processInfo.environment
) throws {
    guard !present else { return }
    let message = "\(missing()): the test needs ../shared/data beside the repository (\(sharedData.path))"
    if environment["CI"] == "true" { throw MissingSharedData(description: message + "; CI=true, so this fails instead of skipping") }
    throw XCTSkip(message)
}

struct MissingSharedData: Error, CustomStringConvertible {
    var description: String
}
