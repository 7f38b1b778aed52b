import ArgumentParser
import Foundation
import Tifa

extension Dict {
    struct Build: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Build a political lexicon from corpora with the miner, plus hand-written lists.",
            discussion: """
                Mines the documents of every --corpus with `phrasectl phrases`' miner, keeps the candidates the \
                texts mark as units — quoted at least three times, or named by the naming grammars (…委员会, \
                …攻坚战, …战略) with statistical support: frequent, varied neighbours on both sides, cohesive — \
                that are no free combinations (推动|高质量发展) and hold no governing verb, adds every entry of \
                the --hand lists, and writes each with its kind and provenance: where it was first seen (date, \
                document) and its count in each corpus. Corpus files are read like `phrasectl index` reads them \
                (text, Markdown, JSONL and CSV with a `text` field; UTF-8, UTF-16 or GB18030 detected). Mining knows the --general lexicon and the --hand \
                lists, not the political lexicon being rebuilt. The same input gives a byte-identical file. \
                Example (Scripts/build-political-lexicon runs it on ../shared/data): \
                phrasectl dict build --general Dictionaries/general.dict --hand Dictionaries/sources/formulations.tsv \
                --corpus work-reports=../shared/data/corpora/gov_work_reports.jsonl --output political.dict
                """)

        @Option(name: .customLong("corpus"), help: ArgumentHelp(
            "A corpus: its name in the provenance columns, '=', and a file or folder of documents (txt, md, jsonl, csv). Repeat for several.",
            valueName: "NAME=PATH"))
        var corpora: [String] = []

        @Option(help: ArgumentHelp("The general lexicon mining knows (word<TAB>frequency<TAB>tag<TAB>pos).", valueName: "FILE"))
        var general: String

        @Option(help: ArgumentHelp("A hand-written list (word<TAB>kind); every entry is kept. Repeat for several.", valueName: "FILE"))
        var hand: [String] = []

        @Option(help: ArgumentHelp(
            "Verdicts on mined candidates (word<TAB>kind to accept, word<TAB>reject to keep out); a bound candidate enters only when accepted here. Repeat for several.",
            valueName: "FILE"))
        var reviewed: [String] = []

        @Option(help: ArgumentHelp(
            "Write the bound candidates that have no verdict yet here (phrase<TAB>count<TAB>documents<TAB>context), for review.",
            valueName: "FILE"))
        var pending: String?

        @Option(help: ArgumentHelp("The naming grammar (word<TAB>role); the built-in one by default.", valueName: "FILE"))
        var grammar: String?

        @Option(help: ArgumentHelp("Leave out files of a corpus folder whose path inside it matches (e.g. '2024*').", valueName: "GLOB"))
        var exclude: [String] = []

        @Option(name: .customLong("min-count"), help: ArgumentHelp("Occurrences a statistical candidate needs.", valueName: "N"))
        var minimumCount = 5

        @Option(help: ArgumentHelp("Write the lexicon here instead of standard output.", valueName: "FILE"))
        var output: String?

        @Flag(help: "Do not report progress on standard error.")
        var quiet = false

        func validate() throws {
            guard !corpora.isEmpty else { throw ValidationError("Name at least one corpus: --corpus NAME=PATH.") }
            for corpus in corpora {
                let parts = corpus.split(separator: "=", maxSplits: 1)
                guard parts.count == 2, !parts[0].isEmpty, !parts[1].isEmpty else {
                    throw ValidationError("--corpus takes NAME=PATH (e.g. news=corpora/xwlb), not '\(corpus)'.")
                }
                guard !parts[0].contains(where: { $0 == "\t" || $0 == "=" || $0 == " " }) else {
                    throw ValidationError("A corpus name has no spaces, tabs or '=': '\(parts[0])'.")
                }
            }
            guard (1...1_000_000).contains(minimumCount) else {
                throw ValidationError("--min-count must be between 1 and 1000000, not \(minimumCount).")
            }
            let names = corpora.map { $0.split(separator: "=", maxSplits: 1)[0] }
            if let repeated = Dictionary(grouping: names, by: { $0 }).first(where: { $0.value.count > 1 })?.key {
                throw ValidationError("The corpus name '\(repeated)' is given twice; each --corpus needs a name of its own.")
            }
        }

        func run() throws {
            var documents: [SourceDocument] = []
            var options = ArchiveOptions()
            options.exclude = exclude
            for corpus in corpora {
                let parts = corpus.split(separator: "=", maxSplits: 1).map(String.init)
                let files: [String]
                do { files = try ArchiveReader.files(under: [parts[1]], options: options) } catch {
                    fail(.input(error.description))
                }
                for file in files {
                    for result in ArchiveReader.documents(in: file, options: options) {
                        switch result {
                        case let .success(document):
                            // A file's id is its path inside the corpus folder, wherever the folder is.
                            var id = document.id
                            let root = parts[1].hasSuffix("/") ? parts[1] : parts[1] + "/"
                            if id.hasPrefix(root) { id.removeFirst(root.count) }
                            documents.append(SourceDocument(corpus: parts[0], id: id, date: document.date, text: document.text))
                        case let .failure(failure):
                            fail(.input(failure.description))
                        }
                    }
                }
            }
            guard !documents.isEmpty else {
                fail(.input("no documents in \(corpora.map { String($0.split(separator: "=", maxSplits: 1)[1]) }.joined(separator: ", ")) (folders are searched for *.txt, *.md, *.jsonl and *.csv)"))
            }
            var handWritten: [(word: String, kind: LexiconTag)] = []
            for (place, word, kind) in pairs(in: hand) {
                guard let tag = LexiconTag(rawValue: kind) else {
                    fail(.input("\(place): '\(kind)' is no kind; kinds: \(LexiconTag.allCases.map(\.rawValue).joined(separator: ", "))"))
                }
                handWritten.append((word, tag))
            }
            var verdicts: [(word: String, verdict: ReviewVerdict)] = []
            var firstVerdict: [String: (place: String, verdict: String)] = [:]
            for (place, word, kind) in pairs(in: reviewed) {
                if let earlier = firstVerdict[word], earlier.verdict != kind {
                    fail(.input("\(place): \(word) is '\(kind)' here but '\(earlier.verdict)' at \(earlier.place); keep one verdict"))
                }
                firstVerdict[word] = firstVerdict[word] ?? (place, kind)
                if kind == "reject" {
                    verdicts.append((word, .reject))
                } else if let tag = LexiconTag(rawValue: kind) {
                    verdicts.append((word, .accept(tag)))
                } else {
                    fail(.input("\(place): '\(kind)' is no verdict; write reject or a kind: \(LexiconTag.allCases.map(\.rawValue).joined(separator: ", "))"))
                }
            }
            let builder: PoliticalLexiconBuilder
            do {
                let lexicon = try Lexicon.load(general: general, political: hand, grammar: grammar)
                var made = try PoliticalLexiconBuilder(lexicon: lexicon, handWritten: handWritten, reviewed: verdicts)
                made.minimumCount = minimumCount
                builder = made
            } catch {
                fail(.dictionary("\(error)"))
            }
            let report = MiningProgressReport(documents: documents.count, quiet: quiet)
            let (entries, awaiting) = builder.buildWithPending(documents, progress: report.stage)
            report.finish()
            if let pending {
                var lines = "# Bound candidates awaiting a verdict: phrase<TAB>count<TAB>documents<TAB>context. Move each to a --reviewed list as phrase<TAB>kind or phrase<TAB>reject.\n"
                for c in awaiting {
                    let context = c.context.map { $0 == "\t" || $0.isNewline ? " " : $0 }
                    lines += "\(c.phrase)\t\(c.count)\t\(c.documents)\t\(String(context))\n"
                }
                do { try lines.write(toFile: pending, atomically: true, encoding: .utf8) } catch {
                    fail(.cannotOpen(path: pending, reason: "cannot be written"))
                }
                if !quiet { FileHandle.standardError.write(Data("wrote \(awaiting.count) candidates awaiting review to \(pending)\n".utf8)) }
            }
            var text = """
                # Tifa political lexicon, built by `phrasectl dict build` (see Dictionaries/README.md).
                # word<TAB>frequency<TAB>kind<TAB>origin=hand|mined|hand+mined|mined+reviewed<TAB>first=DATE<TAB>firstDocument=ID<TAB>count=N<TAB>CORPUS=N…
                # Corpora: \(corpora.map { $0.split(separator: "=", maxSplits: 1)[0] }.joined(separator: ", ")); \
                hand-written lists: \(hand.isEmpty ? "none" : hand.map { ($0 as NSString).lastPathComponent }.joined(separator: ", ")); \
                reviews: \(reviewed.isEmpty ? "none" : reviewed.map { ($0 as NSString).lastPathComponent }.joined(separator: ", ")).
                # Frequency is the count in the corpora (at least 5, so an entry they never mention still wins over its parts).

                """
            for entry in entries { text += entry.dictionaryLine + "\n" }
            if let output {
                let folder = (output as NSString).deletingLastPathComponent
                var isFolder: ObjCBool = false
                if !folder.isEmpty && !(FileManager.default.fileExists(atPath: folder, isDirectory: &isFolder) && isFolder.boolValue) {
                    fail(.cannotOpen(path: output, reason: "the folder \(folder) does not exist"))
                }
                do { try text.write(toFile: output, atomically: true, encoding: .utf8) } catch {
                    fail(.cannotOpen(path: output, reason: "cannot be written"))
                }
                if !quiet {
                    let kinds = Dictionary(grouping: entries, by: \.kind).map { "\($0.key.rawValue) \($0.value.count)" }.sorted()
                    FileHandle.standardError.write(Data("wrote \(entries.count) entries to \(output): \(kinds.joined(separator: ", "))\n".utf8))
                }
            } else {
                FileHandle.standardOutput.write(Data(text.utf8))
            }
        }

        /// The `word<TAB>second` lines of two-column lists, each with its file and line number.
        private func pairs(in files: [String]) -> [(place: String, word: String, second: String)] {
            var result: [(place: String, word: String, second: String)] = []
            for file in files {
                var isFolder: ObjCBool = false
                guard FileManager.default.fileExists(atPath: file, isDirectory: &isFolder) else { fail(.cannotOpen(path: file, reason: "no such file")) }
                guard !isFolder.boolValue else { fail(.cannotOpen(path: file, reason: "is a folder, not a list")) }
                guard let text = try? String(contentsOfFile: file, encoding: .utf8) else {
                    fail(.cannotOpen(path: file, reason: "is not UTF-8 text"))
                }
                // LF, CRLF and CR line ends alike (a CRLF pair is one Character).
                for (number, line) in text.split(omittingEmptySubsequences: false, whereSeparator: \.isNewline).enumerated() {
                    let trimmed = line.trimmingCharacters(in: .whitespaces)
                    guard !trimmed.isEmpty, !trimmed.hasPrefix("#") else { continue }
                    let fields = line.split(separator: "\t")
                    guard fields.count == 2 else { fail(.input("\(file):\(number + 1): expected word<TAB>kind")) }
                    result.append(("\(file):\(number + 1)", String(fields[0]), String(fields[1])))
                }
            }
            return result
        }
    }
}
