/// When segments merge and how much a merge holds in memory.
enum MergePolicy {
    /// Segments beyond this many are merged after a commit.
    static let maximumSegments = 16
    /// How many adjacent segments one merge joins.
    static let segmentsPerMerge = 8
    /// Finished posting blocks (about 8 KB each) kept before they are inserted.
    static let blocksBuffered = 16
    /// Merged word rows kept before they are inserted.
    static let wordRowsBuffered = 4096
}

extension Index {
    private func segmentCount() throws -> Int {
        let statement = try database.prepare("SELECT count(*) FROM segments")
        _ = try statement.step()
        return Int(statement.int(0))
    }

    /// Merges segments until at most `MergePolicy.maximumSegments` remain: each round merges the
    /// `segmentsPerMerge` adjacent segments with the fewest documents, so work stays proportional
    /// to what is merged.
    func mergeSegmentsIfNeeded() throws {
        let width = MergePolicy.segmentsPerMerge
        while true {
            let segments = try segmentList()
            guard segments.count > MergePolicy.maximumSegments else { return }
            var best = 0
            var bestSize = Int64.max
            for start in 0...(segments.count - width) {
                let size = segments[start..<(start + width)].reduce(0) { $0 + $1.documents }
                if size < bestSize {
                    best = start
                    bestSize = size
                }
            }
            try merge(Array(segments[best..<(best + width)].map(\.number)))
        }
    }

    /// Merges every segment into one, dropping the postings of deleted documents. `layout` is how
    /// the segments' blocks are laid out now (format 1 when upgrading).
    func mergeAllSegments(layout: BlockLayout? = nil) throws {
        try merge(try segmentList().map(\.number), layout: layout ?? blockLayout)
    }

    private func segmentList() throws -> [(number: Int64, documents: Int64)] {
        let statement = try database.prepare("SELECT number, documents FROM segments ORDER BY number")
        var list: [(Int64, Int64)] = []
        while try statement.step() { list.append((statement.int(0), statement.int(1))) }
        return list
    }

