import ArgumentParser
import Tifa

struct Count: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Count exact occurrences of phrases, in total or by year, month or document.",
        discussion: """
            Counts are exact: every start position of the phrase in the documents' matching form \
            (NFKC, hard-wrapped words joined), overlapping occurrences included, whatever any \
            segmenter would do with the phrase.
            """)

    @OptionGroup var index: IndexOptions

    @Option(help: "Also break the counts down by year, month or document.")
    var by: Index.Breakdown?

    @Flag(help: "Write one JSON object per phrase.")
    var json = false

    @Flag(help: "Add each count's time in microseconds to the JSON output.")
    var timing = false

    @Argument(help: ArgumentHelp("Phrases to count.", valueName: "PHRASE"))
    var phrases: [String]

    func validate() throws {
        guard !phrases.isEmpty else { throw ValidationError("Give at least one phrase to count.") }
    }

    func run() throws {
        let opened = index.open()
        for phrase in phrases {
            let count: PhraseCount
            let clock = ContinuousClock()
            let started = clock.now
            do { count = try opened.count(phrase) } catch { fail(.index(error)) }
            let elapsed = clock.now - started
            let groups = by.map { opened.breakdown(count, by: $0) } ?? []
            if json {
                var line = "{\"phrase\":\(jsonString(phrase)),\"occurrences\":\(count.occurrences),\"documents\":\(count.documents)"
                if timing {
                    let micros = elapsed.components.seconds * 1_000_000 + elapsed.components.attoseconds / 1_000_000_000_000
                    line += ",\"microseconds\":\(micros)"
                }
                if let by {
                    let items = groups.map {
                        "{\"\(by.rawValue)\":\(jsonString($0.key)),\"occurrences\":\($0.occurrences),\"documents\":\($0.documents)}"
                    }
                    line += ",\"by\":[\(items.joined(separator: ","))]"
                }
                print(line + "}")
            } else {
                print("\(phrase)\t\(count.occurrences) occurrences in \(count.documents) documents")
                for group in groups { print("  \(group.key)\t\(group.occurrences)\t\(group.documents)") }
            }
        }
    }
}

extension Index.Breakdown: ExpressibleByArgument {}
