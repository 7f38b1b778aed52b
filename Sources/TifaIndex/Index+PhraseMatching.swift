extension Index {
    /// Occurrences of a phrase (in its matching form, as scalars) per live document: what `count`
    /// reports. A single character or a single pair needs no positions, only each document's
    /// count; a longer phrase is chained (`chainedStarts(of:)`).
    func documentCounts(ofMatching scalars: [UInt32]) throws(IndexError) -> [Int64: Int] {
        let all = segmentStates.map(\.number)
        if scalars.count == 1 { return try characterCounts(scalars[0], segments: all) { _ in true } }
        guard scalars.count == 2 else { return try chainedMatches(of: scalars).countsPerDocument }
        return try pairCounts(Postings.bigram(scalars[0], scalars[1]), segments: all)
    }

    /// A pair's occurrences per live document, from the lists of `segments`.
    func pairCounts(_ gram: Int64, segments: [Int64]) throws(IndexError) -> [Int64: Int] {
        var result: [Int64: Int] = [:]
        try forEachList(from: gram, through: gram, segments: segments) { (_, list) throws(PostingsError) in
            try Postings.decodeCounts(list) { document, n in
                if live.contains(document) { result[document, default: 0] += n }
            }
        }
        return result
    }

    /// The start positions of a phrase of two or more characters in each live document.
    func chainedStarts(of scalars: [UInt32]) throws(IndexError) -> [Int64: [Int32]] {
        let matches = try chainedMatches(of: scalars)
        var result: [Int64: [Int32]] = [:]
        result.reserveCapacity(matches.documents.count)
        for k in matches.documents.indices {
            let starts = matches.starts(ofDocument: k)
            if !starts.isEmpty { result[matches.documents[k]] = Array(starts) }
        }
        return result
    }

    /// Each consecutive pair of a phrase must start one position after the previous one, so
    /// chaining the pairs' positions finds exactly the phrase's occurrences, with no text to
    /// verify. The rarest pair (by the size of its posting lists) proposes the starts; every other
    /// pair only filters the starts of documents still in play, walking its lists beside them
    /// (documents ascend through the segments, so no lookup is needed) and stepping over the
    /// positions of documents that are not.
    func chainedMatches(of scalars: [UInt32]) throws(IndexError) -> ChainedMatches {
        var offsets: [Int64: [Int]] = [:]
        for i in 0..<(scalars.count - 1) { offsets[Postings.bigram(scalars[i], scalars[i + 1]), default: []].append(i) }
        var lists: [Int64: [[UInt8]]] = [:]
        for gram in offsets.keys { lists[gram] = try rawLists(for: gram) }
        func size(_ gram: Int64) -> Int { lists[gram]!.reduce(0) { $0 + $1.count } }
        let order = offsets.keys.sorted { (size($0), $0) < (size($1), $1) }
        var matches = ChainedMatches()
        do throws(PostingsError) {
            let driver = order[0]
            for list in lists[driver]! {
                try Self.withBytes(of: list) { (raw) throws(PostingsError) in
                    try matches.propose(from: raw, offset: Int32(offsets[driver]![0])) { live.contains($0) }
                }
            }
            for gram in order {
                for offset in gram == driver ? Array(offsets[gram]!.dropFirst()) : offsets[gram]! {
                    var next = 0
                    var met = [Bool](repeating: false, count: matches.documents.count)
                    for list in lists[gram]! {
                        try Self.withBytes(of: list) { (raw) throws(PostingsError) in
                            try matches.filter(by: raw, offset: Int32(offset), next: &next, met: &met)
                        }
                    }
                    for k in met.indices where !met[k] { matches.clearStarts(ofDocument: k) }
                }
            }
        } catch {
            throw .corrupt(path: path, reason: "a posting list does not decode")
        }
        return matches
    }

    /// A character occurs where a pair starting with it does, and at the end of a document that
    /// ends with it: its occurrences per live document, from the lists of `segments` and the
    /// documents `isCounted` accepts (those the segments hold).
    func characterCounts(_ c: UInt32, segments: [Int64], isCounted: (Int64) -> Bool) throws(IndexError) -> [Int64: Int] {
        var result: [Int64: Int] = [:]
        try forEachList(from: Postings.bigram(c, 0), through: Postings.bigram(c, 0x1F_FFFF), segments: segments) { (_, list) throws(PostingsError) in
            try Postings.decodeCounts(list) { document, n in
                if live.contains(document) { result[document, default: 0] += n }
            }
        }
        for info in documents.values where info.lastCharacter == Int64(c) && info.length > 0 && isCounted(info.number) {
            result[info.number, default: 0] += 1
        }
        return result
    }

    /// The posting lists of one gram, one a segment, as stored.
    private func rawLists(for gram: Int64) throws(IndexError) -> [[UInt8]] {
        var found: [[UInt8]] = []
        try forEachList(from: gram, through: gram, segments: segmentStates.map(\.number)) { (_, list) throws(PostingsError) in found.append(Array(list.bindMemory(to: UInt8.self))) }
        return found
    }

    /// `withUnsafeBytes` keeping the posting error's type.
    private static func withBytes(of list: [UInt8], _ body: (UnsafeRawBufferPointer) throws(PostingsError) -> Void) throws(PostingsError) {
        var failure: PostingsError?
        list.withUnsafeBytes { raw in
            do throws(PostingsError) { try body(raw) } catch { failure = error }
        }
        if let failure { throw failure }
    }
}
