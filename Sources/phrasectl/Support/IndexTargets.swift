import ArgumentParser
import Foundation
import Tifa
import TifaText

/// How `index --shard-by` splits an archive: by the document's year, its source, or a hash of
/// its id into N shards.
enum ShardKey: ExpressibleByArgument, Equatable {
    case year, source
    case hash(Int)

    init?(argument: String) {
        switch argument {
        case "year": self = .year
        case "source": self = .source
        default:
            guard argument.hasPrefix("hash:"), let n = Int(argument.dropFirst(5)), (2...4096).contains(n) else { return nil }
            self = .hash(n)
        }
    }

    /// The shard a document goes to: a name safe in a file name.
    func shard(of document: Document) -> String {
        switch self {
        case .year: return document.date.map { String($0.prefix(4)) } ?? "undated"
        case .source:
            guard let source = document.source, !source.isEmpty else { return "no-source" }
            // The name is readable but not unique (characters a file name cannot hold become _, a
            // long source is cut, case may not count): a hash of the source itself makes it so.
            let safe = source.unicodeScalars.map { $0.properties.isAlphabetic || ("0"..."9").contains($0) || $0 == "-" ? String($0) : "_" }.joined()
            var hash = FNV1a()
            hash.add(source)
            return String(safe.prefix(60)) + "-" + String(String(hash.value, radix: 16).suffix(8))
        case let .hash(n):
            var hash = FNV1a()
            hash.add(document.id)
            return String(hash.value % UInt64(n))
        }
    }
}

/// Where `index` writes: one index, or, with a shard key, one index per shard beside the named
/// file (`news.tifa` → `news-2024.tifa`), each committed batch by batch with its analysis
/// overlapped with writing the batch before.
final class IndexTargets {
    private let base: String
    private let key: ShardKey?
    private let toSimplified: Bool
    private let jobs: Int
    private let batch: Int
    private var open: [String: (index: Index, writer: PipelinedWriter)] = [:]
    /// The files written to, in the order they were opened.
    private(set) var paths: [String] = []

    init(base: String, shardBy key: ShardKey?, toSimplified: Bool, jobs: Int, batch: Int) {
        self.base = base
        self.key = key
        self.toSimplified = toSimplified
        self.jobs = jobs
        self.batch = batch
        // The single index is opened before any file is read, so a bad --db fails first.
        if key == nil { _ = target(named: nil) }
    }

    /// The index of one shard (the base index when not sharding), opened on first use.
    private func target(named shard: String?) -> (index: Index, writer: PipelinedWriter) {
        let path = shard.map { Self.path(of: $0, base: base) } ?? base
        if let target = open[path] { return target }
        let index: Index
        do { index = try Index(path: path, toSimplified: toSimplified) } catch { fail(.index(error)) }
        index.jobs = jobs
        let target = (index, PipelinedWriter(index: index, overlapped: jobs > 1))
        open[path] = target
        paths.append(path)
        return target
    }

    /// `news.tifa` and `2024` → `news-2024.tifa`.
    static func path(of shard: String, base: String) -> String {
        let ext = (base as NSString).pathExtension
        let stem = ext.isEmpty ? base : String(base.dropLast(ext.count + 1))
        return "\(stem)-\(shard)" + (ext.isEmpty ? "" : ".\(ext)")
    }

    /// The single index, when not sharding.
    var single: Index? { key == nil ? open[base]?.index : nil }

    func add(_ document: Document) throws(IndexError) -> Index.CommitSummary {
        let target = target(named: key.map { $0.shard(of: document) })
        target.index.add(document)
        return target.index.pendingCount >= batch ? try target.writer.submit() : Index.CommitSummary()
    }

    /// Commits what every shard holds.
    func finish() throws(IndexError) -> Index.CommitSummary {
        var summary = Index.CommitSummary()
        for path in paths {
            let target = open[path]!
            summary.add(try target.writer.submit())
            summary.add(try target.writer.finish())
        }
        return summary
    }

    func close() {
        for target in open.values { target.index.close() }
    }
}
