/// The occurrences of a phrase while its pairs are chained: documents ascending, each with its
/// candidate start positions (ascending) in one flat buffer. The rarest pair proposes the starts;
/// every other pair filters them in place, its list walked beside the documents (both ascend). A
/// document whose starts are all filtered out stays, with none.
struct ChainedMatches {
    private(set) var documents: [Int64] = []
    /// Where each document's starts begin in `starts`, and how many are still candidates.
    private var firsts: [Int] = []
    private var counts: [Int] = []
    private var starts: [Int32] = []

    /// Adds the starts `position - offset` proposed by a pair's list (documents after every one
    /// added so far) for the documents `isLive` accepts.
    mutating func propose(from list: UnsafeRawBufferPointer, offset: Int32, isLive: (Int64) -> Bool) throws(PostingsError) {
        var reader = VarintReader(list)
        var document: Int64 = 0
        while !reader.isAtEnd {
            document += Int64(try reader.next())
            let n = Int(try reader.next())
            guard n > 0, n <= list.count else { throw PostingsError() }
            guard isLive(document) else {
                try reader.skip(n)
                continue
            }
            assert(documents.last.map { $0 < document } ?? true, "documents out of order")
            let first = starts.count
            var position: Int64 = 0
            for _ in 0..<n {
                position += Int64(try reader.next())
                if position >= offset { starts.append(Int32(truncatingIfNeeded: position) - offset) }
            }
            if starts.count > first {
                documents.append(document)
                firsts.append(first)
                counts.append(starts.count - first)
            }
        }
    }

    /// Keeps the starts `s` whose `s + offset` is a position in `list`. `next` is the first
    /// document not yet met in earlier lists of the same pair (its segments come in order), and
    /// `met` marks the documents the pair holds; the caller clears the starts of the others.
    mutating func filter(by list: UnsafeRawBufferPointer, offset: Int32, next: inout Int, met: inout [Bool]) throws(PostingsError) {
        var reader = VarintReader(list)
        var document: Int64 = 0
        let documentCount = documents.count
        try documents.withUnsafeBufferPointer { (documents) throws(PostingsError) in
            try starts.withUnsafeMutableBufferPointer { (starts) throws(PostingsError) in
                while !reader.isAtEnd {
                    document += Int64(try reader.next())
                    let n = Int(try reader.next())
                    guard n > 0, n <= list.count else { throw PostingsError() }
                    while next < documentCount && documents[next] < document { next += 1 }
                    guard next < documentCount && documents[next] == document else {
                        try reader.skip(n)
                        continue
                    }
                    met[next] = true
                    // Both ascend: one pass over the positions and the starts together.
                    let first = firsts[next], end = first + counts[next]
                    var i = first, kept = first
                    var position: Int64 = 0
                    var read = 0
                    while read < n && i < end {
                        position += Int64(try reader.next())
                        read += 1
                        while i < end && Int64(starts[i]) + Int64(offset) < position { i += 1 }
                        if i < end && Int64(starts[i]) + Int64(offset) == position {
                            starts[kept] = starts[i]
                            kept += 1
                            i += 1
                        }
                    }
                    try reader.skip(n - read)
                    counts[next] = kept - first
                }
            }
        }
    }

    mutating func clearStarts(ofDocument k: Int) { counts[k] = 0 }

    /// The starts of document `k`.
    func starts(ofDocument k: Int) -> ArraySlice<Int32> { starts[firsts[k]..<(firsts[k] + counts[k])] }

    /// Occurrences per document.
    var countsPerDocument: [Int64: Int] {
        var result: [Int64: Int] = [:]
        result.reserveCapacity(documents.count)
        for k in documents.indices where counts[k] > 0 { result[documents[k]] = counts[k] }
        return result
    }

    /// Documents with a start, and starts in all.
    var totals: PostingTotals {
        var totals = PostingTotals()
        for k in documents.indices where counts[k] > 0 { totals.add(occurrences: counts[k]) }
        return totals
    }
}
