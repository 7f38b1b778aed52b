import Foundation
import TifaText

/// Reads documents from an archive of files: plain text and Markdown (one document per file, named
/// by the file's name in the archive, see `ArchiveFile`; Markdown front matter gives `title`, `date`, `speaker`, `source`, `tags`; else the
/// title is the first line and the date comes from the path), JSONL and CSV (one document per
/// record, field names in `ArchiveOptions`). Encodings are detected (UTF-8 with or without BOM,
/// UTF-16 with BOM, GB18030/GBK, Big5) or given, and line endings become LF.
///
/// ```swift
/// var options = ArchiveOptions()
/// options.encoding = "GB18030"
/// for file in try ArchiveReader.walk(["speeches/"], options: options).files {
///     for result in ArchiveReader.documents(in: file.path, name: file.name, options: options) {
///         switch result {
///         case .success(let document): print(document.id, document.title ?? "")
///         case .failure(let failure): print(failure)
///         }
///     }
/// }
/// ```
public enum ArchiveReader {
    /// A file or record that could not be read: where and why.
    public struct Failure: Error, CustomStringConvertible, Sendable, Equatable {
        /// The file.
        public var path: String
        /// The line of a JSONL or CSV record; nil for a whole file.
        public var line: Int?
        /// Why, as a phrase: `empty file`, `bad JSON`, `undecodable: not valid GB18030 at byte 812`…
        public var reason: String

        /// `path:line: reason`, or `path: reason`.
        public var description: String { line.map { "\(path):\($0): \(reason)" } ?? "\(path): \(reason)" }
    }

    /// The files named by `paths`; folders are walked recursively for files matching the
    /// include globs and none of the exclude globs, in path order. A missing path throws; what a
    /// walk cannot take is left out (see `walk(_:options:)` for the list).
    public static func files(under paths: [String], options: ArchiveOptions = ArchiveOptions()) throws(Failure) -> [String] {
        try walk(paths, options: options).files.map(\.path)
    }

