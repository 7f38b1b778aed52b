extension Index {
    /// Runs `body` in one read transaction, so every statement — and the document metadata,
    /// reloaded inside it — sees the same commit, whatever a writer does meanwhile. Nested calls
    /// join the outer transaction.
    func reading<T>(_ body: () throws(IndexError) -> T) throws(IndexError) -> T {
        try locked { () throws(IndexError) in
            if readDepth > 0 { return try body() }
            do throws(SQLiteError) { try database.execute("BEGIN") } catch { throw .sqlite(error) }
            readDepth += 1
            defer {
                readDepth -= 1
                try? database.execute("COMMIT")
            }
            try refreshDocuments()
            return try body()
        }
    }

    /// Runs `body` in a write transaction, mapping errors to `IndexError`.
    func write<T>(_ body: () throws -> T) throws(IndexError) -> T {
        callLock.lock()
        defer { callLock.unlock() }
        do {
            let result = try database.transaction(body)
            try refreshDocuments(force: true)
            return result
        } catch let error as IndexError {
            throw error
        } catch let error as SQLiteError {
            throw Self.explainWriteFailure(error, path: path)
        } catch is PostingsError {
            throw .corrupt(path: path, reason: "a posting list does not decode")
        } catch {
            throw .corrupt(path: path, reason: "\(error)")
        }
    }

    /// A full disk (or a file size limit) and a refused write are told apart from other SQLite
    /// errors: the user can do something about them, and nothing committed is lost.
    static func explainWriteFailure(_ error: SQLiteError, path: String) -> IndexError {
        switch error.code & 0xFF {
        case 13: return .cannotWrite(path: path, reason: "the disk is full")  // SQLITE_FULL
        case 10: return .cannotWrite(path: path, reason: "the file system refused a write (no space left, a file size limit, or a failing disk)")  // SQLITE_IOERR
        default: return .sqlite(error)
        }
    }
}
