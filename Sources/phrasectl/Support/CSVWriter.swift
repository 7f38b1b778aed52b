/// Rows as CSV (RFC 4180): a header line, then one line a row; a field holding a comma, a quote or
/// a line break is quoted, its quotes doubled.
struct CSVWriter {
    init(header: [String]) {
        print(Self.line(header))
    }

    func write(_ fields: [String]) {
        print(Self.line(fields))
    }

    static func line(_ fields: [String]) -> String {
        fields.map { field in
            guard field.contains(where: { $0 == "," || $0 == "\"" || $0 == "\n" || $0 == "\r" }) else { return field }
            return "\"" + field.replacingOccurrences(of: "\"", with: "\"\"") + "\""
        }.joined(separator: ",")
    }
}

/// A number for a CSV or text cell: at most `places` decimals, empty when there is none.
func cell(_ x: Double?, places: Int = 3) -> String {
    guard let x, let value = rounded(x, places: places) else { return "" }
    return value == value.rounded() && abs(value) < 1e15 ? String(Int(value)) : String(value)
}
