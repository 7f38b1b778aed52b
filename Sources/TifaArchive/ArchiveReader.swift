import Foundation
import TifaIndex
import TifaText

/// Reads documents from files: plain text and Markdown (one document per file, id = path,
/// title = first line, date from the path when it has one) and JSONL (one object per line with
/// `id`, `text` and optional `title`, `date`, `speaker`, `source`, `tags`).
///
/// ```swift
/// for path in try ArchiveReader.files(under: ["speeches/"]) {
///     for result in ArchiveReader.documents(in: path) { … }
/// }
/// ```
public enum ArchiveReader {
    public enum Format: String, Sendable, CaseIterable {
        case auto, txt, md, jsonl
    }

    /// A file or line that could not be read, with the place and the reason.
    public struct Failure: Error, CustomStringConvertible, Sendable, Equatable {
        public var path: String
        public var line: Int?
        public var reason: String

        public var description: String { line.map { "\(path):\($0): \(reason)" } ?? "\(path): \(reason)" }
    }

    /// The files named by `paths`, with folders walked recursively for .txt, .md and .jsonl files.
    public static func files(under paths: [String]) throws(Failure) -> [String] {
        var result: [String] = []
        for path in paths {
            var isDirectory: ObjCBool = false
            guard FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory) else {
                throw Failure(path: path, line: nil, reason: "no such file or folder")
            }
            if !isDirectory.boolValue {
                result.append(path)
                continue
            }
            let enumerator = FileManager.default.enumerator(atPath: path)
            var found: [String] = []
            while let relative = enumerator?.nextObject() as? String {
                let full = (path as NSString).appendingPathComponent(relative)
                if ["txt", "md", "jsonl"].contains((relative as NSString).pathExtension.lowercased()) { found.append(full) }
            }
            result += found.sorted()
        }
        return result
    }

    /// The documents of one file; a bad file or line is a failure in the sequence, and reading goes on.
    public static func documents(in path: String, format: Format = .auto) -> [Result<Document, Failure>] {
        let data: Data
        do { data = try Data(contentsOf: URL(fileURLWithPath: path)) } catch {
            return [.failure(Failure(path: path, line: nil, reason: "cannot read: \(error.localizedDescription)"))]
        }
        var bytes = [UInt8](data)
        if bytes.starts(with: [0xEF, 0xBB, 0xBF]) { bytes.removeFirst(3) }
        if bytes.isEmpty { return [.failure(Failure(path: path, line: nil, reason: "empty file"))] }
        if let bad = bytes.withUnsafeBufferPointer(firstInvalidUTF8Offset) {
            let line = bytes[..<bad].reduce(1) { $0 + ($1 == 0x0A ? 1 : 0) }
            return [.failure(Failure(path: path, line: line, reason: "invalid UTF-8 at byte \(bad)"))]
        }
        let resolved = format == .auto ? Format(rawValue: (path as NSString).pathExtension.lowercased()) ?? .txt : format
        switch resolved {
        case .jsonl: return jsonlDocuments(bytes, path: path)
        case .md, .txt, .auto:
            return [.success(fileDocument(String(decoding: bytes, as: UTF8.self), path: path, markdown: resolved == .md))]
        }
    }

    static func fileDocument(_ text: String, path: String, markdown: Bool) -> Document {
        let firstLine = text.split(separator: "\n", maxSplits: 8, omittingEmptySubsequences: true)
            .lazy.map { $0.trimmingCharacters(in: .whitespaces) }.first { !$0.isEmpty }
        var title = firstLine
        if markdown, let t = title { title = String(t.drop { $0 == "#" }).trimmingCharacters(in: .whitespaces) }
        // A first line that is a whole paragraph is not a title; keep its beginning.
        if let t = title, t.count > 80 { title = String(t.prefix(80)) + "…" }
        return Document(id: path, text: text, title: title, date: dateInPath(path))
    }

    /// A date written in a path: 2023/20230105.md, 2023-01-05-speech.txt.
    public static func dateInPath(_ path: String) -> String? {
        let name = (path as NSString).lastPathComponent
        if let match = name.firstMatch(of: /(19|20)(\d\d)-?(\d\d)-?(\d\d)/) {
            let (_, century, year, month, day) = match.output
            guard let m = Int(month), let d = Int(day), (1...12).contains(m), (1...31).contains(d) else { return nil }
            return "\(century)\(year)-\(month)-\(day)"
        }
        return nil
    }

    static func jsonlDocuments(_ bytes: [UInt8], path: String) -> [Result<Document, Failure>] {
        var results: [Result<Document, Failure>] = []
        var number = 0
        var start = 0
        while start <= bytes.count {
            let end = bytes[start...].firstIndex(of: 0x0A) ?? bytes.count
            number += 1
            defer { start = end + 1 }
            let line = bytes[start..<end]
            if line.allSatisfy({ $0 == 0x20 || $0 == 0x09 || $0 == 0x0D }) { continue }
            func failure(_ reason: String) -> Result<Document, Failure> {
                .failure(Failure(path: path, line: number, reason: reason))
            }
            guard let object = try? JSONSerialization.jsonObject(with: Data(line)) as? [String: Any] else {
                results.append(failure("bad JSON"))
                continue
            }
            guard let body = object["text"] as? String else {
                results.append(failure("no \"text\" string"))
                continue
            }
            let id = (object["id"] as? String) ?? (object["id"] as? Int).map(String.init) ?? "\(path):\(number)"
            let tags = (object["tags"] as? [String]) ?? (object["tags"] as? String).map { [$0] } ?? []
            results.append(
                .success(
                    Document(
                        id: id, text: body, title: object["title"] as? String, date: object["date"] as? String,
                        speaker: object["speaker"] as? String, source: object["source"] as? String, tags: tags)))
        }
        return results
    }
}