    /// The files named by `paths` and, apart, every file a folder holds that matches the globs but
    /// cannot be taken — a name that is not UTF-8, a symbolic link to nothing, a link back into a
    /// folder being walked (a loop), a folder that cannot be read — so none is left out unsaid.
    /// Symbolic links are followed, the given paths included. Each file comes with its name in the
    /// archive (`ArchiveFile.name`), which does not depend on the working directory.
    public static func walk(_ paths: [String], options: ArchiveOptions = ArchiveOptions()) throws(Failure) -> (
        files: [ArchiveFile], failures: [Failure]
    ) {
        var result: [ArchiveFile] = []
        var failures: [Failure] = []
        for path in paths {
            var isDirectory: ObjCBool = false
            guard FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory) else {
                throw Failure(path: path, line: nil, reason: "no such file or folder")
            }
            let given = ArchiveFile.lastComponent(of: path)
            if !isDirectory.boolValue {
                result.append(ArchiveFile(path: path, name: given))
                continue
            }
            var walker = FolderWalker(root: path, options: options)
            walker.walk()
            result += walker.found.sorted { $0.path < $1.path }.map {
                ArchiveFile(path: $0.path, name: given.isEmpty ? $0.relative : given + "/" + $0.relative)
            }
            failures += walker.failures.sorted { $0.path < $1.path }
        }
        return (result, failures)
    }

    /// The documents of one file; a bad file or record is a failure in the result, and reading goes on.
    /// `name` is what the documents are called: a text or Markdown document's id, and `name:line`
    /// for a JSONL or CSV record without an id field (the path when nil). `options.idPrefix`, when
    /// set, goes before every id, those of id fields included.
    public static func documents(
        in path: String, name: String? = nil, options: ArchiveOptions = ArchiveOptions()
    ) -> [Result<Document, Failure>] {
        var results: [Result<Document, Failure>] = []
        forEachDocument(in: path, name: name, options: options) { results.append($0) }
        return results
    }

    /// The documents of one file, handed to `body` one at a time as they are read: a UTF-8 JSONL
    /// or CSV file of any size is read a record at a time (`maximumFileBytes` then bounds a
    /// record, not the file); other files are read whole.
    public static func forEachDocument<E: Error>(
        in path: String, name: String? = nil, options: ArchiveOptions = ArchiveOptions(),
        _ body: (Result<Document, Failure>) throws(E) -> Void
    ) throws(E) {
        let name = options.idPrefix.isEmpty ? name ?? path : options.idPrefix + "/" + (name ?? path)
        let format = options.format == .auto ? detectFormat(path) : options.format
        if format == .jsonl, ArchiveReader.readsByRecord(path, options: options) {
            try JSONLines.stream(path, name: name, options: options, body)
            return
        }
        if format == .csv, ArchiveReader.readsByRecord(path, options: options) {
            try CSVRecords.stream(path, name: name, options: options, body)
            return
        }
        for result in wholeFileDocuments(in: path, name: name, format: format, options: options) { try body(result) }
    }

    private static func wholeFileDocuments(
        in path: String, name: String, format: ArchiveOptions.Format, options: ArchiveOptions
    ) -> [Result<Document, Failure>] {
        let text: String
        switch read(path, options: options) {
        case let .success(decoded): text = decoded
        case let .failure(failure): return [.failure(failure)]
        }
        switch format {
        case .jsonl: return JSONLines.documents(text, path: path, name: name, options: options)
        case .csv: return CSVRecords.documents(text, path: path, name: name, options: options)
        case .md, .txt, .auto:
            if text.allSatisfy(\.isWhitespace) { return [.failure(Failure(path: path, line: nil, reason: "empty (only whitespace)"))] }
            return [.success(fileDocument(text, path: path, name: name, markdown: format == .md))]
        }
    }

    static func detectFormat(_ path: String) -> ArchiveOptions.Format {
        switch (path as NSString).pathExtension.lowercased() {
        case "jsonl", "ndjson": return .jsonl
        case "csv": return .csv
        case "md", "markdown": return .md
        default: return .txt
        }
    }

    /// The file's text in UTF-8 with LF line endings, or why it cannot be read.
    public static func read(_ path: String, options: ArchiveOptions = ArchiveOptions()) -> Result<String, Failure> {
        func failure(_ reason: String) -> Result<String, Failure> { .failure(Failure(path: path, line: nil, reason: reason)) }
        let size = ((try? FileManager.default.attributesOfItem(atPath: path))?[.size] as? NSNumber)?.intValue ?? 0
        if size > options.maximumFileBytes {
            return failure(
                "too large (\(size) bytes; the limit is \(options.maximumFileBytes)): indexing takes about 14 times a document's size in memory; split the file into documents or raise the limit")
        }
        guard let data = FileManager.default.contents(atPath: path) else { return failure("cannot be read") }
        let bytes = [UInt8](data)
        if bytes.isEmpty { return failure("empty file") }
        switch TextDecoding.decode(bytes, encoding: options.encoding) {
        case let .success(text): return .success(text)
        case let .failure(problem): return failure(problem.description)
        }
    }

    static func fileDocument(_ text: String, path: String, name: String, markdown: Bool) -> Document {
        var body = text
        var fields: [String: String] = [:]
        if markdown, let (matter, rest) = FrontMatter.split(text) {
            fields = matter
            body = rest
        }
        var title = fields["title"]
        if title == nil {
            let firstLine = body.split(separator: "\n", maxSplits: 8, omittingEmptySubsequences: true)
                .lazy.map { $0.trimmingCharacters(in: .whitespaces) }.first { !$0.isEmpty }
            title = firstLine.map { markdown ? String($0.drop { $0 == "#" }).trimmingCharacters(in: .whitespaces) : $0 }
            // A first line that is a whole paragraph is not a title; keep its beginning.
            if let t = title, t.count > 80 { title = String(t.prefix(80)) + "…" }
        }
        return Document(
            id: name, text: body, title: title, date: fields["date"].flatMap(normalizeDate) ?? dateInPath(path),
            speaker: fields["speaker"], source: fields["source"], tags: fields["tags"].map(FrontMatter.list) ?? [])
    }

    /// A date written in a path: 2023/20230105.md, 2023-01-05-speech.txt.
    public static func dateInPath(_ path: String) -> String? {
        for component in path.split(separator: "/").reversed() {
            if let date = normalizeDate(String(component)) { return date }
        }
        return nil
    }

    /// `YYYY-MM-DD` from 2023-01-05, 20230105, 2023-1-5, 2023年1月5日; `YYYY-MM` from 2022-03,
    /// 2022/03, 2022年3月; `YYYY` from 2022. A month above 12 or a day above 31 is no date.
    static func normalizeDate(_ text: String) -> String? {
        func date(_ year: Substring, _ month: Substring, _ day: Substring?) -> String? {
            guard let m = Int(month), (1...12).contains(m) else { return nil }
            let monthText = String(format: "%02d", m)
            guard let day else { return "\(year)-\(monthText)" }
            guard let d = Int(day), (1...31).contains(d) else { return nil }
            return "\(year)-\(monthText)-\(String(format: "%02d", d))"
        }
        if let m = text.firstMatch(of: /((?:19|20)\d\d)[-_.\/]?(\d\d)[-_.\/]?(\d\d)/), let found = date(m.output.1, m.output.2, m.output.3) {
            return found
        }
        if let m = text.firstMatch(of: /((?:19|20)\d\d)[-.\/](\d{1,2})[-.\/](\d{1,2})(?!\d)/), let found = date(m.output.1, m.output.2, m.output.3) {
            return found
        }
        if let m = text.firstMatch(of: /((?:19|20)\d\d)年(\d{1,2})月(?:(\d{1,2})日)?/) {
            return date(m.output.1, m.output.2, m.output.3)
        }
        if let m = text.wholeMatch(of: /((?:19|20)\d\d)[-.\/](\d{1,2})/) {
            return date(m.output.1, m.output.2, nil)
        }
        if text.wholeMatch(of: /(19|20)\d\d/) != nil { return text }
        return nil
    }
}
