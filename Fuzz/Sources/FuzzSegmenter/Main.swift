import FuzzSupport
import Tifa

/// Any bytes: a typed error at a byte inside the input for invalid UTF-8; otherwise tokens that
/// tile the input in both modes, each with nested parts inside it.
@main enum FuzzSegmenter {
    static let lexicon = try! Lexicon.bundled()
    static let coarse = try! LexiconSegmenter(lexicon: lexicon, granularity: .coarse)
    static let fine = try! LexiconSegmenter(lexicon: lexicon, granularity: .fine)
    static let simplified = try! LexiconSegmenter(lexicon: lexicon, granularity: .coarse, toSimplified: true)

    static func main() {
        runFuzzer { input in
            let bytes = input.bindMemory(to: UInt8.self)
            let workspace = SegmentationWorkspace()
            for segmenter in [coarse, fine, simplified] {
                var tokens: [Token] = []
                do {
                    try segmenter.segment(bytes, into: &tokens, workspace: workspace)
                } catch SegmentationError.invalidUTF8(let offset) {
                    precondition(offset >= 0 && offset < bytes.count, "invalid UTF-8 reported outside the input")
                    continue
                } catch {
                    preconditionFailure("unexpected error \(error)")
                }
                var end = 0
                for token in tokens {
                    precondition(token.utf8Range.lowerBound >= end, "tokens overlap")
                    precondition(token.utf8Range.upperBound <= bytes.count && !token.utf8Range.isEmpty, "token outside the input")
                    end = token.utf8Range.upperBound
                    for part in segmenter.parts(of: token, in: bytes, workspace: workspace) {
                        precondition(token.utf8Range.contains(part.token.utf8Range.lowerBound), "part outside its token")
                        precondition(part.token.utf8Range.upperBound <= token.utf8Range.upperBound, "part outside its token")
                    }
                }
            }
        }
    }
}
