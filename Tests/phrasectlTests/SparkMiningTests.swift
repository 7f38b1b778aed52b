import Foundation
import XCTest

/// The Spark mining path in local mode — `phrasectl export`, `Distributed/spark/mine.py`,
/// `phrasectl phrases --stats` — gives what `phrasectl phrases --db` gives on the same index: the
/// same candidates, counts, scores and order.
final class SparkMiningTests: ScratchFolderTestCase {
    func mine(_ input: String, output: String, minimumCount: Int) throws {
        let spark = try PhrasectlRunner.run(
            ["--master", "local[2]", repositoryRoot.appendingPathComponent("Distributed/spark/mine.py").path, "--input", input,
             "--output", output, "--min-count", String(minimumCount)],
            executable: try SparkIndexingTests.sparkSubmit())
        XCTAssertEqual(spark.status, 0, spark.stderr)
    }

    func testSparkStatisticsRankAsTheMinerOnTheExampleArchive() throws {
        let index = path("examples.tifa")
        XCTAssertEqual(try PhrasectlRunner.run(["index", "--quiet", "--db", index, repositoryRoot.appendingPathComponent("Examples").path]).status, 0)
        // The Hive-partitioned export is read as one input: mine.py walks the folder.
        XCTAssertEqual(try PhrasectlRunner.run(["export", "--quiet", "--db", index, "--partition-by", "year", "--out", path("export")]).status, 0)
        try mine(path("export"), output: path("statistics"), minimumCount: 3)

        let ranked = ["--top", "5000", "--min-count", "3", "--json", "--quiet"]
        let fromIndex = try PhrasectlRunner.run(["phrases", "--db", index] + ranked)
        let fromSpark = try PhrasectlRunner.run(["phrases", "--stats", path("statistics")] + ranked)
        XCTAssertEqual(fromSpark.status, 0, fromSpark.stderr)
        let lines = fromSpark.stdout.split(separator: "\n")
        XCTAssertGreaterThan(lines.count, 3000)
        XCTAssertEqual(fromSpark.stdout, fromIndex.stdout)
        // Pattern candidates seen once are there too.
        XCTAssertTrue(lines.contains { $0.contains(#""count":1,"#) && $0.contains(#""pattern":true"#) })

        let tooLow = try PhrasectlRunner.run(["phrases", "--quiet", "--stats", path("statistics"), "--min-count", "2"])
        XCTAssertEqual(tooLow.status, 65)
        XCTAssertEqual(
            tooLow.stderr,
            "phrasectl: the statistics hold n-grams seen at least 3 times; --min-count 2 needs rarer ones (use --min-count 3 or more, or run mine.py with --min-count 2)\n")
    }

    /// Quotations across documents do not count: the second document's opening ” does not close
    /// the first one's last run, in either path; a document of no Han and an empty one still count
    /// as documents (the spread of every candidate).
    func testQuotationsStopAtDocumentEdges() throws {
        let records = path("records.jsonl")
        try Data(
            """
            {"id":"a","text":"必须坚持“党的全面领导"}
            {"id":"b","text":"”党的全面领导，“党的全面领导”。"}
            {"id":"c","text":"“党的全面领导”"}
            {"id":"d","text":"abc 123"}
            {"id":"e","text":"党的全面领导”“党的全面领导"}

            """.utf8
        ).write(to: URL(fileURLWithPath: records))
        let index = path("records.tifa")
        XCTAssertEqual(try PhrasectlRunner.run(["index", "--quiet", "--db", index, records]).status, 0)
        XCTAssertEqual(try PhrasectlRunner.run(["export", "--quiet", "--db", index, "--out", path("export.jsonl")]).status, 0)
        try mine(path("export.jsonl"), output: path("statistics"), minimumCount: 1)
        let ranked = ["--top", "500", "--min-count", "1", "--json", "--quiet"]
        let fromIndex = try PhrasectlRunner.run(["phrases", "--db", index] + ranked)
        let fromSpark = try PhrasectlRunner.run(["phrases", "--stats", path("statistics")] + ranked)
        XCTAssertEqual(fromSpark.stdout, fromIndex.stdout)
        // The index's own records are not an export: refused, naming the file.
        let raw = try PhrasectlRunner.run(
            ["--master", "local[1]", repositoryRoot.appendingPathComponent("Distributed/spark/mine.py").path, "--input", records, "--output", path("raw")],
            executable: try SparkIndexingTests.sparkSubmit())
        XCTAssertEqual(raw.status, 65)
        // (spark-submit hands the driver's standard error to its standard output)
        XCTAssertTrue(
            (raw.stdout + raw.stderr).contains(#"mine.py: \#(records): no "patterns" and "numbered" lists of strings (is it the output of phrasectl export?): {"id":""#),
            raw.stdout)
        // 党的全面领导: 6 occurrences, whole quotations in b (one) and c — 2 of 6.
        let line = try XCTUnwrap(fromSpark.stdout.split(separator: "\n").first { $0.hasPrefix(#"{"phrase":"党的全面领导","#) })
        XCTAssertTrue(line.contains(#""count":6,"documents":4,"#), String(line))
        XCTAssertTrue(line.contains(#""quoted":0.333,"#), String(line))
    }

    /// Spark reads the Hive partitions with a year column: documents per year as the index counts them.
    func testHivePartitionsReadByYearInSpark() throws {
        let index = path("reports.tifa")
        XCTAssertEqual(
            try PhrasectlRunner.run(["index", "--quiet", "--db", index, repositoryRoot.appendingPathComponent("Examples/work-reports").path]).status, 0)
        XCTAssertEqual(try PhrasectlRunner.run(["export", "--quiet", "--db", index, "--partition-by", "year", "--out", path("hive")]).status, 0)
        let script = path("years.py")
        try Data(
            """
            import sys
            from pyspark.sql import SparkSession
            spark = SparkSession.builder.getOrCreate()
            spark.sparkContext.setLogLevel("ERROR")
            for row in spark.read.json(sys.argv[1]).groupBy("year").count().orderBy("year").collect():
                print(f"{row['year']}\\t{row['count']}")

            """.utf8
        ).write(to: URL(fileURLWithPath: script))
        let spark = try PhrasectlRunner.run(["--master", "local[1]", script, path("hive")], executable: try SparkIndexingTests.sparkSubmit())
        XCTAssertEqual(spark.status, 0, spark.stderr)
        // Documents per year of the plain export.
        var perYear: [String: Int] = [:]
        for line in try PhrasectlRunner.run(["export", "--quiet", "--db", index]).stdout.split(separator: "\n") {
            let row = try XCTUnwrap(try JSONSerialization.jsonObject(with: Data(line.utf8)) as? [String: Any])
            perYear[(row["date"] as? String).map { String($0.prefix(4)) } ?? "__HIVE_DEFAULT_PARTITION__", default: 0] += 1
        }
        XCTAssertGreaterThan(perYear.count, 10)
        let expected = perYear.sorted { $0.key < $1.key }.map { "\($0.key)\t\($0.value)" }
        XCTAssertEqual(spark.stdout.split(separator: "\n").map(String.init), expected)
    }
}
