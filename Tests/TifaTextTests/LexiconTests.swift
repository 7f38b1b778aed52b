import Foundation
import TifaText
import XCTest

final class LexiconTests: XCTestCase {
    private func temporaryFile(_ contents: [UInt8], name: String) throws -> String {
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent(UUID().uuidString)
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        let url = directory.appendingPathComponent(name)
        try Data(contents).write(to: url)
        return url.path
    }

    func testBundledDictionariesAreLoaded() throws {
        let lexicon = try Lexicon.bundled()
        XCTAssertGreaterThan(lexicon.count, 340_000)
        XCTAssertEqual(lexicon.entry(for: "全面从严治党")?.tag, .tifa)
        XCTAssertEqual(lexicon.entry(for: "中央纪委国家监委")?.tag, .org)
        XCTAssertEqual(lexicon.entry(for: "习近平")?.tag, .person)
        XCTAssertNil(lexicon.entry(for: "全面从严"))
    }

    func testUserDictionaryWinsAndIsUsedBySegmentation() throws {
        let path = try temporaryFile(Array("# mine\n县委巡察办\t500\torg\n新名词\n信息技术\n新基建\n".utf8), name: "user.dict")
        let lexicon = try Lexicon.bundled(userDictionaries: [path], cache: .disabled)
        XCTAssertEqual(lexicon.entry(for: "县委巡察办"), Lexicon.Entry(frequency: 500, tag: .org))
        XCTAssertEqual(lexicon.entry(for: "新名词")?.tag, .general)
        let segmenter = try LexiconSegmenter(lexicon: lexicon)
        XCTAssertEqual(segmenter.words("县委巡察办提出新名词"), ["县委巡察办", "提出", "新名词"])
        // The fine mode cuts the general lexicon's 信息技术, but not a user's word.
        let fine = try LexiconSegmenter(lexicon: lexicon, granularity: .fine)
        XCTAssertEqual(fine.words("信息技术"), ["信息技术"])
        XCTAssertEqual(fine.words("新基建"), ["新基建"])
        XCTAssertEqual(try LexiconSegmenter(lexicon: .bundled(), granularity: .fine).words("信息技术"), ["信息", "技术"])
        // Enumeration by tag sees the user's entry beside the built-in ones.
        let organs = Set(lexicon.words(tagged: [.org]).map { String(String.UnicodeScalarView($0.compactMap(Unicode.Scalar.init))) })
        XCTAssertTrue(organs.contains("县委巡察办"))
        XCTAssertTrue(organs.contains("中央纪委国家监委"))
        XCTAssertFalse(organs.contains("新名词"))
        XCTAssertFalse(organs.contains("全面从严治党"))  // tagged tifa
    }

    func testBadFrequencyNamesFileAndLine() throws {
        let path = try temporaryFile(Array("好\t1\n坏\tmany\tgeneral\n".utf8), name: "bad.dict")
        XCTAssertThrowsError(try Lexicon.bundled(userDictionaries: [path], cache: .disabled)) { error in
            XCTAssertEqual(error as? LexiconError, .badFrequency(path: path, line: 2, text: "many"))
        }
    }

    func testInvalidUTF8NamesFileLineAndByte() throws {
        let path = try temporaryFile(Array("好\t1\n".utf8) + [0xB9, 0xFA, 0x0A], name: "gbk.dict")
        XCTAssertThrowsError(try Lexicon.bundled(userDictionaries: [path], cache: .disabled)) { error in
            XCTAssertEqual(error as? LexiconError, .invalidUTF8(path: path, line: 2, byteOffset: 6))
        }
    }

    func testDictionaryDirectoryWithoutDictionaries() throws {
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent(UUID().uuidString).path
        try FileManager.default.createDirectory(atPath: directory, withIntermediateDirectories: true)
        XCTAssertThrowsError(try Lexicon.load(directory: directory)) { error in
            XCTAssertEqual(error as? LexiconError, .noDictionaries(directory: directory))
            XCTAssertEqual("\(error)", "no .dict files in \(directory); a dictionary folder holds general.dict and political.dict")
        }
    }

    /// A node with many children keeps them hashed in a block with holes, one with few keeps them
    /// sorted: every word is found either way, no prefix or hole reads as a word, and enumeration
    /// gives the words in scalar order.
    func testWordsBehindHashedAndSortedChildrenAreAllFound() throws {
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent(UUID().uuidString)
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        // 甲 has 24 children (hashed, one of them outside the BMP); 乙丙 has two (sorted).
        let seconds = Array("子丑寅卯辰巳午未申酉戌亥金木水火土日月星云风雨") + ["𠀀"]
        let hashed = seconds.map { "甲\($0)" }
        // 𠀂 starts a word outside the BMP, found through the root's own hashed block.
        let words = hashed + ["甲", "乙丙丁", "乙丙戊", "甲子乙丑", "𠀂甲"]
        try (words.map { "\($0)\t10\torg" }.joined(separator: "\n") + "\n").write(
            to: directory.appendingPathComponent("test.dict"), atomically: true, encoding: .utf8)
        let lexicon = try Lexicon.load(directory: directory.path, cache: .disabled)
        // A political entry no general lexicon lists counts twenty times its frequency.
        for word in words { XCTAssertEqual(lexicon.entry(for: word), Lexicon.Entry(frequency: 200, tag: .org), word) }
        for word in ["乙", "乙丙", "甲子乙", "甲乙", "甲𠀁", "丙", "𠀂"] { XCTAssertNil(lexicon.entry(for: word), word) }
        let listed = lexicon.words(tagged: [.org]).map { String(String.UnicodeScalarView($0.compactMap(Unicode.Scalar.init))) }
        XCTAssertEqual(listed, words.sorted { $0.unicodeScalars.lexicographicallyPrecedes($1.unicodeScalars) })
        XCTAssertEqual(try LexiconSegmenter(lexicon: lexicon).words("甲𠀀乙丙戊甲子乙丑甲风𠀂甲"), ["甲𠀀", "乙丙戊", "甲子乙丑", "甲风", "𠀂甲"])
    }

