import Foundation
import XCTest

/// Distributed/spark/index.py in Spark's local mode: the shards it makes answer as one index of the
/// same archive (the same ids and counts), and a record that fails is named by its own file and line.
final class SparkIndexingTests: XCTestCase {
    static func sparkSubmit() throws -> URL {
        let python = try PhrasectlRunner.run(
            ["python3", "-c", "import pyspark, os; print(os.path.dirname(pyspark.__file__))"], executable: URL(fileURLWithPath: "/usr/bin/env"))
        let folder = python.stdout.trimmingCharacters(in: .whitespacesAndNewlines)
        guard python.status == 0, !folder.isEmpty else { throw SparkMissing() }
        return URL(fileURLWithPath: folder + "/bin/spark-submit")
    }

    struct SparkMissing: Error, CustomStringConvertible {
        var description: String { "no PySpark: Scripts/install-dependencies --tests installs it and a Java runtime" }
    }

    func runSpark(_ arguments: [String]) throws -> (status: Int32, output: String) {
        let spark = try PhrasectlRunner.run(
            ["--master", "local[2]", repositoryRoot.appendingPathComponent("Distributed/spark/index.py").path] + arguments
                + ["--phrasectl", PhrasectlRunner.binary.path],
            executable: try Self.sparkSubmit())
        return (spark.status, spark.stdout)
    }

    func testSparkShardsAnswerAsOneIndex() throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent(UUID().uuidString)
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        let archive = repositoryRoot.appendingPathComponent("Examples/work-reports").path
        let whole = folder.appendingPathComponent("whole.tifa").path
        XCTAssertEqual(try PhrasectlRunner.run(["index", "--quiet", "--db", whole, archive]).status, 0)

        let shards = folder.appendingPathComponent("shards").path
        let spark = try runSpark(["--input", archive, "--output", shards, "--partitions", "3"])
        XCTAssertEqual(spark.status, 0, spark.output)
        XCTAssertTrue(spark.output.contains("3 shards in \(shards)"), spark.output)
        let list = shards + "/shards"
        let phrases = ["全面从严治党", "高质量发展", "的", "两个维护", "新质生产力"]
        XCTAssertEqual(
            try PhrasectlRunner.run(["count", "--json", "--by", "year", "--shards", list] + phrases).stdout,
            try PhrasectlRunner.run(["count", "--json", "--by", "year", "--db", whole] + phrases).stdout)
        func ids(_ arguments: [String]) throws -> [String] {
            try PhrasectlRunner.run(["search", "--json", "--limit", "100"] + arguments + ["date:1990..2030"]).stdout.split(separator: "\n").map {
                try XCTUnwrap(try JSONSerialization.jsonObject(with: Data($0.utf8)) as? [String: Any])["id"] as? String ?? ""
            }.sorted()
        }
        XCTAssertEqual(try ids(["--shards", list]), try ids(["--db", whole]))
        XCTAssertEqual(try ids(["--db", whole]).count, 28)

        // Records: a bad line and a record without text are named by their own file and line.
        let records = folder.appendingPathComponent("records.jsonl").path
        try Data(#"{"id":"a","text":"两个维护。"}\#n{"text":"坚持两个维护。"}\#nnot json\#n{"id":"c","title":"无文"}\#n"#.utf8)
            .write(to: URL(fileURLWithPath: records))
        let recordShards = folder.appendingPathComponent("records").path
        let fromRecords = try runSpark(["--input", records, "--output", recordShards, "--partitions", "2"])
        XCTAssertEqual(fromRecords.status, 0, fromRecords.output)
        let errors = try String(contentsOfFile: recordShards + "/errors.jsonl", encoding: .utf8).split(separator: "\n").map(String.init).sorted()
        XCTAssertEqual(errors, [
            #"{"path": "\#(records)", "line": 3, "reason": "bad JSON"}"#,
            #"{"path": "\#(records)", "line": 4, "reason": "no \"text\" field with the text"}"#,
        ])
        XCTAssertEqual(
            try PhrasectlRunner.run(["count", "--json", "--shards", recordShards + "/shards", "两个维护"]).stdout,
            #"{"phrase":"两个维护","occurrences":2,"documents":2}"# + "\n")
        let named = try PhrasectlRunner.run(["search", "--json", "--shards", recordShards + "/shards", "坚持"]).stdout
        XCTAssertTrue(named.contains(#""id":"records.jsonl:2""#), named)
    }
}
