import Foundation
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Walks a folder with the system's directory calls, so that names which are not UTF-8 and
/// symbolic links are seen (and reported) rather than skipped.
struct FolderWalker {
    let root: String
    let options: ArchiveOptions
    /// Each file taken: its path, and its path inside the root.
    private(set) var found: [(path: String, relative: String)] = []
    private(set) var failures: [ArchiveReader.Failure] = []
    /// The folders on the current path, by device and inode: a link back to one is a loop.
    private var open: Set<[UInt64]> = []

    init(root: String, options: ArchiveOptions) {
        self.root = root
        self.options = options
    }

    mutating func walk() {
        walk(folder: root, relative: "")
    }

    private func wanted(_ relative: String) -> Bool {
        options.include.contains { Glob.matches($0, relative) } && !options.exclude.contains { Glob.matches($0, relative) }
    }

    private mutating func walk(folder: String, relative: String) {
        var info = stat()
        guard stat(folder, &info) == 0 else { return }
        let identity = [UInt64(info.st_dev), UInt64(info.st_ino)]
        open.insert(identity)
        defer { open.remove(identity) }
        guard let directory = opendir(folder) else {
            failures.append(.init(path: folder, line: nil, reason: "the folder cannot be read (\(String(cString: strerror(errno))))"))
            return
        }
        defer { closedir(directory) }
        while let entry = readdir(directory) {
            let bytes = withUnsafeBytes(of: entry.pointee.d_name) { raw in Array(raw.prefix { $0 != 0 }) }
            if bytes == [0x2E] || bytes == [0x2E, 0x2E] { continue }
            let name = String(decoding: bytes, as: UTF8.self)
            let childRelative = relative.isEmpty ? name : relative + "/" + name
            let full = (folder as NSString).appendingPathComponent(name)
            guard String(validating: bytes, as: UTF8.self) != nil else {
                if wanted(childRelative) {
                    let escaped = bytes.map { $0 < 0x80 ? String(UnicodeScalar($0)) : String(format: "\\x%02X", $0) }.joined()
                    failures.append(
                        .init(path: (folder as NSString).appendingPathComponent(escaped), line: nil,
                              reason: "the file name is not UTF-8; rename it to index it"))
                }
                continue
            }
            var child = stat()
            guard stat(full, &child) == 0 else {
                if wanted(childRelative) { failures.append(.init(path: full, line: nil, reason: "a symbolic link to nothing")) }
                continue
            }
            switch child.st_mode & S_IFMT {
            case S_IFDIR:
                if open.contains([UInt64(child.st_dev), UInt64(child.st_ino)]) {
                    failures.append(.init(path: full, line: nil, reason: "a symbolic link back into a folder being read (a loop); left out"))
                } else {
                    walk(folder: full, relative: childRelative)
                }
            case S_IFREG:
                if wanted(childRelative) { found.append((full, childRelative)) }
            default:
                continue  // devices, sockets, pipes: no documents
            }
        }
    }
}
