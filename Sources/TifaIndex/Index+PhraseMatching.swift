extension Index {
    /// Occurrences of a phrase (in its matching form, as scalars) per live document: what `count`
    /// reports. A single character or a single pair needs no positions, only each document's
    /// count; a longer phrase is chained (`chainedStarts(of:)`).
    func documentCounts(ofMatching scalars: [UInt32]) throws(IndexError) -> [Int64: Int] {
        if scalars.count == 1 { return try characterCounts(scalars[0]) }
        guard scalars.count == 2 else { return try chainedStarts(of: scalars).mapValues(\.count) }
        var result: [Int64: Int] = [:]
        let lists = try rawLists(for: Postings.bigram(scalars[0], scalars[1]))
        do throws(PostingsError) {
            for list in lists {
                try Self.withBytes(of: list) { (raw) throws(PostingsError) in
                    try Postings.decodeCounts(raw) { document, n in
                        if documents[document] != nil { result[document, default: 0] += n }
                    }
                }
            }
        } catch {
            throw .corrupt(path: path, reason: "a posting list does not decode")
        }
        return result
    }

    /// The start positions of a phrase of two or more characters in each live document: each
    /// consecutive pair must start one position after the previous one, so chaining the pairs'
    /// positions finds exactly the phrase's occurrences, with no text to verify. The rarest pair
    /// (by the size of its posting lists) proposes the starts; every other pair only filters the
    /// starts of documents still in play, reading its positions in place and stepping over the
    /// documents that are not.
    func chainedStarts(of scalars: [UInt32]) throws(IndexError) -> [Int64: [Int32]] {
        var offsets: [Int64: [Int]] = [:]
        for i in 0..<(scalars.count - 1) { offsets[Postings.bigram(scalars[i], scalars[i + 1]), default: []].append(i) }
        var lists: [Int64: [[UInt8]]] = [:]
        for gram in offsets.keys { lists[gram] = try rawLists(for: gram) }
        func size(_ gram: Int64) -> Int { lists[gram]!.reduce(0) { $0 + $1.count } }
        let order = offsets.keys.sorted { (size($0), $0) < (size($1), $1) }
        var result: [Int64: [Int32]] = [:]
        do throws(PostingsError) {
            // Starts proposed by the rarest pair, per live document.
            let driver = order[0], driverOffset = offsets[driver]![0]
            var slot: [Int64: Int] = [:]
            var starts: [[Int32]] = []
            for list in lists[driver]! {
                try Self.withBytes(of: list) { (raw) throws(PostingsError) in
                    try Postings.decode(raw) { document, positions in
                        guard documents[document] != nil else { return }
                        let proposed = positions.compactMap { $0 >= Int32(driverOffset) ? $0 - Int32(driverOffset) : nil }
                        if !proposed.isEmpty {
                            slot[document] = starts.count
                            starts.append(proposed)
                        }
                    }
                }
            }
            // Every other (pair, offset) keeps the starts it confirms; a document it lacks drops out.
            var seen = [Bool](repeating: false, count: starts.count)
            for gram in order {
                let checks = gram == driver ? Array(offsets[gram]!.dropFirst()) : offsets[gram]!
                guard !checks.isEmpty else { continue }
                for k in seen.indices { seen[k] = false }
                for list in lists[gram]! {
                    try Self.withBytes(of: list) { (raw) throws(PostingsError) in
                        try Postings.decode(raw, wanted: { slot[$0] != nil }) { document, positions in
                            let k = slot[document]!
                            seen[k] = true
                            for offset in checks {
                                starts[k].removeAll { !Self.sortedContains(positions, $0 + Int32(offset)) }
                            }
                        }
                    }
                }
                for k in seen.indices where !seen[k] { starts[k].removeAll() }
            }
            for (document, k) in slot where !starts[k].isEmpty { result[document] = starts[k] }
        } catch {
            throw .corrupt(path: path, reason: "a posting list does not decode")
        }
        return result
    }

    /// A character occurs where a pair starting with it does, and at the end of a document that
    /// ends with it.
    private func characterCounts(_ c: UInt32) throws(IndexError) -> [Int64: Int] {
        var result: [Int64: Int] = [:]
        try forEachList(from: Postings.bigram(c, 0), through: Postings.bigram(c, 0x1F_FFFF)) { (_, list) throws(PostingsError) in
            try Postings.decodeCounts(list) { document, n in
                if documents[document] != nil { result[document, default: 0] += n }
            }
        }
        for info in documents.values where info.lastCharacter == Int64(c) && info.length > 0 {
            result[info.number, default: 0] += 1
        }
        return result
    }

    /// The posting lists of one gram, one a segment, as stored.
    private func rawLists(for gram: Int64) throws(IndexError) -> [[UInt8]] {
        var found: [[UInt8]] = []
        try forEachList(from: gram, through: gram) { (_, list) throws(PostingsError) in found.append(Array(list.bindMemory(to: UInt8.self))) }
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

    static func sortedContains(_ sorted: UnsafeBufferPointer<Int32>, _ value: Int32) -> Bool {
        var lo = 0
        var hi = sorted.count
        while lo < hi {
            let mid = (lo + hi) >> 1
            if sorted[mid] < value { lo = mid + 1 } else { hi = mid }
        }
        return lo < sorted.count && sorted[lo] == value
    }
}
