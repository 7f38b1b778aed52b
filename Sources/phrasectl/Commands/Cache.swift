import ArgumentParser
import Foundation
import Tifa

struct Cache: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Show or clear the cache of compiled lexicons.",
        discussion: """
            A lexicon compiled from the text dictionaries is cached so that the next load reads one \
            file. The cache is $TIFA_CACHE_DIR, else $XDG_CACHE_HOME/tifa, else ~/.cache/tifa; it \
            keeps the two lexicons used last and at most 256 MB.
            """,
        subcommands: [Show.self, Clear.self], defaultSubcommand: Show.self)

    struct Show: ParsableCommand {
        static let configuration = CommandConfiguration(abstract: "List the cached lexicons, most recently used first.")

        @Flag(help: "Write one JSON object a file.")
        var json = false

        func run() {
            let files = LexiconCache.standard.files()
            if json {
                let lines = JSONLines()
                for file in files {
                    lines.write(CacheRow(path: file.url.path, bytes: file.bytes, lastUsed: ISO8601DateFormatter().string(from: file.lastUsed)))
                }
                return
            }
            print("folder  \(LexiconCache.standard.folder ?? "none (no home folder; set TIFA_CACHE_DIR)")")
            let total = files.reduce(0) { $0 + $1.bytes }
            print("files   \(counted(files.count, "lexicon")), \(megabytes(total))")
            let table = TextTable(header: ["last used", "size", "file"], rightAligned: [1])
            let formatter = ISO8601DateFormatter()
            for file in files { table.add([formatter.string(from: file.lastUsed), megabytes(file.bytes), file.url.lastPathComponent]) }
            if !files.isEmpty { table.print() }
        }
    }

    struct Clear: ParsableCommand {
        static let configuration = CommandConfiguration(abstract: "Remove every cached lexicon; the next load builds from the text files.")

        func run() throws {
            do {
                let removed = try LexiconCache.standard.clear()
                print("removed \(counted(removed.files, "lexicon")), \(megabytes(removed.bytes))")
            } catch {
                fail(.cannotOpen(path: LexiconCache.standard.folder ?? "the cache", reason: "\(error.localizedDescription)"))
            }
        }
    }
}

/// A line of `cache show --json`.
private struct CacheRow: Encodable {
    var path: String
    var bytes: Int
    var lastUsed: String
}
