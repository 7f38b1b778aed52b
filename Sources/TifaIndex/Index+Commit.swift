extension Index {
    /// Queues `document` for the next commit; a document with the same id is replaced.
    public func add(_ document: Document) {
        locked { pending.append(document) }
    }

    /// Documents queued for the next commit.
    public var pendingCount: Int { locked { pending.count } }

    /// Removes the documents with these external ids; returns how many existed.
    @discardableResult
    public func delete(ids: [String]) throws(IndexError) -> Int {
        try write {
            let statement = try database.prepare("DELETE FROM documents WHERE id = ?")
            var removed = 0
            for id in ids {
                try statement.bind(1, id).run()
                removed += Int(database.changes)
            }
            return removed
        }
    }

    /// Writes the queued documents as one new segment, atomically, and merges segments when
    /// there are too many. Readers see all of the batch or none of it. A document whose content
    /// hash equals the indexed version's is left alone, so indexing the same files again adds
    /// nothing, and a run killed at any moment resumes where its last commit ended.
    @discardableResult
    public func commit() throws(IndexError) -> CommitSummary {
        try locked { () throws(IndexError) in try write(prepare(takeBatch())) }
    }

    /// Takes the queued documents (the last version of each id, in the order the ids were first
    /// queued, so of two ids with the same text the one queued first is kept), leaving out those
    /// identical to the version they would replace: the one in `inFlight` (a batch analysed but
    /// not yet written) when it has the id, else the indexed one. This is the only place a
    /// document is found unchanged.
    func takeBatch(after inFlight: Batch? = nil) -> Batch {
        callLock.lock()
        defer { callLock.unlock() }
        let inFlightHashes = inFlight?.contentHashes ?? [:]
        var last: [String: Int] = [:]
        var firstQueued: [Int] = []
        for (i, document) in pending.enumerated() {
            if last[document.id] == nil { firstQueued.append(i) }
            last[document.id] = i
        }
        var batch = Batch(documents: [], hashes: [], unchanged: 0)
        for document in firstQueued.map({ pending[last[pending[$0].id]!] }) {
            let contentHash = document.contentHash
            if (inFlightHashes[document.id] ?? self.document(id: document.id)?.contentHash) == contentHash {
                batch.unchanged += 1
                continue
            }
            batch.documents.append(document)
            batch.hashes.append((contentHash, document.textHash))
        }
        pending.removeAll()
        return batch
    }

    /// Writes a prepared batch as one new segment in one transaction. Documents whose text another
    /// document already has are left out as duplicates; an earlier version indexed under a
    /// duplicate's id is removed, since its source no longer holds that text.
    @discardableResult
    func write(_ prepared: PreparedBatch) throws(IndexError) -> CommitSummary {
        callLock.lock()
        defer { callLock.unlock() }
        var summary = CommitSummary(unchanged: prepared.unchanged)
        var keep: [Int] = []
        var textsInBatch: [Int64: String] = [:]
        for (i, document) in prepared.documents.enumerated() {
            let textHash = prepared.hashes[i].text
            let indexedCopy = documentsByText[textHash].flatMap { documents[$0]?.id }
            if let copied = [indexedCopy, textsInBatch[textHash]].compactMap({ $0 }).first(where: { $0 != document.id }) {
                summary.duplicates.append((document.id, copied))
                if self.document(id: document.id) != nil { summary.removed.append(document.id) }
                continue
            }
            textsInBatch[textHash] = document.id
            if self.document(id: document.id) != nil { summary.replaced += 1 } else { summary.added += 1 }
            keep.append(i)
        }
        guard !keep.isEmpty || !summary.removed.isEmpty else { return summary }
        let signature = try analyzer().wordSignature
        try write {
            let remove = try database.prepare("DELETE FROM documents WHERE id = ?")
            for id in summary.removed { try remove.bind(1, id).run() }
            guard !keep.isEmpty else { return }
            // The batch's documents get numbers base + local index, so the lists' numbers only
            // shift; skipped documents' numbers are never used again.
            let base = try nextDocumentNumber() - 1
            try setNextDocumentNumber(base + Int64(prepared.documents.count) + 1)
            let insert = try database.prepare(
                "INSERT INTO documents(number, id, title, date, speaker, source, tags, text, length, last, hash, text_hash) VALUES(?,?,?,?,?,?,?,?,?,?,?,?)")
            for i in keep {
                let document = prepared.documents[i]
                let (length, last) = prepared.shapes[i]
                try remove.bind(1, document.id).run()
                try insert.bind(1, base + Int64(i + 1)).bind(2, document.id).bind(3, document.title).bind(4, document.date)
                    .bind(5, document.speaker).bind(6, document.source)
                    .bind(7, document.tags.isEmpty ? nil : document.tags.joined(separator: "\t"))
                    .bind(8, document.text).bind(9, Int64(length)).bind(10, last)
                    .bind(11, prepared.hashes[i].content).bind(12, prepared.hashes[i].text).run()
            }
            let segment = try nextSegment()
            let documentRange = (base + Int64(keep.first! + 1))..<(base + Int64(keep.last! + 2))
            // Batch-local numbers (from 1) of the documents written: the lists leave out the others.
            var kept = [Bool](repeating: false, count: prepared.documents.count + 1)
            for i in keep { kept[i + 1] = true }
            let everyDocumentKept = keep.count == prepared.documents.count
            try writePairs(prepared, kept: kept, everyDocumentKept: everyDocumentKept, base: base, segment: segment, documents: documentRange)
            let insertWord = try database.prepare("INSERT INTO words(word, segment, data) VALUES(?, ?, ?)")
            for (word, list) in prepared.words {
                var encoder = Postings.Encoder()
                if everyDocumentKept {
                    encoder.bytes = Postings.shifting(list, by: base)
                } else {
                    try list.withUnsafeBytes { raw in
                        try Postings.decodeFrequencies(raw) { local, frequency in
                            if kept[Int(local)] { encoder.append(document: base + local, frequency: frequency) }
                        }
                    }
                    if encoder.bytes.isEmpty { continue }
                }
                try insertWord.bind(1, word).bind(2, segment).bind(3, blob: encoder.bytes).run()
            }
            try database.prepare("INSERT INTO segments(number, documents, first_document, last_document) VALUES(?, ?, ?, ?)")
                .bind(1, segment).bind(2, Int64(keep.count)).bind(3, documentRange.lowerBound).bind(4, documentRange.upperBound - 1).run()
            if !wordSignatures.contains(signature) {
                try database.prepare("INSERT OR REPLACE INTO meta(key, value) VALUES('word_analysis', ?)")
                    .bind(1, (wordSignatures + [signature]).joined(separator: "\n")).run()
            }
            try mergeSegmentsIfNeeded()
        }
        if !keep.isEmpty && !wordSignatures.contains(signature) { wordSignatures.append(signature) }
        return summary
    }

    /// Writes the batch's pair lists as `segment`, with their totals and the segment's character
    /// totals, over the documents' final numbers (`base` + batch-local number). Documents left out
    /// of the batch (duplicates) are taken out of the lists, so the totals count only what is live.
    private func writePairs(
        _ prepared: PreparedBatch, kept: [Bool], everyDocumentKept: Bool, base: Int64, segment: Int64, documents range: Range<Int64>
    ) throws {
        var characters = CharacterTotals(documents: range)
        for (i, shape) in prepared.shapes.enumerated() where kept[i + 1] && shape.last >= 0 {
            characters.setLast(UInt32(shape.last), of: base + Int64(i + 1))
        }
        var blocks = BlockWriter()
        for (gram, list) in prepared.pairs {
            var encoder = Postings.Encoder()
            if everyDocumentKept {
                let shifted = Postings.shifting(list, by: base)
                try shifted.withUnsafeBytes { raw in
                    try Postings.decodeCounts(raw) { document, n in
                        encoder.totals.add(occurrences: n)
                        characters.add(gram: gram, document: document, count: n)
                    }
                }
                encoder.bytes = shifted
            } else {
                try list.withUnsafeBytes { raw in
                    try Postings.decode(raw, wanted: { kept[Int($0)] }) { local, positions in
                        encoder.append(document: base + local, positions: positions)
                        characters.add(gram: gram, document: base + local, count: positions.count)
                    }
                }
                if encoder.bytes.isEmpty { continue }
            }
            blocks.append(gram: gram, list: encoder.bytes, totals: encoder.totals)
            if blocks.blocks.count >= MergePolicy.blocksBuffered { try writeBlocks(&blocks, segment: segment) }
        }
        blocks.finishBlock()
        try writeBlocks(&blocks, segment: segment)
        try writeCharacters(characters.finish(), segment: segment)
    }

    /// The number the next document gets: kept in `meta`, above every number ever given.
    private func nextDocumentNumber() throws -> Int64 {
        let statement = try database.prepare(
            "SELECT max(coalesce((SELECT CAST(value AS INTEGER) FROM meta WHERE key = 'next_number'), 1), coalesce((SELECT max(number) FROM documents), 0) + 1)")
        _ = try statement.step()
        return statement.int(0)
    }

    private func setNextDocumentNumber(_ number: Int64) throws {
        try database.prepare("INSERT OR REPLACE INTO meta(key, value) VALUES('next_number', ?)").bind(1, String(number)).run()
    }

    private func nextSegment() throws -> Int64 {
        let statement = try database.prepare("SELECT coalesce(max(number), 0) + 1 FROM segments")
        _ = try statement.step()
        return statement.int(0)
    }
}
