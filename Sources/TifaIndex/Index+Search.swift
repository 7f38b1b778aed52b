import Foundation
import TifaText

/// One document that matches a query.
public struct SearchHit: Sendable, Equatable {
    /// The matching document, as of the commit the search read.
    public var document: DocumentInfo
    /// BM25 over the query's phrases (exact-substring occurrences as term frequencies).
    public var score: Double
    /// Occurrences of the query's phrases in the document.
    public var occurrences: Int
}

/// What BM25 weighs phrases by: the collection's documents, their characters, and how many of
/// them hold each phrase. Sums of these over shards are those of the merged collection.
public struct CollectionStatistics: Sendable, Equatable {
    /// Live documents.
    public var documents: Int
    /// Characters of their matching forms: with `documents`, the average document length.
    public var characters: Int
    /// Documents holding each phrase, by the phrase as the query writes it.
    public var documentFrequencies: [String: Int]

    /// Statistics of these sizes; the defaults are those of an empty collection.
    public init(documents: Int = 0, characters: Int = 0, documentFrequencies: [String: Int] = [:]) {
        self.documents = documents
        self.characters = characters
        self.documentFrequencies = documentFrequencies
    }

    /// The statistics of two collections together.
    public static func + (lhs: CollectionStatistics, rhs: CollectionStatistics) -> CollectionStatistics {
        CollectionStatistics(
            documents: lhs.documents + rhs.documents, characters: lhs.characters + rhs.characters,
            documentFrequencies: lhs.documentFrequencies.merging(rhs.documentFrequencies, uniquingKeysWith: +))
    }
}

extension Index {
    /// How search results are ordered.
    public enum SearchOrder: String, Sendable, CaseIterable {
        /// Highest `SearchHit.score` first; equal scores by document number, lowest first.
        case relevance
        /// By `DocumentInfo.date` compared as text, oldest first, undated documents before all
        /// others; equal dates by document number, lowest first.
        case date
    }

    /// The documents matching `query`, best first (or by date, oldest first).
    public func search(_ query: String, limit: Int = 20, order: SearchOrder = .relevance) throws(IndexError) -> [SearchHit] {
        let parsed: Query
        do { parsed = try Query.parse(query) } catch { throw .query(error) }
        return try search(parsed, limit: limit, order: order)
    }

    /// The documents matching a parsed or built `query`, at most `limit` of them (none when
    /// `limit` is 0 or less), ordered by `order`. Parse a query once with `Query.parse(_:)` to run
    /// it many times; a phrase that is empty in its matching form throws `IndexError.emptyPhrase`.
    public func search(_ query: Query, limit: Int = 20, order: SearchOrder = .relevance) throws(IndexError) -> [SearchHit] {
        try search(query, limit: limit, order: order, statistics: nil)
    }

    /// The document count, characters and document frequencies BM25 weighs `query`'s phrases by,
    /// in this index. Summed over the shards of an `ShardedIndex` and given to
    /// `search(_:limit:order:statistics:)`, they make each shard score as one merged index would.
    public func collectionStatistics(for query: Query) throws(IndexError) -> CollectionStatistics {
        try reading { () throws(IndexError) in
            var cache: [String: [Int64: [Int32]]] = [:]
            var frequencies: [String: Int] = [:]
            for phrase in Set(query.positivePhrases) { frequencies[phrase] = try phraseOccurrences(phrase, &cache).count }
            return CollectionStatistics(
                documents: documents.count, characters: documents.values.reduce(0) { $0 + $1.length }, documentFrequencies: frequencies)
        }
    }

    /// `search(_:limit:order:)` with BM25 weighed by `statistics` (this index's own when nil).
    public func search(_ query: Query, limit: Int, order: SearchOrder, statistics: CollectionStatistics?) throws(IndexError) -> [SearchHit] {
        return try reading { () throws(IndexError) in
            var cache: [String: [Int64: [Int32]]] = [:]
            let matches = try evaluate(query, &cache)
            let phrases = Array(Set(query.positivePhrases))
            let n = Double(max(1, statistics?.documents ?? documents.count))
            let averageLength = Double(statistics?.characters ?? documents.values.reduce(0) { $0 + $1.length }) / n
            var hits: [SearchHit] = []
            for number in matches {
                guard let info = documents[number] else { continue }
                var score = 0.0
                var occurrences = 0
                for phrase in phrases {
                    guard let found = cache[phrase] else { continue }
                    let tf = Double(found[number]?.count ?? 0)
                    occurrences += Int(tf)
                    guard tf > 0 else { continue }
                    let df = Double(statistics?.documentFrequencies[phrase] ?? found.count)
                    let idf = log(1 + (n - df + 0.5) / (df + 0.5))
                    let k1 = 1.2, b = 0.75
                    score += idf * tf * (k1 + 1) / (tf + k1 * (1 - b + b * Double(info.length) / max(1, averageLength)))
                }
                hits.append(SearchHit(document: info, score: score, occurrences: occurrences))
            }
            switch order {
            case .relevance:
                hits.sort { ($0.score, $1.document.number) > ($1.score, $0.document.number) }
            case .date:
                hits.sort { ($0.document.date ?? "", $0.document.number) < ($1.document.date ?? "", $1.document.number) }
            }
            return Array(hits.prefix(max(0, limit)))
        }
    }

