import Foundation
import TifaText

extension Index {
    /// Queues `document` for the next commit; a document with the same id is replaced.
    public func add(_ document: Document) {
        pending.append(document)
    }

    /// Removes the documents with these external ids; returns how many existed.
    @discardableResult
    public func delete(ids: [String]) throws(IndexError) -> Int {
        try write {
            let statement = try database.prepare("DELETE FROM documents WHERE id = ?")
            var removed = 0
            for id in ids {
                try statement.bind(1, id).run()
                removed += Int(sqlite3Changes())
            }
            return removed
        }
    }

    /// Writes the queued documents as one new segment, atomically, and merges segments when
    /// there are too many. Readers see all of the batch or none of it.
    public func commit() throws(IndexError) {
        guard !pending.isEmpty else { return }
        let batch = pending
        try write {
            var accumulator: [Int64: Postings.Encoder] = [:]
            let remove = try database.prepare("DELETE FROM documents WHERE id = ?")
            let insert = try database.prepare(
                "INSERT INTO documents(id, title, date, speaker, source, tags, text, length, last) VALUES(?,?,?,?,?,?,?,?,?)")
            // The last version of an id in the batch wins.
            var last: [String: Int] = [:]
            for (i, document) in batch.enumerated() { last[document.id] = i }
            for (i, document) in batch.enumerated() where last[document.id] == i {
                try remove.bind(1, document.id).run()
                let form = normalizer.matchingForm(of: document.text)
                try insert.bind(1, document.id).bind(2, document.title).bind(3, document.date)
                    .bind(4, document.speaker).bind(5, document.source)
                    .bind(6, document.tags.isEmpty ? nil : document.tags.joined(separator: "\t"))
                    .bind(7, document.text).bind(8, Int64(form.scalars.count))
                    .bind(9, form.scalars.last.map(Int64.init) ?? -1).run()
                Self.collectPostings(of: form.scalars, number: database.lastInsertRowID, into: &accumulator)
            }
            let segment = try nextSegment()
            let insertPosting = try database.prepare("INSERT INTO postings(gram, segment, data) VALUES(?, ?, ?)")
            // In key order, so the B-tree grows at its right edge instead of being rewritten everywhere.
            for gram in accumulator.keys.sorted() {
                try insertPosting.bind(1, gram).bind(2, segment).bind(3, blob: accumulator[gram]!.bytes).run()
            }
            try database.prepare("INSERT INTO segments(number, documents) VALUES(?, ?)")
                .bind(1, segment).bind(2, Int64(last.count)).run()
            if try segmentCount() > Self.maximumSegments { try mergeSegments() }
        }
        pending.removeAll()
    }

    /// Merges every segment into one and drops the postings of deleted documents.
    public func optimize() throws(IndexError) {
        try write { try mergeSegments() }
        do { try database.execute("PRAGMA wal_checkpoint(TRUNCATE)") } catch { throw .sqlite(error) }
    }

    /// Every character pair of `scalars`, with its positions, for document `number`. A single
    /// character's positions are those of the pairs it starts, plus the document's last character.
    static func collectPostings(of scalars: [UInt32], number: Int64, into accumulator: inout [Int64: Postings.Encoder]) {
        var local: [Int64: [Int32]] = [:]
        local.reserveCapacity(scalars.count)
        for p in 0..<max(0, scalars.count - 1) {
            local[Postings.bigram(scalars[p], scalars[p + 1]), default: []].append(Int32(p))
        }
        for (gram, positions) in local {
            accumulator[gram, default: Postings.Encoder()].append(document: number, positions: positions)
        }
    }

    private func nextSegment() throws -> Int64 {
        let statement = try database.prepare("SELECT coalesce(max(number), 0) + 1 FROM segments")
        _ = try statement.step()
        return statement.int(0)
    }

    private func segmentCount() throws -> Int {
        let statement = try database.prepare("SELECT count(*) FROM segments")
        _ = try statement.step()
        return Int(statement.int(0))
    }

    /// Rewrites all postings as one segment, keeping only live documents. Segments hold ascending
    /// document numbers, so the merged list is their concatenation in segment order.
    private func mergeSegments() throws {
        var live = Set<Int64>()
        let documentsStatement = try database.prepare("SELECT number FROM documents")
        while try documentsStatement.step() { live.insert(documentsStatement.int(0)) }
        let target = try nextSegment()
        let read = try database.prepare("SELECT gram, data FROM postings ORDER BY gram, segment")
        var merged: [(Int64, [UInt8])] = []
        var currentGram: Int64 = -1
        var encoder = Postings.Encoder()
        func flush() {
            if currentGram >= 0 && !encoder.bytes.isEmpty { merged.append((currentGram, encoder.bytes)) }
            encoder = Postings.Encoder()
        }
        while try read.step() {
            let gram = read.int(0)
            if gram != currentGram {
                flush()
                currentGram = gram
            }
            try read.withBlob(1) { bytes in
                try Postings.decode(bytes) { document, positions in
                    if live.contains(document) { encoder.append(document: document, positions: positions) }
                }
            }
        }
        flush()
        try database.execute("DELETE FROM postings; DELETE FROM segments;")
        let insert = try database.prepare("INSERT INTO postings(gram, segment, data) VALUES(?, ?, ?)")
        for (gram, bytes) in merged { try insert.bind(1, gram).bind(2, target).bind(3, blob: bytes).run() }
        try database.prepare("INSERT INTO segments(number, documents) VALUES(?, ?)")
            .bind(1, target).bind(2, Int64(live.count)).run()
    }

    /// Runs `body` in a write transaction, mapping errors to `IndexError`.
    private func write<T>(_ body: () throws -> T) throws(IndexError) -> T {
        do {
            let result = try database.transaction(body)
            try refreshDocuments(force: true)
            return result
        } catch let error as IndexError {
            throw error
        } catch let error as SQLiteError {
            throw .sqlite(error)
        } catch is PostingsError {
            throw .corrupt(path: path, reason: "a posting list does not decode")
        } catch {
            throw .corrupt(path: path, reason: "\(error)")
        }
    }

    private func sqlite3Changes() -> Int32 { database.changes }
}
