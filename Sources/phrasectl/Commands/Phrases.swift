import ArgumentParser
import Foundation
import Tifa

struct Phrases: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Discover the formulations of a body of text, new ones first with --new-only.",
        discussion: """
            Reads the documents of an index (--db, optionally those matching --filter) or text files, \
            counts every character n-gram of 2–16 characters inside Han runs exactly, scores each by \
            frequency, branching entropy, cohesion (minimum PMI), C-value and quotation, and adds what \
            the pattern extractors find even when rare: numbered formulas, quoted terms, items of \
            parallel lists, frames such as 坚持…不动摇. Score = log2(1 + count) × branching × \
            clamp(cohesion / 6, 0, 1) × 0.25 for everyday words and names × (1 − max(0, spread − 0.5)) \
            for text in more than half of the documents, + 6 × quoted share + 2 for a pattern candidate \
            (seen at least min(2, --min-count) times) + 4 for a formulation, organ, title, meeting or \
            campaign the lexicon knows, else + 2 for the shape of a numbered formula; branching = min(1, min entropy / 2), or min(1, ½ + min \
            entropy / 4) when the other side's entropy is 2 or more. --new-only lists only what the \
            lexicon lacks, best first.
            """)

    @Option(name: .customLong("db"), help: ArgumentHelp("Mine the documents of this index; repeat it for the shards of one archive.", valueName: "FILE"))
    var databases: [String] = []

    @Option(help: ArgumentHelp("Rank the n-gram statistics in this folder, computed by Distributed/spark/mine.py from phrasectl export (instead of --db or files).", valueName: "DIR"))
    var stats: String?

    @Option(help: ArgumentHelp("With --db: only documents matching this query.", valueName: "QUERY"))
    var filter: String?

    @Option(help: ArgumentHelp("Show this many candidates.", valueName: "N"))
    var top = 50

    @Option(name: .customLong("min-count"), help: "Occurrences a statistical candidate needs.")
    var minimumCount = 5

    @Flag(name: .customLong("new-only"), help: "Leave out what the lexicon already has.")
    var newOnly = false

    @Flag(help: "Write one JSON object per candidate.")
    var json = false

    @Flag(help: "Do not report progress on standard error.")
    var quiet = false

    @Argument(help: ArgumentHelp("Text files to mine (instead of --db).", valueName: "FILE"))
    var files: [String] = []

    @OptionGroup(title: "Dictionaries")
    var dictionaries: DictionaryOptions

    func validate() throws {
        guard top >= 1 else { throw ValidationError("--top must be at least 1 (got \(top)).") }
        guard [!databases.isEmpty, !files.isEmpty, stats != nil].filter({ $0 }).count == 1 else {
            throw ValidationError("Give one of --db FILE (repeated for shards), --stats DIR, or text files.")
        }
        guard filter == nil || !databases.isEmpty else { throw ValidationError("--filter needs --db.") }
        guard minimumCount >= 1 else { throw ValidationError("--min-count must be at least 1.") }
    }

    func run() throws {
        if let stats {
            let miner = makeMiner(toSimplified: false)
            var status = StatusLine(label: "phrases", quiet: quiet)
            status.show("reading the statistics in \(stats)")
            do {
                let statistics = try MiningStatistics(folder: stats)
                status.show("ranking \(statistics.documents) documents' statistics")
                let candidates = try miner.mine(statistics, minimumCount: minimumCount, newOnly: newOnly)
                status.clear()
                show(candidates.prefix(top))
            } catch {
                status.clear()
                switch error {
                case let .notAFolder(path): fail(.cannotOpen(path: path, reason: "no statistics folder there (mine.py --output writes one)"))
                default: fail(.input(error.description))
                }
            }
            return
        }
        let miner: PhraseMiner
        let texts: AnySequence<String>
        let documentCount: Int
        if !databases.isEmpty {
            var shards: [Index] = []
            for database in databases {
                do { shards.append(try Index(path: database, readOnly: true)) } catch { fail(.index(error)) }
            }
            ShardedIndexOptions.requireReadAlike(shards)
            // The index's own analyzer, so what is mined is what `count` counts (the same matching
            // form, Traditional as Simplified when the index was made so). Shards of one archive
            // share it: the first shard's is used.
            if dictionaries.isDefault {
                do { miner = PhraseMiner(analyzer: try shards[0].analyzer()) } catch { fail(.index(error)) }
            } else {
                miner = makeMiner(toSimplified: shards[0].toSimplified)
            }
            var documents: [(shard: Index, id: String)] = []
            for shard in shards {
                do {
                    documents += try shard.documents(matching: filter).map { (shard, $0.id) }
                } catch {
                    fail(.index(error))
                }
            }
            documentCount = documents.count
            texts = AnySequence(
                documents.lazy.map { document in
                    do throws(IndexError) { return try document.shard.text(ofDocument: document.id) } catch { fail(.index(error)) }
                })
        } else {
            miner = makeMiner(toSimplified: false)
            documentCount = files.count
            texts = AnySequence(
                files.lazy.map { file in
                    switch ArchiveReader.read(file) {
                    case let .success(text): return text
                    case let .failure(failure): fail(.input(failure.description))
                    }
                })
        }
        let report = MiningProgressReport(documents: documentCount, quiet: quiet)
        let candidates = miner.mine(texts, minimumCount: minimumCount, newOnly: newOnly, progress: report.stage).prefix(top)
        report.finish()
        show(candidates)
    }

    private func show(_ candidates: ArraySlice<PhraseCandidate>) {
        let output = JSONLines()
        let table = TextTable(
            header: ["score", "count", "documents", "cohesion", "left H", "right H", "C-value", "quoted", "known", "phrase"],
            rightAligned: [0, 1, 2, 3, 4, 5, 6, 7])
        for c in candidates {
            if json {
                output.write(PhraseRow(c))
            } else {
                func number(_ x: Double) -> String { x.isFinite ? String(format: "%.3f", x) : "null" }
                table.add(
                    [number(c.score), String(c.count), String(c.documents), number(c.cohesion), number(c.leftEntropy),
                     number(c.rightEntropy), number(c.cvalue), number(c.quoted), c.tag?.rawValue ?? "no", c.phrase])
            }
        }
        if !json { table.print() }
    }

    private func makeMiner(toSimplified: Bool) -> PhraseMiner {
        do {
            return try PhraseMiner(lexicon: try dictionaries.loadLexicon(), toSimplified: toSimplified)
        } catch let error as CLIError {
            fail(error)
        } catch {
            fail(.dictionary("\(error)"))
        }
    }
}

/// A `phrases --json` line; measures are rounded to three decimals, and are null when undefined.
private struct PhraseRow: Encodable {
    var phrase: String
    var count: Int
    var documents: Int
    @Nullable var cohesion: Double?
    @Nullable var leftEntropy: Double?
    @Nullable var rightEntropy: Double?
    @Nullable var cvalue: Double?
    @Nullable var quoted: Double?
    var known: Bool
    @Nullable var tag: String?
    var pattern: Bool
    var numbered: Bool
    @Nullable var score: Double?

    init(_ c: PhraseCandidate) {
        phrase = c.phrase
        count = c.count
        documents = c.documents
        cohesion = rounded(c.cohesion)
        leftEntropy = rounded(c.leftEntropy)
        rightEntropy = rounded(c.rightEntropy)
        cvalue = rounded(c.cvalue)
        quoted = rounded(c.quoted)
        known = c.known
        tag = c.tag?.rawValue
        pattern = c.pattern
        numbered = c.numbered
        score = rounded(c.score)
    }
}
