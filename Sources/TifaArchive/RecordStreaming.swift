import Foundation
import TifaText

extension ArchiveReader {
    /// Whether a JSONL or CSV file at `path` can be read a record at a time: UTF-8 by option or by
    /// its first megabyte, damaged bytes and all (a UTF-16, GB18030 or binary file is decoded whole
    /// instead, and reported as such).
    static func readsByRecord(_ path: String, options: ArchiveOptions) -> Bool {
        if let encoding = options.encoding {
            return encoding.uppercased().replacingOccurrences(of: "-", with: "") == "UTF8"
        }
        guard var head = FileChunks(path: path)?.next() else { return false }
        if head.starts(with: [0xFF, 0xFE]) || head.starts(with: [0xFE, 0xFF]) || head.isEmpty || head.contains(0) { return false }
        // A character cut by the end of the megabyte is no error: drop its continuation bytes and its lead byte.
        while let last = head.last, last >= 0x80 {
            head.removeLast()
            if last >= 0xC0 { break }
        }
        return head.withUnsafeBufferPointer(firstInvalidUTF8Offset) == nil || TextDecoding.looksLikeUTF8(head)
    }
}

/// A file read a megabyte at a time, for the readers that take a file record by record.
final class FileChunks {
    private let handle: FileHandle

    init?(path: String) {
        guard let handle = FileHandle(forReadingAtPath: path) else { return nil }
        self.handle = handle
    }

    /// The next megabyte or less; nil at the end.
    func next() -> [UInt8]? {
        guard let data = try? handle.read(upToCount: 1 << 20), !data.isEmpty else { return nil }
        return [UInt8](data)
    }

    deinit { try? handle.close() }
}

extension JSONLines {
    /// Reads `path` a megabyte at a time and hands each record's document (or why it is none) to
    /// `body`; a line longer than `options.maximumFileBytes` is reported and skipped unread.
    static func stream<E: Error>(
        _ path: String, name: String, options: ArchiveOptions, _ body: (Result<Document, ArchiveReader.Failure>) throws(E) -> Void
    ) throws(E) {
        guard let chunks = FileChunks(path: path) else {
            try body(.failure(.init(path: path, line: nil, reason: "cannot be read")))
            return
        }
        var buffer: [UInt8] = []
        var bufferOffset = 0  // the file offset of buffer[0]
        var lineNumber = 0
        var skippingLongLine = false
        let tooLong = "a record longer than the limit (\(options.maximumFileBytes) bytes)"
        func emit(_ line: ArraySlice<UInt8>, at offset: Int) throws(E) {
            lineNumber += 1
            var line = line
            if lineNumber == 1, line.starts(with: [0xEF, 0xBB, 0xBF]) { line = line.dropFirst(3) }
            if line.last == 0x0D { line = line.dropLast() }
            if line.allSatisfy({ $0 == 0x20 || $0 == 0x09 }) { return }
            if line.count > options.maximumFileBytes {
                try body(.failure(.init(path: path, line: lineNumber, reason: tooLong)))
                return
            }
            if let bad = line.withUnsafeBufferPointer(firstInvalidUTF8Offset) {
                try body(.failure(.init(path: path, line: lineNumber, reason: "undecodable: invalid UTF-8 at byte \(offset + bad)")))
                return
            }
            guard let object = try? JSONSerialization.jsonObject(with: Data(line)) as? [String: Any] else {
                try body(.failure(.init(path: path, line: lineNumber, reason: "bad JSON")))
                return
            }
            try body(Records.document(from: { object[$0] }, path: path, name: name, line: lineNumber, options: options))
        }
        while true {
            let chunk = chunks.next() ?? []
            let atEnd = chunk.isEmpty
            buffer.append(contentsOf: chunk)
            var start = 0
            while let newline = buffer[start...].firstIndex(of: 0x0A) {
                if skippingLongLine {
                    skippingLongLine = false
                } else {
                    try emit(buffer[start..<newline], at: bufferOffset + start)
                }
                start = newline + 1
            }
            if atEnd {
                if start < buffer.count && !skippingLongLine { try emit(buffer[start...], at: bufferOffset + start) }
                break
            }
            buffer.removeSubrange(0..<start)
            bufferOffset += start
            if buffer.count > options.maximumFileBytes {
                if !skippingLongLine {
                    lineNumber += 1
                    try body(.failure(.init(path: path, line: lineNumber, reason: tooLong)))
                }
                skippingLongLine = true
                bufferOffset += buffer.count
                buffer.removeAll(keepingCapacity: true)
            }
        }
    }
}
