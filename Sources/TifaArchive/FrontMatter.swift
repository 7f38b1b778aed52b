/// YAML-style front matter at the top of a Markdown file: `key: value` lines between `---` lines.
enum FrontMatter {
    /// The fields and the text after the front matter, or nil when the text has none.
    static func split(_ text: String) -> ([String: String], String)? {
        guard text.hasPrefix("---\n") else { return nil }
        let rest = text.dropFirst(4)
        if rest.hasPrefix("---\n") || rest == "---" {  // an empty front matter
            return ([:], String(rest.dropFirst(4)))
        }
        guard let end = rest.range(of: "\n---") else { return nil }
        var fields: [String: String] = [:]
        for line in rest[..<end.lowerBound].split(separator: "\n") {
            guard let colon = line.firstIndex(of: ":") else { continue }
            let key = line[..<colon].trimmingCharacters(in: .whitespaces).lowercased()
            var value = line[line.index(after: colon)...].trimmingCharacters(in: .whitespaces)
            if value.count >= 2, let first = value.first, let last = value.last, (first == "\"" && last == "\"") || (first == "'" && last == "'") {
                value = String(value.dropFirst().dropLast())
            }
            if !key.isEmpty && !value.isEmpty { fields[key] = value }
        }
        var body = rest[end.upperBound...]
        if let newline = body.firstIndex(of: "\n") { body = body[body.index(after: newline)...] } else { body = "" }
        return (fields, String(body))
    }

    /// `[a, b]` or `a, b` as a list.
    static func list(_ value: String) -> [String] {
        var v = Substring(value)
        if v.hasPrefix("["), v.hasSuffix("]") { v = v.dropFirst().dropLast() }
        return v.split(separator: ",").map {
            $0.trimmingCharacters(in: .whitespaces).trimmingCharacters(in: CharacterSet(charactersIn: "\"'"))
        }.filter { !$0.isEmpty }
    }
}

import Foundation
