import Foundation

#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// A file (or standard output) written in large blocks — every command's bulk output goes through
/// here; a failed write (a full disk) stops the command with an error naming the file.
final class FileSink {
    let path: String
    private let descriptor: Int32
    private var buffer: [UInt8] = []
    /// Bytes written so far, buffered ones included.
    private(set) var size = 0

    /// Creates (or truncates) `path`; "-" is standard output. A path naming one of `inputs` (the
    /// same file by device and inode) is refused before anything is truncated.
    init(path: String, inputs: [String] = []) {
        self.path = path
        if path != "-" {
            var target = stat()
            if stat(path, &target) == 0 {
                for input in inputs {
                    var info = stat()
                    if stat(input, &info) == 0, info.st_dev == target.st_dev, info.st_ino == target.st_ino {
                        fail(.cannotWrite(path: path, reason: "is \(input == path ? "an input of this command" : "the same file as the input \(input)"); writing it would destroy it"))
                    }
                }
            }
        }
        if path == "-" {
            descriptor = 1
        } else {
            descriptor = open(path, O_WRONLY | O_CREAT | O_TRUNC, 0o644)
            guard descriptor >= 0 else { fail(.cannotWrite(path: path, reason: String(cString: strerror(errno)))) }
        }
    }

    func write(_ text: String) {
        buffer += text.utf8
        size += text.utf8.count
        if buffer.count >= Self.blockSize { flush() }
    }

    func write(_ bytes: UnsafeBufferPointer<UInt8>) {
        size += bytes.count
        // A block as large as the buffer goes straight out rather than through it.
        if bytes.count >= Self.blockSize {
            flush()
            writeAll(UnsafeRawBufferPointer(bytes))
            return
        }
        buffer.append(contentsOf: bytes)
        if buffer.count >= Self.blockSize { flush() }
    }

    func flush() {
        buffer.withUnsafeBytes { writeAll($0) }
        buffer.removeAll(keepingCapacity: true)
    }

    private static let blockSize = 1 << 20

    private func writeAll(_ bytes: UnsafeRawBufferPointer) {
        var offset = 0
        while offset < bytes.count {
            let n = systemWrite(descriptor, bytes.baseAddress! + offset, bytes.count - offset)
            if n < 0 && errno == EINTR { continue }
            guard n > 0 else { fail(.cannotWrite(path: path == "-" ? "standard output" : path, reason: String(cString: strerror(errno)))) }
            offset += n
        }
    }

    /// Writes what is buffered and closes the file.
    func close() {
        flush()
        if descriptor != 1, systemClose(descriptor) != 0 { fail(.cannotWrite(path: path, reason: String(cString: strerror(errno)))) }
    }
}

#if canImport(Glibc)
private let systemWrite = Glibc.write
private let systemClose = Glibc.close
#elseif canImport(Darwin)
private let systemWrite = Darwin.write
private let systemClose = Darwin.close
#endif
