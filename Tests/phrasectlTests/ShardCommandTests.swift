import Foundation
import XCTest

/// `index --shard-by` writes shards beside --db; the query commands given every shard (repeated
/// --db, or --shards FILE) answer as one index of the same documents.
final class ShardCommandTests: XCTestCase {
    func testShardedArchiveAnswersAsOneIndex() throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent(UUID().uuidString)
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        let archive = repositoryRoot.appendingPathComponent("Examples/work-reports").path
        let whole = folder.appendingPathComponent("whole.tifa").path
        XCTAssertEqual(try PhrasectlRunner.run(["index", "--quiet", "--db", whole, archive]).status, 0)
        let sharded = try PhrasectlRunner.run(["index", "--db", folder.path + "/news.tifa", "--shard-by", "hash:3", archive])
        XCTAssertEqual(sharded.status, 0, sharded.stderr)
        let shards = (0..<3).map { folder.path + "/news-\($0).tifa" }
        XCTAssertTrue(sharded.stderr.contains("shards: " + shards.joined(separator: " ")), sharded.stderr)
        try Data(("# the three shards\n" + (0..<3).map { "news-\($0).tifa" }.joined(separator: "\n") + "\n").utf8)
            .write(to: folder.appendingPathComponent("list"))
        let asShards = shards.flatMap { ["--db", $0] }

        let phrases = ["全面从严治党", "高质量发展", "的", "改革开放", "两个维护", "不存在的短语"]
        let one = try PhrasectlRunner.run(["count", "--db", whole, "--json", "--by", "year"] + phrases).stdout
        XCTAssertEqual(try PhrasectlRunner.run(["count", "--json", "--by", "year"] + asShards + phrases).stdout, one)
        XCTAssertEqual(try PhrasectlRunner.run(["count", "--json", "--by", "year", "--shards", folder.path + "/list"] + phrases).stdout, one)

        // Search: the same documents with the same scores; each hit names its shard.
        func hits(_ arguments: [String]) throws -> [String] {
            try PhrasectlRunner.run(["search", "--json", "--limit", "100"] + arguments + ["高质量发展 NEAR/10 推动"]).stdout.split(separator: "\n").map {
                let object = try XCTUnwrap(try JSONSerialization.jsonObject(with: Data($0.utf8)) as? [String: Any])
                return "\(object["id"] as? String ?? "") \(object["score"] as? Double ?? -1)"
            }
        }
        let single = try hits(["--db", whole])
        XCTAssertFalse(single.isEmpty)
        XCTAssertEqual(try hits(asShards), single)
        let first = try PhrasectlRunner.run(["search", "--json", "--limit", "1"] + asShards + ["全面从严治党"]).stdout
        XCTAssertTrue(first.hasPrefix(#"{"shard":"\#(folder.path)/news-"#), first)

        XCTAssertEqual(
            try PhrasectlRunner.run(["words", "--json", "--top", "30"] + asShards).stdout,
            try PhrasectlRunner.run(["words", "--json", "--top", "30", "--db", whole]).stdout)
        XCTAssertEqual(
            try PhrasectlRunner.run(["trend", "--json"] + asShards + ["全面从严治党", "新质生产力"]).stdout,
            try PhrasectlRunner.run(["trend", "--json", "--db", whole, "全面从严治党", "新质生产力"]).stdout)
        XCTAssertEqual(
            try PhrasectlRunner.run(["phrases", "--quiet", "--json", "--top", "40"] + asShards).stdout,
            try PhrasectlRunner.run(["phrases", "--quiet", "--json", "--top", "40", "--db", whole]).stdout)

        // Indexing again adds nothing: each document goes to the shard its id hashes to.
        let again = try PhrasectlRunner.run(["index", "--db", folder.path + "/news.tifa", "--shard-by", "hash:3", archive])
        XCTAssertTrue(again.stderr.contains("added 0, replaced 0, unchanged 28"), again.stderr)
        let missing = try PhrasectlRunner.run(["count", "--shards", folder.path + "/nothing", "两个维护"])
        XCTAssertEqual(missing.status, 66)
        // One shard given twice would count its documents twice: refused, also under another name.
        for twice in [["--db", shards[0], "--db", shards[0]], ["--db", shards[0], "--db", folder.path + "/./news-0.tifa"]] {
            let refused = try PhrasectlRunner.run(["count"] + twice + ["两个维护"])
            XCTAssertEqual(refused.status, 65, refused.stderr)
            XCTAssertTrue(refused.stderr.contains("its documents would count twice"), refused.stderr)
        }
    }
}
