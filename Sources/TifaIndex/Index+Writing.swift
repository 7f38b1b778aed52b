import Dispatch
import Foundation
import TifaText

extension Index {
    /// Queues `document` for the next commit; a document with the same id is replaced.
    public func add(_ document: Document) {
        pending.append(document)
    }

    /// Documents queued for the next commit.
    public var pendingCount: Int { pending.count }

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

    /// What a commit did with the documents queued since the last one.
    public struct CommitSummary: Sendable, Equatable {
        /// Documents with an id the index did not have.
        public var added = 0
        /// Documents that replaced an older version with the same id.
        public var replaced = 0
        /// Documents identical to the indexed version (same content hash), left as they were.
        public var unchanged = 0
        /// Documents left out because another document (another id) has the same text: id and
        /// the id of the document it copies.
        public var duplicates: [(id: String, of: String)] = []

        public init(added: Int = 0, replaced: Int = 0, unchanged: Int = 0) {
            self.added = added
            self.replaced = replaced
            self.unchanged = unchanged
        }

        /// Adds another commit's numbers to these.
        public mutating func add(_ other: CommitSummary) {
            added += other.added
            replaced += other.replaced
            unchanged += other.unchanged
            duplicates += other.duplicates
        }

        public static func == (a: CommitSummary, b: CommitSummary) -> Bool {
            (a.added, a.replaced, a.unchanged) == (b.added, b.replaced, b.unchanged)
                && a.duplicates.map(\.id) == b.duplicates.map(\.id) && a.duplicates.map(\.of) == b.duplicates.map(\.of)
        }
    }

    /// Writes the queued documents as one new segment, atomically, and merges segments when
    /// there are too many. Readers see all of the batch or none of it. A document whose content
    /// hash equals the indexed version's is left alone, so indexing the same files again adds
    /// nothing, and a run killed at any moment resumes where its last commit ended.
    @discardableResult
    public func commit() throws(IndexError) -> CommitSummary {
        try write(prepare(takeBatch()))
    }

    /// A batch taken from the queue: documents to write, and how many were unchanged.
    public struct Batch: Sendable {
        var documents: [Document]
        /// `contentHash` and `textHash` of each document, which hash its whole text.
        var hashes: [(content: Int64, text: Int64)]
        var unchanged: Int
        /// The ids of the batch's documents.
        public var ids: Set<String> { Set(documents.map(\.id)) }
        public var isEmpty: Bool { documents.isEmpty && unchanged == 0 }
    }

    /// A batch with its documents analysed, ready for `write`.
    /// A class, not a struct: it is built on one thread and handed over whole to the writer.
    public final class PreparedBatch: @unchecked Sendable {
        // @unchecked: built by one task, then handed over whole to the writer.
        var documents: [Document]
        var hashes: [(content: Int64, text: Int64)]
        var analyses: [Analysis]
        var unchanged: Int
        /// Every gram of the batch in order, with its posting list over batch-local document
        /// numbers (index in `documents` + 1); the writer shifts the first number.
        var pairs: [(gram: Int64, list: [UInt8])] = []
        /// The same for words, in UTF-8 byte order.
        var words: [(word: String, list: [UInt8])] = []

        init(documents: [Document], hashes: [(content: Int64, text: Int64)], analyses: [Analysis], unchanged: Int) {
            self.documents = documents
            self.hashes = hashes
            self.analyses = analyses
            self.unchanged = unchanged
        }
    }

    /// Takes the queued documents (the last version of each id), leaving out those identical to
    /// their indexed version, except ids in `inFlight` (a batch analysed but not yet written,
    /// whose version of the id comes first and may differ).
    public func takeBatch(excluding inFlight: Set<String> = []) -> Batch {
        // Made here, on the caller's thread, so `prepare` on another thread only reads it.
        _ = try? wordSegmenter()
        var last: [String: Int] = [:]
        for (i, document) in pending.enumerated() { last[document.id] = i }
        var batch = Batch(documents: [], hashes: [], unchanged: 0)
        for (i, document) in pending.enumerated() where last[document.id] == i {
            let contentHash = document.contentHash
            if !inFlight.contains(document.id), let existing = self.document(id: document.id),
                existing.contentHash == contentHash
            {
                batch.unchanged += 1
                continue
            }
            batch.documents.append(document)
            batch.hashes.append((contentHash, document.textHash))
        }
        pending.removeAll()
        return batch
    }

