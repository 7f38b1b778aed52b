import ArgumentParser
import Foundation
import Tifa

struct TrendCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "trend",
        abstract: "How often phrases occur by year, month, speaker or source, with first and last appearance and dispersion.",
        discussion: """
            Each bucket has the phrase's exact occurrences, the documents that have it, the bucket's \
            size in characters and the occurrences per million characters; buckets without the phrase \
            are listed too. First and last appearance are the earliest and latest dated documents \
            with the phrase. Dispersion is over the documents counted: range (documents with the \
            phrase), Juilland's D (1 = even, towards 0 = in one document) and Gries' DP (0 = as the \
            documents' sizes predict, towards 1 = crowded into a small part).
            """)

    @OptionGroup var index: ShardedIndexOptions

    @Option(help: ArgumentHelp("Bucket by year, month, speaker or source.", valueName: "year|month|speaker|source"))
    var by: TrendGrouping = .year

    @Option(help: ArgumentHelp("Count only in the documents this query matches (e.g. 'date:2013..2025').", valueName: "QUERY"))
    var filter: String?

    @Flag(help: "Write one JSON object per phrase.")
    var json = false

    @Flag(help: "Write CSV: one row per phrase and bucket.")
    var csv = false

    @Argument(help: "Phrases to follow.")
    var phrases: [String] = []

    func validate() throws {
        guard !phrases.isEmpty else { throw ValidationError("Give at least one phrase.") }
        guard !(json && csv) else { throw ValidationError("Choose one of --json and --csv.") }
    }

    func run() throws {
        let trends: [Trend]
        do { trends = try index.open().trends(of: phrases.map(trimmedPhrase), by: by, filter: filter) } catch { fail(.index(error)) }
        if json {
            let output = JSONLines()
            for trend in trends { output.write(TrendRow(trend)) }
        } else if csv {
            let output = CSVWriter(header: ["phrase", by.rawValue, "occurrences", "documents", "characters", "perMillion"])
            for trend in trends {
                for bucket in trend.buckets {
                    output.write([trend.phrase, bucket.key, String(bucket.occurrences), String(bucket.documents), String(bucket.characters), cell(bucket.perMillion)])
                }
            }
        } else {
            for trend in trends { printText(trend) }
        }
    }

    private func printText(_ trend: Trend) {
        let occurrences = trend.buckets.reduce(0) { $0 + $1.occurrences }
        print("\(trend.phrase): \(counted(occurrences, "occurrence")) in \(counted(trend.dispersion.range, "document"))")
        func place(_ appearance: Trend.Appearance?) -> String { appearance.map { "\($0.date ?? "undated") (\($0.id))" } ?? "-" }
        if trend.first != nil { print("first \(place(trend.first)), last \(place(trend.last))") }
        print("dispersion: range \(trend.dispersion.range), Juilland's D \(cell(trend.dispersion.juillandD).nonEmpty ?? "-"), Gries' DP \(cell(trend.dispersion.griesDP).nonEmpty ?? "-")")
        let table = TextTable(header: [by.rawValue, "occurrences", "documents", "characters", "per million"], rightAligned: [1, 2, 3, 4])
        for bucket in trend.buckets {
            table.add([bucket.key, String(bucket.occurrences), String(bucket.documents), String(bucket.characters), String(format: "%.2f", bucket.perMillion)])
        }
        table.print()
    }
}

extension TrendGrouping: ExpressibleByArgument {}

extension String {
    var nonEmpty: String? { isEmpty ? nil : self }
}

/// A `trend --json` line.
private struct TrendRow: Encodable {
    var phrase: String
    var buckets: [BucketRow]
    @Nullable var first: AppearanceRow?
    @Nullable var last: AppearanceRow?
    var dispersion: DispersionRow

    struct BucketRow: Encodable {
        var key: String
        var occurrences: Int
        var documents: Int
        var characters: Int
        @Nullable var perMillion: Double?
    }

    struct AppearanceRow: Encodable {
        @Nullable var date: String?
        var id: String
    }

    struct DispersionRow: Encodable {
        var range: Int
        @Nullable var juillandD: Double?
        @Nullable var griesDP: Double?
    }

    init(_ trend: Trend) {
        phrase = trend.phrase
        buckets = trend.buckets.map {
            BucketRow(key: $0.key, occurrences: $0.occurrences, documents: $0.documents, characters: $0.characters, perMillion: rounded($0.perMillion, places: 3))
        }
        first = trend.first.map { AppearanceRow(date: $0.date, id: $0.id) }
        last = trend.last.map { AppearanceRow(date: $0.date, id: $0.id) }
        dispersion = DispersionRow(
            range: trend.dispersion.range, juillandD: trend.dispersion.juillandD.flatMap { rounded($0, places: 4) },
            griesDP: trend.dispersion.griesDP.flatMap { rounded($0, places: 4) })
    }
}
