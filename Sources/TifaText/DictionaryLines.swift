/// The lines of a dictionary file as the loader reads them: LF or CRLF line ends, empty lines and
/// `#` comments skipped, up to four fields separated by tabs or spaces. `phrasectl dict add` reads
/// a user dictionary with it too, so both agree on which words a file holds.
package struct DictionaryLines {
    package struct Line {
        /// 1-based line number.
        package var number: Int
        /// Byte offset of the line in the file.
        package var start: Int
        package var line: UnsafeBufferPointer<UInt8>
        /// Byte ranges of the fields in `line`; the first is the word.
        package var fields: [Range<Int>]
    }

    private let bytes: UnsafeBufferPointer<UInt8>
    private var lineStart = 0
    private var lineNumber = 0

    package init(_ bytes: UnsafeBufferPointer<UInt8>) { self.bytes = bytes }

    package mutating func next() -> Line? {
        let n = bytes.count
        while lineStart < n {
            lineNumber += 1
            var lineEnd = lineStart
            while lineEnd < n && bytes[lineEnd] != 0x0A { lineEnd += 1 }
            let start = lineStart
            lineStart = lineEnd + 1
            var end = lineEnd
            if end > start && bytes[end - 1] == 0x0D { end -= 1 }
            if end == start || bytes[start] == 0x23 { continue }  // empty or '#'
            let line = UnsafeBufferPointer(rebasing: bytes[start..<end])
            var fields: [Range<Int>] = []
            var i = 0
            while i < line.count && fields.count < 4 {
                while i < line.count && (line[i] == 0x09 || line[i] == 0x20) { i += 1 }
                let s = i
                while i < line.count && line[i] != 0x09 && line[i] != 0x20 { i += 1 }
                if i > s { fields.append(s..<i) }
            }
            if fields.isEmpty { continue }
            return Line(number: lineNumber, start: start, line: line, fields: fields)
        }
        return nil
    }
}
