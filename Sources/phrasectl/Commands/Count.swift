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

    @OptionGroup var index: ShardedIndexOptions

    @Option(help: ArgumentHelp("Also break the counts down by year, month or document.", valueName: "year|month|document"))
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
        let output = JSONLines()
        let table = TextTable(header: ["phrase", "occurrences", "documents"], rightAligned: [1, 2])
        for phrase in phrases {
            // Without a breakdown the totals suffice, and a character or a pair needs no positions.
            let count: (occurrences: Int, documents: Int)
            var groups: [Index.Group] = []
            let clock = ContinuousClock()
            let started = clock.now
            do {
                if let by {
                    let full = try opened.count(trimmedPhrase(phrase))
                    count = (full.occurrences, full.documents)
                    groups = opened.breakdown(full, by: by)
                } else {
                    let totals = try opened.totals(trimmedPhrase(phrase))
                    count = (totals.occurrences, totals.documents)
                }
            } catch {
                fail(.index(error))
            }
            let elapsed = clock.now - started
            if json {
                let micros = elapsed.components.seconds * 1_000_000 + elapsed.components.attoseconds / 1_000_000_000_000
                output.write(
                    CountRow(
                        phrase: phrase, occurrences: count.occurrences, documents: count.documents,
                        microseconds: timing ? Int(micros) : nil,
                        by: by.map { by in groups.map { GroupRow(key: by.rawValue, value: $0.key, occurrences: $0.occurrences, documents: $0.documents) } }))
            } else if let by {
                print("\(phrase): \(counted(count.occurrences, "occurrence")) in \(counted(count.documents, "document"))")
                let breakdown = TextTable(header: [by.rawValue, "occurrences", "documents"], rightAligned: [1, 2])
                for group in groups { breakdown.add([group.key, String(group.occurrences), String(group.documents)]) }
                if !groups.isEmpty { breakdown.print() }
            } else {
                table.add([phrase, String(count.occurrences), String(count.documents)])
            }
        }
        if !json && by == nil { table.print() }
    }
}

/// A `count --json` line.
private struct CountRow: Encodable {
    var phrase: String
    var occurrences: Int
    var documents: Int
    /// Only with --timing.
    var microseconds: Int?
    /// Only with --by.
    var by: [GroupRow]?
}

/// One group of `count --by`: the group's key is named by the breakdown ("year": "2024").
private struct GroupRow: Encodable {
    var key: String
    var value: String
    var occurrences: Int
    var documents: Int

    private struct Key: CodingKey {
        var stringValue: String
        var intValue: Int? { nil }
        init(stringValue: String) { self.stringValue = stringValue }
        init?(intValue: Int) { nil }
    }

    func encode(to encoder: Encoder) throws {
        var container = encoder.container(keyedBy: Key.self)
        try container.encode(value, forKey: Key(stringValue: key))
        try container.encode(occurrences, forKey: Key(stringValue: "occurrences"))
        try container.encode(documents, forKey: Key(stringValue: "documents"))
    }
}

extension Index.Breakdown: ExpressibleByArgument {}
