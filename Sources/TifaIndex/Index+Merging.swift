/// When segments merge and how much a merge holds in memory.
enum MergePolicy {
    /// Segments beyond this many are merged after a commit.
    static let maximumSegments = 8
    /// How many adjacent segments one merge joins.
    static let segmentsPerMerge = 4
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

    /// Merges every segment into one, dropping the postings of deleted documents.
    func mergeAllSegments() throws {
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
        try Self.mergeLists(&wordCursors, precedes: { $0.utf8.lexicographicallyPrecedes($1.utf8) }) { list, encoder in
            try Postings.decodeFrequencies(list) { document, frequency in
                if live.contains(document) { encoder.append(document: document, frequency: frequency) }
            }
        } emit: { word, list in
            words.append((word, list))
            if words.count >= MergePolicy.wordRowsBuffered { try writeWords() }
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
    func writeBlocks(_ blocks: inout BlockWriter, segment: Int64) throws {
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
}
