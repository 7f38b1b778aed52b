import Foundation
import TifaDictionaryData

extension Lexicon {
    /// The dictionaries built into the binary, with `userDictionaries` (paths) layered on top.
    /// The built-in part is parsed once per process.
    public static func bundled(userDictionaries: [String] = []) throws(LexiconError) -> Lexicon {
        if userDictionaries.isEmpty { return try bundledOnly.get() }
        var builder = try makeBuilder()
        try addBundled(to: &builder)
        try addUser(userDictionaries, to: &builder)
        return Lexicon(builder: builder)
    }

    /// The `.dict` files of `directory` (in name order, `general.dict` first and
    /// `political.dict` second), with `userDictionaries` layered on top.
    public static func load(directory: String, userDictionaries: [String] = []) throws(LexiconError) -> Lexicon {
        let names: [String]
        do {
            names = try FileManager.default.contentsOfDirectory(atPath: directory).filter { $0.hasSuffix(".dict") }
        } catch {
            throw .unreadable(path: directory, reason: "not a readable directory")
        }
        if names.isEmpty { throw .noDictionaries(directory: directory) }
        let ordered = names.sorted { a, b in
            let order = ["general.dict": 0, "political.dict": 1]
            return (order[a] ?? 2, a) < (order[b] ?? 2, b)
        }
        var builder = try makeBuilder()
        for name in ordered {
            let path = (directory as NSString).appendingPathComponent(name)
            try addFile(path, to: &builder, as: name == "general.dict" ? .general : .political)
        }
        try addUser(userDictionaries, to: &builder)
        return Lexicon(builder: builder)
    }

    private static let bundledOnly: Result<Lexicon, LexiconError> = {
        do throws(LexiconError) {
            var builder = try makeBuilder()
            try addBundled(to: &builder)
            return .success(Lexicon(builder: builder))
        } catch {
            return .failure(error)
        }
    }()

    private static func makeBuilder() throws(LexiconError) -> LexiconBuilder {
        do { return try LexiconBuilder() } catch { throw .icu(error) }
    }

    private static func addBundled(to builder: inout LexiconBuilder) throws(LexiconError) {
        for index in 0..<tifa_dictionary_count() {
            let name = String(cString: tifa_dictionary_name(index))
            let bytes = UnsafeBufferPointer(
                start: tifa_dictionary_bytes(index), count: Int(tifa_dictionary_length(index)))
            try builder.add(bytes, path: "<built-in>/\(name)", as: name == "general.dict" ? .general : .political)
        }
    }

    private static func addUser(_ paths: [String], to builder: inout LexiconBuilder) throws(LexiconError) {
        for path in paths { try addFile(path, to: &builder, as: .user) }
    }

    private static func addFile(
        _ path: String, to builder: inout LexiconBuilder, as source: LexiconBuilder.Source
    ) throws(LexiconError) {
        let data: Data
        do {
            data = try Data(contentsOf: URL(fileURLWithPath: path), options: .mappedIfSafe)
        } catch {
            throw .unreadable(path: path, reason: (error as NSError).localizedDescription)
        }
        var failure: LexiconError?
        data.withUnsafeBytes { (raw: UnsafeRawBufferPointer) in
            do throws(LexiconError) {
                try builder.add(raw.bindMemory(to: UInt8.self), path: path, as: source)
            } catch {
                failure = error
            }
        }
        if let failure { throw failure }
    }
}
