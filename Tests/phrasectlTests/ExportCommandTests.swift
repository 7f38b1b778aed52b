import Foundation
import XCTest

/// `phrasectl export`: the jsonl lines, the Hive partitions by year and the OpenSearch bulk requests.
final class ExportCommandTests: ScratchFolderTestCase {
    /// An index of three records: two dated, one not.
    func makeIndex() throws -> String {
        let records = path("records.jsonl")
        try Data(
            """
            {"id":"a","date":"2023-03-05","title":"报告","text":"做到“两个维护”，坚持ＡＩ＋。"}
            {"id":"b","date":"2024","text":"坚决做到两个维护。"}
            {"id":"c","text":"无日期的讲话：不敢腐、不能腐、不想腐。"}

            """.utf8
        ).write(to: URL(fileURLWithPath: records))
        let index = path("records.tifa")
        XCTAssertEqual(try PhrasectlRunner.run(["index", "--quiet", "--db", index, records]).status, 0)
        return index
    }

    func testJSONLinesHoldTheMatchingFormAndTheProposals() throws {
        let index = try makeIndex()
        let export = try PhrasectlRunner.run(["export", "--quiet", "--db", index])
        XCTAssertEqual(export.status, 0, export.stderr)
        XCTAssertEqual(
            export.stdout,
            """
            {"id":"a","date":"2023-03-05","title":"报告","speaker":null,"source":null,"tags":[],"characters":15,"text":"做到“两个维护”,坚持AI+。","patterns":["两个维护"],"numbered":["两个维护"]}
            {"id":"b","date":"2024","title":null,"speaker":null,"source":null,"tags":[],"characters":9,"text":"坚决做到两个维护。","patterns":["两个维护"],"numbered":["两个维护"]}
            {"id":"c","date":null,"title":null,"speaker":null,"source":null,"tags":[],"characters":19,"text":"无日期的讲话:不敢腐、不能腐、不想腐。","patterns":["不敢腐","不能腐","不想腐"],"numbered":[]}

            """)
        let filtered = try PhrasectlRunner.run(["export", "--quiet", "--db", index, "--filter", "date:2024", "--out", path("one.jsonl")])
        XCTAssertEqual(filtered.stdout, "")
        XCTAssertEqual(try String(contentsOfFile: path("one.jsonl"), encoding: .utf8).split(separator: "\n").count, 1)
    }

