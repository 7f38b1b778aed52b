import TifaText

extension Index {
    /// Verifies the whole index, in one snapshot: SQLite's own structure check; every live
    /// document's text against the hash taken when it was added, and its matching form against
    /// the length and last character recorded for it; every posting list decodes and points
    /// inside its document; and `samplePhrases` phrases of one to three characters, taken from
    /// the documents with a seeded generator, counted by the index and by brute force over the
    /// texts. Reads every document twice: time grows with the archive.
    public func check(samplePhrases: Int = 200, seed: UInt64 = 1) throws(IndexError) -> IndexCheck {
        try reading { () throws(IndexError) in
            var report = IndexCheck()
            // Each stage reports what stops it and the next one still runs.
            func stage(_ body: (inout IndexCheck) throws -> Void) {
                do {
                    try body(&report)
                } catch let error as SQLiteError {
                    report.problems.append("SQLite: \(error.message)")
                } catch let IndexError.corrupt(_, reason) {
                    report.problems.append(reason)
                } catch {
                    report.problems.append("\(error)")
                }
            }
            var samples: [[UInt32]] = []
            stage { try checkStructure(&$0) }
            stage { samples = try checkDocuments(&$0, samplePhrases: samplePhrases, seed: seed) }
            stage { try checkPostings(&$0) }
            stage { try checkCounts(samples, &$0) }
            return report
        }
    }

    private func checkStructure(_ report: inout IndexCheck) throws {
        let statement = try database.prepare("PRAGMA integrity_check")
        while try statement.step() {
            let line = statement.string(0) ?? ""
            if line != "ok" { report.problems.append("SQLite: \(line)") }
        }
    }

    /// Each live document's text and shape; returns the sampled phrases.
    private func checkDocuments(_ report: inout IndexCheck, samplePhrases: Int, seed: UInt64) throws -> [[UInt32]] {
        var generator = SplitMix64(seed: seed)
        var samples: [[UInt32]] = []
        var seen = 0
        try forEachLiveText { info, text in
            report.documents += 1
            guard Document.textHash(of: text) == info.textHash else {
                report.problems.append("document \(info.id): its text does not match its checksum")
                return
            }
            let scalars = normalizer.matchingForm(of: text).scalars
            if scalars.count != info.length || (scalars.last.map(Int64.init) ?? -1) != info.lastCharacter {
                report.problems.append("document \(info.id): its text is not the one its postings were made from")
                return
            }
            // Reservoir sampling: every position of every document equally likely.
            for _ in 0..<min(scalars.count, 4) where !scalars.isEmpty {
                seen += 1
                let slot = samples.count < samplePhrases ? samples.count : Int(generator.next() % UInt64(seen))
                guard slot < samplePhrases else { continue }
                let start = Int(generator.next() % UInt64(scalars.count))
                let length = 1 + Int(generator.next() % 3)
                let phrase = Array(scalars[start..<min(scalars.count, start + length)])
                if slot == samples.count { samples.append(phrase) } else { samples[slot] = phrase }
            }
        }
        return samples
    }

