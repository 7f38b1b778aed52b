import Foundation

extension Index {
    /// What `repair(path:)` did: documents indexed again, and those whose text was damaged.
    public struct RepairSummary: Sendable, Equatable {
        /// Documents whose text was intact, indexed again under the same ids and metadata.
        public var kept = 0
        /// Ids of documents left out, each with why.
        public var lost: [(id: String, reason: String)] = []

        /// The same count, and the same lost documents with the same reasons in the same order.
        public static func == (lhs: RepairSummary, rhs: RepairSummary) -> Bool {
            lhs.kept == rhs.kept && lhs.lost.map(\.id) == rhs.lost.map(\.id) && lhs.lost.map(\.reason) == rhs.lost.map(\.reason)
        }
    }

    /// Rebuilds the index at `path` from its intact documents: they are indexed into a new file
    /// beside it, which takes the index's place only when complete, so an interrupted repair
    /// leaves the index as it was. A document whose text no longer matches its checksum cannot be
    /// recovered from the index and is left out.
    public static func repair(path: String) throws(IndexError) -> RepairSummary {
        guard FileManager.default.fileExists(atPath: path) else { throw .notAnIndex(path: path, reason: "no such file") }
        // Read-only: a writer would first upgrade an index of an earlier format, reading every
        // posting list, and stop at the damage this is meant to get around.
        let source = try Index(path: path, readOnly: true)
        let target = path + ".repairing"
        for suffix in ["", "-wal", "-shm", "-journal"] { try? FileManager.default.removeItem(atPath: target + suffix) }
        let rebuilt = try Index(path: target, toSimplified: source.toSimplified)
        var summary = RepairSummary()
        for info in source.allDocuments {
            let text: String
            do { text = try source.text(ofDocument: info.id) } catch {
                summary.lost.append((info.id, error.description))
                continue
            }
            rebuilt.add(
                Document(
                    id: info.id, text: text, title: info.title, date: info.date, speaker: info.speaker, source: info.source,
                    tags: info.tags))
            summary.kept += 1
            if rebuilt.pendingCount >= 256 { try rebuilt.commit() }
        }
        try rebuilt.commit()
        rebuilt.close()
        source.close()
        // The old file's log must not be replayed onto the new one.
        for suffix in ["-wal", "-shm"] { try? FileManager.default.removeItem(atPath: path + suffix) }
        guard rename(target, path) == 0 else {
            throw .cannotCreate(path: path, reason: "the repaired index \(target) could not take its place")
        }
        return summary
    }
}
