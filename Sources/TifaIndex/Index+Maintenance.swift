extension Index {
    /// Merges every segment into one, drops the postings of deleted documents, and gives the
    /// space they took back to the file system.
    public func optimize() throws(IndexError) {
        callLock.lock()
        defer { callLock.unlock() }
        try write { try mergeAllSegments() }
        do {
            try database.execute("VACUUM")
            try database.execute("PRAGMA wal_checkpoint(TRUNCATE)")
        } catch {
            throw Self.explainWriteFailure(error, path: path)
        }
    }

    /// SQLite's own consistency check of the file: empty when it is sound, else its complaints.
    public func integrityProblems() throws(IndexError) -> [String] {
        callLock.lock()
        defer { callLock.unlock() }
        do {
            let statement = try database.prepare("PRAGMA integrity_check")
            var lines: [String] = []
            while try statement.step() { lines.append(statement.string(0) ?? "") }
            return lines == ["ok"] ? [] : lines
        } catch {
            throw .sqlite(error)
        }
    }
}