    private func evaluate(_ query: Query, _ cache: inout [String: [Int64: [Int32]]]) throws(IndexError) -> Set<Int64> {
        switch query {
        case let .phrase(phrase):
            return Set(try phraseOccurrences(phrase, &cache).keys)
        case let .and(items):
            var result: Set<Int64>? = nil
            var excluded = Set<Int64>()
            for item in items {
                if case let .not(inner) = item {
                    excluded.formUnion(try evaluate(inner, &cache))
                    continue
                }
                let set = try evaluate(item, &cache)
                result = result.map { $0.intersection(set) } ?? set
            }
            return (result ?? Set(documents.keys)).subtracting(excluded)
        case let .or(items):
            var result = Set<Int64>()
            for item in items { result.formUnion(try evaluate(item, &cache)) }
            return result
        case let .not(inner):
            return Set(documents.keys).subtracting(try evaluate(inner, &cache))
        case let .near(left, right, distance):
            guard let spans = try spans(of: .near(left, right, distance: distance), &cache) else {
                // A NOT or a filter has no positions: the operands only have to share a document.
                return try evaluate(.and([left, right]), &cache)
            }
            return Set(spans.keys)
        case let .filter(field, value):
            return Set(documents.values.filter { matches($0, field: field, value: value) }.map(\.number))
        }
    }

    /// Where a positional query matches, per document, as ranges of the matching form: a phrase's
    /// occurrences, an OR group's together, and for NEAR each pair of operand matches close enough,
    /// as the range covering both. Nil for a query with no positions (AND, NOT, a filter).
    private func spans(of query: Query, _ cache: inout [String: [Int64: [Int32]]]) throws(IndexError) -> [Int64: [Range<Int32>]]? {
        switch query {
        case let .phrase(phrase):
            let length = Int32(normalizer.matchingForm(of: phrase).scalars.count)
            return try phraseOccurrences(phrase, &cache).mapValues { $0.map { $0..<($0 + length) } }
        case let .or(items):
            var result: [Int64: [Range<Int32>]] = [:]
            for item in items {
                guard let spans = try spans(of: item, &cache) else { return nil }
                result.merge(spans, uniquingKeysWith: +)
            }
            return result
        case let .near(left, right, distance):
            guard let first = try spans(of: left, &cache), let second = try spans(of: right, &cache) else { return nil }
            var result: [Int64: [Range<Int32>]] = [:]
            for (document, mine) in first {
                guard let others = second[document] else { continue }
                let nearest = NearestSpans(others)
                var near: [Range<Int32>] = []
                for a in mine {
                    if let b = nearest.closest(to: a, within: Int32(distance)) {
                        near.append(min(a.lowerBound, b.lowerBound)..<max(a.upperBound, b.upperBound))
                    }
                }
                if !near.isEmpty { result[document] = near }
            }
            return result
        case .and, .not, .filter:
            return nil
        }
    }

    private func phraseOccurrences(
        _ phrase: String, _ cache: inout [String: [Int64: [Int32]]]
    ) throws(IndexError) -> [Int64: [Int32]] {
        if let found = cache[phrase] { return found }
        let scalars = normalizer.matchingForm(of: phrase).scalars
        guard !scalars.isEmpty else { throw .emptyPhrase }
        let found = try occurrences(ofMatching: scalars)
        cache[phrase] = found
        return found
    }

    private func matches(_ info: DocumentInfo, field: String, value: String) -> Bool {
        switch field {
        case "date":
            guard let date = info.date else { return false }
            let bounds = value.components(separatedBy: "..")
            if bounds.count == 1 { return date.hasPrefix(value) }
            let lower = bounds[0], upper = bounds[1]
            if !lower.isEmpty && date < lower && !lower.hasPrefix(date) { return false }
            if !upper.isEmpty && String(date.prefix(upper.count)) > upper { return false }
            return true
        case "speaker": return info.speaker?.contains(value) ?? false
        case "source": return info.source?.contains(value) ?? false
        case "title": return info.title?.contains(value) ?? false
        case "tag": return info.tags.contains(value)
        case "id": return info.id == value
        default: return false
        }
    }
}

/// Spans of one document sorted by start, answering "which span is closest to this one" in
/// logarithmic time, so NEAR stays fast however many occurrences its operands have.
private struct NearestSpans {
    private let spans: [Range<Int32>]
    /// For each prefix of `spans`, the index of the span reaching furthest right.
    private let furthest: [Int]

    init(_ spans: [Range<Int32>]) {
        self.spans = spans.sorted { $0.lowerBound < $1.lowerBound }
        var furthest: [Int] = []
        furthest.reserveCapacity(self.spans.count)
        for i in self.spans.indices {
            furthest.append(i > 0 && self.spans[furthest[i - 1]].upperBound >= self.spans[i].upperBound ? furthest[i - 1] : i)
        }
        self.furthest = furthest
    }

    /// The span with the smallest gap to `span` (0 when they overlap), if that gap is at most `distance`.
    func closest(to span: Range<Int32>, within distance: Int32) -> Range<Int32>? {
        // The first span starting at or after `span` starts; before it, the one reaching furthest.
        var lo = 0, hi = spans.count
        while lo < hi {
            let mid = (lo + hi) / 2
            if spans[mid].lowerBound < span.lowerBound { lo = mid + 1 } else { hi = mid }
        }
        var best: (gap: Int32, span: Range<Int32>)? = nil
        if lo > 0 {
            let left = spans[furthest[lo - 1]]
            best = (max(0, span.lowerBound - left.upperBound), left)
        }
        if lo < spans.count {
            let right = spans[lo]
            let gap = max(0, right.lowerBound - span.upperBound)
            if best == nil || gap < best!.gap { best = (gap, right) }
        }
        guard let best, best.gap <= distance else { return nil }
        return best.span
    }
}