    /// Analyses a batch's documents on `jobs` threads. It reads nothing the writer changes, so it
    /// may run while `write` stores the previous batch.
    public func prepare(_ batch: Batch) throws(IndexError) -> PreparedBatch {
        let prepared = PreparedBatch(
            documents: batch.documents, hashes: batch.hashes, analyses: try analyse(batch.documents), unchanged: batch.unchanged)
        var pairs: [Int64: Postings.Encoder] = [:]
        var words: [String: Postings.Encoder] = [:]
        for (i, analysis) in prepared.analyses.enumerated() {
            let local = Int64(i + 1)
            analysis.pairs.withUnsafeBufferPointer { entries in
                var k = 0
                while k < entries.count {
                    let gram = entries[k].gram
                    var j = k + 1
                    while j < entries.count && entries[j].gram == gram { j += 1 }
                    pairs[gram, default: Postings.Encoder()].append(
                        document: local, positions: UnsafeBufferPointer(rebasing: entries[k..<j]))
                    k = j
                }
            }
            for (word, frequency) in analysis.words {
                words[word, default: Postings.Encoder()].append(document: local, frequency: frequency)
            }
            prepared.analyses[i].pairs = []
            prepared.analyses[i].words = [:]
        }
        prepared.pairs = pairs.keys.sorted().map { ($0, pairs[$0]!.bytes) }
        // SQLite orders text keys by their UTF-8 bytes.
        prepared.words = words.keys.sorted(by: { $0.utf8.lexicographicallyPrecedes($1.utf8) }).map { ($0, words[$0]!.bytes) }
        return prepared
    }

    /// Writes a prepared batch as one new segment in one transaction.
    @discardableResult
    public func write(_ prepared: PreparedBatch) throws(IndexError) -> CommitSummary {
        var summary = CommitSummary()
        summary.unchanged = prepared.unchanged
        var keep: [(Int, Document, Analysis, (content: Int64, text: Int64))] = []
        var textsInBatch: [Int64: String] = [:]
        for (i, (document, analysis)) in zip(prepared.documents, prepared.analyses).enumerated() {
            let hashes = prepared.hashes[i]
            let textHash = hashes.text
            if let other = documentsByText[textHash].flatMap({ documents[$0] }), other.id != document.id {
                summary.duplicates.append((document.id, other.id))
                continue
            }
            if let other = textsInBatch[textHash], other != document.id {
                summary.duplicates.append((document.id, other))
                continue
            }
            textsInBatch[textHash] = document.id
            if let existing = self.document(id: document.id) {
                if existing.contentHash == hashes.content {
                    summary.unchanged += 1
                    continue
                }
                summary.replaced += 1
            } else {
                summary.added += 1
            }
            keep.append((i, document, analysis, hashes))
        }
        guard !keep.isEmpty else { return summary }
        try write {
            // The batch's documents get numbers base + local index, so the lists' numbers only
            // shift; skipped documents' numbers are never used again.
            let base = try nextDocumentNumber() - 1
            try setNextDocumentNumber(base + Int64(prepared.documents.count) + 1)
            let remove = try database.prepare("DELETE FROM documents WHERE id = ?")
            let insert = try database.prepare(
                "INSERT INTO documents(number, id, title, date, speaker, source, tags, text, length, last, hash, text_hash) VALUES(?,?,?,?,?,?,?,?,?,?,?,?)")
            for (i, document, analysis, hashes) in keep {
                try remove.bind(1, document.id).run()
                try insert.bind(1, base + Int64(i + 1)).bind(2, document.id).bind(3, document.title).bind(4, document.date)
                    .bind(5, document.speaker).bind(6, document.source)
                    .bind(7, document.tags.isEmpty ? nil : document.tags.joined(separator: "\t"))
                    .bind(8, document.text).bind(9, Int64(analysis.length)).bind(10, analysis.last)
                    .bind(11, hashes.content).bind(12, hashes.text).run()
            }
            let segment = try nextSegment()
            var blocks = BlockWriter()
            for (gram, list) in prepared.pairs { blocks.append(gram: gram, list: Postings.shifting(list, by: base)) }
            blocks.finishBlock()
            try writeBlocks(&blocks, segment: segment)
            let insertWord = try database.prepare("INSERT INTO words(word, segment, data) VALUES(?, ?, ?)")
            for (word, list) in prepared.words {
                try insertWord.bind(1, word).bind(2, segment).bind(3, blob: Postings.shifting(list, by: base)).run()
            }
            try database.prepare("INSERT INTO segments(number, documents) VALUES(?, ?)")
                .bind(1, segment).bind(2, Int64(keep.count)).run()
            if try segmentCount() > Self.maximumSegments { try mergeSegments() }
        }
        return summary
    }

