import ArgumentParser
import Foundation
import Tifa

struct Dict: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Manage dictionaries: add phrases to a user dictionary, build the political lexicon.",
        subcommands: [Add.self, Build.self])

    struct Add: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Append phrases to a user dictionary, so the segmenter keeps them whole (--user-dict FILE).")

        @Argument(help: ArgumentHelp("The user dictionary (created when missing).", valueName: "FILE"))
        var file: String

        @Argument(help: ArgumentHelp("Phrases to add.", valueName: "PHRASE"))
        var phrases: [String]

        @Option(help: ArgumentHelp("Kind of the new entries: \(LexiconTag.allCases.map(\.rawValue).joined(separator: ", ")).", valueName: "KIND"))
        var tag = "tifa"

        func validate() throws {
            guard LexiconTag(rawValue: tag) != nil else {
                throw ValidationError("'\(tag)' is no kind; kinds: \(LexiconTag.allCases.map(\.rawValue).joined(separator: ", ")).")
            }
            for phrase in phrases where phrase.isEmpty || phrase.contains(where: { $0.isWhitespace }) || phrase.hasPrefix("#") {
                throw ValidationError("'\(phrase)' cannot be a dictionary word: a word has no spaces or tabs and does not start with #.")
            }
            guard !phrases.isEmpty else { throw ValidationError("Name at least one phrase to add.") }
        }

        func run() throws {
            let existing = (try? String(contentsOfFile: file, encoding: .utf8)) ?? ""
            let known = Set(existing.split(separator: "\n").compactMap { $0.split(separator: "\t").first.map(String.init) })
            var added = ""
            for phrase in phrases where !known.contains(phrase) && !phrase.isEmpty {
                added += "\(phrase)\t\(100_000)\t\(tag)\n"
            }
            let separator = existing.isEmpty || existing.hasSuffix("\n") ? "" : "\n"
            do {
                try (existing + separator + added).write(toFile: file, atomically: true, encoding: .utf8)
            } catch {
                fail(.cannotOpen(path: file, reason: "cannot be written"))
            }
        }
    }
}
