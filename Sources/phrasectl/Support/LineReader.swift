#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Reads a file or standard input in fixed-size chunks and hands it out as batches of whole lines,
/// so memory stays flat however large the input is (a line is held whole, however long it is).
final class LineReader {
    let path: String
    private let fd: Int32
    private var buffer: [UInt8] = []
    private var start = 0
    private var atEnd = false
    private var consumed = 0
    private var lineNumber = 0
    static let chunkSize = 1 << 20

    /// Opens `path`, or standard input for "-".
    init(path: String) throws(CLIError) {
        self.path = path
        if path == "-" {
            fd = 0
        } else {
            fd = open(path, O_RDONLY)
            if fd < 0 { throw .cannotOpen(path: path, reason: String(cString: strerror(errno))) }
            var info = stat()
            if fstat(fd, &info) == 0, (info.st_mode & S_IFMT) == S_IFDIR {
                close(fd)
                throw .cannotOpen(path: path, reason: "is a directory")
            }
        }
    }

    deinit {
        if fd > 0 { close(fd) }
    }

    /// Whole lines, each followed by a line feed, amounting to at least `minimumBytes` unless the
    /// input ends first.
    struct Batch {
        var bytes: [UInt8] = []
        /// Number of the batch's first line (1-based) and its byte offset in the input.
        var firstLine = 0
        var firstOffset = 0
        var lineCount = 0
    }

    /// The next batch of lines, or nil at the end of the input. A batch is cut from the read
    /// buffer at the last line feed after `minimumBytes`; a line longer than that is taken whole.
    func nextBatch(minimumBytes: Int) throws -> Batch? {
        while !atEnd && buffer.count - start < minimumBytes { try fill() }
        var cut = -1
        while true {
            if let newline = buffer[start...].lastIndex(of: 0x0A) {
                cut = newline + 1
                break
            }
            if atEnd { break }
            try fill()
        }
        if cut < 0 { cut = buffer.count }  // the last line has no line feed
        guard cut > start else { return nil }
        var batch = Batch()
        batch.bytes = Array(buffer[start..<cut])
        if batch.bytes.last != 0x0A { batch.bytes.append(0x0A) }
        batch.firstLine = lineNumber + 1
        batch.firstOffset = consumed
        var lines = 0
        for byte in batch.bytes where byte == 0x0A { lines += 1 }
        batch.lineCount = lines
        lineNumber += lines
        consumed += cut - start
        start = cut
        return batch
    }

    private func fill() throws(CLIError) {
        if start > 0 {
            buffer.removeSubrange(0..<start)
            start = 0
        }
        let old = buffer.count
        buffer.reserveCapacity(old + Self.chunkSize)
        buffer.append(contentsOf: repeatElement(0, count: Self.chunkSize))
        let n = buffer.withUnsafeMutableBytes { raw in
            read(fd, raw.baseAddress! + old, Self.chunkSize)
        }
        if n < 0 { throw .cannotRead(path: path, reason: String(cString: strerror(errno))) }
        buffer.removeSubrange((old + n)...)
        if n == 0 { atEnd = true }
    }
}
