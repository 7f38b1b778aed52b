/// A parsed search query.
///
/// Syntax: terms and `"exact phrases"` (both match as exact substrings of the matching form),
/// `AND` (also implied between neighbours), `OR`, `NOT` / `-term`, `a NEAR/n b` (occurrences at
/// most n characters apart), parentheses, and field filters `date:2012..2017`, `date:2015`,
/// `date:2012-03..`, `speaker:李克强`, `source:…`, `tag:…`, `title:…`, `id:…` (a value with
/// spaces or parentheses quoted: `id:"speech 1.md"`).
///
/// Precedence, tightest first: NOT, NEAR, AND, OR. A field filter outside parentheses and not
/// joined by OR, NOT or NEAR restricts the whole query: `a OR b date:2020` is
/// `(a OR b) AND date:2020`; `(a OR b date:2020)` keeps it with `b`.
///
/// A query is parsed once, or built in code, and run by `Index.search(_:limit:order:)`:
///
/// ```swift
/// let parsed = try Query.parse("两个维护 OR 两个确立 date:2018..")
/// // .and([.or([.phrase("两个维护"), .phrase("两个确立")]), .filter(field: "date", value: "2018..")])
/// let built = Query.and([
///     .near(.phrase("全面从严治党"), .phrase("反腐败"), distance: 30),
///     .not(.filter(field: "tag", value: "讲话")),
/// ])
/// for query in [parsed, built] {
///     print(try index.search(query, limit: 10, order: .date).map(\.document.id))
/// }
/// ```
public indirect enum Query: Sendable, Equatable {
    /// Documents whose matching form contains the phrase's matching form as an exact substring.
    case phrase(String)
    /// Documents every item matches, less those a `.not` item matches; every document when empty.
    case and([Query])
    /// Documents any item matches.
    case or([Query])
    /// The live documents the query does not match.
    case not(Query)
    /// Documents where an occurrence of one query is at most `distance` characters of the
    /// matching form from one of the other, in either order: 0 takes adjacent or overlapping
    /// occurrences. `distance` must be 0 through `Int32.max`. An operand with an AND, a NOT or a
    /// filter in it has no positions; then both need only match the same document.
    case near(Query, Query, distance: Int)
    /// Documents whose metadata matches: `date` by prefix (`2015`, `2015-03`) or by an inclusive
    /// range `A..B`, `A..` or `..B` compared at the bounds' precision; `speaker`, `source` and
    /// `title` containing the value; `tag` equal to one tag. An undated document matches no date
    /// filter; another field matches nothing.
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
    /// The whole query, as given to `Query.parse(_:)`.
    public var query: String
    /// Character offset of the offending character.
    public var position: Int
    /// What is wrong, without the position, such as `unclosed quotation mark`.
    public var message: String

    /// The message after the position counted from 1, then the query with a caret under the
    /// offending character.
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
    /// Parentheses and negations open at this point of the parse.
    var depth = 0
    static let fields: Set<String> = ["date", "speaker", "source", "tag", "title", "id"]
    /// Deeper nesting is refused: no real query needs it, and the parser recurses per level.
    static let maximumDepth = 100

    init(_ text: String) {
        self.text = text
        characters = Array(text)
    }

    mutating func parse() throws(QuerySyntaxError) -> Query {
        try tokenize()
        guard tokens.count > 1 else { throw error(at: 0, "the query is empty") }
        let filters = hoistWholeQueryFilters()
        guard tokens.count > 1 else { return filters.count == 1 ? filters[0] : .and(filters) }
        let query = try parseOr()
        if case let (token, position) = tokens[index], token != .end {
            throw error(at: position, token == .close ? "unbalanced ')'" : "unexpected \(describe(token))")
        }
        if filters.isEmpty { return query }
        if case let .and(items) = query { return .and(items + filters) }
        return .and([query] + filters)
    }

    /// Takes out the field filters that restrict the whole query: outside parentheses, and with
    /// no OR, NOT, '-' or NEAR next to them (an explicit AND next to one goes with it).
    private mutating func hoistWholeQueryFilters() -> [Query] {
        var filters: [Query] = []
        var kept: [(Token, Int)] = []
        var level = 0
        var k = 0
        while k < tokens.count {
            let (token, position) = tokens[k]
            if token == .open { level += 1 }
            if token == .close { level -= 1 }
            if level == 0, case let .field(name, value) = token {
                let before = kept.last?.0
                let after = tokens[k + 1].0
                let bound: (Token?) -> Bool = { neighbour in
                    guard let neighbour else { return false }
                    if case .near = neighbour { return true }
                    return neighbour == .or || neighbour == .not || neighbour == .minus
                }
                if !bound(before) && !bound(after) {
                    filters.append(.filter(field: name, value: value))
                    if before == .and {
                        kept.removeLast()
                    } else if after == .and {
                        k += 1
                    }
                    k += 1
                    continue
                }
            }
            kept.append((token, position))
            k += 1
        }
        tokens = kept
        return filters
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

    /// The text between the quotation mark at `i` and its closing one (" or ”, which a typed "
    /// also closes); `i` ends past the closing mark.
    private func quoted(from i: inout Int) throws(QuerySyntaxError) -> String {
        let start = i
        let closing: Character = characters[i] == "“" ? "”" : "\""
        i += 1
        var text = ""
        while i < characters.count && characters[i] != closing && !(closing == "”" && characters[i] == "\"") {
            text.append(characters[i])
            i += 1
        }
        guard i < characters.count else { throw error(at: start, "unclosed quotation mark") }
        i += 1
        return text
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
                let phrase = try quoted(from: &i)
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
                    guard let n = Int(word.dropFirst(5)), (0...Int(Int32.max)).contains(n) else {
                        throw error(at: start + 5, "NEAR/ needs a distance from 0 to \(Int32.max) characters, as in NEAR/10")
                    }
                    tokens.append((.near(n), start))
                } else if let colon = word.firstIndex(of: ":"), case let name = String(word[..<colon]),
                    !name.isEmpty, name.allSatisfy({ $0.isASCII && ($0.isLetter || $0 == "_") })
                {
                    let valueStart = start + word.distance(from: word.startIndex, to: colon) + 1
                    guard Self.fields.contains(name) else {
                        throw error(at: start, "unknown field '\(name)'; the fields are \(Self.fields.sorted().joined(separator: ", "))")
                    }
                    var value = String(word[word.index(after: colon)...])
                    // A quoted value may hold spaces and parentheses: id:"speech 1.md".
                    if value.isEmpty, i < characters.count, characters[i] == "\"" || characters[i] == "“" {
                        value = try quoted(from: &i)
                    }
                    guard !value.isEmpty else { throw error(at: valueStart, "the filter needs a value") }
                    if name == "date" { try checkDate(value, at: valueStart) }
                    tokens.append((.field(name, value), start))
                } else {
                    tokens.append((.word(word), start))
                }
            }
        }
        tokens.append((.end, characters.count))
    }

    /// `YYYY`, `YYYY-MM` or `YYYY-MM-DD`, or a range of them (`A..B`, `A..`, `..B`) that does not
    /// end before it starts.
    private func checkDate(_ value: String, at position: Int) throws(QuerySyntaxError) {
        func isDate(_ text: Substring) -> Bool {
            text.wholeMatch(of: /\d{4}(-(0[1-9]|1[0-2])(-(0[1-9]|[12]\d|3[01]))?)?/) != nil
        }
        let bounds = value.components(separatedBy: "..")
        guard bounds.count <= 2, bounds.contains(where: { !$0.isEmpty }),
            bounds.allSatisfy({ $0.isEmpty || isDate(Substring($0)) }), bounds.count == 2 || !bounds[0].isEmpty
        else {
            throw error(at: position, "'\(value)' is no date; write YYYY, YYYY-MM or YYYY-MM-DD, or a range such as 2012..2017")
        }
        if bounds.count == 2, !bounds[0].isEmpty, !bounds[1].isEmpty, bounds[1] < String(bounds[0].prefix(bounds[1].count)) {
            throw error(at: position, "the range \(value) ends before it starts")
        }
    }

    /// Counts one more level of nesting at `position`, refusing more than `maximumDepth`.
    private mutating func enterLevel(at position: Int) throws(QuerySyntaxError) {
        depth += 1
        guard depth <= Self.maximumDepth else {
            throw error(at: position, "the query nests parentheses and negations more than \(Self.maximumDepth) deep")
        }
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
        let (token, position) = tokens[index]
        if token == .not || token == .minus {
            index += 1
            try enterLevel(at: position)
            defer { depth -= 1 }
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
            try enterLevel(at: position)
            defer { depth -= 1 }
            let inner = try parseOr()
            guard tokens[index].0 == .close else { throw error(at: tokens[index].1, "expected ')' to close '(' at character \(position + 1)") }
            index += 1
            return inner
        default:
            throw error(at: position, "expected a term, a phrase or '(' but found \(describe(token))")
        }
    }
}
