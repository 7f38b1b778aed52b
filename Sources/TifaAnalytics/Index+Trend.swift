import TifaIndex

extension Index {
    /// The trend of `phrase` over the documents `filter` matches (all when nil), bucketed by
    /// `grouping`. Counts, sizes and documents come from one snapshot of the index.
    public func trend(of phrase: String, by grouping: TrendGrouping = .year, filter: String? = nil) throws(IndexError) -> Trend {
        try inOneSnapshot { () throws(IndexError) in
            try trend(of: phrase, by: grouping, in: documents(matching: filter))
        }
    }

    /// The trends of several phrases over the same documents, in one snapshot.
    public func trends(of phrases: [String], by grouping: TrendGrouping = .year, filter: String? = nil) throws(IndexError) -> [Trend] {
        try inOneSnapshot { () throws(IndexError) in
            let parts = try documents(matching: filter)
            var trends: [Trend] = []
            for phrase in phrases { trends.append(try trend(of: phrase, by: grouping, in: parts)) }
            return trends
        }
    }

    private func trend(of phrase: String, by grouping: TrendGrouping, in parts: [DocumentInfo]) throws(IndexError) -> Trend {
        let count = try self.count(phrase)
        var buckets: [String: Trend.Bucket] = [:]
        var counts: [Int] = []
        for document in parts {
            let key = grouping.key(of: document)
            let n = count.perDocument[document.number] ?? 0
            var bucket = buckets[key] ?? Trend.Bucket(key: key, occurrences: 0, documents: 0, characters: 0, perMillion: 0)
            bucket.occurrences += n
            bucket.documents += n > 0 ? 1 : 0
            bucket.characters += document.length
            buckets[key] = bucket
            counts.append(n)
        }
        let sorted = buckets.values.sorted { $0.key < $1.key }.map { bucket -> Trend.Bucket in
            var bucket = bucket
            bucket.perMillion = bucket.characters > 0 ? Double(bucket.occurrences) * 1_000_000 / Double(bucket.characters) : 0
            return bucket
        }
        let holding = parts.filter { (count.perDocument[$0.number] ?? 0) > 0 }
        let dated = holding.filter { $0.date != nil }
        func appearance(_ document: DocumentInfo?) -> Trend.Appearance? { document.map { Trend.Appearance(date: $0.date, id: $0.id) } }
        let byDate: (DocumentInfo, DocumentInfo) -> Bool = { ($0.date ?? "", $0.number) < ($1.date ?? "", $1.number) }
        let first = dated.isEmpty ? holding.first : dated.min(by: byDate)
        let last = dated.isEmpty ? holding.last : dated.max(by: byDate)
        let sizes = parts.map(\.length)
        return Trend(
            phrase: phrase, buckets: sorted, first: appearance(first), last: appearance(last),
            dispersion: Trend.Dispersion(
                range: holding.count, juillandD: DispersionMeasures.juillandD(counts: counts, sizes: sizes),
                griesDP: DispersionMeasures.griesDP(counts: counts, sizes: sizes)))
    }
}
