import ArgumentParser
import Foundation
import Tifa
import TifaText

extension Dict {
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
            var existing: [UInt8] = []
            if FileManager.default.fileExists(atPath: file) {
                guard let data = FileManager.default.contents(atPath: file) else {
                    fail(.cannotRead(path: file, reason: "permission denied or not a file"))
                }
                existing = Array(data)
                // Never rewrite a file this command cannot read as the loader does: the user's
                // entries would be lost.
                if let bad = existing.withUnsafeBufferPointer(firstInvalidUTF8Offset) {
                    let line = existing[..<bad].reduce(1) { $0 + ($1 == 0x0A ? 1 : 0) }
                    fail(.invalidUTF8(path: file, line: line, byteOffset: bad))
                }
            }
            var known = Self.words(in: existing)
            var added = ""
            for phrase in phrases where known.insert(phrase).inserted {
                added += "\(phrase)\t\(100_000)\t\(tag)\n"
            }
            guard !added.isEmpty else { return }
            // A last line without its line break gets one (CRLF files keep CRLF).
            let lineBreak = existing.contains(0x0D) ? "\r\n" : "\n"
            if lineBreak == "\r\n" { added = added.replacingOccurrences(of: "\n", with: "\r\n") }
            let separator = existing.isEmpty || existing.last == 0x0A ? "" : lineBreak
            do {
                try Data(existing + Array((separator + added).utf8)).write(to: URL(fileURLWithPath: file), options: .atomic)
            } catch {
                fail(.cannotOpen(path: file, reason: "cannot be written"))
            }
        }

        /// The words of a dictionary's lines, read as the loader reads them.
        static func words(in bytes: [UInt8]) -> Set<String> {
            bytes.withUnsafeBufferPointer { buffer in
                var words = Set<String>()
                var lines = DictionaryLines(buffer)
                while let entry = lines.next() {
                    words.insert(String(decoding: UnsafeBufferPointer(rebasing: entry.line[entry.fields[0]]), as: UTF8.self))
                }
                return words
            }
        }
    }
}
