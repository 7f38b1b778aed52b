import ArgumentParser
import Foundation
import Tifa

struct ExportCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "export",
        abstract: "Write the documents of an index, in the form counts are defined on, for other engines (Spark, DuckDB, OpenSearch).",
        discussion: """
            --format jsonl writes one object a document: {"id","date","title","speaker","source", \
            "tags","characters","text","patterns","numbered"}, where text is the document's matching \
            form (NFKC, zero-width characters removed, hard-wrapped words joined, Simplified in an \
            index made with --to-simplified) — counting a phrase in it as a substring gives what \
            phrasectl count gives — and patterns are what the miner's pattern extractors propose in \
            it (numbered: those shaped like numbered formulas), which Distributed/spark/mine.py needs. \
            With several shards each object also names its "shard".

            --partition-by year writes the jsonl objects into Hive partitions, OUT/year=YYYY/part-00000.jsonl \
            (year=__HIVE_DEFAULT_PARTITION__ for undated documents), which Spark \
            (spark.read.json("OUT")) and DuckDB (read_json('OUT/*/*.jsonl', hive_partitioning = true)) \
            read with a year column.

            --format ndjson-bulk writes OpenSearch/Elasticsearch _bulk requests into the folder OUT: \
            OUT/mapping.json creates the index (its text field is analyzed one character a token, so a \
            match_phrase query is an exact substring match, as phrasectl count is), and \
            OUT/bulk-00001.ndjson … hold {"index":{…}} and document line pairs, each file under \
            --request-bytes. A document too large for one request goes alone into a file of its own, \
            with a warning.
            """)

    @OptionGroup var index: ShardedIndexOptions

    @Option(help: ArgumentHelp("The output format.", valueName: "jsonl|ndjson-bulk"))
    var format: ExportFormat = .jsonl

    @Option(help: ArgumentHelp("Export only the documents this query matches.", valueName: "QUERY"))
    var filter: String?

    @Option(help: ArgumentHelp("The file to write (standard output when -); a folder with --partition-by or --format ndjson-bulk.", valueName: "PATH"))
    var out = "-"

    @Option(name: .customLong("partition-by"), help: ArgumentHelp("With jsonl: write Hive partitions into the folder --out, by this key.", valueName: "year"))
    var partitionBy: PartitionKey?

    @Option(name: .customLong("index-name"), help: ArgumentHelp("With ndjson-bulk: the OpenSearch/Elasticsearch index the requests write to.", valueName: "NAME"))
    var indexName = "tifa"

    @Option(name: .customLong("request-bytes"), help: ArgumentHelp("With ndjson-bulk: the size each request file stays under.", valueName: "BYTES"))
    var requestBytes = 10_000_000

    @Flag(help: "Do not report progress on standard error.")
    var quiet = false

    @OptionGroup(title: "Dictionaries (the pattern proposals: give phrases --stats the same)")
    var dictionaries: DictionaryOptions

    enum ExportFormat: String, ExpressibleByArgument, CaseIterable {
        case jsonl
        case ndjsonBulk = "ndjson-bulk"
    }

    enum PartitionKey: String, ExpressibleByArgument, CaseIterable {
        case year
    }

    func validate() throws {
        if partitionBy != nil {
            guard format == .jsonl else { throw ValidationError("--partition-by writes jsonl; leave out --format ndjson-bulk, or --partition-by.") }
        }
        if partitionBy != nil || format == .ndjsonBulk {
            guard out != "-" else { throw ValidationError("\(format == .ndjsonBulk ? "--format ndjson-bulk" : "--partition-by") writes several files: give a folder with --out DIR.") }
        } else {
            guard requestBytes == 10_000_000, indexName == "tifa" else { throw ValidationError("--index-name and --request-bytes go with --format ndjson-bulk.") }
        }
        guard requestBytes >= 1024 else { throw ValidationError("--request-bytes must be at least 1024 (got \(requestBytes)).") }
        guard !indexName.isEmpty, indexName.utf8.count <= 255, indexName != ".", indexName != "..",
            !indexName.hasPrefix("_"), !indexName.hasPrefix("-"), !indexName.hasPrefix("+"),
            !indexName.contains(where: { "\"\\/*?<>| ,#:".contains($0) }), indexName == indexName.lowercased()
        else {
            throw ValidationError(
                "--index-name must be a lower-case OpenSearch index name of at most 255 bytes, not . or .., not starting with _ - +, without spaces or \" \\ / * ? < > | , # : (got '\(indexName)').")
        }
    }

    func run() throws {
        let opened = index.open()
        let documents: [ShardedIndex.Located<DocumentInfo>]
        do { documents = try opened.documents(matching: filter) } catch { fail(.index(error)) }
        let paths = opened.shards.map(\.path), sharded = paths.count > 1
        // Proposals come from the index's own analyzer, as `phrases --db` mines, unless other
        // dictionaries are named (then `phrases --db` and `--stats` need the same ones).
        var lexicon: Lexicon?
        if !dictionaries.isDefault {
            do throws(CLIError) { lexicon = try dictionaries.loadLexicon() } catch { fail(error) }
        }
        var miners: [PhraseMiner] = []
        for shard in opened.shards {
            do {
                miners.append(try lexicon.map { try PhraseMiner(lexicon: $0, toSimplified: shard.toSimplified) } ?? PhraseMiner(analyzer: try shard.analyzer()))
            } catch let error as IndexError {
                fail(.index(error))
            } catch {
                fail(.dictionary("\(error)"))
            }
        }
        var writer: ExportWriter
        switch (format, partitionBy) {
        case (.jsonl, nil): writer = JSONLinesExport(path: out, inputs: index.inputFiles)
        case (.jsonl, .year?): writer = PartitionedExport(folder: makeFolder(out))
        case (.ndjsonBulk, _): writer = BulkExport(folder: makeFolder(out), indexName: indexName, requestBytes: requestBytes)
        }
        var status = StatusLine(label: "export", quiet: quiet)
        var lastReport = Date.distantPast
        for (n, located) in documents.enumerated() {
            let shard = opened.shards[located.shard], d = located.value
            let text: String
            do { text = try shard.text(ofDocument: d.id) } catch { fail(.index(error)) }
            let miner = miners[located.shard]
            let form = miner.analyzer.matchingForm(of: text)
            let proposals = format == .jsonl ? miner.proposals(in: form) : []
            writer.add(
                ExportRow(
                    shard: sharded ? paths[located.shard] : nil, id: d.id, date: d.date, title: d.title, speaker: d.speaker,
                    source: d.source, tags: d.tags, characters: d.length, text: form.string,
                    patterns: format == .jsonl ? proposals.map(\.phrase) : nil,
                    numbered: format == .jsonl ? proposals.filter(\.numbered).map(\.phrase) : nil))
            if Date().timeIntervalSince(lastReport) >= (status.terminal ? 0.1 : 5) || n + 1 == documents.count {
                lastReport = Date()
                status.show("\(n + 1)/\(documents.count) documents")
            }
        }
        writer.finish()
        status.clear()
        writer.warnings.forEach { warning in
            var stderr = StandardError()
            print("phrasectl: warning: \(warning)", to: &stderr)
        }
    }

    private func makeFolder(_ path: String) -> String {
        var isFolder: ObjCBool = false
        if FileManager.default.fileExists(atPath: path, isDirectory: &isFolder) {
            guard isFolder.boolValue else { fail(.cannotWrite(path: path, reason: "is a file; --out takes a folder here")) }
            let existing = (try? FileManager.default.contentsOfDirectory(atPath: path)) ?? []
            guard existing.isEmpty else { fail(.cannotWrite(path: path, reason: "is not empty; give a new or empty folder, so no file of an earlier export is mixed in")) }
        } else {
            do { try FileManager.default.createDirectory(atPath: path, withIntermediateDirectories: true) } catch {
                fail(.cannotWrite(path: path, reason: "cannot be created"))
            }
        }
        return path
    }
}

