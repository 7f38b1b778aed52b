import ArgumentParser
import Foundation
import Tifa

struct ExportCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "export",
        abstract: "Write the documents of an index, in the form counts are defined on, for other engines (Spark, DuckDB, pandas).",
        discussion: """
            --format jsonl writes one object a document: {"id","date","title","speaker","source", \
            "tags","characters","text"}, where text is the document's matching form (NFKC, zero-width \
            characters removed, hard-wrapped words joined, Simplified in an index made with \
            --to-simplified) — counting a phrase in it as a substring gives what phrasectl count gives.
            """)

    @OptionGroup var index: IndexOptions

    @Option(help: ArgumentHelp("The output format: jsonl.", valueName: "jsonl"))
    var format = "jsonl"

    @Option(help: ArgumentHelp("Export only the documents this query matches.", valueName: "QUERY"))
    var filter: String?

    @Option(help: ArgumentHelp("The file to write (standard output when -).", valueName: "FILE"))
    var out = "-"

    func validate() throws {
        guard format == "jsonl" else { throw ValidationError("--format takes jsonl (got '\(format)').") }
    }

    func run() throws {
        let opened = index.openForReading()
        let documents: [DocumentInfo]
        do { documents = try opened.documents(matching: filter) } catch { fail(.index(error)) }
        var handle = FileHandle.standardOutput
        if out != "-" {
            guard FileManager.default.createFile(atPath: out, contents: nil), let file = FileHandle(forWritingAtPath: out) else {
                fail(.cannotOpen(path: out, reason: "cannot be written"))
            }
            handle = file
        }
        let lines = JSONLines()
        var buffer = ""
        for document in documents {
            let text: String
            do { text = try opened.matchingForm(ofDocument: document.id) } catch { fail(.index(error)) }
            buffer += lines.line(
                ExportRow(
                    id: document.id, date: document.date, title: document.title, speaker: document.speaker, source: document.source,
                    tags: document.tags, characters: document.length, text: text)) + "\n"
            if buffer.utf8.count >= 1 << 20 {
                handle.write(Data(buffer.utf8))
                buffer = ""
            }
        }
        handle.write(Data(buffer.utf8))
        if out != "-" { try? handle.close() }
    }
}

/// A line of `export --format jsonl`.
private struct ExportRow: Encodable {
    var id: String
    @Nullable var date: String?
    @Nullable var title: String?
    @Nullable var speaker: String?
    @Nullable var source: String?
    var tags: [String]
    var characters: Int
    var text: String
}
