import Foundation

/// A file of an archive: where it is, and its name in the archive — what its documents are called.
///
/// The name does not depend on the working directory: a file inside a folder given to
/// `ArchiveReader.walk` is named by that folder's own name and the path inside it
/// (`speeches/2023/0105.md` for `~/archive/speeches`, `./speeches` or `/data/speeches/`), and a
/// file given by itself by its file name. Indexing one archive from anywhere gives the same ids.
///
/// ```swift
/// let first = try ArchiveReader.walk(["./Examples/work-reports/"]).files[0]
/// print(first.path, first.name)   // ./Examples/work-reports/gwr-1997.md work-reports/gwr-1997.md
/// ```
public struct ArchiveFile: Sendable, Hashable {
    /// Where the file is, as the walk reached it.
    public var path: String
    /// The file's name in the archive.
    public var name: String

    /// A file at `path` called `name` in its archive.
    public init(path: String, name: String) {
        self.path = path
        self.name = name
    }

    /// The last component of `path` once `.` and `..` are resolved against the working
    /// directory: `speeches` for `speeches/`, `./speeches` and `/data/speeches`; empty for `/`.
    static func lastComponent(of path: String) -> String {
        let resolved = URL(fileURLWithPath: path).standardizedFileURL.path
        return resolved == "/" ? "" : (resolved as NSString).lastPathComponent
    }
}
