import ArgumentParser
import Foundation
import Tifa

struct KeynessCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "keyness",
        abstract: "Words and formulations a slice of the index uses more, or less, than another.",
        discussion: """
            Give two disjoint slices as queries, e.g. --target date:2025 --reference date:2013..2024. \
            Words are those the coarse segmenter cut when the documents were indexed; a word the \
            lexicon knows as political vocabulary is counted again exactly and shown as a \
            formulation. Sizes are in characters. Each row has the raw counts and sizes, \
            log-likelihood G² with its p-value, Log Ratio (log₂ of the ratio of rates), %DIFF and \
            simple maths (rates per million plus 1, divided); rows are sorted by G², and kept when \
            p is below the corrected threshold and |Log Ratio| reaches --min-log-ratio.
            """)

    @OptionGroup var index: IndexOptions

    @Option(help: ArgumentHelp("The documents studied.", valueName: "QUERY"))
    var target: String

    @Option(help: ArgumentHelp("The documents they are compared with.", valueName: "QUERY"))
    var reference: String

    @Option(help: ArgumentHelp("Show at most this many items.", valueName: "N"))
    var top = 30

    @Option(name: .customLong("min-count"), help: ArgumentHelp("Leave out items counted fewer times in both slices together.", valueName: "N"))
    var minimumCount = 5

    @Option(help: ArgumentHelp("Significance level before correction (1 keeps every item).", valueName: "P"))
    var alpha = 0.05

    @Option(help: ArgumentHelp("Correction for testing many items: sidak, bonferroni or none.", valueName: "sidak|bonferroni|none"))
    var correction: SignificanceCorrection = .sidak

    @Option(name: .customLong("min-log-ratio"), help: ArgumentHelp("Leave out items whose |Log Ratio| is smaller.", valueName: "X"))
    var minimumLogRatio = 0.0

    @Option(help: ArgumentHelp("Also compare this many phrases mined from the target that the lexicon does not know, counted exactly (mining takes seconds on a large target).", valueName: "N"))
    var mined = 0

    @Flag(help: "Print no progress.")
    var quiet = false

    @Flag(help: "Write one JSON object per item.")
    var json = false

    @Flag(help: "Write CSV: one row per item.")
    var csv = false

    func validate() throws {
        guard top >= 1 else { throw ValidationError("--top must be at least 1 (got \(top)).") }
        guard minimumCount >= 1 else { throw ValidationError("--min-count must be at least 1 (got \(minimumCount)).") }
        guard alpha > 0 && alpha <= 1 else { throw ValidationError("--alpha must be above 0 and at most 1 (got \(alpha)).") }
        guard minimumLogRatio >= 0 && minimumLogRatio.isFinite else { throw ValidationError("--min-log-ratio must be 0 or more (got \(minimumLogRatio)).") }
        guard !(json && csv) else { throw ValidationError("Choose one of --json and --csv.") }
        guard (0...1_000).contains(mined) else { throw ValidationError("--mined must be from 0 to 1000 (got \(mined)).") }
    }

    func run() throws {
        var options = KeynessOptions()
        options.top = top
        options.minimumCount = minimumCount
        options.alpha = alpha
        options.correction = correction
        options.minimumLogRatio = minimumLogRatio
        options.minedPhrases = mined
        let result: Keyness
        var status = StatusLine(label: "keyness", quiet: quiet)
        status.show(mined > 0 ? "counting the slices and mining the target…" : "counting the slices…")
        do { result = try index.openForReading().keyness(target: target, reference: reference, options: options) } catch {
            status.clear()
            fail(.index(error))
        }
        status.clear()
        if result.targetDocuments == 0 { fail(.nothing("the target query \(target) matches no document")) }
        if result.referenceDocuments == 0 { fail(.nothing("the reference query \(reference) matches no document")) }
        if let shared = result.sharedDocuments, shared > 0 {
            var stderr = StandardError()
            print("phrasectl: warning: \(counted(shared, "document")) in both slices; keyness compares disjoint slices", to: &stderr)
        }
        let header = ["item", "unit", "targetCount", "referenceCount", "targetSize", "referenceSize", "logLikelihood", "pValue", "logRatio", "percentDiff", "simpleMaths", "overused"]
        if json {
            let output = JSONLines()
            for item in result.items { output.write(KeynessRow(item)) }
        } else if csv {
            let output = CSVWriter(header: header)
            for item in result.items {
                let s = item.statistics
                output.write([
                    item.item, item.unit.rawValue, String(s.targetCount), String(s.referenceCount), String(s.targetSize), String(s.referenceSize),
                    cell(s.logLikelihood), String(format: "%.3g", s.pValue), cell(s.logRatio), cell(s.percentDiff), cell(s.simpleMaths), String(s.overused),
                ])
            }
        } else {
            print("target \(counted(result.targetDocuments, "document")), \(result.targetSize) characters; reference \(counted(result.referenceDocuments, "document")), \(result.referenceSize) characters; \(counted(result.tested, "item")) tested")
            let table = TextTable(header: ["item", "unit", "target", "reference", "G²", "log ratio", "%DIFF", "use"], rightAligned: [2, 3, 4, 5, 6])
            for item in result.items {
                let s = item.statistics
                table.add([
                    item.item, item.unit.rawValue, String(s.targetCount), String(s.referenceCount), String(format: "%.1f", s.logLikelihood),
                    String(format: "%.2f", s.logRatio), s.percentDiff.map { String(format: "%.0f", $0) } ?? "new", s.overused ? "more" : "less",
                ])
            }
            if !result.items.isEmpty { table.print() }
        }
    }
}

extension SignificanceCorrection: ExpressibleByArgument {}

/// A `keyness --json` line.
private struct KeynessRow: Encodable {
    var item: String
    var unit: String
    var targetCount: Int
    var referenceCount: Int
    var targetSize: Int
    var referenceSize: Int
    @Nullable var logLikelihood: Double?
    var pValue: Double
    @Nullable var logRatio: Double?
    @Nullable var percentDiff: Double?
    @Nullable var simpleMaths: Double?
    var overused: Bool

    init(_ item: KeynessItem) {
        let s = item.statistics
        self.item = item.item
        unit = item.unit.rawValue
        targetCount = s.targetCount
        referenceCount = s.referenceCount
        targetSize = s.targetSize
        referenceSize = s.referenceSize
        logLikelihood = rounded(s.logLikelihood, places: 3)
        pValue = s.pValue
        logRatio = rounded(s.logRatio, places: 4)
        percentDiff = s.percentDiff.flatMap { rounded($0, places: 2) }
        simpleMaths = rounded(s.simpleMaths, places: 4)
        overused = s.overused
    }
}
