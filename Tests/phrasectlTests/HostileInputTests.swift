import Foundation
import XCTest

/// What a careless or hostile user types gets a clear error and a documented exit code: never a
/// signal, and never a file created or changed by mistake.
final class HostileInputTests: XCTestCase {
    static func makeIndex() throws -> (db: String, folder: String) {
        let jsonl = #"{"id":"a","text":"坚持两个维护，全面从严治党。","date":"2020-01-01"}"# + "\n"
            + #"{"id":"b","text":"全面从严治党永远在路上，两个维护。","date":"2021-05-01"}"# + "\n"
        let input = try PhrasectlRunner.temporaryFile(Array(jsonl.utf8), name: "docs.jsonl")
        let folder = (input as NSString).deletingLastPathComponent
        let db = folder + "/index.tifa"
        let result = try PhrasectlRunner.run(["index", "--quiet", "--db", db, input])
        XCTAssertEqual(result.status, 0, result.stderr)
        return (db, folder)
    }

    /// Numbers out of range for every numeric option: exit 64 with the option named.
    func testNumericOptionsOutOfRange() throws {
        let (db, folder) = try Self.makeIndex()
        let huge = "9223372036854775807"
        let cases: [([String], String)] = [
            (["kwic", "--db", db, "--width=-5", "两个维护"], "--width must be from 0 to 1000"),
            (["kwic", "--db", db, "--width=\(huge)", "两个维护"], "--width must be from 0 to 1000"),
            (["kwic", "--db", db, "--limit=-1", "两个维护"], "--limit must be at least 1"),
            (["kwic", "--db", db, "--limit=0", "两个维护"], "--limit must be at least 1"),
            (["search", "--db", db, "--limit=-1", "两个维护"], "--limit must be at least 1"),
            (["words", "--db", db, "--top=-1"], "--top must be at least 1"),
            (["words", "--db", db, "--min-length=0"], "--min-length must be at least 1"),
            (["phrases", "--db", db, "--top=-1"], "--top must be at least 1"),
            (["index", "--db", folder + "/new.tifa", "--max-file-size", "99999999999999", folder], "--max-file-size must be from 1 to 1048576"),
            (["index", "--db", folder + "/new.tifa", "--max-file-size", "0", folder], "--max-file-size must be from 1 to 1048576"),
        ]
        for (arguments, message) in cases {
            let result = try PhrasectlRunner.run(arguments)
            XCTAssertEqual(result.status, 64, "\(arguments): \(result.stderr)")
            XCTAssertTrue(result.stderr.contains(message), "\(arguments): \(result.stderr)")
        }
        XCTAssertFalse(FileManager.default.fileExists(atPath: folder + "/new.tifa"))
        // Inside the range the answer is cut to what exists.
        let wide = try PhrasectlRunner.run(["kwic", "--db", db, "--json", "--width=1000", "全面从严治党"])
        XCTAssertEqual(wide.status, 0, wide.stderr)
        XCTAssertTrue(wide.stdout.contains(#""left":"坚持两个维护，","match":"全面从严治党","right":"。""#), wide.stdout)
    }

    /// Query errors through every command that takes a query: exit 64 and the position.
    func testQueryErrorsInEveryCommand() throws {
        let (db, _) = try Self.makeIndex()
        let deep = String(repeating: "(", count: 20_000) + "两个维护" + String(repeating: ")", count: 20_000)
        for query in ["两个维护 NEAR/2147483648 全面从严治党", "date:abc", "date:2025..1990", "author:x", deep] {
            for arguments in [["search", "--db", db, query], ["words", "--db", db, "--filter", query], ["phrases", "--db", db, "--filter", query]] {
                let result = try PhrasectlRunner.run(arguments)
                XCTAssertEqual(result.status, 64, "\(arguments.prefix(1)) \(query.prefix(30)): \(result.stderr.prefix(300))")
                XCTAssertTrue(result.stderr.hasPrefix("phrasectl: query error at character "), String(result.stderr.prefix(300)))
            }
        }
    }

    /// Paths that are no index: each named for what it is, and nothing created or changed.
    func testPathsThatAreNoIndex() throws {
        let (db, folder) = try Self.makeIndex()
        let foreign = folder + "/foreign.sqlite"
        try runSQL("create table t(x)", on: foreign)
        let foreignBytes = try Data(contentsOf: URL(fileURLWithPath: foreign))
        for command in [["index", "--db", foreign, folder + "/docs.jsonl"], ["delete", "--db", foreign, "a"], ["optimize", "--db", foreign]] {
            let result = try PhrasectlRunner.run(command)
            XCTAssertEqual(result.status, 65, result.stderr)
            XCTAssertTrue(result.stderr.contains("\(foreign) is not a Tifa index (an SQLite database without Tifa's tables)"), result.stderr)
            XCTAssertEqual(try Data(contentsOf: URL(fileURLWithPath: foreign)), foreignBytes, "\(command[0]) changed the file")
        }
        let cases: [([String], Int32, String)] = [
            (["count", "--db", folder, "两个维护"], 65, "\(folder) is not a Tifa index (a folder, not a file)"),
            (["count", "--db", folder + "/missing.tifa", "两个维护"], 65, "(no such file); make it with phrasectl index --db"),
            (["delete", "--db", folder + "/typo.tifa", "a"], 65, "typo.tifa is not a Tifa index (no such file)"),
            (["optimize", "--db", folder + "/typo.tifa"], 65, "typo.tifa is not a Tifa index (no such file)"),
            (["index", "--db", folder + "/no/such/folder/x.tifa", folder + "/docs.jsonl"], 73, "the folder \(folder)/no/such/folder does not exist"),
            (["index", "--db", folder + "/made.tifa", folder + "/missing-input.txt"], 66, "cannot open \(folder)/missing-input.txt: no such file or folder"),
        ]
        for (arguments, status, message) in cases {
            let result = try PhrasectlRunner.run(arguments)
            XCTAssertEqual(result.status, status, "\(arguments): \(result.stderr)")
            XCTAssertTrue(result.stderr.contains(message), "\(arguments): \(result.stderr)")
        }
        for created in ["typo.tifa", "made.tifa", "no"] {
            XCTAssertFalse(FileManager.default.fileExists(atPath: folder + "/" + created), created)
        }
        // An index missing one of its tables is damaged, not "no such table".
        try runSQL("drop table words", on: db)
        let damaged = try PhrasectlRunner.run(["count", "--db", db, "两个维护"])
        XCTAssertEqual(damaged.status, 65)
        XCTAssertTrue(damaged.stderr.contains("\(db) is damaged: the table words is missing"), damaged.stderr)
    }

    /// After `index`, `delete` and `optimize` the index is one file: copied alone, it reads the same.
    func testTheIndexIsOneFileAfterEveryCommand() throws {
        let (db, folder) = try Self.makeIndex()
        for arguments in [[String](), ["delete", "--db", db, "b"], ["optimize", "--db", db]] {
            if !arguments.isEmpty { _ = try PhrasectlRunner.run(arguments) }
            for suffix in ["-wal", "-shm"] {
                XCTAssertFalse(FileManager.default.fileExists(atPath: db + suffix), "\(arguments.first ?? "index") left \(db)\(suffix)")
            }
        }
        let copy = folder + "/copy/alone.tifa"
        try FileManager.default.createDirectory(atPath: folder + "/copy", withIntermediateDirectories: true)
        try FileManager.default.copyItem(atPath: db, toPath: copy)
        XCTAssertEqual(try PhrasectlRunner.run(["count", "--db", copy, "--json", "两个维护"]).stdout, #"{"phrase":"两个维护","occurrences":1,"documents":1}"# + "\n")
    }

    /// Postings that point past a document's text (a damaged file) are reported, not a crash.
    func testKWICOnADamagedTextReportsDamage() throws {
        let (db, _) = try Self.makeIndex()
        // The text and its hash both replaced, so only the postings disagree with the text.
        let script = """
            import sqlite3, sys
            h = 0xCBF29CE484222325
            for b in '短'.encode(): h = ((h ^ b) * 0x100000001B3) % 2**64
            h = h - 2**64 if h >= 2**63 else h
            c = sqlite3.connect(sys.argv[1]); c.execute("update documents set text='短', text_hash=? where id='b'", (h,)); c.commit()
            """
        try runPython(script, arguments: [db])
        let result = try PhrasectlRunner.run(["kwic", "--db", db, "两个维护"])
        XCTAssertEqual(result.status, 65, result.stderr)
        XCTAssertTrue(result.stderr.contains("\(db) is damaged: the postings of document b point past the end of its text"), result.stderr)
    }

    /// Two processes creating the same new index at once both succeed, and it holds every document once.
    func testTwoWritersCreatingOneIndex() throws {
        let (_, folder) = try Self.makeIndex()
        for round in 0..<5 {
            let db = folder + "/together\(round).tifa"
            let processes = (0..<2).map { _ in
                let process = Process()
                process.executableURL = PhrasectlRunner.binary
                process.arguments = ["index", "--quiet", "--db", db, folder + "/docs.jsonl"]
                process.standardError = FileHandle.nullDevice
                return process
            }
            for process in processes { try process.run() }
            for process in processes { process.waitUntilExit() }
            XCTAssertEqual(processes.map(\.terminationStatus), [0, 0], "round \(round)")
            XCTAssertEqual(try PhrasectlRunner.run(["count", "--db", db, "--json", "两个维护"]).stdout, #"{"phrase":"两个维护","occurrences":2,"documents":2}"# + "\n")
        }
    }

    /// Unknown ids are named.
    func testDeleteNamesUnknownIds() throws {
        let (db, _) = try Self.makeIndex()
        let result = try PhrasectlRunner.run(["delete", "--db", db, "a", "zz"])
        XCTAssertEqual(result.status, 1)
        XCTAssertEqual(result.stderr, "phrasectl: no document with id zz in \(db)\nremoved 1 of 2 documents\n")
    }
}

/// Readers see one commit throughout, whatever a writer does meanwhile.
final class ConcurrentReadTests: XCTestCase {
    func testKWICWhileDocumentsAreReplaced() throws {
        let folder = try PhrasectlRunner.temporaryFile([], name: "placeholder")
        let directory = (folder as NSString).deletingLastPathComponent
        for version in 0..<2 {
            let lines = (0..<200).map { i in
                #"{"id":"d\#(i)","text":"\#(String(repeating: "坚持全面从严治党。", count: 3 + version))版本\#(version)第\#(i)篇"}"#
            }
            try Data((lines.joined(separator: "\n") + "\n").utf8).write(to: URL(fileURLWithPath: directory + "/v\(version).jsonl"))
        }
        let db = directory + "/live.tifa"
        XCTAssertEqual(try PhrasectlRunner.run(["index", "--quiet", "--db", db, directory + "/v0.jsonl"]).status, 0)
        let writer = Process()
        writer.executableURL = URL(fileURLWithPath: "/bin/sh")
        writer.arguments = [
            "-c", "for k in 1 2 3 4 5 6 7 8 9 10 11 12; do \"$0\" index --quiet --batch 5 --db \"$1\" \"$2/v$((k % 2)).jsonl\" || exit 1; done",
            PhrasectlRunner.binary.path, db, directory,
        ]
        try writer.run()
        var failures: [String] = []
        var reads = 0
        while writer.isRunning || reads < 5 {
            let kwic = try PhrasectlRunner.run(["kwic", "--db", db, "--limit", "3", "全面从严治党"])
            if kwic.status != 0 { failures.append(kwic.stderr) }
            let search = try PhrasectlRunner.run(["search", "--db", db, "--limit", "3", "全面从严治党"])
            if search.status != 0 { failures.append(search.stderr) }
            reads += 1
        }
        writer.waitUntilExit()
        XCTAssertEqual(writer.terminationStatus, 0)
        XCTAssertEqual(failures, [], "\(failures.count) of \(2 * reads) reads failed")
    }
}

/// A stored text that no longer matches the hash taken when it was added is reported as damage.
final class DamagedTextTests: XCTestCase {
    func testChangedTextIsCaughtByItsChecksum() throws {
        let (db, _) = try HostileInputTests.makeIndex()
        try runSQL("update documents set text=replace(text,'坚持','实在') where id='a'", on: db)
        let result = try PhrasectlRunner.run(["kwic", "--db", db, "两个维护"])
        XCTAssertEqual(result.status, 65, result.stdout)
        XCTAssertTrue(result.stderr.contains("\(db) is damaged: the text of document a does not match its checksum"), result.stderr)
    }
}
