import ArgumentParser
import Foundation
import Tifa

/// The index, or the shards of one archive, that a query command answers from as one index.
struct ShardedIndexOptions: ParsableArguments {
    @Option(name: .customLong("db"), help: ArgumentHelp("The index file (SQLite); repeat it for the shards of one archive, answered as one index.", valueName: "FILE"))
    var databases: [String] = []

    @Option(help: ArgumentHelp("A file naming shard index files, one a line (blank lines and lines starting with # are skipped).", valueName: "FILE"))
    var shards: String?

    func validate() throws {
        guard !databases.isEmpty || shards != nil else { throw ValidationError("Give the index with --db FILE (repeat it for shards), or --shards FILE.") }
    }

    /// The paths given, --db ones first.
    var paths: [String] {
        guard let shards else { return databases }
        guard let text = try? String(contentsOfFile: shards, encoding: .utf8) else {
            fail(.cannotOpen(path: shards, reason: FileManager.default.fileExists(atPath: shards) ? "cannot be read as UTF-8 text" : "no such file"))
        }
        let folder = (shards as NSString).deletingLastPathComponent
        let listed = text.split(whereSeparator: \.isNewline).map { $0.trimmingCharacters(in: .whitespaces) }
            .filter { !$0.isEmpty && !$0.hasPrefix("#") }
            .map { $0.hasPrefix("/") || folder.isEmpty ? $0 : folder + "/" + $0 }
        if listed.isEmpty && databases.isEmpty { fail(.input("\(shards) names no index file")) }
        return databases + listed
    }

    /// Whether results must say which shard they come from.
    var sharded: Bool { paths.count > 1 }

    /// The shards, opened for reading; each must exist.
    func open() -> ShardedIndex {
        let paths = paths
        var shards: [Index] = []
        for path in paths {
            do { shards.append(try Index(path: path, readOnly: true)) } catch { fail(.index(error)) }
        }
        return ShardedIndex(shards: shards)
    }
}