    /// Counting a phrase as a substring of the exported text gives what `count` gives (an oracle
    /// over the example archive).
    func testExportedTextCountsAsTheIndexCounts() throws {
        let index = path("examples.tifa")
        XCTAssertEqual(try PhrasectlRunner.run(["index", "--quiet", "--db", index, repositoryRoot.appendingPathComponent("Examples").path]).status, 0)
        let texts = try PhrasectlRunner.run(["export", "--quiet", "--db", index]).stdout.split(separator: "\n").map { line in
            try XCTUnwrap(try JSONSerialization.jsonObject(with: Data(line.utf8)) as? [String: Any])["text"] as? String ?? ""
        }
        XCTAssertEqual(texts.count, 29)
        for phrase in ["全面从严治党", "两个维护", "的", "高质量发展", "AI", "2035年", "人民"] {
            var occurrences = 0
            for text in texts {
                var rest = Substring(text)
                while let found = rest.range(of: phrase) {
                    occurrences += 1
                    rest = rest[rest.index(after: found.lowerBound)...]
                }
            }
            let counted = try PhrasectlRunner.run(["count", "--json", "--db", index, phrase]).stdout
            XCTAssertTrue(counted.contains(#""occurrences":\#(occurrences),"#), "\(phrase): \(occurrences) in the export, \(counted)")
        }
    }

    func testHivePartitionsByYear() throws {
        let index = try makeIndex()
        let export = try PhrasectlRunner.run(["export", "--quiet", "--db", index, "--partition-by", "year", "--out", path("hive")])
        XCTAssertEqual(export.status, 0, export.stderr)
        let files = try FileManager.default.subpathsOfDirectory(atPath: path("hive")).filter { $0.hasSuffix(".jsonl") }.sorted()
        XCTAssertEqual(files, ["year=2023/part-00000.jsonl", "year=2024/part-00000.jsonl", "year=__HIVE_DEFAULT_PARTITION__/part-00000.jsonl"])
        XCTAssertTrue(try String(contentsOfFile: path("hive/year=2023/part-00000.jsonl"), encoding: .utf8).hasPrefix(#"{"id":"a","#))

        let again = try PhrasectlRunner.run(["export", "--quiet", "--db", index, "--partition-by", "year", "--out", path("hive")])
        XCTAssertEqual(again.status, 74)
        XCTAssertEqual(
            again.stderr,
            "phrasectl: cannot write \(path("hive")): is not empty; give a new or empty folder, so no file of an earlier export is mixed in\n")
        let toStandardOutput = try PhrasectlRunner.run(["export", "--db", index, "--partition-by", "year"])
        XCTAssertEqual(toStandardOutput.status, 64)
        XCTAssertTrue(toStandardOutput.stderr.contains("--partition-by writes several files: give a folder with --out DIR."), toStandardOutput.stderr)
    }

    func testBulkRequestsStayUnderTheirSizeAndPairActionsWithDocuments() throws {
        let index = path("examples.tifa")
        XCTAssertEqual(
            try PhrasectlRunner.run(["index", "--quiet", "--db", index, repositoryRoot.appendingPathComponent("Examples/work-reports").path]).status, 0)
        let limit = 200_000
        let bulk = try PhrasectlRunner.run(
            ["export", "--quiet", "--db", index, "--format", "ndjson-bulk", "--index-name", "reports", "--request-bytes", String(limit), "--out", path("bulk")])
        XCTAssertEqual(bulk.status, 0, bulk.stderr)
        XCTAssertEqual(bulk.stderr, "")
        let names = try FileManager.default.contentsOfDirectory(atPath: path("bulk")).sorted()
        XCTAssertEqual(names.first, "bulk-00001.ndjson")
        XCTAssertEqual(names.last, "mapping.json")
        var ids: [String] = []
        var texts: [String: String] = [:]
        for name in names where name.hasPrefix("bulk-") {
            let data = try Data(contentsOf: URL(fileURLWithPath: path("bulk/" + name)))
            XCTAssertLessThan(data.count, limit, name)
            let lines = String(decoding: data, as: UTF8.self).split(separator: "\n")
            XCTAssertEqual(lines.count % 2, 0, name)
            for pair in stride(from: 0, to: lines.count, by: 2) {
                let action = try XCTUnwrap(try JSONSerialization.jsonObject(with: Data(lines[pair].utf8)) as? [String: [String: String]])
                let document = try XCTUnwrap(try JSONSerialization.jsonObject(with: Data(lines[pair + 1].utf8)) as? [String: Any])
                XCTAssertEqual(action["index"]?["_index"], "reports")
                XCTAssertEqual(action["index"]?["_id"], document["id"] as? String)
                XCTAssertNil(document["patterns"])
                ids.append(try XCTUnwrap(document["id"] as? String))
                texts[ids.last!] = document["text"] as? String
            }
        }
        XCTAssertEqual(ids.count, 28)
        XCTAssertEqual(Set(ids).count, 28)
        // The same documents and texts as the jsonl export.
        for line in try PhrasectlRunner.run(["export", "--quiet", "--db", index]).stdout.split(separator: "\n") {
            let row = try XCTUnwrap(try JSONSerialization.jsonObject(with: Data(line.utf8)) as? [String: Any])
            XCTAssertEqual(texts[row["id"] as! String], row["text"] as? String)
        }
        let mapping = try XCTUnwrap(
            try JSONSerialization.jsonObject(with: Data(contentsOf: URL(fileURLWithPath: path("bulk/mapping.json")))) as? [String: Any])
        let properties = try XCTUnwrap((mapping["mappings"] as? [String: Any])?["properties"] as? [String: [String: Any]])
        XCTAssertEqual(properties["text"]?["type"] as? String, "text")
        XCTAssertEqual(properties["text"]?["analyzer"] as? String, "tifa_characters")
        XCTAssertEqual(properties["date"]?["ignore_malformed"] as? Bool, true)

        // A document larger than a request goes alone into its own file, with a warning.
        let small = try PhrasectlRunner.run(
            ["export", "--quiet", "--db", index, "--format", "ndjson-bulk", "--request-bytes", "1024", "--filter", "id:work-reports/gwr-1998.md", "--out", path("small")])
        XCTAssertEqual(small.status, 0, small.stderr)
        XCTAssertTrue(small.stderr.hasPrefix("phrasectl: warning: document work-reports/gwr-1998.md takes "), small.stderr)
        XCTAssertTrue(small.stderr.hasSuffix("bytes, more than --request-bytes 1024; it is alone in bulk-00001.ndjson\n"), small.stderr)

        let badName = try PhrasectlRunner.run(["export", "--db", index, "--format", "ndjson-bulk", "--index-name", "My Index", "--out", path("x")])
        XCTAssertEqual(badName.status, 64)
        XCTAssertTrue(badName.stderr.contains("--index-name must be a lower-case OpenSearch index name"), badName.stderr)
    }

    /// With several shards, each line names its shard, and bulk ids are shard-qualified.
    func testShardsAreNamed() throws {
        let first = try makeIndex()
        let second = path("second.tifa")
        try Data(#"{"id":"a","text":"第二个分片。"}"#.utf8).write(to: URL(fileURLWithPath: path("second.jsonl")))
        XCTAssertEqual(try PhrasectlRunner.run(["index", "--quiet", "--db", second, path("second.jsonl")]).status, 0)
        let export = try PhrasectlRunner.run(["export", "--quiet", "--db", first, "--db", second])
        let lines = export.stdout.split(separator: "\n")
        XCTAssertEqual(lines.count, 4)
        XCTAssertTrue(lines[3].hasPrefix(#"{"shard":"\#(second)","id":"a","#), String(lines[3]))
        let bulk = try PhrasectlRunner.run(["export", "--quiet", "--db", first, "--db", second, "--format", "ndjson-bulk", "--out", path("bulk")])
        XCTAssertEqual(bulk.status, 0, bulk.stderr)
        let requests = try String(contentsOfFile: path("bulk/bulk-00001.ndjson"), encoding: .utf8)
        XCTAssertTrue(requests.contains(#"{"index":{"_index":"tifa","_id":"\#(second):a"}}"#), requests)
    }

    /// `--out` naming the index (or the shards list) it reads is refused before anything is written.
    func testOutputNeverOverwritesAnInput() throws {
        let index = try makeIndex()
        let before = try Data(contentsOf: URL(fileURLWithPath: index))
        let onto = try PhrasectlRunner.run(["export", "--quiet", "--db", index, "--out", index])
        XCTAssertEqual(onto.status, 74)
        XCTAssertEqual(onto.stderr, "phrasectl: cannot write \(index): is an input of this command; writing it would destroy it\n")
        XCTAssertEqual(try Data(contentsOf: URL(fileURLWithPath: index)), before)
        try Data((index + "\n").utf8).write(to: URL(fileURLWithPath: path("shards")))
        let ontoList = try PhrasectlRunner.run(["export", "--quiet", "--shards", path("shards"), "--out", path("shards")])
        XCTAssertEqual(ontoList.status, 74)
        XCTAssertEqual(try String(contentsOfFile: path("shards"), encoding: .utf8), index + "\n")
    }

    func testShardsReadDifferentlyAreRefused() throws {
        let plain = try makeIndex()
        let simplified = path("simplified.tifa")
        try Data(#"{"id":"t","text":"堅持兩個維護。"}"#.utf8).write(to: URL(fileURLWithPath: path("traditional.jsonl")))
        XCTAssertEqual(try PhrasectlRunner.run(["index", "--quiet", "--to-simplified", "--db", simplified, path("traditional.jsonl")]).status, 0)
        let message = "phrasectl: \(simplified) was made with --to-simplified and \(plain) without: shards of one archive must be read alike; index them again into shards made the same way\n"
        for arguments in [["export", "--db", plain, "--db", simplified], ["count", "--db", simplified, "--db", plain, "两个维护"], ["phrases", "--db", plain, "--db", simplified]] {
            let refused = try PhrasectlRunner.run(arguments)
            XCTAssertEqual(refused.status, 65, "\(arguments)")
            XCTAssertEqual(refused.stderr, message, "\(arguments)")
        }
    }

    /// Dates that are not ISO make no folder names, and long ids are cut for the `_id` with a hash.
    func testOddDatesAndLongIds() throws {
        let longID = String(repeating: "长", count: 200)
        let records = path("odd.jsonl")
        try Data(
            """
            {"id":"a","date":"../../x","text":"甲。"}
            {"id":"b","date":"1/2/2023","text":"乙。"}
            {"id":"c","date":"2023-05","text":"丙。"}
            {"id":"\(longID)","date":"2024-01-02","text":"丁。"}

            """.utf8
        ).write(to: URL(fileURLWithPath: records))
        let index = path("odd.tifa")
        XCTAssertEqual(try PhrasectlRunner.run(["index", "--quiet", "--db", index, records]).status, 0)
        let hive = try PhrasectlRunner.run(["export", "--quiet", "--db", index, "--partition-by", "year", "--out", path("hive")])
        XCTAssertEqual(hive.status, 0, hive.stderr)
        XCTAssertEqual(
            hive.stderr,
            "phrasectl: warning: 2 documents have dates not of the form YYYY, YYYY-MM or YYYY-MM-DD; they are in year=__HIVE_DEFAULT_PARTITION__\n")
        XCTAssertEqual(try FileManager.default.contentsOfDirectory(atPath: path("hive")).sorted(), ["year=2023", "year=2024", "year=__HIVE_DEFAULT_PARTITION__"])
        let bulk = try PhrasectlRunner.run(["export", "--quiet", "--db", index, "--format", "ndjson-bulk", "--out", path("bulk")])
        XCTAssertEqual(bulk.status, 0, bulk.stderr)
        XCTAssertEqual(
            bulk.stderr,
            "phrasectl: warning: 1 id is longer than the 512 bytes a _id may hold; its _id is cut and ends in a hash of the whole id (the id field keeps it whole)\n")
        let lines = try String(contentsOfFile: path("bulk/bulk-00001.ndjson"), encoding: .utf8).split(separator: "\n")
        let action = try XCTUnwrap(try JSONSerialization.jsonObject(with: Data(lines[6].utf8)) as? [String: [String: String]])
        let id = try XCTUnwrap(action["index"]?["_id"])
        XCTAssertLessThanOrEqual(id.utf8.count, 512)
        XCTAssertTrue(id.hasPrefix(String(repeating: "长", count: 160) + "#"), id)
        XCTAssertTrue(lines[7].contains(#""id":"\#(longID)""#))
    }
}
