import Foundation
import TifaDictionaryData

extension Lexicon {
    /// The dictionaries built into the binary, with `userDictionaries` (paths) layered on top.
    /// The result is cached in memory per process and compiled on disk per `cache`.
    public static func bundled(
        userDictionaries: [String] = [], cache: LexiconCache = .standard
    ) throws(LexiconError) -> Lexicon {
        if userDictionaries.isEmpty && cache == .standard { return try bundledOnly.get() }
        var sources = bundledSources()
        sources += try fileSources(userDictionaries, as: .user)
        return try build(sources, cache: cache)
    }

    /// The `.dict` files of `directory` (in name order, `general.dict` first and
    /// `political.dict` second), with `userDictionaries` layered on top. The naming grammar is the
    /// folder's `naming-grammar.txt`, or the built-in one when it has none.
    public static func load(
        directory: String, userDictionaries: [String] = [], cache: LexiconCache = .standard
    ) throws(LexiconError) -> Lexicon {
        let names: [String]
        do {
            names = try FileManager.default.contentsOfDirectory(atPath: directory).filter { $0.hasSuffix(".dict") }
        } catch {
            throw .unreadable(path: directory, reason: "not a readable directory")
        }
        if names.isEmpty { throw .noDictionaries(directory: directory) }
        let order = ["general.dict": 0, "political.dict": 1]
        let ordered = names.sorted { a, b in (order[a] ?? 2, a) < (order[b] ?? 2, b) }
        var sources: [Source] = []
        for name in ordered {
            let path = (directory as NSString).appendingPathComponent(name)
            sources += try fileSources([path], as: name == "general.dict" ? .general : .political)
        }
        let grammarPath = (directory as NSString).appendingPathComponent(Self.grammarFileName)
        if FileManager.default.fileExists(atPath: grammarPath) {
            sources += try fileSources([grammarPath], as: .grammar)
        } else {
            sources += bundledSources().filter { $0.kind == .grammar }
        }
        sources += try fileSources(userDictionaries, as: .user)
        return try build(sources, cache: cache)
    }

    /// A lexicon of these files: a general dictionary, political ones on top (a later one winning),
    /// and a naming grammar (the built-in one when nil). `phrasectl dict build` mines with the
    /// general lexicon and the hand-written list, leaving out the political lexicon it rebuilds.
    public static func load(
        general: String, political: [String], grammar: String? = nil, cache: LexiconCache = .standard
    ) throws(LexiconError) -> Lexicon {
        var sources = try fileSources([general], as: .general)
        sources += try fileSources(political, as: .political)
        if let grammar {
            sources += try fileSources([grammar], as: .grammar)
        } else {
            sources += bundledSources().filter { $0.kind == .grammar }
        }
        return try build(sources, cache: cache)
    }

    /// The file naming the words of the naming grammars (see `NamingRole`).
    static let grammarFileName = "naming-grammar.txt"

    private static let bundledOnly: Result<Lexicon, LexiconError> = {
        do throws(LexiconError) {
            return .success(try build(bundledSources(), cache: .standard))
        } catch {
            return .failure(error)
        }
    }()

    /// One dictionary file's bytes; `owner` keeps a file's copy alive.
    struct Source {
        var path: String
        var kind: LexiconBuilder.Source
        var bytes: UnsafeRawBufferPointer
        var owner: OwnedBytes?
    }

    /// File contents in memory that stays put until released.
    final class OwnedBytes {
        let buffer: UnsafeMutableRawBufferPointer

        init(_ data: Data) {
            buffer = .allocate(byteCount: max(1, data.count), alignment: 8)
            _ = data.copyBytes(to: buffer.bindMemory(to: UInt8.self))
        }

        deinit { buffer.deallocate() }
    }

    private static func bundledSources() -> [Source] {
        (0..<tifa_dictionary_count()).map { index in
            let name = String(cString: tifa_dictionary_name(index))
            let bytes = UnsafeRawBufferPointer(
                start: tifa_dictionary_bytes(index), count: Int(tifa_dictionary_length(index)))
            let kind: LexiconBuilder.Source =
                name == "general.dict" ? .general : name == grammarFileName ? .grammar : .political
            return Source(path: "<built-in>/\(name)", kind: kind, bytes: bytes)
        }
    }

    private static func fileSources(_ paths: [String], as kind: LexiconBuilder.Source) throws(LexiconError) -> [Source] {
        var sources: [Source] = []
        for path in paths {
            let data: Data
            do {
                data = try Data(contentsOf: URL(fileURLWithPath: path))
            } catch {
                throw .unreadable(path: path, reason: (error as NSError).localizedDescription)
            }
            let owner = OwnedBytes(data)
            let bytes = UnsafeRawBufferPointer(rebasing: UnsafeRawBufferPointer(owner.buffer)[0..<data.count])
            sources.append(Source(path: path, kind: kind, bytes: bytes, owner: owner))
        }
        return sources
    }

    private static func build(_ sources: [Source], cache: LexiconCache) throws(LexiconError) -> Lexicon {
        var hash: UInt64 = UInt64(LexiconTables.version)
        for source in sources {
            hash = (hash &* 0x9E37_79B9_7F4A_7C15) ^ UInt64(source.kind.rawValue)
            hash = (hash &* 0x9E37_79B9_7F4A_7C15) ^ LexiconTables.checksum(source.bytes)
        }
        if let storage = cache.read(hash: hash) {
            return Lexicon(storage: storage, fromCache: true)
        }
        var builder: LexiconBuilder
        do { builder = try LexiconBuilder() } catch { throw .icu(error) }
        for source in sources {
            try withExtendedLifetime(source.owner) { () throws(LexiconError) in
                try builder.add(source.bytes.bindMemory(to: UInt8.self), path: source.path, as: source.kind)
            }
        }
        let lexicon = Lexicon(storage: builder.build(sourceHash: hash), fromCache: false)
        cache.write(lexicon, hash: hash)
        return lexicon
    }
}
