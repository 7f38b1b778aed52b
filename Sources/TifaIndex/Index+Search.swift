import Foundation
import TifaText

/// One document that matches a query.
public struct SearchHit: Sendable, Equatable {
    public var document: DocumentInfo
    /// BM25 over the query's phrases (exact-substring occurrences as term frequencies).
    public var score: Double
    /// Occurrences of the query's phrases in the document.
    public var occurrences: Int
}

extension Index {
    /// How search results are ordered.
    public enum SearchOrder: String, Sendable, CaseIterable {
        case relevance, date
    }

    /// The documents matching `query`, best first (or by date, oldest first).
    public func search(_ query: String, limit: Int = 20, order: SearchOrder = .relevance) throws(IndexError) -> [SearchHit] {
        let parsed: Query
        do { parsed = try Query.parse(query) } catch { throw .query(error) }
        return try search(parsed, limit: limit, order: order)
    }

    public func search(_ query: Query, limit: Int = 20, order: SearchOrder = .relevance) throws(IndexError) -> [SearchHit] {
        try refreshDocuments()
        return try reading { () throws(IndexError) in
            var cache: [String: [Int64: [Int32]]] = [:]
            let matches = try evaluate(query, &cache)
            let phrases = Array(Set(query.positivePhrases))
            let n = Double(max(1, documents.count))
            let averageLength = Double(documents.values.reduce(0) { $0 + $1.length }) / n
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
                    let df = Double(found.count)
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
            return Array(hits.prefix(limit))
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
            guard case let .phrase(a) = left, case let .phrase(b) = right else {
                return try evaluate(.and([left, right]), &cache)
            }
            let first = try phraseOccurrences(a, &cache), second = try phraseOccurrences(b, &cache)
            let lengthA = Int32(analyzer.matchingForm(of: a).scalars.count)
            let lengthB = Int32(analyzer.matchingForm(of: b).scalars.count)
            var result = Set<Int64>()
            for (document, starts) in first {
                guard let others = second[document] else { continue }
                // The gap between the end of one and the start of the other is at most `distance`.
                let near = starts.contains { s in
                    others.contains { o in
                        (o >= s + lengthA && o - (s + lengthA) <= Int32(distance))
                            || (s >= o + lengthB && s - (o + lengthB) <= Int32(distance))
                            || (o < s + lengthA && s < o + lengthB)
                    }
                }
                if near { result.insert(document) }
            }
            return result
        case let .filter(field, value):
            return Set(documents.values.filter { matches($0, field: field, value: value) }.map(\.number))
        }
    }

    private func phraseOccurrences(
        _ phrase: String, _ cache: inout [String: [Int64: [Int32]]]
    ) throws(IndexError) -> [Int64: [Int32]] {
        if let found = cache[phrase] { return found }
        let scalars = analyzer.matchingForm(of: phrase).scalars
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
        default: return false
        }
    }
}
