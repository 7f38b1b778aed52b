/// Several indexes (shards of one archive) answering as one: counts summed exactly, search scored
/// with the collection statistics of all shards together (so scores equal those of one merged
/// index), KWIC and search merged in the requested order, word frequencies summed. A result names
/// its shard by position in `shards`.
///
/// ```swift
/// let archive = try ShardedIndex(paths: ["news-2023.tifa", "news-2024.tifa"])
/// let count = try archive.count("两个维护")       // .occurrences, .documents, .perShard
/// let best = try archive.search("两个维护 NEAR/10 党中央", limit: 5)
/// ```
public final class ShardedIndex: Sendable {
    /// The shards, in the order given.
    public let shards: [Index]

    /// The shards of one archive, already open.
    public init(shards: [Index]) {
        self.shards = shards
    }

    /// Opens each path read-only.
    public convenience init(paths: [String]) throws(IndexError) {
        var shards: [Index] = []
        for path in paths { shards.append(try Index(path: path, readOnly: true)) }
        self.init(shards: shards)
    }

    /// A phrase's count over every shard.
    public struct Count: Sendable, Equatable {
        /// The phrase as asked for.
        public var phrase: String
        /// Occurrences in all shards, overlapping ones included.
        public var occurrences: Int
        /// Documents in all shards with at least one occurrence.
        public var documents: Int
        /// Each shard's own count, in the order of `shards`.
        public var perShard: [PhraseCount]
    }

    /// A result of one shard.
    public struct Located<Value: Sendable & Equatable>: Sendable, Equatable {
        /// The shard's position in `shards`.
        public var shard: Int
        /// The result itself.
        public var value: Value
    }

    /// The exact count of `phrase` in every shard, and summed.
    public func count(_ phrase: String) throws(IndexError) -> Count {
        var perShard: [PhraseCount] = []
        for index in shards { perShard.append(try index.count(phrase)) }
        return Count(
            phrase: phrase, occurrences: perShard.reduce(0) { $0 + $1.occurrences }, documents: perShard.reduce(0) { $0 + $1.documents },
            perShard: perShard)
    }

    /// The occurrences and documents of `phrase` over every shard, without the per-document
    /// breakdown: `Index.totals(_:)` of each shard, summed.
    public func totals(_ phrase: String) throws(IndexError) -> PhraseTotals {
        var summed = PhraseTotals(phrase: phrase, occurrences: 0, documents: 0)
        for index in shards {
            let shard = try index.totals(phrase)
            summed.occurrences += shard.occurrences
            summed.documents += shard.documents
        }
        return summed
    }

    /// `count` grouped by year, month or document over every shard, in key order.
    public func breakdown(_ count: Count, by breakdown: Index.Breakdown) -> [Index.Group] {
        var groups: [String: Index.Group] = [:]
        for (index, shardCount) in zip(shards, count.perShard) {
            for group in index.breakdown(shardCount, by: breakdown) {
                groups[group.key, default: Index.Group(key: group.key, occurrences: 0, documents: 0)].occurrences += group.occurrences
                groups[group.key]!.documents += group.documents
            }
        }
        return groups.values.sorted { $0.key < $1.key }
    }

    /// The documents matching `query` in every shard, scored with the statistics of all shards
    /// together; equal scores (and equal dates) by shard, then document number.
    public func search(_ query: String, limit: Int = 20, order: Index.SearchOrder = .relevance) throws(IndexError) -> [Located<SearchHit>] {
        let parsed: Query
        do { parsed = try Query.parse(query) } catch { throw .query(error) }
        var statistics = CollectionStatistics()
        for index in shards { statistics = statistics + (try index.collectionStatistics(for: parsed)) }
        var hits: [Located<SearchHit>] = []
        for (shard, index) in shards.enumerated() {
            hits += try index.search(parsed, limit: limit, order: order, statistics: statistics).map { Located(shard: shard, value: $0) }
        }
        switch order {
        case .relevance:
            hits.sort { ($0.value.score, $1.shard, $1.value.document.number) > ($1.value.score, $0.shard, $0.value.document.number) }
        case .date:
            hits.sort { ($0.value.document.date ?? "", $0.shard, $0.value.document.number) < ($1.value.document.date ?? "", $1.shard, $1.value.document.number) }
        }
        return Array(hits.prefix(max(0, limit)))
    }

    /// Every occurrence of `phrase` in every shard with its context, in `order` (by date: equal
    /// dates by shard, then as the shard orders them).
    public func kwic(
        _ phrase: String, width: Int = 20, limit: Int? = nil, order: Index.KWICOrder = .date, filter: String? = nil
    ) throws(IndexError) -> [Located<KWICLine>] {
        var lines: [Located<KWICLine>] = []
        for (shard, index) in shards.enumerated() {
            lines += try index.kwic(phrase, width: width, limit: limit, order: order, filter: filter).map { Located(shard: shard, value: $0) }
        }
        // Stable sorts keep each shard's own order within equal keys.
        switch order {
        case .date: lines = stableSorted(lines) { ($0.value.date ?? "", $0.shard) < ($1.value.date ?? "", $1.shard) }
        case .left: lines = stableSorted(lines) { (String($0.value.left.reversed()), $0.value.id) < (String($1.value.left.reversed()), $1.value.id) }
        case .right: lines = stableSorted(lines) { ($0.value.right, $0.value.id) < ($1.value.right, $1.value.id) }
        }
        if let limit { return Array(lines.prefix(max(0, limit))) }
        return lines
    }

    /// The most frequent words of all shards (of the documents `query` matches), summed.
    public func wordFrequencies(matching query: String? = nil, top: Int = 50, minimumLength: Int = 2) throws(IndexError) -> [WordFrequency] {
        var totals: [String: (occurrences: Int, documents: Int)] = [:]
        for index in shards {
            for word in try index.wordFrequencies(matching: query, top: Int.max, minimumLength: minimumLength) {
                totals[word.word, default: (0, 0)].occurrences += word.occurrences
                totals[word.word]!.documents += word.documents
            }
        }
        return totals.map { WordFrequency(word: $0.key, occurrences: $0.value.occurrences, documents: $0.value.documents) }
            .sorted { ($0.occurrences, $1.word) > ($1.occurrences, $0.word) }
            .prefix(max(0, top)).map { $0 }
    }

    /// The live documents `query` matches in every shard (all when nil), by shard, then number.
    public func documents(matching query: String?) throws(IndexError) -> [Located<DocumentInfo>] {
        var found: [Located<DocumentInfo>] = []
        for (shard, index) in shards.enumerated() { found += try index.documents(matching: query).map { Located(shard: shard, value: $0) } }
        return found
    }

    private func stableSorted<T>(_ items: [T], by less: (T, T) -> Bool) -> [T] {
        items.enumerated().sorted { less($0.element, $1.element) || (!less($1.element, $0.element) && $0.offset < $1.offset) }.map(\.element)
    }
}
