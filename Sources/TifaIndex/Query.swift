/// A parsed search query.
///
/// Syntax: terms and `"exact phrases"` (both match as exact substrings of the matching form),
/// `AND` (also implied between neighbours), `OR`, `NOT` / `-term`, `a NEAR/n b` (occurrences at
/// most n characters apart), parentheses, and field filters `date:2012..2017`, `date:2015`,
/// `date:2012-03..`, `speaker:李克强`, `source:…`, `tag:…`, `title:…`.
public indirect enum Query: Sendable, Equatable {
    case phrase(String)
    case and([Query])
    case or([Query])
    case not(Query)
    case near(Query, Query, distance: Int)
    case filter(field: String, value: String)

    /// Parses `text`; a syntax error points at the offending character.
    public static func parse(_ text: String) throws(QuerySyntaxError) -> Query {
        var parser = QueryParser(text)
        return try parser.parse()
    }

    /// The phrases that count towards relevance (those not under NOT).
    var positivePhrases: [String] {
        switch self {
        case let .phrase(p): return [p]
        case let .and(items), let .or(items): return items.flatMap(\.positivePhrases)
        case let .near(a, b, _): return a.positivePhrases + b.positivePhrases
        case .not, .filter: return []
        }
    }
}

/// A query that does not parse: where and why.
public struct QuerySyntaxError: Error, CustomStringConvertible, Sendable, Equatable {
    public var query: String
    /// Character offset of the offending character.
    public var position: Int
    public var message: String

    public var description: String {
        "query error at character \(position + 1): \(message)\n  \(query)\n  \(String(repeating: " ", count: position))^"
    }
}

struct QueryParser {
    enum Token: Equatable {
        case word(String), quoted(String), open, close, and, or, not, minus, near(Int), field(String, String), end
    }

    let text: String
    let characters: [Character]
    var tokens: [(Token, Int)] = []
    var index = 0
    static let fields: Set<String> = ["date", "speaker", "source", "tag", "title"]

    init(_ text: String) {
        self.text = text
        characters = Array(text)
    }

    mutating func parse() throws(QuerySyntaxError) -> Query {
        try tokenize()
        guard tokens.count > 1 else { throw error(at: 0, "the query is empty") }
        let query = try parseOr()
        if case let (token, position) = tokens[index], token != .end {
            throw error(at: position, token == .close ? "unbalanced ')'" : "unexpected \(describe(token))")
        }
        return query
    }

    private func error(at position: Int, _ message: String) -> QuerySyntaxError {
        QuerySyntaxError(query: text, position: position, message: message)
    }

    private func describe(_ token: Token) -> String {
        switch token {
        case let .word(w): return "'\(w)'"
        case .quoted: return "a phrase"
        case .open: return "'('"
        case .close: return "')'"
        case .and: return "AND"
        case .or: return "OR"
        case .not: return "NOT"
        case .minus: return "'-'"
        case .near: return "NEAR"
        case .field: return "a field filter"
        case .end: return "the end of the query"
        }
    }

    private mutating func tokenize() throws(QuerySyntaxError) {
        var i = 0
        while i < characters.count {
            let c = characters[i]
            if c.isWhitespace { i += 1; continue }
            if c == "(" { tokens.append((.open, i)); i += 1; continue }
            if c == ")" { tokens.append((.close, i)); i += 1; continue }
            if c == "\"" || c == "“" {
                let start = i
                let closing: Character = c == "“" ? "”" : "\""
                i += 1
                var phrase = ""
                while i < characters.count && characters[i] != closing && !(closing == "”" && characters[i] == "\"") {
                    phrase.append(characters[i])
                    i += 1
                }
                guard i < characters.count else { throw error(at: start, "unclosed quotation mark") }
                i += 1
                guard !phrase.isEmpty else { throw error(at: start, "empty phrase") }
                tokens.append((.quoted(phrase), start))
                continue
            }
            if c == "-" && i + 1 < characters.count && !characters[i + 1].isWhitespace {
                tokens.append((.minus, i))
                i += 1
                continue
            }
            let start = i
            var word = ""
            while i < characters.count, !characters[i].isWhitespace, !"()\"“".contains(characters[i]) {
                word.append(characters[i])
                i += 1
            }
            switch word {
            case "AND": tokens.append((.and, start))
            case "OR": tokens.append((.or, start))
            case "NOT": tokens.append((.not, start))
            default:
                if word.hasPrefix("NEAR/") {
                    guard let n = Int(word.dropFirst(5)), n >= 0 else {
                        throw error(at: start + 5, "NEAR/ needs a distance in characters, as in NEAR/10")
                    }
                    tokens.append((.near(n), start))
                } else if let colon = word.firstIndex(of: ":"), Self.fields.contains(String(word[..<colon])) {
                    let value = String(word[word.index(after: colon)...])
                    guard !value.isEmpty else {
                        throw error(at: start + word.distance(from: word.startIndex, to: colon) + 1, "the filter needs a value")
                    }
                    tokens.append((.field(String(word[..<colon]), value), start))
                } else {
                    tokens.append((.word(word), start))
                }
            }
        }
        tokens.append((.end, characters.count))
    }

    private mutating func parseOr() throws(QuerySyntaxError) -> Query {
        var items = [try parseAnd()]
        while tokens[index].0 == .or {
            index += 1
            items.append(try parseAnd())
        }
        return items.count == 1 ? items[0] : .or(items)
    }

    private mutating func parseAnd() throws(QuerySyntaxError) -> Query {
        var items = [try parseUnary()]
        while true {
            let token = tokens[index].0
            if token == .and {
                index += 1
                items.append(try parseUnary())
            } else if token == .end || token == .close || token == .or {
                break
            } else {
                items.append(try parseUnary())
            }
        }
        return items.count == 1 ? items[0] : .and(items)
    }

    private mutating func parseUnary() throws(QuerySyntaxError) -> Query {
        let (token, _) = tokens[index]
        if token == .not || token == .minus {
            index += 1
            return .not(try parseUnary())
        }
        var left = try parsePrimary()
        while case let .near(distance) = tokens[index].0 {
            index += 1
            let right = try parsePrimary()
            left = .near(left, right, distance: distance)
        }
        return left
    }

    private mutating func parsePrimary() throws(QuerySyntaxError) -> Query {
        let (token, position) = tokens[index]
        switch token {
        case let .word(w):
            index += 1
            return .phrase(w)
        case let .quoted(p):
            index += 1
            return .phrase(p)
        case let .field(name, value):
            index += 1
            return .filter(field: name, value: value)
        case .open:
            index += 1
            let inner = try parseOr()
            guard tokens[index].0 == .close else { throw error(at: tokens[index].1, "expected ')' to close '(' at character \(position + 1)") }
            index += 1
            return inner
        default:
            throw error(at: position, "expected a term, a phrase or '(' but found \(describe(token))")
        }
    }
}
