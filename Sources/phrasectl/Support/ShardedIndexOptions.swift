import ArgumentParser
import Foundation
import Tifa

/// The index, or the shards of one archive, that a query command answers from as one index.
struct ShardedIndexOptions: ParsableArguments {
    @Option(name: .customLong("db"), help: ArgumentHelp("The index file (SQLite); repeat it for the shards of one archive, answered as one index.", valueName: "FILE"))
    var databases: [String] = []

    @Option(help: ArgumentHelp("A file naming shard index files, one a line (# starts a comment; names are relative to the file).", valueName: "FILE"))
    var shards: String?

    func validate() throws {
        guard !databases.isEmpty || shards != nil else { throw ValidationError("Give the index with --db FILE (repeat it for shards), or --shards FILE.") }
    }

    /// The paths given, --db ones first.
    private var paths: [String] {
        guard let shards else { return databases }
        guard let text = try? String(contentsOfFile: shards, encoding: .utf8) else {
            if FileManager.default.fileExists(atPath: shards) { fail(.input("\(shards) cannot be read as UTF-8 text")) }
            fail(.cannotOpen(path: shards, reason: "no such file"))
        }
        let folder = (shards as NSString).deletingLastPathComponent
        let listed = text.split(whereSeparator: \.isNewline)
            .map { line in (line.firstIndex(of: "#").map { line[..<$0] } ?? line[...]).trimmingCharacters(in: .whitespaces) }
            .filter { !$0.isEmpty }
            .map { $0.hasPrefix("/") || folder.isEmpty ? $0 : folder + "/" + $0 }
        if listed.isEmpty && databases.isEmpty { fail(.input("\(shards) names no index file")) }
        return databases + listed
    }

    /// The shards, opened for reading; each must exist, and none may be given twice (its
    /// documents would count twice).
    func open() -> ShardedIndex {
        let paths = paths
        var seen: [[UInt64]: String] = [:]
        var shards: [Index] = []
        for path in paths {
            do { shards.append(try Index(path: path, readOnly: true)) } catch { fail(.index(error)) }
            var info = stat()
            guard stat(path, &info) == 0 else { continue }
            let identity = [UInt64(info.st_dev), UInt64(info.st_ino)]
            if let first = seen[identity] {
                fail(.input(first == path ? "\(path) is given twice: its documents would count twice" : "\(path) and \(first) are the same index: its documents would count twice"))
            }
            seen[identity] = path
        }
        Self.requireReadAlike(shards)
        return ShardedIndex(shards: shards)
    }

    /// One archive is read one way: a shard made with --to-simplified counts Traditional text as
    /// Simplified, one made without does not, so their sums would mean different things.
    static func requireReadAlike(_ shards: [Index]) {
        if let first = shards.first, let other = shards.first(where: { $0.toSimplified != first.toSimplified }) {
            let (simplified, plain) = first.toSimplified ? (first, other) : (other, first)
            fail(.input("\(simplified.path) was made with --to-simplified and \(plain.path) without: shards of one archive must be read alike; index them again into shards made the same way"))
        }
    }

    /// The files these options read (the shards and the shards list), to keep an output from
    /// overwriting one of them.
    var inputFiles: [String] { paths + (shards.map { [$0] } ?? []) }
}
