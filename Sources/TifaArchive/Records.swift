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
        var reader = CSVDocumentReader(path: path, name: name, options: options)
        return reader.feed(ArraySlice(text.utf8)) + reader.finish()
    }

    /// Reads `path` a megabyte at a time, handing on each piece's documents: memory holds one
    /// piece and its records.
    static func stream<E: Error>(
        _ path: String, name: String, options: ArchiveOptions, _ body: (Result<Document, ArchiveReader.Failure>) throws(E) -> Void
    ) throws(E) {
        guard let chunks = FileChunks(path: path) else {
            try body(.failure(.init(path: path, line: nil, reason: "cannot be read")))
            return
        }
        var reader = CSVDocumentReader(path: path, name: name, options: options)
        var first = true
        while let chunk = chunks.next() {
            var bytes = ArraySlice(chunk)
            if first, bytes.starts(with: [0xEF, 0xBB, 0xBF]) { bytes = bytes.dropFirst(3) }
            first = false
            for result in reader.feed(bytes) { try body(result) }
        }
        for result in reader.finish() { try body(result) }
    }
}

/// The documents of CSV bytes given in pieces: the first row names the fields, each later row is
/// a record.
struct CSVDocumentReader {
    let path: String
    let name: String
    let options: ArchiveOptions
    private var rows: CSVRowReader
    private var header: [String]? = nil
    private var refused = false

    init(path: String, name: String, options: ArchiveOptions) {
        self.path = path
        self.name = name
        self.options = options
        rows = CSVRowReader(maximumRowBytes: options.maximumFileBytes)
    }

    mutating func feed(_ bytes: ArraySlice<UInt8>) -> [Result<Document, ArchiveReader.Failure>] {
        var found: [CSVRowReader.Row] = []
        rows.read(bytes) { found.append($0) }
        return found.compactMap { take($0) }
    }

    mutating func finish() -> [Result<Document, ArchiveReader.Failure>] {
        var found: [CSVRowReader.Row] = []
        rows.finish { found.append($0) }
        var results = found.compactMap { take($0) }
        if rows.unclosedQuote {
            results.append(.failure(.init(path: path, line: rows.quoteLine, reason: "bad CSV: a quoted field is not closed")))
        } else if header == nil && !refused {
            results.append(.failure(.init(path: path, line: nil, reason: "empty CSV")))
        }
        return results
    }

    private mutating func take(_ row: CSVRowReader.Row) -> Result<Document, ArchiveReader.Failure>? {
        guard !refused else { return nil }
        guard let fieldBytes = row.fields else {
            return .failure(.init(path: path, line: row.line, reason: "a record longer than the limit (\(options.maximumFileBytes) bytes)"))
        }
        var fields: [String] = []
        for bytes in fieldBytes {
            if bytes.withUnsafeBufferPointer(firstInvalidUTF8Offset) != nil {
                return .failure(.init(path: path, line: row.line, reason: "undecodable: invalid UTF-8 in a field"))
            }
            fields.append(String(decoding: bytes, as: UTF8.self))
        }
        guard let names = header else {
            let names = fields.map { $0.trimmingCharacters(in: .whitespaces) }
            guard names.contains(options.textField) else {
                refused = true
                return .failure(.init(path: path, line: row.line, reason: "no \"\(options.textField)\" column for the text (the columns are \(names.joined(separator: ", ")))"))
            }
            header = names
            return nil
        }
        if fields.count == 1 && fields[0].isEmpty { return nil }
        guard fields.count == names.count else {
            return .failure(.init(path: path, line: row.line, reason: "bad CSV: \(fields.count) fields, the header has \(names.count)"))
        }
        let record = Dictionary(zip(names, fields), uniquingKeysWith: { first, _ in first })
        return Records.document(from: { record[$0].flatMap { $0.isEmpty ? nil : $0 } }, path: path, name: name, line: row.line, options: options)
    }
}

enum Records {
    /// A document from a record's fields, named as `options` says; without an id field it is
    /// `name:line` (`name` already carries the id prefix).
    static func document(
        from value: (String) -> Any?, path: String, name: String, line: Int, options: ArchiveOptions
    ) -> Result<Document, ArchiveReader.Failure> {
        guard let field = value(options.textField) else {
            return .failure(.init(path: path, line: line, reason: "no \"\(options.textField)\" field with the text"))
        }
        guard let text = field as? String else {
            return .failure(.init(path: path, line: line, reason: "the \"\(options.textField)\" field is not text"))
        }
        guard !text.allSatisfy(\.isWhitespace) else {
            return .failure(.init(path: path, line: line, reason: "empty text (only whitespace)"))
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
