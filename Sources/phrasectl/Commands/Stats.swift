import ArgumentParser
import Tifa

struct Stats: ParsableCommand {
    static let configuration = CommandConfiguration(abstract: "Show the size and shape of an index.")

    @OptionGroup var index: IndexOptions

    @Flag(help: "Write one JSON object.")
    var json = false

    func run() throws {
        let s: Index.Statistics
        do { s = try index.openForReading().statistics() } catch { fail(.index(error)) }
        if json {
            JSONLines().write(
                StatsRow(
                    documents: s.documents, characters: s.characters, blocks: s.blocks, segments: s.segments, bytes: s.fileBytes,
                    format: s.formatVersion, toSimplified: s.toSimplified, wordAnalysis: s.wordSignatures,
                    wordsMatchThisVersion: s.wordsMatchAnalyzer))
        } else {
            print("documents       \(s.documents)")
            print("characters      \(s.characters)")
            print("posting blocks  \(s.blocks)")
            print("segments        \(s.segments)")
            print("size            \(megabytes(s.fileBytes)) (\(s.fileBytes) bytes)")
            print("format          \(s.formatVersion)\(s.toSimplified ? ", Traditional matched as Simplified" : "")")
            for signature in s.wordSignatures { print("words cut by    \(signature)") }
            if !s.wordsMatchAnalyzer {
                print("                (this phrasectl cuts words with another lexicon: new documents' words are counted differently)")
            }
        }
    }
}

/// The `stats --json` object.
private struct StatsRow: Encodable {
    var documents: Int
    var characters: Int
    var blocks: Int
    var segments: Int
    var bytes: Int
    var format: Int
    var toSimplified: Bool
    var wordAnalysis: [String]
    var wordsMatchThisVersion: Bool
}
