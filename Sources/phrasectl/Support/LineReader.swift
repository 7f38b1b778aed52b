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
    /// Bytes read past the last batch's final line feed.
    private var pending: [UInt8] = []
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

    /// The next batch of lines, or nil at the end of the input. A batch is cut at the last line
    /// feed once `minimumBytes` are read; a line longer than that is taken whole.
    ///
    /// The batch's array is the one the file is read into, and only the partial line after the cut
    /// is copied out for the next batch, so each byte is copied once on its way in.
    func nextBatch(minimumBytes: Int) throws(CLIError) -> Batch? {
        var bytes = pending
        pending = []
        // bytes[..<searched] hold no line feed (known once a search found none).
        var searched = 0
        var cut = -1
        while true {
            if bytes.count >= minimumBytes || atEnd {
                if let newline = Self.lastLineFeed(in: bytes, from: searched) {
                    cut = newline + 1
                    break
                }
                searched = bytes.count
                if atEnd { break }
            }
            try readMore(into: &bytes, wanted: max(Self.chunkSize, minimumBytes - bytes.count, bytes.count))
        }
        if cut < 0 { cut = bytes.count }  // the last line has no line feed
        guard cut > 0 else { return nil }
        if cut < bytes.count {
            pending = Array(bytes[cut...])
            bytes.removeSubrange(cut...)
        }
        var batch = Batch()
        batch.lineCount = Self.lineFeeds(in: bytes)
        if bytes.last != 0x0A {
            bytes.append(0x0A)
            batch.lineCount += 1
        }
        batch.bytes = bytes
        batch.firstLine = lineNumber + 1
        batch.firstOffset = consumed
        lineNumber += batch.lineCount
        consumed += cut
        return batch
    }

    private static func lastLineFeed(in bytes: [UInt8], from lower: Int) -> Int? {
        bytes.withUnsafeBufferPointer { b in
            var i = b.count
            while i > lower {
                i -= 1
                if b[i] == 0x0A { return i }
            }
            return nil
        }
    }

    private static func lineFeeds(in bytes: [UInt8]) -> Int {
        bytes.withUnsafeBufferPointer { b in
            var count = 0
            for byte in b where byte == 0x0A { count += 1 }
            return count
        }
    }

    /// Appends up to `wanted` bytes of the input to `bytes` (fewer only at its end), reading into
    /// the array's own storage.
    private func readMore(into bytes: inout [UInt8], wanted: Int) throws(CLIError) {
        let old = bytes.count
        let capacity = old + wanted
        var failure: Int32 = 0
        var ended = false
        let grown = [UInt8](unsafeUninitializedCapacity: capacity) { buffer, count in
            if old > 0 { bytes.withUnsafeBufferPointer { buffer.baseAddress!.initialize(from: $0.baseAddress!, count: old) } }
            count = old
            while count < capacity {
                let n = read(fd, buffer.baseAddress! + count, capacity - count)
                if n < 0 {
                    if errno == EINTR { continue }
                    failure = errno
                    break
                }
                if n == 0 {
                    ended = true
                    break
                }
                count += n
            }
        }
        if failure != 0 { throw .cannotRead(path: path, reason: String(cString: strerror(failure))) }
        bytes = grown
        if ended { atEnd = true }
    }
}
