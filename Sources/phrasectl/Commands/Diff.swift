import ArgumentParser
import Foundation
import Tifa

struct DiffCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "diff",
        abstract: "What B says that A does not: words and formulations added, dropped and changed, and new sentences.",
        discussion: """
            A and B are document ids or queries (date:2024 against date:2025). Items are words of two \
            or more characters; those the lexicon knows as political vocabulary are counted exactly \
            as formulations. Added: in B, not in A; dropped: in A, not in B; changed: in both, the \
            largest change of rate first (log-likelihood); each with one line of context. New \
            sentences: sentences of B with no near-identical sentence in A (80% of character pairs \
            shared).
            """)

    @OptionGroup var index: IndexOptions

    @Option(help: ArgumentHelp("Show at most this many items of each kind.", valueName: "N"))
    var top = 15

    @Option(name: .customLong("min-count"), help: ArgumentHelp("Leave out items counted fewer times on the side that has them.", valueName: "N"))
    var minimumCount = 2

    @Flag(help: "Write one JSON object.")
    var json = false

    @Flag(help: "Write CSV: one row per item (kind added, dropped or changed) and per new sentence (kind sentence).")
    var csv = false

    @Argument(help: "The earlier side: a document id or a query.")
    var a: String

    @Argument(help: "The later side: a document id or a query.")
    var b: String

    func validate() throws {
        guard top >= 1 else { throw ValidationError("--top must be at least 1 (got \(top)).") }
        guard minimumCount >= 1 else { throw ValidationError("--min-count must be at least 1 (got \(minimumCount)).") }
        guard !(json && csv) else { throw ValidationError("Choose one of --json and --csv.") }
    }

    func run() throws {
        let diff: IndexDiff
        do { diff = try index.openForReading().diff(a, b, top: top, minimumCount: minimumCount) } catch { fail(.index(error)) }
        if diff.documentsA == 0 { fail(.nothing("\(a) is no document id and matches no document")) }
        if diff.documentsB == 0 { fail(.nothing("\(b) is no document id and matches no document")) }
        if diff.sharedDocuments > 0 {
            var stderr = StandardError()
            print("phrasectl: warning: \(counted(diff.sharedDocuments, "document")) on both sides", to: &stderr)
        }
        if json {
            JSONLines().write(DiffRow(diff))
            return
        }
        if csv {
            let output = CSVWriter(header: ["kind", "phrase", "unit", "countA", "countB", "logRatio", "id", "context"])
            for (kind, items) in [("added", diff.added), ("dropped", diff.dropped), ("changed", diff.changed)] {
                for item in items {
                    output.write([
                        kind, item.phrase, item.unit.rawValue, String(item.countA), String(item.countB), cell(item.logRatio, places: 4),
                        item.context?.id ?? "", item.context.map { $0.left + $0.match + $0.right } ?? "",
                    ])
                }
            }
            for sentence in diff.newSentences { output.write(["sentence", sentence.text, "", "", "", "", sentence.id, ""]) }
            return
        }
        print("A: \(counted(diff.documentsA, "document")), \(diff.sizeA) characters; B: \(counted(diff.documentsB, "document")), \(diff.sizeB) characters")
        for (title, items) in [("added in B", diff.added), ("dropped from A", diff.dropped), ("changed most", diff.changed)] {
            print("\n\(title)")
            guard !items.isEmpty else {
                print("  none")
                continue
            }
            let table = TextTable(header: ["phrase", "unit", "A", "B", "log ratio", "in context"], rightAligned: [2, 3, 4])
            for item in items {
                let context = item.context.map { "\($0.left)[\($0.match)]\($0.right)" } ?? ""
                table.add([item.phrase, item.unit.rawValue, String(item.countA), String(item.countB), String(format: "%.2f", item.logRatio), context])
            }
            table.print()
        }
        print("\nnew sentences in B: \(diff.newSentences.count)")
        for sentence in diff.newSentences.prefix(top) { print("  \(sentence.text)") }
        if diff.newSentences.count > top { print("  … \(diff.newSentences.count - top) more (--json lists them all)") }
    }
}

/// The `diff --json` object.
private struct DiffRow: Encodable {
    var added: [ItemRow]
    var dropped: [ItemRow]
    var changed: [ItemRow]
    var newSentences: [SentenceRow]
    var documentsA: Int
    var documentsB: Int
    var sizeA: Int
    var sizeB: Int

    struct ItemRow: Encodable {
        var phrase: String
        var unit: String
        var countA: Int
        var countB: Int
        @Nullable var logRatio: Double?
        @Nullable var context: ContextRow?
    }

    struct ContextRow: Encodable {
        var id: String
        var left: String
        var match: String
        var right: String
    }

    struct SentenceRow: Encodable {
        var text: String
        var id: String
    }

    init(_ diff: IndexDiff) {
        func rows(_ items: [IndexDiff.Item]) -> [ItemRow] {
            items.map {
                ItemRow(
                    phrase: $0.phrase, unit: $0.unit.rawValue, countA: $0.countA, countB: $0.countB, logRatio: rounded($0.logRatio, places: 4),
                    context: $0.context.map { ContextRow(id: $0.id, left: $0.left, match: $0.match, right: $0.right) })
            }
        }
        added = rows(diff.added)
        dropped = rows(diff.dropped)
        changed = rows(diff.changed)
        newSentences = diff.newSentences.map { SentenceRow(text: $0.text, id: $0.id) }
        documentsA = diff.documentsA
        documentsB = diff.documentsB
        sizeA = diff.sizeA
        sizeB = diff.sizeB
    }
}
