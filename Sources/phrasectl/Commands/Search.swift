import ArgumentParser
import Tifa

struct Search: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Find documents matching a query, ranked by BM25 or ordered by date.",
        discussion: """
            Query syntax: terms and "exact phrases" (both match exactly as substrings), AND (also \
            implied), OR, NOT or -term, a NEAR/n b (at most n characters apart), parentheses, and \
            filters date:2012..2017, date:2015, speaker:…, source:…, tag:…, title:…. \
            Example: "全面从严治党" AND (巡视 OR 巡察) -疫情 date:2015..2024
            """)

    @OptionGroup var index: ShardedIndexOptions

    @Option(help: ArgumentHelp("Show at most this many documents.", valueName: "N"))
    var limit = 20

    @Option(help: ArgumentHelp("relevance (BM25) or date (oldest first).", valueName: "relevance|date"))
    var sort: Index.SearchOrder = .relevance

    @Flag(help: "Write one JSON object per document.")
    var json = false

    @Argument(help: "The query (quote it for the shell).")
    var query: String

    func validate() throws {
        guard limit >= 1 else { throw ValidationError("--limit must be at least 1 (got \(limit)).") }
    }

    func run() throws {
        let opened = index.open()
        let paths = opened.shards.map(\.path), sharded = paths.count > 1
        let hits: [ShardedIndex.Located<SearchHit>]
        do { hits = try opened.search(query, limit: limit, order: sort) } catch { fail(.index(error)) }
        let output = JSONLines()
        let table = TextTable(header: ["score", "occurrences", "date", "id", "title"] + (sharded ? ["shard"] : []), rightAligned: [0, 1])
        for located in hits {
            let hit = located.value, d = hit.document
            if json {
                output.write(
                    SearchRow(
                        shard: sharded ? paths[located.shard] : nil, id: d.id, score: rounded(hit.score, places: 4) ?? 0, occurrences: hit.occurrences,
                        title: d.title, date: d.date, speaker: d.speaker))
            } else {
                table.add([String(format: "%.3f", hit.score), String(hit.occurrences), d.date ?? "-", d.id, d.title ?? ""] + (sharded ? [paths[located.shard]] : []))
            }
        }
        if !json && !hits.isEmpty { table.print() }
    }
}

/// A `search --json` line.
private struct SearchRow: Encodable {
    /// The shard's file, with several shards only.
    var shard: String?
    var id: String
    var score: Double
    var occurrences: Int
    @Nullable var title: String?
    @Nullable var date: String?
    @Nullable var speaker: String?
}

extension Index.SearchOrder: ExpressibleByArgument {}
