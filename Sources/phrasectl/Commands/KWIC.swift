import ArgumentParser
import Tifa

struct KWIC: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "kwic",
        abstract: "Show every occurrence of a phrase in context (keyword in context).",
        discussion: """
            JSON lines: {"id","start","end","left","match","right"} where id is the document's id and \
            start/end are character offsets into its original text, for highlighting.
            """)

    @OptionGroup var index: ShardedIndexOptions

    @Option(help: ArgumentHelp("Characters of context on each side.", valueName: "N"))
    var width = 20

    @Option(help: ArgumentHelp("Show at most this many lines.", valueName: "N"))
    var limit: Int?

    @Option(help: ArgumentHelp("date (document date, then position), left or right (by context).", valueName: "date|left|right"))
    var sort: Index.KWICOrder = .date

    @Option(help: ArgumentHelp("Only in the documents this query matches (e.g. 'date:2024', 'id:gwr-2024.md').", valueName: "QUERY"))
    var filter: String?

    @Flag(help: "Write one JSON object per occurrence.")
    var json = false

    @Argument(help: "The phrase.")
    var phrase: String

    func validate() throws {
        guard (0...1_000).contains(width) else { throw ValidationError("--width must be from 0 to 1000 characters (got \(width)).") }
        if let limit, limit < 1 { throw ValidationError("--limit must be at least 1 (got \(limit)).") }
    }

    func run() throws {
        let opened = index.open()
        let paths = opened.shards.map(\.path), sharded = paths.count > 1
        let lines: [ShardedIndex.Located<KWICLine>]
        do { lines = try opened.kwic(trimmedPhrase(phrase), width: width, limit: limit, order: sort, filter: filter) } catch { fail(.index(error)) }
        let output = JSONLines()
        let table = TextTable(header: (sharded ? ["shard"] : []) + ["id", "left", "match", "right"], rightAligned: [sharded ? 2 : 1])
        for located in lines {
            let line = located.value
            if json {
                output.write(
                    KWICRow(
                        shard: sharded ? paths[located.shard] : nil, id: line.id, start: line.start, end: line.end, left: line.left, match: line.match,
                        right: line.right))
            } else {
                table.add((sharded ? [paths[located.shard]] : []) + [line.id, line.left, line.match, line.right])
            }
        }
        if !json && !lines.isEmpty { table.print() }
    }
}

/// A `kwic --json` line.
private struct KWICRow: Encodable {
    /// The shard's file, with several shards only.
    var shard: String?
    var id: String
    var start: Int
    var end: Int
    var left: String
    var match: String
    var right: String
}

extension Index.KWICOrder: ExpressibleByArgument {}
