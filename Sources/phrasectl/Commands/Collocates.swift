import ArgumentParser
import Foundation
import Tifa

struct CollocatesCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "collocates",
        abstract: "Words that keep company with a phrase, ranked by an association measure.",
        discussion: """
            The phrase is counted exactly (any phrase, not only a word); the window is counted in \
            words of the coarse segmentation, passing over punctuation, numbers and symbols; \
            collocates are words of two or more characters. Frequencies and the corpus size come from \
            the word postings of the documents counted. Measures: ll (log-likelihood), mi, mi3, \
            logdice, t; the expected co-occurrence is node × collocate frequency / corpus size.
            """)

    @OptionGroup var index: IndexOptions

    @Option(help: ArgumentHelp("Words before and after the phrase: L,R, or one number for both.", valueName: "L,R"))
    var window = "5,5"

    @Option(help: ArgumentHelp("Rank by ll, mi, mi3, logdice or t.", valueName: "ll|mi|mi3|logdice|t"))
    var measure: CollocationMeasure = .logdice

    @Option(help: ArgumentHelp("Count only in the documents this query matches.", valueName: "QUERY"))
    var filter: String?

    @Option(name: .customLong("min-count"), help: ArgumentHelp("Leave out collocates seen fewer times.", valueName: "N"))
    var minimumCount = 3

    @Option(help: ArgumentHelp("Show at most this many collocates.", valueName: "N"))
    var top = 30

    @Flag(help: "Print no progress.")
    var quiet = false

    @Flag(help: "Write one JSON object per collocate.")
    var json = false

    @Flag(help: "Write CSV: one row per collocate.")
    var csv = false

    @Argument(help: "The phrase (the node).")
    var phrase: String

    var span: (left: Int, right: Int)? {
        let parts = window.split(separator: ",", omittingEmptySubsequences: false).map { Int($0.trimmingCharacters(in: .whitespaces)) }
        switch parts.count {
        case 1: return parts[0].map { ($0, $0) }
        case 2: if let l = parts[0], let r = parts[1] { return (l, r) } else { return nil }
        default: return nil
        }
    }

    func validate() throws {
        guard let span, (0...100).contains(span.left), (0...100).contains(span.right), span.left + span.right > 0 else {
            throw ValidationError("--window takes L,R (words before and after, 0 to 100, not both 0), e.g. 5,5 or 3 (got '\(window)').")
        }
        guard top >= 1 else { throw ValidationError("--top must be at least 1 (got \(top)).") }
        guard minimumCount >= 1 else { throw ValidationError("--min-count must be at least 1 (got \(minimumCount)).") }
        guard !(json && csv) else { throw ValidationError("Choose one of --json and --csv.") }
    }

    func run() throws {
        let span = span!
        let found: [Collocate]
        var status = StatusLine(label: "collocates", quiet: quiet)
        status.show("reading the documents that hold \(phrase)…")
        do {
            found = try index.openForReading().collocates(
                of: trimmedPhrase(phrase), left: span.left, right: span.right, filter: filter, measure: measure, minimumCount: minimumCount, top: top)
        } catch {
            status.clear()
            fail(.index(error))
        }
        status.clear()
        let header = ["collocate", "cooccurrences", "collocateFrequency", "nodeFrequency", "corpusSize", "documents", "logLikelihood", "mi", "mi3", "logDice", "t"]
        if json {
            let output = JSONLines()
            for c in found { output.write(CollocateRow(c)) }
        } else if csv {
            let output = CSVWriter(header: header)
            for c in found {
                output.write([
                    c.collocate, String(c.cooccurrences), String(c.collocateFrequency), String(c.nodeFrequency), String(c.corpusSize), String(c.documents),
                    cell(c.logLikelihood), cell(c.mi), cell(c.mi3), cell(c.logDice), cell(c.t),
                ])
            }
        } else {
            let table = TextTable(header: ["collocate", "together", "frequency", "documents", "G²", "MI", "MI3", "logDice", "t"], rightAligned: [1, 2, 3, 4, 5, 6, 7, 8])
            for c in found {
                table.add([
                    c.collocate, String(c.cooccurrences), String(c.collocateFrequency), String(c.documents), String(format: "%.1f", c.logLikelihood),
                    String(format: "%.2f", c.mi), String(format: "%.2f", c.mi3), String(format: "%.2f", c.logDice), String(format: "%.2f", c.t),
                ])
            }
            if let first = found.first {
                print("\(phrase): \(counted(first.nodeFrequency, "occurrence")); \(counted(first.corpusSize, "word")) counted")
                table.print()
            } else {
                print("\(phrase): no collocate seen \(minimumCount) times or more")
            }
        }
    }
}

extension CollocationMeasure: ExpressibleByArgument {}

/// A `collocates --json` line.
private struct CollocateRow: Encodable {
    var collocate: String
    var cooccurrences: Int
    var collocateFrequency: Int
    var nodeFrequency: Int
    var corpusSize: Int
    var documents: Int
    @Nullable var logLikelihood: Double?
    @Nullable var mi: Double?
    @Nullable var mi3: Double?
    @Nullable var logDice: Double?
    @Nullable var t: Double?

    init(_ c: Collocate) {
        collocate = c.collocate
        cooccurrences = c.cooccurrences
        collocateFrequency = c.collocateFrequency
        nodeFrequency = c.nodeFrequency
        corpusSize = c.corpusSize
        documents = c.documents
        logLikelihood = rounded(c.logLikelihood, places: 3)
        mi = rounded(c.mi, places: 4)
        mi3 = rounded(c.mi3, places: 4)
        logDice = rounded(c.logDice, places: 4)
        t = rounded(c.t, places: 4)
    }
}