    /// Streams the lists of adjacent segments `numbers` (ascending) into one segment that takes the
    /// first one's number, keeping only live documents, with fresh totals. When every document the
    /// segments were written with is still live, their lists are joined without being decoded
    /// (segments hold ascending ranges of documents) and their totals added up; otherwise each
    /// list is decoded and the deleted documents left out. Memory: one block per segment, and a
    /// few bytes per document of the merged range.
    private func merge(_ numbers: [Int64], layout: BlockLayout? = nil) throws {
        guard let target = numbers.first else { return }
        let layout = layout ?? blockLayout
        let list = numbers.map(String.init).joined(separator: ",")
        // The merged segments' documents: those in their ranges (all of them in format 1, which
        // has no ranges and merges everything at once). A segment left with no document has an
        // empty range (last < first) and adds nothing.
        var lastCharacters: [Int64: Int64] = [:]
        var bounds: ClosedRange<Int64>? = Int64.min...Int64.max
        var written: Int64 = 0
        if layout == .withTotals {
            let range = try database.prepare(
                """
                SELECT min(first_document), max(last_document), sum(documents) FROM segments
                WHERE number IN (\(list)) AND last_document >= first_document
                """)
            _ = try range.step()
            bounds = range.isNull(0) ? nil : range.int(0)...range.int(1)
            written = range.int(2)
        }
        if let bounds {
            let documentsStatement = try database.prepare("SELECT number, last FROM documents WHERE number BETWEEN ? AND ?")
            documentsStatement.bind(1, bounds.lowerBound).bind(2, bounds.upperBound)
            while try documentsStatement.step() { lastCharacters[documentsStatement.int(0)] = documentsStatement.int(1) }
        }
        let live = lastCharacters.keys.sorted()
        let documentRange = (live.first ?? 0)..<((live.last ?? -1) + 1)
        let joinWhole = layout == .withTotals && Int64(live.count) == written
        var characters = CharacterTotals(documents: joinWhole ? 0..<0 : documentRange)
        if !joinWhole {
            for (number, last) in lastCharacters where last >= 0 { characters.setLast(UInt32(last), of: number) }
        }

        let temporary: Int64 = -1
        try database.execute(
            "DELETE FROM blocks WHERE segment = \(temporary); DELETE FROM words WHERE segment = \(temporary); DELETE FROM characters WHERE segment = \(temporary);")

        // Pairs: a cursor per segment over its blocks in gram order; full blocks are written as
        // they come, so memory holds one block per segment.
        var pairCursors = try numbers.map { try BlockCursor(database: database, segment: $0, layout: layout) }
        var blocks = BlockWriter()
        try Self.mergeLists(&pairCursors, precedes: <) { gram, list, encoder in
            if joinWhole {
                try encoder.append(list: list, of: .positions)
                return
            }
            try Postings.decode(list) { document, positions in
                guard lastCharacters[document] != nil else { return }
                encoder.append(document: document, positions: positions)
                characters.add(gram: gram, document: document, count: positions.count)
            }
        } emit: { gram, encoder in
            blocks.append(gram: gram, list: encoder.bytes, totals: encoder.totals)
            if blocks.blocks.count >= MergePolicy.blocksBuffered { try writeBlocks(&blocks, segment: temporary) }
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
        try Self.mergeLists(&wordCursors, precedes: { $0.utf8.lexicographicallyPrecedes($1.utf8) }) { _, list, encoder in
            if joinWhole {
                try encoder.append(list: list, of: .frequencies)
                return
            }
            try Postings.decodeFrequencies(list) { document, frequency in
                if lastCharacters[document] != nil { encoder.append(document: document, frequency: frequency) }
            }
        } emit: { word, encoder in
            words.append((word, encoder.bytes))
            if words.count >= MergePolicy.wordRowsBuffered { try writeWords() }
        }
        try writeWords()
        pairCursors.removeAll()
        wordCursors.removeAll()

        if joinWhole {
            // The segments' documents are disjoint, so each character's totals add up.
            try database.execute(
                """
                INSERT INTO characters(scalar, segment, documents, occurrences)
                    SELECT scalar, \(temporary), sum(documents), sum(occurrences) FROM characters WHERE segment IN (\(list)) GROUP BY scalar;
                """)
        } else {
            try writeCharacters(characters.finish(), segment: temporary)
        }
        try database.execute(
            """
            DELETE FROM blocks WHERE segment IN (\(list)); DELETE FROM words WHERE segment IN (\(list));
            DELETE FROM characters WHERE segment IN (\(list)); DELETE FROM segments WHERE number IN (\(list));
            UPDATE blocks SET segment = \(target) WHERE segment = \(temporary); UPDATE words SET segment = \(target) WHERE segment = \(temporary);
            UPDATE characters SET segment = \(target) WHERE segment = \(temporary);
            """)
        try database.prepare("INSERT INTO segments(number, documents, first_document, last_document) VALUES(?, ?, ?, ?)")
            .bind(1, target).bind(2, Int64(live.count)).bind(3, documentRange.lowerBound).bind(4, documentRange.upperBound - 1).run()
    }

    /// Inserts one segment's character totals.
    func writeCharacters(_ totals: [(character: UInt32, totals: PostingTotals)], segment: Int64) throws {
        let insert = try database.prepare("INSERT INTO characters(scalar, segment, documents, occurrences) VALUES(?, ?, ?, ?)")
        for (character, entry) in totals {
            try insert.bind(1, Int64(character)).bind(2, segment).bind(3, Int64(entry.documents)).bind(4, Int64(entry.occurrences)).run()
        }
    }

    /// Inserts the finished blocks of `blocks` into `segment` and forgets them.
    func writeBlocks(_ blocks: inout BlockWriter, segment: Int64) throws {
        let insert = try database.prepare(
            "INSERT INTO blocks(segment, last, first, last_documents, last_occurrences, data) VALUES(?, ?, ?, ?, ?, ?)")
        for block in blocks.blocks {
            try insert.bind(1, segment).bind(2, block.last).bind(3, block.first).bind(4, Int64(block.lastTotals.documents))
                .bind(5, Int64(block.lastTotals.occurrences)).bind(6, blob: block.data).run()
        }
        blocks.blocks.removeAll()
    }

    /// A k-way merge of segment lists: key by key, smallest first, every cursor at that key copies
    /// its list into one encoder (`copy` keeps the live documents), and `emit` gets the merged list
    /// unless nothing was left.
    private static func mergeLists<Cursor: SegmentListCursor>(
        _ cursors: inout [Cursor], precedes: (Cursor.Key, Cursor.Key) -> Bool,
        copy: (Cursor.Key, UnsafeRawBufferPointer, inout Postings.Encoder) throws -> Void,
        emit: (Cursor.Key, Postings.Encoder) throws -> Void
    ) throws {
        while let key = cursors.compactMap(\.key).min(by: precedes) {
            var encoder = Postings.Encoder()
            for i in cursors.indices where cursors[i].key == key {
                try cursors[i].withList { try copy(key, $0, &encoder) }
                try cursors[i].advance()
            }
            if !encoder.bytes.isEmpty { try emit(key, encoder) }
        }
    }
}
