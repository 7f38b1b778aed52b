import Foundation

/// Where compiled lexicons are cached. A cache file is named by a hash of every source the
/// lexicon was built from, so editing a dictionary never serves a stale trie; a damaged file
/// fails its checksum and is rebuilt.
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
        let storage = UnsafeMutableRawPointer.allocate(byteCount: size, alignment: 16)
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

    /// Keeps the most recently written cache files, so lexicons built once with other user
    /// dictionaries do not pile up.
    private func prune(_ directory: URL, keeping current: URL, limit: Int = 4) {
        let files = (try? FileManager.default.contentsOfDirectory(
            at: directory, includingPropertiesForKeys: [.contentModificationDateKey]))?
            .filter { $0.pathExtension == "tifacache" && $0.lastPathComponent.hasPrefix("lexicon-") } ?? []
        let dated = files.map { url in
            (url, (try? url.resourceValues(forKeys: [.contentModificationDateKey]).contentModificationDate) ?? .distantPast)
        }
        for (url, _) in dated.sorted(by: { $0.1 > $1.1 }).dropFirst(limit) where url != current {
            try? FileManager.default.removeItem(at: url)
        }
    }
}
