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
        let path = try temporaryFile(Array("# mine\n县委巡察办\t500\torg\n新名词\n".utf8), name: "user.dict")
        let lexicon = try Lexicon.bundled(userDictionaries: [path])
        XCTAssertEqual(lexicon.entry(for: "县委巡察办"), Lexicon.Entry(frequency: 500, tag: .org))
        XCTAssertEqual(lexicon.entry(for: "新名词")?.tag, .general)
        let segmenter = try LexiconSegmenter(lexicon: lexicon)
        XCTAssertEqual(segmenter.words("县委巡察办提出新名词"), ["县委巡察办", "提出", "新名词"])
    }

    func testBadFrequencyNamesFileAndLine() throws {
        let path = try temporaryFile(Array("好\t1\n坏\tmany\tgeneral\n".utf8), name: "bad.dict")
        XCTAssertThrowsError(try Lexicon.bundled(userDictionaries: [path])) { error in
            XCTAssertEqual(error as? LexiconError, .badFrequency(path: path, line: 2, text: "many"))
        }
    }

    func testInvalidUTF8NamesFileLineAndByte() throws {
        let path = try temporaryFile(Array("好\t1\n".utf8) + [0xB9, 0xFA, 0x0A], name: "gbk.dict")
        XCTAssertThrowsError(try Lexicon.bundled(userDictionaries: [path])) { error in
            XCTAssertEqual(error as? LexiconError, .invalidUTF8(path: path, line: 2, byteOffset: 6))
        }
    }

    func testDictionaryDirectoryWithoutDictionaries() throws {
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent(UUID().uuidString).path
        try FileManager.default.createDirectory(atPath: directory, withIntermediateDirectories: true)
        XCTAssertThrowsError(try Lexicon.load(directory: directory)) { error in
            XCTAssertEqual(error as? LexiconError, .noDictionaries(directory: directory))
            XCTAssertTrue("\(error)".contains("--dict-dir"))
        }
    }

    func testLoadingTheRepositoryDictionariesMatchesTheBuiltInOnes() throws {
        let fromFiles = try Lexicon.load(directory: repositoryRoot.appendingPathComponent("Dictionaries").path)
        let builtIn = try Lexicon.bundled()
        XCTAssertEqual(fromFiles.count, builtIn.count)
        XCTAssertEqual(fromFiles.entry(for: "两个维护"), builtIn.entry(for: "两个维护"))
    }
}