    /// What a commit needs of one document, computed in parallel before the write.
    struct Analysis: @unchecked Sendable {
        var length = 0
        var last: Int64 = -1
        /// Every pair and where it starts, sorted by pair, then position.
        var pairs: [PairPosition] = []
        var words: [String: Int] = [:]
    }

    struct PairPosition: Comparable {
        var gram: Int64
        var position: Int32

        static func < (a: PairPosition, b: PairPosition) -> Bool {
            a.gram != b.gram ? a.gram < b.gram : a.position < b.position
        }
    }

    private func analyse(_ batch: [Document]) throws(IndexError) -> [Analysis] {
        let normalizer = self.normalizer
        let segmenter = try wordSegmenter()
        var results = [Analysis](repeating: Analysis(), count: batch.count)
        // One task per thread, so a workspace serves many documents; the largest documents are
        // dealt first, each to the thread with the least text so far, so the threads end together.
        let threads = max(1, min(jobs, batch.count))
        var assignment = [[Int]](repeating: [], count: threads)
        var load = [Int](repeating: 0, count: threads)
        for i in batch.indices.sorted(by: { batch[$0].text.utf8.count > batch[$1].text.utf8.count }) {
            let thread = load.indices.min { load[$0] < load[$1] }!
            assignment[thread].append(i)
            load[thread] += batch[i].text.utf8.count
        }
        results.withUnsafeMutableBufferPointer { slots in
            let slots = UncheckedSendable(slots)
            let documents = UncheckedSendable(batch)
            let plan = UncheckedSendable(assignment)
            DispatchQueue.concurrentPerform(iterations: threads) { thread in
                let workspace = SegmentationWorkspace()
                var tokens: [Token] = []
                for i in plan.value[thread] {
                    slots.value[i] = Self.analyze(
                        documents.value[i].text, normalizer: normalizer, segmenter: segmenter, workspace: workspace,
                        tokens: &tokens)
                }
            }
        }
        return results
    }

    static func analyze(
        _ text: String, normalizer: Normalizer, segmenter: LexiconSegmenter, workspace: SegmentationWorkspace,
        tokens: inout [Token]
    ) -> Analysis {
        let form = normalizer.matchingForm(of: text)
        var analysis = Analysis()
        analysis.length = form.scalars.count
        analysis.last = form.scalars.last.map(Int64.init) ?? -1
        analysis.pairs = collectPostings(of: form.scalars)
        // Words of the matching form, so hard-wrapped words count whole.
        var matching = form.string
        tokens.removeAll(keepingCapacity: true)
        matching.withUTF8 { bytes in
            try? segmenter.segment(bytes, into: &tokens, workspace: workspace)
            var counts: [ArraySlice<UInt8>: Int] = [:]
            let all = Array(bytes)
            // One-character words are function words and parts of names: not keywords, and a
            // one-character count is exact from the pair postings anyway.
            // A formulation counts as itself and as every word and formulation nested inside it
            // (推动高质量发展 also counts toward 推动 and 高质量发展).
            func count(_ token: Token, parts: [NestedToken]) {
                guard (token.kind == .word || token.kind == .tifa) && token.scalarRange.count > 1 else { return }
                counts[all[token.utf8Range], default: 0] += 1
                for part in parts { count(part.token, parts: part.parts) }
            }
            for token in tokens {
                count(token, parts: token.kind == .tifa ? segmenter.parts(of: token, in: bytes, workspace: workspace) : [])
            }
            analysis.words.reserveCapacity(counts.count)
            for (word, n) in counts { analysis.words[String(decoding: word, as: UTF8.self)] = n }
        }
        return analysis
    }

