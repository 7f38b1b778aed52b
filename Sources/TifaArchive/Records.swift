import Foundation
import TifaText

/// One JSON object per line.
enum JSONLines {
    static func documents(_ text: String, path: String, name: String, options: ArchiveOptions) -> [Result<Document, ArchiveReader.Failure>] {
        var results: [Result<Document, ArchiveReader.Failure>] = []
        var number = 0
        for line in text.split(separator: "\n", omittingEmptySubsequences: false) {
            number += 1
            if line.allSatisfy(\.isWhitespace) { continue }
            guard let object = try? JSONSerialization.jsonObject(with: Data(line.utf8)) as? [String: Any] else {
                results.append(.failure(.init(path: path, line: number, reason: "bad JSON")))
                continue
            }
            results.append(Records.document(from: { object[$0] }, path: path, name: name, line: number, options: options))
        }
        return results
    }
}

/// CSV (RFC 4180) with a header row naming the fields.
enum CSVRecords {
    static func documents(_ text: String, path: String, name: String, options: ArchiveOptions) -> [Result<Document, ArchiveReader.Failure>] {
        let rows: [(line: Int, fields: [String])]
        do { rows = try parse(text) } catch let failure as CSVError {
            return [.failure(.init(path: path, line: failure.line, reason: "bad CSV: \(failure.reason)"))]
        } catch {
            return [.failure(.init(path: path, line: nil, reason: "bad CSV"))]
        }
        guard let header = rows.first?.fields.map({ $0.trimmingCharacters(in: .whitespaces) }) else {
            return [.failure(.init(path: path, line: nil, reason: "empty CSV"))]
        }
        guard header.contains(options.textField) else {
            return [.failure(.init(path: path, line: 1, reason: "no \"\(options.textField)\" column for the text (the columns are \(header.joined(separator: ", ")))"))]
        }
        var results: [Result<Document, ArchiveReader.Failure>] = []
        for row in rows.dropFirst() {
            if row.fields.count == 1 && row.fields[0].isEmpty { continue }
            guard row.fields.count == header.count else {
                results.append(.failure(.init(path: path, line: row.line, reason: "bad CSV: \(row.fields.count) fields, the header has \(header.count)")))
                continue
            }
            let record = Dictionary(zip(header, row.fields), uniquingKeysWith: { first, _ in first })
            results.append(Records.document(from: { record[$0].flatMap { $0.isEmpty ? nil : $0 } }, path: path, name: name, line: row.line, options: options))
        }
        return results
    }

    struct CSVError: Error {
        var line: Int
        var reason: String
    }

    /// Rows with the line each starts on; quoted fields may hold commas, quotes ("") and line breaks.
    static func parse(_ text: String) throws -> [(line: Int, fields: [String])] {
        var rows: [(Int, [String])] = []
        var fields: [String] = []
        var field = ""
        var line = 1
        var rowLine = 1
        var inQuotes = false
        var quoteLine = 0
        var chars = text.makeIterator()
        var pending: Character? = nil
        while let c = pending ?? chars.next() {
            pending = nil
            if inQuotes {
                if c == "\"" {
                    if let next = chars.next() {
                        if next == "\"" { field.append("\"") } else { inQuotes = false; pending = next }
                    } else { inQuotes = false }
                } else {
                    if c == "\n" { line += 1 }
                    field.append(c)
                }
                continue
            }
            switch c {
            case "\"" where field.isEmpty:
                inQuotes = true
                quoteLine = line
            case ",":
                fields.append(field)
                field = ""
            case "\n":
                fields.append(field)
                rows.append((rowLine, fields))
                fields = []
                field = ""
                line += 1
                rowLine = line
            default:
                field.append(c)
            }
        }
        if inQuotes { throw CSVError(line: quoteLine, reason: "a quoted field is not closed") }
        if !field.isEmpty || !fields.isEmpty {
            fields.append(field)
            rows.append((rowLine, fields))
        }
        return rows
    }
}

enum Records {
    /// A document from a record's fields, named as `options` says; without an id field it is
    /// `name:line` (`name` already carries the id prefix).
    static func document(
        from value: (String) -> Any?, path: String, name: String, line: Int, options: ArchiveOptions
    ) -> Result<Document, ArchiveReader.Failure> {
        guard let text = value(options.textField) as? String else {
            return .failure(.init(path: path, line: line, reason: "no \"\(options.textField)\" text"))
        }
        func string(_ field: String) -> String? {
            switch value(field) {
            case let s as String: return s
            case let n as NSNumber: return n.stringValue
            default: return nil
            }
        }
        let id = string(options.idField).map { options.idPrefix.isEmpty ? $0 : options.idPrefix + "/" + $0 } ?? "\(name):\(line)"
        let tags: [String]
        switch value(options.tagsField) {
        case let list as [Any]: tags = list.compactMap { $0 as? String }
        case let s as String: tags = FrontMatter.list(s)
        default: tags = []
        }
        let date = string(options.dateField).map { ArchiveReader.normalizeDate($0) ?? $0 }
        return .success(
            Document(
                id: id, text: TextDecoding.normalizeLineEndings(text), title: string(options.titleField), date: date,
                speaker: string(options.speakerField), source: string(options.sourceField), tags: tags))
    }
}
