/// How often a phrase occurs, without the per-document breakdown of `PhraseCount`: what
/// `Index.totals(_:)` answers.
public struct PhraseTotals: Sendable, Equatable {
    /// The phrase as given, before normalization.
    public var phrase: String
    /// Occurrences in all live documents, overlapping ones included.
    public var occurrences: Int
    /// Live documents with at least one occurrence.
    public var documents: Int
}

/// One segment as a reader sees it.
struct SegmentState {
    var number: Int64
    /// The document numbers the segment was written with (empty when unknown or none).
    var documents: Range<Int64>
    /// Whether its stored totals (per pair and per character) may be used: the file is in
    /// format 2 and every document the segment was written with is still live, so the totals
    /// count nothing a reader would ignore.
    var usesTotals: Bool
}

extension Index {
    /// The occurrences and documents of `phrase`, the same numbers as `count(_:)` without the
    /// per-document map. A single character or a pair is answered from the totals stored beside
    /// its postings, without reading positions, wherever no document of a segment was deleted
    /// since the segment was written (merging and `optimize` make it so again).
    public func totals(_ phrase: String) throws(IndexError) -> PhraseTotals {
        let scalars = normalizer.matchingForm(of: phrase).scalars
        guard !scalars.isEmpty else { throw .emptyPhrase }
        let found = try reading { () throws(IndexError) in try self.totals(ofMatching: scalars) }
        return PhraseTotals(phrase: phrase, occurrences: found.occurrences, documents: found.documents)
    }

    func totals(ofMatching scalars: [UInt32]) throws(IndexError) -> PostingTotals {
        func summed(_ perDocument: [Int64: Int]) -> PostingTotals {
            PostingTotals(documents: perDocument.count, occurrences: perDocument.values.reduce(0, +))
        }
        guard scalars.count <= 2 else { return try chainedMatches(of: scalars).totals }
        let stored = segmentStates.filter(\.usesTotals)
        let decoded = segmentStates.filter { !$0.usesTotals }.map(\.number)
        var result = PostingTotals()
        if scalars.count == 1 {
            result = try storedCharacterTotals(scalars[0], segments: Set(stored.map(\.number)))
            if !decoded.isEmpty {
                let ranges = stored.map(\.documents)
                result = result + summed(try characterCounts(scalars[0], segments: decoded) { number in !ranges.contains { $0.contains(number) } })
            }
        } else {
            let gram = Postings.bigram(scalars[0], scalars[1])
            result = try storedPairTotals(gram, segments: stored.map(\.number))
            if !decoded.isEmpty { result = result + summed(try pairCounts(gram, segments: decoded)) }
        }
        return result
    }

    /// The sum of a pair's stored totals in `segments`. A long list ends its block, so its totals
    /// come from the row's columns and the blob is not read; a short one is found in its block.
    private func storedPairTotals(_ gram: Int64, segments: [Int64]) throws(IndexError) -> PostingTotals {
        var result = PostingTotals()
        guard !segments.isEmpty else { return result }
        do {
            let row = try database.prepare(
                "SELECT first, last, last_documents, last_occurrences FROM blocks WHERE segment = ? AND last >= ? ORDER BY last LIMIT 1")
            let block = try database.prepare("SELECT data FROM blocks WHERE segment = ? AND last = ?")
            for segment in segments {
                row.bind(1, segment).bind(2, gram)
                defer { row.reset() }
                guard try row.step(), row.int(0) <= gram else { continue }
                let first = row.int(0), last = row.int(1)
                if last == gram {
                    result = result + PostingTotals(documents: Int(row.int(2)), occurrences: Int(row.int(3)))
                    continue
                }
                block.bind(1, segment).bind(2, last)
                defer { block.reset() }
                guard try block.step() else { continue }
                try block.withBlob(0) { data in
                    try BlockWriter.entries(of: data, first: first, layout: .withTotals) { (entry, totals, _) throws(PostingsError) in
                        if entry == gram, let totals { result = result + totals }
                    }
                }
            }
        } catch let error as SQLiteError {
            throw .sqlite(error)
        } catch {
            throw .corrupt(path: path, reason: "a block of posting lists does not decode")
        }
        return result
    }