/// A document as exported: a line of jsonl, or the document line of a bulk request (without
/// patterns).
struct ExportRow: Encodable {
    var shard: String?
    var id: String
    @Nullable var date: String?
    @Nullable var title: String?
    @Nullable var speaker: String?
    @Nullable var source: String?
    var tags: [String]
    var characters: Int
    var text: String
    var patterns: [String]?
    var numbered: [String]?
}

private protocol ExportWriter {
    mutating func add(_ row: ExportRow)
    mutating func finish()
    /// What the user should know once the export is done.
    var warnings: [String] { get }
}

extension ExportWriter {
    var warnings: [String] { [] }
}

private struct JSONLinesExport: ExportWriter {
    let sink: FileSink
    init(path: String, inputs: [String]) { sink = FileSink(path: path, inputs: inputs) }
    func add(_ row: ExportRow) { sink.write(JSONLines().line(row) + "\n") }
    func finish() { sink.close() }
}

/// Hive partitions by year: `year=YYYY/part-00000.jsonl`.
private struct PartitionedExport: ExportWriter {
    let folder: String
    var sinks: [String: FileSink] = [:]
    init(folder: String) { self.folder = folder }

    var undated = 0

    var warnings: [String] {
        undated == 0 ? [] : ["\(undated) \(undated == 1 ? "document has a date" : "documents have dates") not of the form YYYY, YYYY-MM or YYYY-MM-DD; \(undated == 1 ? "it is" : "they are") in year=__HIVE_DEFAULT_PARTITION__"]
    }

