import Foundation
import XCTest

/// Every Swift example a reader may copy compiles against the built library: the articles of
/// `Sources/Tifa/Tifa.docc`, the "Using the library" section of README.md, and the doc comments of
/// public declarations. A code block marked ```swift is an example; ```sh or a bare ``` is not.
///
/// An article's or README's examples are one program, in order, so a later example uses what an
/// earlier one made. A doc comment's example is a program of its own; it may use the values of
/// `DocumentationExamples.givens` without making them. Errors point at the Markdown or Swift line.
final class DocumentationExamplesTests: XCTestCase {
    func testExamplesCompile() throws {
        let programs = try DocumentationExamples.programs(in: repositoryRoot)
        XCTAssertGreaterThan(programs.filter { $0.file.hasSuffix(".md") }.count, 7, "the catalog's articles and README")
        // `.build/debug` is a link: the modules record their real paths, and a module cache reached
        // by two paths holds each module twice.
        let buildFolder = PhrasectlRunner.binary.deletingLastPathComponent().resolvingSymlinksInPath()
        let result = try DocumentationExamples.typeCheck(programs, buildFolder: buildFolder, root: repositoryRoot)
        XCTAssertEqual(result.status, 0, "examples that do not compile:\n\(result.errors)")
    }
}

enum DocumentationExamples {
    /// Example code, and where its blocks are.
    struct Program {
        var file: String
        var blocks: [(line: Int, code: [String])] = []
    }

    /// Values a doc comment's example may use without making them: a member's example is about
    /// the member, not about making the value it is called on.
    static let givens = """
        var index: Index { given() }
        var segmenter: LexiconSegmenter { given() }
        var archive: [Document] { given() }
        func given<Value>() -> Value { fatalError("an example is compiled, never run") }
        """

    static func programs(in root: URL) throws -> [Program] {
        var programs: [Program] = []
        let catalog = root.appendingPathComponent("Sources/Tifa/Tifa.docc")
        for name in try FileManager.default.contentsOfDirectory(atPath: catalog.path).sorted() where name.hasSuffix(".md") {
            let lines = try lines(of: catalog.appendingPathComponent(name))
            programs.append(program(file: "Sources/Tifa/Tifa.docc/\(name)", lines: lines, from: 0, to: lines.count))
        }
        let readme = try lines(of: root.appendingPathComponent("README.md"))
        guard let start = readme.firstIndex(of: "## Using the library") else { throw MissingSection() }
        let end = readme[(start + 1)...].firstIndex { $0.hasPrefix("## ") } ?? readme.count
        programs.append(program(file: "README.md", lines: readme, from: start, to: end))

        let sources = root.appendingPathComponent("Sources")
        for case let path as String in FileManager.default.enumerator(atPath: sources.path)! where path.hasSuffix(".swift") {
            programs += docCommentPrograms(file: "Sources/\(path)", lines: try lines(of: sources.appendingPathComponent(path)))
        }
        return programs.filter { !$0.blocks.isEmpty }
    }

    struct MissingSection: Error, CustomStringConvertible {
        var description: String { "README.md has no section \"## Using the library\"" }
    }

    private static func lines(of url: URL) throws -> [String] {
        try String(contentsOf: url, encoding: .utf8).components(separatedBy: "\n")
    }

    /// The ```swift blocks of `lines[start..<end]`, lines numbered from 1.
    private static func program(file: String, lines: [String], from start: Int, to end: Int) -> Program {
        var program = Program(file: file)
        var i = start
        while i < end {
            let fence = lines[i].drop { $0 == " " }
            guard fence == "```swift" else { i += 1; continue }
            let indent = lines[i].count - fence.count
            var code: [String] = []
            i += 1
            while i < end, lines[i].drop(while: { $0 == " " }) != "```" {
                code.append(String(lines[i].dropFirst(min(indent, lines[i].prefix { $0 == " " }.count))))
                i += 1
            }
            program.blocks.append((line: i - code.count + 1, code: code))
            i += 1
        }
        return program
    }

