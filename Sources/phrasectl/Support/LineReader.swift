#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Reads a file or standard input line by line in fixed-size chunks, so memory stays flat
/// however large the input is (a line is held whole, however long it is).
final class LineReader {
    let path: String
    private let fd: Int32
    private var buffer: [UInt8] = []
    private var start = 0
    private var atEnd = false
    /// Byte offset in the input of the line `next` returned last.
    private(set) var lineOffset = 0
    private var consumed = 0
    private(set) var lineNumber = 0
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

    /// Calls `body` with the next line (without its line break and a trailing CR), or returns false at the end.
    func next(_ body: (UnsafeBufferPointer<UInt8>) throws -> Void) throws -> Bool {
        while true {
            if let newline = buffer[start...].firstIndex(of: 0x0A) {
                var end = newline
                if end > start && buffer[end - 1] == 0x0D { end -= 1 }
                lineOffset = consumed
                lineNumber += 1
                try buffer.withUnsafeBufferPointer { try body(UnsafeBufferPointer(rebasing: $0[start..<end])) }
                consumed += newline + 1 - start
                start = newline + 1
                return true
            }
            if atEnd {
                guard start < buffer.count else { return false }
                var end = buffer.count
                if end > start && buffer[end - 1] == 0x0D { end -= 1 }
                lineOffset = consumed
                lineNumber += 1
                try buffer.withUnsafeBufferPointer { try body(UnsafeBufferPointer(rebasing: $0[start..<end])) }
                consumed += buffer.count - start
                start = buffer.count
                return true
            }
            try fill()
        }
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