    /// The year of an ISO date (YYYY, YYYY-MM, YYYY-MM-DD); nil for anything else, which no
    /// folder name is made from.
    static func year(of date: String) -> String? {
        let bytes = Array(date.utf8)
        func digits(_ range: Range<Int>) -> Bool { range.allSatisfy { bytes[$0] >= 0x30 && bytes[$0] <= 0x39 } }
        switch bytes.count {
        case 4 where digits(0..<4): break
        case 7 where digits(0..<4) && bytes[4] == 0x2D && digits(5..<7): break
        case 10 where digits(0..<4) && bytes[4] == 0x2D && digits(5..<7) && bytes[7] == 0x2D && digits(8..<10): break
        default: return nil
        }
        return String(date.prefix(4))
    }

    mutating func add(_ row: ExportRow) {
        let year: String
        if let date = row.date, let dated = Self.year(of: date) {
            year = dated
        } else {
            if row.date != nil { undated += 1 }
            year = "__HIVE_DEFAULT_PARTITION__"
        }
        if sinks[year] == nil {
            let partition = (folder as NSString).appendingPathComponent("year=\(year)")
            do { try FileManager.default.createDirectory(atPath: partition, withIntermediateDirectories: true) } catch {
                fail(.cannotWrite(path: partition, reason: "cannot be created"))
            }
            sinks[year] = FileSink(path: (partition as NSString).appendingPathComponent("part-00000.jsonl"))
        }
        sinks[year]!.write(JSONLines().line(row) + "\n")
    }

    func finish() {
        for sink in sinks.values { sink.close() }
    }
}

/// OpenSearch/Elasticsearch `_bulk` request files under a size, and the index's mapping.
private struct BulkExport: ExportWriter {
    let folder: String
    let indexName: String
    let requestBytes: Int
    var sink: FileSink?
    var files = 0

    init(folder: String, indexName: String, requestBytes: Int) {
        self.folder = folder
        self.indexName = indexName
        self.requestBytes = requestBytes
        let mapping = FileSink(path: (folder as NSString).appendingPathComponent("mapping.json"))
        mapping.write(Self.mapping)
        mapping.close()
    }

    mutating func add(_ row: ExportRow) {
        let action = JSONLines().line(BulkAction(index: .init(_index: indexName, _id: bulkIdentifier(row))))
        let pair = action + "\n" + JSONLines().line(row) + "\n"
        let size = pair.utf8.count
        if let open = sink, open.size + size >= requestBytes, open.size > 0 {
            open.close()
            sink = nil
        }
        if sink == nil {
            files += 1
            sink = FileSink(path: (folder as NSString).appendingPathComponent(String(format: "bulk-%05d.ndjson", files)))
        }
        if size >= requestBytes {
            var stderr = StandardError()
            print("phrasectl: warning: document \(row.id) takes \(size) bytes, more than --request-bytes \(requestBytes); it is alone in bulk-\(String(format: "%05d", files)).ndjson", to: &stderr)
        }
        sink!.write(pair)
    }

    func finish() { sink?.close() }

    var shortened = 0

    var warnings: [String] {
        shortened == 0 ? [] : [
            shortened == 1
                ? "1 id is longer than the 512 bytes a _id may hold; its _id is cut and ends in a hash of the whole id (the id field keeps it whole)"
                : "\(shortened) ids are longer than the 512 bytes a _id may hold; their _ids are cut and end in a hash of the whole id (the id field keeps it whole)"
        ]
    }

    /// The document's `_id`: its id (shard-qualified with several shards), cut to 512 bytes with
    /// a hash of the whole when longer.
    mutating func bulkIdentifier(_ row: ExportRow) -> String {
        let id = row.shard.map { "\($0):\(row.id)" } ?? row.id
        guard id.utf8.count > 512 else { return id }
        shortened += 1
        var cut = ""
        for character in id {
            if cut.utf8.count + String(character).utf8.count > 480 { break }
            cut.append(character)
        }
        return cut + "#" + String(UInt64(bitPattern: Document.textHash(of: id)), radix: 16)
    }

    /// Index settings: `text` is split into one token a character (an n-gram tokenizer of length 1
    /// over every character), so a phrase query matches exactly the substrings `count` counts.
    static let mapping = """
        {
          "settings": {
            "analysis": {
              "tokenizer": { "tifa_character": { "type": "ngram", "min_gram": 1, "max_gram": 1, "token_chars": [] } },
              "analyzer": { "tifa_characters": { "type": "custom", "tokenizer": "tifa_character" } }
            }
          },
          "mappings": {
            "properties": {
              "shard": { "type": "keyword" },
              "id": { "type": "keyword" },
              "date": { "type": "date", "format": "yyyy-MM-dd||yyyy-MM||yyyy", "ignore_malformed": true },
              "title": { "type": "text", "analyzer": "tifa_characters" },
              "speaker": { "type": "keyword" },
              "source": { "type": "keyword" },
              "tags": { "type": "keyword" },
              "characters": { "type": "integer" },
              "text": { "type": "text", "analyzer": "tifa_characters" }
            }
          }
        }

        """
}

private struct BulkAction: Encodable {
    struct Target: Encodable {
        var _index: String
        var _id: String
    }
    var index: Target
}