    func testLoadingTheRepositoryDictionariesMatchesTheBuiltInOnes() throws {
        let fromFiles = try Lexicon.load(
            directory: repositoryRoot.appendingPathComponent("Dictionaries").path, cache: .disabled)
        XCTAssertFalse(fromFiles.loadedFromCache)
        let builtIn = try Lexicon.bundled()
        XCTAssertEqual(fromFiles.count, builtIn.count)
        XCTAssertEqual(fromFiles.entry(for: "两个维护"), builtIn.entry(for: "两个维护"))
    }
}

final class LexiconCacheTests: XCTestCase {
    private func temporaryDirectory() throws -> String {
        let path = FileManager.default.temporaryDirectory.appendingPathComponent(UUID().uuidString).path
        try FileManager.default.createDirectory(atPath: path, withIntermediateDirectories: true)
        return path
    }

    func testSecondLoadComesFromTheCacheWithTheSameEntries() throws {
        let cache = try temporaryDirectory()
        let built = try Lexicon.bundled(cache: .directory(cache))
        XCTAssertFalse(built.loadedFromCache)
        let cached = try Lexicon.bundled(cache: .directory(cache))
        XCTAssertTrue(cached.loadedFromCache)
        XCTAssertEqual(cached.count, built.count)
        for word in ["全面从严治党", "中央纪委国家监委", "习近平", "的", "人类命运共同体"] {
            XCTAssertEqual(cached.entry(for: word), built.entry(for: word), word)
        }
        let text = "坚持三严三实，做到两个维护，市纪委宋依佳书记要求"
        XCTAssertEqual(
            try LexiconSegmenter(lexicon: cached).words(text), try LexiconSegmenter(lexicon: built).words(text))
    }

    func testDamagedCacheFileIsRebuilt() throws {
        let cache = try temporaryDirectory()
        _ = try Lexicon.bundled(cache: .directory(cache))
        let file = try XCTUnwrap(
            FileManager.default.contentsOfDirectory(atPath: cache).first { $0.hasSuffix(".tifacache") })
        let path = (cache as NSString).appendingPathComponent(file)
        var bytes = try Data(contentsOf: URL(fileURLWithPath: path))
        bytes[bytes.count / 2] ^= 0xFF
        try bytes.write(to: URL(fileURLWithPath: path))
        let reloaded = try Lexicon.bundled(cache: .directory(cache))
        XCTAssertFalse(reloaded.loadedFromCache)
        XCTAssertEqual(reloaded.entry(for: "两个维护")?.tag, .numbered)
        try Data(bytes.prefix(100)).write(to: URL(fileURLWithPath: path))
        XCTAssertFalse(try Lexicon.bundled(cache: .directory(cache)).loadedFromCache)
        XCTAssertTrue(try Lexicon.bundled(cache: .directory(cache)).loadedFromCache)
    }

    /// Three lexicons built in turn, the first used again last: the cache keeps the two used last.
    func testTheCacheKeepsTheTwoLexiconsUsedLast() throws {
        let folder = try temporaryDirectory()
        let cache = LexiconCache.directory(folder)
        let dictionaries = try (1...2).map { k -> String in
            let path = (try temporaryDirectory() as NSString).appendingPathComponent("user\(k).dict")
            try Data("甲乙丙丁\(k)\t10\tgeneral\n".utf8).write(to: URL(fileURLWithPath: path))
            return path
        }
        _ = try Lexicon.bundled(cache: cache)
        let bundled = try XCTUnwrap(cache.files().first?.url)
        Thread.sleep(forTimeInterval: 0.05)  // modification times a few milliseconds apart
        _ = try Lexicon.bundled(userDictionaries: [dictionaries[0]], cache: cache)
        Thread.sleep(forTimeInterval: 0.05)
        XCTAssertTrue(try Lexicon.bundled(cache: cache).loadedFromCache)  // used again: now the most recent
        Thread.sleep(forTimeInterval: 0.05)
        _ = try Lexicon.bundled(userDictionaries: [dictionaries[1]], cache: cache)
        let kept = cache.files()
        XCTAssertEqual(kept.count, 2)
        XCTAssertEqual(kept.last?.url, bundled)
        XCTAssertTrue(try Lexicon.bundled(cache: cache).loadedFromCache)
        XCTAssertFalse(try Lexicon.bundled(userDictionaries: [dictionaries[0]], cache: cache).loadedFromCache)
        XCTAssertEqual(try cache.clear().files, 2)
        XCTAssertEqual(cache.files(), [])
    }

    func testChangingAUserDictionaryIsNeverServedStale() throws {
        let cache = try temporaryDirectory()
        let dict = (try temporaryDirectory() as NSString).appendingPathComponent("user.dict")
        try Data("甲乙丙丁戊\t10\tgeneral\n".utf8).write(to: URL(fileURLWithPath: dict))
        XCTAssertNotNil(try Lexicon.bundled(userDictionaries: [dict], cache: .directory(cache)).entry(for: "甲乙丙丁戊"))
        try Data("庚辛壬癸子\t10\tgeneral\n".utf8).write(to: URL(fileURLWithPath: dict))
        let changed = try Lexicon.bundled(userDictionaries: [dict], cache: .directory(cache))
        XCTAssertFalse(changed.loadedFromCache)
        XCTAssertNil(changed.entry(for: "甲乙丙丁戊"))
        XCTAssertNotNil(changed.entry(for: "庚辛壬癸子"))
    }
}
