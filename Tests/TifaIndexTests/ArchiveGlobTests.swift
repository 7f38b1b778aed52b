import Foundation
import TifaArchive
import XCTest

/// Include and exclude globs of a folder walk: a glob without `/` matches file names at any
/// depth, one with `/` the path below the folder; exclusion wins over inclusion.
final class ArchiveGlobTests: XCTestCase {
    static let tree = [
        "top.md", "notes.txt", "table.csv", "image.png",
        "a/nested.md", "a/b/deep.md", "a/b/deep.txt",
        "drafts/draft.md", "drafts/sub/old.md",
    ]

    func files(include: [String]? = nil, exclude: [String] = []) throws -> [String] {
        let root = try temporaryFolder()
        for path in Self.tree { try write(Array("全面从严治党".utf8), to: path, in: root) }
        var options = ArchiveOptions()
        if let include { options.include = include }
        options.exclude = exclude
        return try ArchiveReader.files(under: [root.path], options: options).map { String($0.dropFirst(root.path.count + 1)) }
    }

    func testDefaultsTakeTextFormatsAtEveryDepthInPathOrder() throws {
        XCTAssertEqual(
            try files(),
            ["a/b/deep.md", "a/b/deep.txt", "a/nested.md", "drafts/draft.md", "drafts/sub/old.md", "notes.txt", "table.csv", "top.md"])
    }

    func testNameGlobsAndExclusionWins() throws {
        XCTAssertEqual(try files(include: ["*.md"], exclude: ["drafts/**"]), ["a/b/deep.md", "a/nested.md", "top.md"])
        XCTAssertEqual(try files(include: ["*.md", "*.txt"], exclude: ["deep.*"]), ["a/nested.md", "drafts/draft.md", "drafts/sub/old.md", "notes.txt", "top.md"])
        XCTAssertEqual(try files(include: ["*.md"], exclude: ["*.md"]), [])
        XCTAssertEqual(try files(include: ["deep.??"]), ["a/b/deep.md"])
        XCTAssertEqual(try files(include: ["[nt]*.txt", "*.[c]sv"]), ["notes.txt", "table.csv"])
    }

    /// With a `/`, `*` crosses folders too, so `a/*` takes everything below a/.
    func testPathGlobs() throws {
        XCTAssertEqual(try files(include: ["a/*"]), ["a/b/deep.md", "a/b/deep.txt", "a/nested.md"])
        XCTAssertEqual(try files(include: ["**/*.md"], exclude: ["drafts/*"]), ["a/b/deep.md", "a/nested.md", "top.md"])
        XCTAssertEqual(try files(include: ["**/deep.*"], exclude: ["**/*.txt"]), ["a/b/deep.md"])
    }

    /// A file named on the command line is taken whatever the globs say; a missing one is an error.
    func testNamedFilesAndMissingPaths() throws {
        let root = try temporaryFolder()
        let image = try write([0x89, 0x50], to: "image.png", in: root)
        var options = ArchiveOptions()
        options.exclude = ["*.png"]
        XCTAssertEqual(try ArchiveReader.files(under: [image], options: options), [image])
        let missing = root.appendingPathComponent("absent").path
        XCTAssertThrowsError(try ArchiveReader.files(under: [missing])) { error in
            XCTAssertEqual("\(error)", "\(missing): no such file or folder")
        }
    }

    /// `**/` stands for any number of folders, none included (as in .gitignore and most shells):
    /// `**/*.md` takes top.md too, `a/**/*.md` takes a/nested.md.
    func testDoubleStarSlashMatchesNoFolderToo() throws {
        XCTAssertEqual(
            try files(include: ["**/*.md"]), ["a/b/deep.md", "a/nested.md", "drafts/draft.md", "drafts/sub/old.md", "top.md"])
        XCTAssertEqual(try files(include: ["a/**/*.md"]), ["a/b/deep.md", "a/nested.md"])
        XCTAssertEqual(try files(include: ["*"], exclude: ["**/*.md", "**/*.txt"]), ["image.png", "table.csv"])
    }
}
