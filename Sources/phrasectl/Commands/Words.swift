import ArgumentParser
import Tifa

struct Words: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "List the most frequent words of an index, or of the documents a query matches.",
        discussion: """
            Words are tokens of the coarse segmenter (set formulations whole), counted when the documents were \
            indexed; a formulation also counts toward every word and formulation nested in it (推动高质量发展 \
            toward 推动 and 高质量发展).
            """)

    @OptionGroup var index: ShardedIndexOptions

    @Option(help: ArgumentHelp("Only documents matching this query (search syntax).", valueName: "QUERY"))
    var filter: String?

    @Option(help: ArgumentHelp("Show this many words.", valueName: "N"))
    var top = 50

    @Option(name: .customLong("min-length"), help: ArgumentHelp("Leave out words shorter than this many characters.", valueName: "N"))
    var minimumLength = 2

    @Flag(help: "Write one JSON object per word.")
    var json = false

    func validate() throws {
        guard top >= 1 else { throw ValidationError("--top must be at least 1 (got \(top)).") }
        guard minimumLength >= 1 else { throw ValidationError("--min-length must be at least 1 (got \(minimumLength)).") }
    }

    func run() throws {
        let found: [WordFrequency]
        do { found = try index.open().wordFrequencies(matching: filter, top: top, minimumLength: minimumLength) } catch {
            fail(.index(error))
        }
        let output = JSONLines()
        let table = TextTable(header: ["word", "occurrences", "documents"], rightAligned: [1, 2])
        for entry in found {
            if json {
                output.write(WordRow(word: entry.word, occurrences: entry.occurrences, documents: entry.documents))
            } else {
                table.add([entry.word, String(entry.occurrences), String(entry.documents)])
            }
        }
        if !json && !found.isEmpty { table.print() }
    }
}

/// A `words --json` line.
private struct WordRow: Encodable {
    var word: String
    var occurrences: Int
    var documents: Int
}
