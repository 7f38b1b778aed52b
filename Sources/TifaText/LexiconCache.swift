import Foundation

/// Where compiled lexicons are cached. A cache file is named by a hash of every source the
/// lexicon was built from, so editing a dictionary never serves a stale trie; a damaged file
/// fails its checksum and is rebuilt. The cache keeps the two lexicons used last, at most 256 MB
/// (`phrasectl cache show` lists them, `phrasectl cache clear` removes them).
///
/// ```swift
/// let lexicon = try Lexicon.bundled(cache: .directory("/var/cache/tifa"))
/// for file in LexiconCache.standard.files() { print(file.url.lastPathComponent, file.bytes, file.lastUsed) }
/// ```
public enum LexiconCache: Sendable, Equatable {
    /// `$TIFA_CACHE_DIR`, else `$XDG_CACHE_HOME/tifa`, else `~/.cache/tifa`.
    case standard
    /// This folder.
    case directory(String)
    /// Always build from the text files.
    case disabled

    var path: String? {
        switch self {
        case .disabled: return nil
        case let .directory(path): return path
        case .standard:
            let environment = ProcessInfo.processInfo.environment
            if let dir = environment["TIFA_CACHE_DIR"], !dir.isEmpty { return dir }
            if let dir = environment["XDG_CACHE_HOME"], !dir.isEmpty { return dir + "/tifa" }
            if let home = environment["HOME"], !home.isEmpty { return home + "/.cache/tifa" }
            return nil
        }
    }

    func fileURL(for hash: UInt64) -> URL? {
        guard let path else { return nil }
        return URL(fileURLWithPath: path).appendingPathComponent(
            "lexicon-\(String(hash, radix: 16))-v\(LexiconTables.version).tifacache")
    }

    /// Reads a valid compiled lexicon, or nil.
    func read(hash: UInt64) -> UnsafeMutableRawPointer? {
        guard let url = fileURL(for: hash) else { return nil }
        let fd = open(url.path, O_RDONLY)
        guard fd >= 0 else { return nil }
        defer { close(fd) }
        var info = stat()
        guard fstat(fd, &info) == 0, info.st_size >= LexiconTables.headerSize else { return nil }
        let size = Int(info.st_size)
        let storage = UnsafeMutableRawPointer.allocate(byteCount: size, alignment: LexiconTables.sectionAlignment)
        var done = 0
        while done < size {
            let n = Foundation.read(fd, storage + done, size - done)
            if n <= 0 { break }
            done += n
        }
        guard done == size, LexiconTables.isValid(UnsafeRawBufferPointer(start: storage, count: size), sourceHash: hash)
        else {
            storage.deallocate()
            return nil
        }
        futimens(fd, nil)  // the modification time records the last use: pruning keeps the lexicons in use
        return storage
    }

    /// Writes `lexicon` to the cache; failures only mean the next load builds again.
    func write(_ lexicon: Lexicon, hash: UInt64) {
        guard let url = fileURL(for: hash) else { return }
        let directory = url.deletingLastPathComponent()
        try? FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        let temporary = directory.appendingPathComponent(".\(url.lastPathComponent).\(getpid())")
        let bytes = lexicon.compiledBytes
        guard FileManager.default.createFile(atPath: temporary.path, contents: Data(bytes)) else { return }
        if rename(temporary.path, url.path) != 0 { try? FileManager.default.removeItem(at: temporary) }
        prune(directory, keeping: url)
    }

    /// How many compiled lexicons the cache keeps: the one in use and the one before it (the
    /// bundled dictionaries and one set of user dictionaries, say).
    static let keptFiles = 2
    /// The most the cache's files may take together; the one just written stays whatever its size.
    static let maximumBytes = 256 << 20

    /// Keeps the most recently used cache files, at most `keptFiles` and `maximumBytes`, so
    /// lexicons built once with other user dictionaries do not pile up.
    private func prune(_ directory: URL, keeping current: URL) {
        var total = 0
        for (index, file) in files().enumerated() where file.url != current {
            total += file.bytes
            if index >= Self.keptFiles || total > Self.maximumBytes { try? FileManager.default.removeItem(at: file.url) }
        }
    }

    /// A compiled lexicon in the cache.
    public struct File: Sendable, Equatable {
        /// Where the file is.
        public var url: URL
        /// The file's size.
        public var bytes: Int
        /// When a load last read or wrote it.
        public var lastUsed: Date
    }

    /// The cache's files, most recently used first; none for `.disabled` or a missing folder.
    public func files() -> [File] {
        guard let path else { return [] }
        let keys: [URLResourceKey] = [.contentModificationDateKey, .fileSizeKey]
        let urls = (try? FileManager.default.contentsOfDirectory(at: URL(fileURLWithPath: path), includingPropertiesForKeys: keys)) ?? []
        return urls.filter { $0.pathExtension == "tifacache" && $0.lastPathComponent.hasPrefix("lexicon-") }.map { url in
            let values = try? url.resourceValues(forKeys: Set(keys))
            return File(url: url, bytes: values?.fileSize ?? 0, lastUsed: values?.contentModificationDate ?? .distantPast)
        }.sorted { $0.lastUsed > $1.lastUsed }
    }

    /// The folder of the cache, or nil when it is disabled or there is no home folder.
    public var folder: String? { path }

    /// Removes every compiled lexicon (and any left half-written); the next load builds from the
    /// text files again. Returns the files removed and their bytes.
    @discardableResult
    public func clear() throws -> (files: Int, bytes: Int) {
        guard let path else { return (0, 0) }
        var removed = (files: 0, bytes: 0)
        let names = (try? FileManager.default.contentsOfDirectory(atPath: path)) ?? []
        for name in names where name.hasSuffix(".tifacache") || (name.hasPrefix(".lexicon-") && name.contains(".tifacache.")) {
            let url = URL(fileURLWithPath: path).appendingPathComponent(name)
            let bytes = (try? url.resourceValues(forKeys: [.fileSizeKey]).fileSize) ?? 0
            try FileManager.default.removeItem(at: url)
            removed.files += 1
            removed.bytes += bytes
        }
        return removed
    }
}
