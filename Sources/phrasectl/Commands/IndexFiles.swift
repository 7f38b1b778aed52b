import ArgumentParser
import Foundation
import Tifa

struct IndexFiles: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "index",
        abstract: "Add files and folders of speeches to an index (created when missing).",
        discussion: """
            Plain text and Markdown files become one document each (id = the path, title = the first \
            line, date from the path such as 2023/20230105.md); JSONL files hold one document per line \
            with "id", "text" and optional "title", "date", "speaker", "source", "tags". A document \
            whose id is already indexed is replaced. Bad files and lines are reported and skipped; the \
            exit status is 2 when some failed, 0 when all were indexed.
            """)

    @OptionGroup var index: IndexOptions

    @Option(help: "Input format: auto (by file extension), txt, md or jsonl.")
    var format: ArchiveReader.Format = .auto

    @Flag(name: .customLong("to-simplified"), help: "When creating the index, match Traditional text as Simplified.")
    var toSimplified = false

    @Option(help: ArgumentHelp("Commit after this many documents.", valueName: "N"))
    var batch = 500

    @Flag(help: "Print only errors.")
    var quiet = false

    @Argument(help: ArgumentHelp("Files and folders to index.", valueName: "PATH"))
    var paths: [String]

    func validate() throws {
        guard batch >= 1 else { throw ValidationError("--batch must be at least 1 (got \(batch)).") }
        guard !paths.isEmpty else { throw ValidationError("Give at least one file or folder to index.") }
    }

    func run() throws {
        let target = index.open(toSimplified: toSimplified, create: true)
        let files: [String]
        do { files = try ArchiveReader.files(under: paths) } catch { fail(.input(error.description)) }
        var added = 0
        var failures: [ArchiveReader.Failure] = []
        var stderr = StandardError()
        let start = Date()
        do {
            for path in files {
                for result in ArchiveReader.documents(in: path, format: format) {
                    switch result {
                    case let .success(document):
                        target.add(document)
                        added += 1
                        if added % batch == 0 { try target.commit() }
                    case let .failure(failure):
                        failures.append(failure)
                        print("phrasectl: \(failure)", to: &stderr)
                    }
                }
            }
            try target.commit()
        } catch {
            fail(.index(error))
        }
        if !quiet {
            let seconds = Date().timeIntervalSince(start)
            print(
                "indexed \(added) documents from \(files.count) files in \(String(format: "%.1f", seconds)) s; \(failures.count) failed",
                to: &stderr)
        }
        if !failures.isEmpty { throw ExitCode(added > 0 ? 2 : 1) }
    }
}

extension ArchiveReader.Format: ExpressibleByArgument {}