    /// A program per ```swift block in the doc comment of each public declaration (not SPI).
    private static func docCommentPrograms(file: String, lines: [String]) -> [Program] {
        var programs: [Program] = []
        var i = 0
        while i < lines.count {
            guard lines[i].trimmingCharacters(in: .whitespaces).hasPrefix("///") else { i += 1; continue }
            let start = i
            var comment: [String] = []
            while i < lines.count, let text = docCommentText(lines[i]) {
                comment.append(text)
                i += 1
            }
            var declaration = i
            while declaration < lines.count, lines[declaration].trimmingCharacters(in: .whitespaces).hasPrefix("@") {
                declaration += 1
            }
            let attributes = lines[i..<declaration].joined()
            guard declaration < lines.count, !attributes.contains("@_spi"),
                lines[declaration].contains("public ") || lines[declaration].contains("open ")
            else { continue }
            for block in program(file: file, lines: comment, from: 0, to: comment.count).blocks {
                programs.append(Program(file: file, blocks: [(line: start + block.line, code: block.code)]))
            }
        }
        return programs
    }

    /// The text of a `///` line without the marker and the one space after it, or nil.
    private static func docCommentText(_ line: String) -> String? {
        let trimmed = line.drop { $0 == " " }
        guard trimmed.hasPrefix("///") else { return nil }
        let text = trimmed.dropFirst(3)
        return String(text.hasPrefix(" ") ? text.dropFirst() : text)
    }

    /// Swift source of `program`: its imports, then its blocks in one async throwing function,
    /// each block mapped back to its lines, so a diagnostic names the example's file and line.
    static func source(of program: Program, number: Int) -> String {
        var imports = ["import Tifa"]
        var body: [String] = []
        for block in program.blocks {
            body.append("#sourceLocation(file: \(String(reflecting: program.file)), line: \(block.line))")
            for line in block.code {
                if line.hasPrefix("import ") {
                    if !imports.contains(line) { imports.append(line) }
                    body.append("")
                } else {
                    body.append(line)
                }
            }
            body.append("#sourceLocation()")
        }
        return (imports + ["", "func example\(number)() async throws {"] + body + ["}", ""]).joined(separator: "\n")
    }

    /// Compiles every program, up to SIL, with the library's modules from `buildFolder`.
    static func typeCheck(_ programs: [Program], buildFolder: URL, root: URL) throws -> (status: Int32, errors: String) {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("examples-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        var files: [String] = []
        for (number, program) in programs.enumerated() {
            let file = folder.appendingPathComponent("Example\(number).swift")
            try source(of: program, number: number).write(to: file, atomically: true, encoding: .utf8)
            files.append(file.path)
        }
        let givensFile = folder.appendingPathComponent("Givens.swift")
        try ("import Tifa\n\n" + givens + "\n").write(to: givensFile, atomically: true, encoding: .utf8)
        files.append(givensFile.path)

        // The library's modules import C modules (ICU, SQLite, the dictionaries): their module maps
        // are in the build folder (those SwiftPM writes) and in Sources (system libraries).
        var moduleMaps: [String] = []
        for folder in [buildFolder, root.appendingPathComponent("Sources")] {
            for name in (try? FileManager.default.contentsOfDirectory(atPath: folder.path)) ?? [] {
                let map = folder.appendingPathComponent(name).appendingPathComponent("module.modulemap")
                if FileManager.default.fileExists(atPath: map.path) { moduleMaps += ["-Xcc", "-fmodule-map-file=\(map.path)"] }
            }
        }
        let moduleCache = buildFolder.appendingPathComponent("ModuleCache")
        #if os(macOS)
        let compiler = ["xcrun", "swiftc"]
        #else
        let compiler = ["swiftc"]
        #endif
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = compiler + [
            // Checked up to SIL, not only type-checked: data-race safety of values sent between
            // tasks and definite initialization are diagnosed there.
            "-emit-sil", "-o", "/dev/null", "-wmo", "-parse-as-library", "-swift-version", "6",
            "-module-name", "DocumentationExamples", "-diagnostic-style", "llvm",
            "-I", buildFolder.appendingPathComponent("Modules").path, "-module-cache-path", moduleCache.path,
        ] + moduleMaps + files
        let errors = Pipe()
        process.standardError = errors
        process.standardOutput = errors
        try process.run()
        let output = String(decoding: errors.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        process.waitUntilExit()
        // Warnings (an unused value in an example that shows a result) are no failure.
        let reported = output.components(separatedBy: "\n").filter { $0.contains("error:") }.joined(separator: "\n")
        return (process.terminationStatus, reported.isEmpty ? output : reported)
    }
}
