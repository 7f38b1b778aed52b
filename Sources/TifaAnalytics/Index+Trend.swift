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
        return Trend(phrase: phrase, grouping: grouping, parts: parts.map { ($0, count.perDocument[$0.number] ?? 0) })
    }
}

extension ShardedIndex {
    /// The trends of `phrases` over the documents `filter` matches in every shard, as one index of
    /// the same documents gives them (first and last appearance over all shards; dispersion over
    /// all their documents).
    public func trends(of phrases: [String], by grouping: TrendGrouping = .year, filter: String? = nil) throws(IndexError) -> [Trend] {
        let parts = try documents(matching: filter)
        var trends: [Trend] = []
        for phrase in phrases {
            let count = try self.count(phrase)
            trends.append(
                Trend(phrase: phrase, grouping: grouping, parts: parts.map { ($0.value, count.perShard[$0.shard].perDocument[$0.value.number] ?? 0) }))
        }
        return trends
    }
}

extension Trend {
    /// The trend of `phrase` over `parts`: each document with the phrase's occurrences in it.
    init(phrase: String, grouping: TrendGrouping, parts: [(document: DocumentInfo, occurrences: Int)]) {
        var buckets: [String: Trend.Bucket] = [:]
        for (document, n) in parts {
            let key = grouping.key(of: document)
            var bucket = buckets[key] ?? Trend.Bucket(key: key, occurrences: 0, documents: 0, characters: 0, perMillion: 0)
            bucket.occurrences += n
            bucket.documents += n > 0 ? 1 : 0
            bucket.characters += document.length
            buckets[key] = bucket
        }
        let sorted = buckets.values.sorted { $0.key < $1.key }.map { bucket -> Trend.Bucket in
            var bucket = bucket
            bucket.perMillion = bucket.characters > 0 ? Double(bucket.occurrences) * 1_000_000 / Double(bucket.characters) : 0
            return bucket
        }
        let holding = parts.filter { $0.occurrences > 0 }.map(\.document)
        let dated = holding.filter { $0.date != nil }
        func appearance(_ document: DocumentInfo?) -> Trend.Appearance? { document.map { Trend.Appearance(date: $0.date, id: $0.id) } }
        // Dated documents by date; the order of `parts` (shard, then number) breaks ties.
        let ranked = dated.enumerated().map { ($0.offset, $0.element) }
        let first = dated.isEmpty ? holding.first : ranked.min { ($0.1.date ?? "", $0.0) < ($1.1.date ?? "", $1.0) }?.1
        let last = dated.isEmpty ? holding.last : ranked.max { ($0.1.date ?? "", $0.0) < ($1.1.date ?? "", $1.0) }?.1
        let counts = parts.map(\.occurrences), sizes = parts.map(\.document.length)
        self.init(
            phrase: phrase, buckets: sorted, first: appearance(first), last: appearance(last),
            dispersion: Trend.Dispersion(
                range: holding.count, juillandD: DispersionMeasures.juillandD(counts: counts, sizes: sizes),
                griesDP: DispersionMeasures.griesDP(counts: counts, sizes: sizes)))
    }
}