    /// Every pair and word list decodes; a pair's positions lie inside its (live) document; the
    /// totals stored beside each list are its own, and a segment's character totals add up from
    /// its lists (for segments whose documents are all live, the ones readers take totals from).
    private func checkPostings(_ report: inout IndexCheck) throws {
        let states = Dictionary(uniqueKeysWithValues: segmentStates.map { ($0.number, $0) })
        var characters: CharacterTotals?
        var segmentChecked: Int64?
        func finishSegment(_ report: inout IndexCheck) throws {
            guard let segment = segmentChecked, var totals = characters else { return }
            characters = nil
            let computed = totals.finish()
            var stored: [(character: UInt32, totals: PostingTotals)] = []
            let statement = try database.prepare("SELECT scalar, documents, occurrences FROM characters WHERE segment = ? ORDER BY scalar")
            statement.bind(1, segment)
            while try statement.step() {
                stored.append((UInt32(statement.int(0)), PostingTotals(documents: Int(statement.int(1)), occurrences: Int(statement.int(2)))))
            }
            if stored.map(\.character) != computed.map(\.character) || stored.map(\.totals) != computed.map(\.totals) {
                report.problems.append("segment \(segment): its character totals do not add up from its postings")
            }
        }
        let rowTotals = blockLayout == .withTotals ? "last_documents, last_occurrences" : "-1, -1"
        /// Starts checking `segment`: its character totals are added up from here on.
        func startSegment(_ segment: Int64) {
            segmentChecked = segment
            guard let state = states[segment], state.usesTotals else { return }
            characters = CharacterTotals(documents: state.documents)
            for number in state.documents {
                if let info = documents[number], info.length > 0 { characters!.setLast(UInt32(info.lastCharacter), of: number) }
            }
        }
        var segmentsWithBlocks = Set<Int64>()
        let blocks = try database.prepare("SELECT segment, last, first, data, \(rowTotals) FROM blocks ORDER BY segment, last")
        while try blocks.step() {
            let segment = blocks.int(0), last = blocks.int(1), first = blocks.int(2)
            if segment != segmentChecked {
                try finishSegment(&report)
                startSegment(segment)
                segmentsWithBlocks.insert(segment)
            }
            var problem: String? = nil
            var lists = 0
            var lastEntry: (gram: Int64, totals: PostingTotals?)?
            do {
                try blocks.withBlob(3) { block in
                    try BlockWriter.entries(of: block, first: first, layout: blockLayout) { (gram, stored, list) throws(PostingsError) in
                        lists += 1
                        lastEntry = (gram, stored)
                        var totals = PostingTotals()
                        try Postings.decode(list) { document, positions in
                            totals.add(occurrences: positions.count)
                            if characters != nil {
                                guard states[segment]!.documents.contains(document) else {
                                    problem = problem ?? "segment \(segment): it holds postings of document number \(document), outside its range"
                                    return
                                }
                                characters!.add(gram: gram, document: document, count: positions.count)
                            }
                            guard problem == nil, let info = documents[document], let end = positions.last else { return }
                            if Int(end) + 1 >= info.length {
                                problem = "segment \(segment): the postings of document \(info.id) point past the end of its text"
                            }
                        }
                        if let stored, stored != totals {
                            problem = problem ?? "segment \(segment): the totals stored with a posting list are not its own"
                        }
                        if gram > last { throw PostingsError() }
                    }
                }
            } catch {
                problem = problem ?? "segment \(segment): the posting block ending at \(last) does not decode"
            }
            if blockLayout == .withTotals, let lastEntry {
                let rowTotals = PostingTotals(documents: Int(blocks.int(4)), occurrences: Int(blocks.int(5)))
                if lastEntry.gram != last || lastEntry.totals != rowTotals {
                    problem = problem ?? "segment \(segment): the block ending at \(last) does not end with the list its row describes"
                }
            }
            report.pairLists += lists
            if let problem { report.problems.append(problem) }
        }
        try finishSegment(&report)
        // A segment of documents too short for a pair has no block, but its characters still count.
        for state in segmentStates where !segmentsWithBlocks.contains(state.number) {
            startSegment(state.number)
            try finishSegment(&report)
        }
        let words = try database.prepare("SELECT word, segment, data FROM words")
        while try words.step() {
            report.wordLists += 1
            do {
                try words.withBlob(2) { list in try Postings.decodeFrequencies(list) { _, _ in } }
            } catch {
                report.problems.append("segment \(words.int(1)): the word list of \(words.string(0) ?? "?") does not decode")
            }
        }
    }

    /// The sampled phrases counted by brute force over the texts and by the index.
    private func checkCounts(_ samples: [[UInt32]], _ report: inout IndexCheck) throws {
        guard !samples.isEmpty else { return }
        // Phrases of up to three scalars fit one integer key: a window slides over each text once per length.
        func key(_ phrase: ArraySlice<UInt32>) -> UInt64 { phrase.reduce(UInt64(phrase.count)) { $0 << 21 | UInt64($1) } }
        var expected: [UInt64: (occurrences: Int, documents: Int)] = [:]
        for phrase in samples { expected[key(phrase[...])] = (0, 0) }
        let lengths = Set(samples.map(\.count))
        try forEachLiveText { _, text in
            let scalars = normalizer.matchingForm(of: text).scalars
            var inDocument: [UInt64: Int] = [:]
            for length in lengths where scalars.count >= length {
                for start in 0...(scalars.count - length) {
                    let k = key(scalars[start..<(start + length)])
                    if expected[k] != nil { inDocument[k, default: 0] += 1 }
                }
            }
            for (k, n) in inDocument {
                expected[k]!.occurrences += n
                expected[k]!.documents += 1
            }
        }
        for phrase in Set(samples) {
            let found = try occurrences(ofMatching: phrase)
            let counted = (found.values.reduce(0) { $0 + $1.count }, found.count)
            let totals = try self.totals(ofMatching: phrase)
            let truth = expected[key(phrase[...])]!
            report.phrasesCounted += 1
            let text = String(String.UnicodeScalarView(phrase.compactMap(Unicode.Scalar.init)))
            if counted != truth {
                report.problems.append(
                    "the count of \(text.debugDescription) is \(counted.0) in \(counted.1) documents; the texts have \(truth.occurrences) in \(truth.documents)")
            } else if totals != PostingTotals(documents: truth.documents, occurrences: truth.occurrences) {
                report.problems.append(
                    "the stored totals of \(text.debugDescription) say \(totals.occurrences) in \(totals.documents) documents; the texts have \(truth.occurrences) in \(truth.documents)")
            }
        }
    }

    /// Calls `body` with each live document and its stored text, in number order.
    private func forEachLiveText(_ body: (DocumentInfo, String) throws -> Void) throws {
        let statement = try database.prepare("SELECT number, text FROM documents ORDER BY number")
        while try statement.step() {
            guard let info = documents[statement.int(0)] else { continue }
            try body(info, statement.string(1) ?? "")
        }
    }
}