    /// The sum of a character's stored totals in `segments`.
    private func storedCharacterTotals(_ c: UInt32, segments: Set<Int64>) throws(IndexError) -> PostingTotals {
        guard !segments.isEmpty else { return PostingTotals() }
        var result = PostingTotals()
        do {
            let statement = try database.prepare("SELECT segment, documents, occurrences FROM characters WHERE scalar = ?")
            statement.bind(1, Int64(c))
            while try statement.step() {
                guard segments.contains(statement.int(0)) else { continue }
                result = result + PostingTotals(documents: Int(statement.int(1)), occurrences: Int(statement.int(2)))
            }
        } catch {
            throw .sqlite(error)
        }
        return result
    }

    /// The segments with their document ranges, and whether each may answer from its totals.
    func loadSegmentStates() throws(SQLiteError) -> [SegmentState] {
        guard blockLayout == .withTotals else {
            let statement = try database.prepare("SELECT number FROM segments ORDER BY number")
            var states: [SegmentState] = []
            while try statement.step() { states.append(SegmentState(number: statement.int(0), documents: 0..<0, usesTotals: false)) }
            return states
        }
        let statement = try database.prepare("SELECT number, documents, first_document, last_document FROM segments ORDER BY number")
        var states: [SegmentState] = []
        var written: [Int] = []
        while try statement.step() {
            let first = statement.int(2), last = statement.int(3)
            states.append(SegmentState(number: statement.int(0), documents: first..<max(first, last + 1), usesTotals: false))
            written.append(Int(statement.int(1)))
        }
        // Live documents per segment: segments with documents hold ascending, disjoint ranges of
        // numbers (a segment left empty by a merge has an empty range, wherever it sits).
        var live = [Int](repeating: 0, count: states.count)
        let holding = states.indices.filter { !states[$0].documents.isEmpty }
        for number in documents.keys {
            var lo = 0, hi = holding.count
            while lo < hi {
                let mid = (lo + hi) / 2
                if states[holding[mid]].documents.upperBound <= number { lo = mid + 1 } else { hi = mid }
            }
            if lo < holding.count && states[holding[lo]].documents.contains(number) { live[holding[lo]] += 1 }
        }
        for k in states.indices { states[k].usesTotals = live[k] == written[k] }
        return states
    }

    /// Rewrites an index of format 1 in format 2, when a writer opens it: every segment merged
    /// into one whose blocks carry totals, with its character totals and document range. Nothing
    /// indexed changes; a reader of the old format sees the new one at its next read.
    func upgradeFromFormat1() throws(IndexError) {
        try write {
            // Another writer may have upgraded it; the statement ends before the tables change.
            let format = try database.prepare("SELECT value FROM meta WHERE key = 'format'")
            let isFormat1 = try format.step() && format.string(0) == "1"
            format.reset()
            guard isFormat1 else { return }
            // The blocks move to a table of the new shape (the last entry's totals before the
            // data), and merging them all rewrites them in the new layout.
            try database.execute(
                """
                ALTER TABLE segments ADD COLUMN first_document INTEGER NOT NULL DEFAULT 0;
                ALTER TABLE segments ADD COLUMN last_document INTEGER NOT NULL DEFAULT -1;
                ALTER TABLE blocks RENAME TO blocks_format1;
                """ + Self.blocksTable + Self.charactersTable + """
                INSERT INTO blocks(segment, last, first, last_documents, last_occurrences, data)
                    SELECT segment, last, first, 0, 0, data FROM blocks_format1;
                DROP TABLE blocks_format1;
                """)
            try mergeAllSegments(layout: .plain)
            try database.execute("UPDATE meta SET value = '\(Self.formatVersion)' WHERE key = 'format'")
        }
    }
}