    /// Merges every segment into one, drops the postings of deleted documents, and gives the
    /// space they took back to the file system.
    public func optimize() throws(IndexError) {
        try write { try mergeAllSegments() }
        do {
            try database.execute("VACUUM")
            try database.execute("PRAGMA wal_checkpoint(TRUNCATE)")
        } catch {
            throw .sqlite(error)
        }
    }

    /// Every character pair of `scalars` with its positions. A single character's positions are
    /// those of the pairs it starts, plus the document's last character.
    static func collectPostings(of scalars: [UInt32]) -> [PairPosition] {
        let count = max(0, scalars.count - 1)
        // A pair key has 43 bits: with a position below 2^21 both fit one integer, which sorts fast.
        if scalars.count < 1 << 21 {
            var keys = [UInt64](repeating: 0, count: count)
            for p in 0..<count {
                keys[p] = UInt64(Postings.bigram(scalars[p], scalars[p + 1])) << 21 | UInt64(p)
            }
            keys.sort()
            return keys.map { PairPosition(gram: Int64($0 >> 21), position: Int32($0 & 0x1F_FFFF)) }
        }
        var pairs: [PairPosition] = []
        pairs.reserveCapacity(count)
        for p in 0..<count {
            pairs.append(PairPosition(gram: Postings.bigram(scalars[p], scalars[p + 1]), position: Int32(p)))
        }
        pairs.sort()
        return pairs
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

    private func segmentCount() throws -> Int {
        let statement = try database.prepare("SELECT count(*) FROM segments")
        _ = try statement.step()
        return Int(statement.int(0))
    }

    /// Merges segments until at most `maximumSegments` remain: each round merges the four
    /// adjacent segments with the fewest documents, so work stays proportional to what is merged.
    private func mergeSegments() throws {
        while true {
            let segments = try segmentList()
            guard segments.count > Self.maximumSegments else { return }
            var best = 0
            var bestSize = Int64.max
            for start in 0...(segments.count - 4) {
                let size = segments[start..<(start + 4)].reduce(0) { $0 + $1.documents }
                if size < bestSize {
                    best = start
                    bestSize = size
                }
            }
            try merge(Array(segments[best..<(best + 4)].map(\.number)))
        }
    }

    /// Merges every segment into one, dropping the postings of deleted documents.
    private func mergeAllSegments() throws {
        try merge(try segmentList().map(\.number))
    }

    private func segmentList() throws -> [(number: Int64, documents: Int64)] {
        let statement = try database.prepare("SELECT number, documents FROM segments ORDER BY number")
        var list: [(Int64, Int64)] = []
        while try statement.step() { list.append((statement.int(0), statement.int(1))) }
        return list
    }

    /// Streams the lists of adjacent segments `numbers` (ascending) into one segment that takes the
    /// first one's number, keeping only live documents. Memory: one block per segment.
    private func merge(_ numbers: [Int64]) throws {
        guard let target = numbers.first else { return }
        var live = Set<Int64>()
        let documentsStatement = try database.prepare("SELECT number FROM documents")
        while try documentsStatement.step() { live.insert(documentsStatement.int(0)) }
        let temporary: Int64 = -1
        try database.prepare("DELETE FROM blocks WHERE segment = ?").bind(1, temporary).run()

        // Pairs: a cursor per segment over its blocks in gram order; full blocks are written as
        // they come, so memory holds one block per segment.
        var pairCursors = try numbers.map { try BlockCursor(database: database, segment: $0) }
        var blocks = BlockWriter()
        try Self.mergeLists(&pairCursors, precedes: <) { list, encoder in
            try Postings.decode(list) { document, positions in
                if live.contains(document) { encoder.append(document: document, positions: positions) }
            }
        } emit: { gram, list in
            blocks.append(gram: gram, list: list)
            if blocks.blocks.count >= 16 { try writeBlocks(&blocks, segment: temporary) }
        }
        blocks.finishBlock()
        try writeBlocks(&blocks, segment: temporary)

        // Words: one row per word and segment, read in word order (UTF-8 bytes, as SQLite sorts).
        var wordCursors = try numbers.map { try WordCursor(database: database, segment: $0) }
        let insertWord = try database.prepare("INSERT INTO words(word, segment, data) VALUES(?, ?, ?)")
        var words: [(String, [UInt8])] = []
        func writeWords() throws {
            for (word, list) in words { try insertWord.bind(1, word).bind(2, temporary).bind(3, blob: list).run() }
            words.removeAll(keepingCapacity: true)
        }
        try Self.mergeLists(&wordCursors, precedes: { $0.utf8.lexicographicallyPrecedes($1.utf8) }) { list, encoder in
            try Postings.decodeFrequencies(list) { document, frequency in
                if live.contains(document) { encoder.append(document: document, frequency: frequency) }
            }
        } emit: { word, list in
            words.append((word, list))
            if words.count >= 4096 { try writeWords() }
        }
        try writeWords()
        pairCursors.removeAll()
        wordCursors.removeAll()

        let list = numbers.map(String.init).joined(separator: ",")
        try database.execute("DELETE FROM blocks WHERE segment IN (\(list)); DELETE FROM words WHERE segment IN (\(list));")
        try database.execute("UPDATE blocks SET segment = \(target) WHERE segment = \(temporary); UPDATE words SET segment = \(target) WHERE segment = \(temporary);")
        let documents = try database.prepare("SELECT coalesce(sum(documents), 0) FROM segments WHERE number IN (\(list))")
        _ = try documents.step()
        let total = documents.int(0)
        try database.execute("DELETE FROM segments WHERE number IN (\(list))")
        try database.prepare("INSERT INTO segments(number, documents) VALUES(?, ?)").bind(1, target).bind(2, total).run()
    }

    /// Inserts the finished blocks of `blocks` into `segment` and forgets them.
    private func writeBlocks(_ blocks: inout BlockWriter, segment: Int64) throws {
        let insert = try database.prepare("INSERT INTO blocks(segment, last, first, data) VALUES(?, ?, ?, ?)")
        for block in blocks.blocks {
            try insert.bind(1, segment).bind(2, block.last).bind(3, block.first).bind(4, blob: block.data).run()
        }
        blocks.blocks.removeAll()
    }

    /// A k-way merge of segment lists: key by key, smallest first, every cursor at that key copies
    /// its list into one encoder (`copy` keeps the live documents), and `emit` gets the merged list
    /// unless nothing was left.
    private static func mergeLists<Cursor: SegmentListCursor>(
        _ cursors: inout [Cursor], precedes: (Cursor.Key, Cursor.Key) -> Bool,
        copy: (UnsafeRawBufferPointer, inout Postings.Encoder) throws -> Void,
        emit: (Cursor.Key, [UInt8]) throws -> Void
    ) throws {
        while let key = cursors.compactMap(\.key).min(by: precedes) {
            var encoder = Postings.Encoder()
            for i in cursors.indices where cursors[i].key == key {
                try cursors[i].withList { try copy($0, &encoder) }
                try cursors[i].advance()
            }
            if !encoder.bytes.isEmpty { try emit(key, encoder.bytes) }
        }
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

/// A value handed to worker threads that the code guarantees is used safely: each thread
/// writes only its own slot and reads shared values that no one writes.
package struct UncheckedSendable<Value>: @unchecked Sendable {
    package var value: Value
    package init(_ value: Value) { self.value = value }
}

extension Index {
    /// SQLite's own consistency check of the file: empty when it is sound, else its complaints.
    public func integrityProblems() throws(IndexError) -> [String] {
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
