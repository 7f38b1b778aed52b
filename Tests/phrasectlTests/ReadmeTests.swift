import Foundation
import XCTest

/// README.md is checked against the tool: each command's synopsis names exactly the options its
/// --help has, and every example (`$ …` in a code block) runs as written, in order, in a folder
/// holding the example archive, and prints what README shows after it (`…` stands for any text;
/// line breaks and indentation inside an example's output are for reading and not compared).
final class ReadmeTests: XCTestCase {
    static let readme = repositoryRoot.appendingPathComponent("README.md")

    /// Lines of README's fenced code blocks, each block apart.
    static func codeBlocks() throws -> [[String]] {
        var blocks: [[String]] = []
        var current: [String]? = nil
        for line in try String(contentsOf: readme, encoding: .utf8).split(separator: "\n", omittingEmptySubsequences: false) {
            if line.hasPrefix("```") {
                if let block = current { blocks.append(block) }
                current = current == nil ? [] : nil
            } else {
                current?.append(String(line))
            }
        }
        return blocks
    }

    /// Every leaf command's long options, from the tool's own description of itself.
    static func commandOptions() throws -> [String: Set<String>] {
        let dump = try PhrasectlRunner.run(["--experimental-dump-help"])
        let root = try XCTUnwrap(try JSONSerialization.jsonObject(with: Data(dump.stdout.utf8)) as? [String: Any])
        var options: [String: Set<String>] = [:]
        func walk(_ command: [String: Any], _ prefix: String) {
            let name = (prefix + " " + (command["commandName"] as? String ?? "")).trimmingCharacters(in: .whitespaces)
            let subcommands = command["subcommands"] as? [[String: Any]] ?? []
            if subcommands.isEmpty && !name.hasSuffix(" help") {
                var longs: Set<String> = []
                for argument in command["arguments"] as? [[String: Any]] ?? [] {
                    for spelling in argument["names"] as? [[String: Any]] ?? [] where spelling["kind"] as? String == "long" {
                        longs.insert("--" + (spelling["name"] as? String ?? ""))
                    }
                }
                options[name] = longs.subtracting(["--help", "--version"])
            }
            for subcommand in subcommands { walk(subcommand, name) }
        }
        walk(try XCTUnwrap(root["command"] as? [String: Any]), "")
        return options
    }

    func testSynopsesNameExactlyTheOptionsOfHelp() throws {
        let commands = try Self.commandOptions()
        XCTAssertGreaterThan(commands.count, 15)
        var documented: [String: Set<String>] = [:]
        for block in try Self.codeBlocks() {
            var command: String? = nil
            for line in block {
                if line.hasPrefix("phrasectl ") {
                    let words = line.split(separator: " ").map(String.init)
                    command = (1...min(3, words.count)).reversed().map { words.prefix($0).joined(separator: " ") }.first { commands[$0] != nil }
                } else if !line.hasPrefix(" ") {
                    command = nil
                }
                guard let command else { continue }
                documented[command, default: []].formUnion(line.matches(of: /--[a-z][a-z-]*/).map { String($0.output) })
            }
        }
        for (command, options) in commands.sorted(by: { $0.key < $1.key }) {
            guard let shown = documented[command] else {
                XCTFail("README has no synopsis for \(command) (options: \(options.sorted().joined(separator: " ")))")
                continue
            }
            XCTAssertEqual(shown.subtracting(options).sorted(), [], "README's synopsis of \(command) names options --help does not have")
            XCTAssertEqual(options.subtracting(shown).sorted(), [], "README's synopsis of \(command) misses options of --help")
        }
    }

    func testExamplesRunAsWritten() throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent(UUID().uuidString)
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        try FileManager.default.createSymbolicLink(
            at: folder.appendingPathComponent("Examples"), withDestinationURL: repositoryRoot.appendingPathComponent("Examples"))
        var examples: [(command: String, output: [String])] = []
        for block in try Self.codeBlocks() {
            // An example's output is what follows it in its own block.
            var current: (command: String, output: [String])? = nil
            for line in block {
                if line.hasPrefix("$ ") {
                    if let example = current { examples.append(example) }
                    current = (String(line.dropFirst(2)), [])
                } else if !line.isEmpty {
                    current?.output.append(line)
                }
            }
            if let example = current { examples.append(example) }
        }
        XCTAssertGreaterThan(examples.count, 8)
        let path = PhrasectlRunner.binary.deletingLastPathComponent().path + ":" + (ProcessInfo.processInfo.environment["PATH"] ?? "/usr/bin:/bin")
        for example in examples {
            let shell = Process()
            shell.executableURL = URL(fileURLWithPath: "/bin/bash")
            shell.arguments = ["-o", "pipefail", "-c", example.command]
            shell.currentDirectoryURL = folder
            var environment = ProcessInfo.processInfo.environment
            environment["PATH"] = path
            shell.environment = environment
            let out = Pipe(), err = Pipe()
            shell.standardOutput = out
            shell.standardError = err
            try shell.run()
            let stdout = String(decoding: out.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
            let stderr = String(decoding: err.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
            shell.waitUntilExit()
            XCTAssertEqual(shell.terminationStatus, 0, "$ \(example.command)\n\(stderr)")
            guard !example.output.isEmpty else { continue }
            func flattened(_ lines: [String]) -> String { lines.map { $0.trimmingCharacters(in: .whitespaces) }.joined() }
            let expected = flattened(example.output)
            let actual = flattened(stdout.split(separator: "\n").map(String.init))
            XCTAssertTrue(Self.matches(actual, expected), "$ \(example.command)\nREADME shows:\n\(example.output.joined(separator: "\n"))\nit prints:\n\(stdout)")
        }
    }

    /// Whether `text` is `pattern` with each `…` standing for any text.
    static func matches(_ text: String, _ pattern: String) -> Bool {
        let pieces = pattern.components(separatedBy: "…")
        guard pieces.count > 1 else { return text == pattern }
        guard text.count >= pieces[0].count + pieces[pieces.count - 1].count, text.hasPrefix(pieces[0]),
            text.hasSuffix(pieces[pieces.count - 1])
        else { return false }
        var rest = text.dropFirst(pieces[0].count).dropLast(pieces[pieces.count - 1].count)
        for piece in pieces.dropFirst().dropLast() {
            guard let found = rest.range(of: piece) else { return false }
            rest = rest[found.upperBound...]
        }
        return true
    }

    func testWildcardMatching() {
        XCTAssertTrue(Self.matches("abcdef", "a…f"))
        XCTAssertTrue(Self.matches("abcdef", "ab…d…f"))
        XCTAssertFalse(Self.matches("abcdef", "ab…x…f"))
        XCTAssertFalse(Self.matches("abc", "abc…bc"))
        XCTAssertTrue(Self.matches("abc", "abc"))
    }
}
