import ArgumentParser
import Foundation
import Tifa

struct IndexFiles: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "index",
        abstract: "Add files and folders of speeches to an index (created when missing).",
        discussion: """
            Text and Markdown files are one document each. Its id is its name in the archive, the \
            same from any working directory: a file inside a folder you name is called by that \
            folder's own name and its path inside it (archive/2023/0105.md for ~/data/archive, \
            ./archive or /data/archive/), a file you name by itself by its file name; --id-prefix \
            goes before every id. Markdown front matter gives title, date, speaker, source, tags; otherwise the title is the first line and the \
            date comes from the path, as in 2023/20230105.md). JSONL and CSV files hold one document \
            per record. Encodings are detected (UTF-8 with or without BOM, UTF-16 with BOM, GB18030, \
            Big5) unless --encoding is given. A document already indexed with the same content is \
            left alone and a changed one is replaced, so running again over the same folder adds \
            nothing, and a run that was killed resumes where its last commit ended. Bad files and \
            records are reported and skipped. Exit status: 0 when everything was read, 2 when some \
            files or records failed, 1 when nothing could be indexed.
            """)

    @OptionGroup var index: IndexOptions

    @OptionGroup(title: "Reading files")
    var archive: ArchiveOptionGroup

    @Flag(name: .customLong("to-simplified"), help: "When creating the index, match Traditional text as Simplified (the original text is kept).")
    var toSimplified = false

    @Option(
        name: .customLong("id-prefix"),
        help: ArgumentHelp("Put this and a / before every document id, to keep archives with the same file names apart.", valueName: "TEXT"))
    var idPrefix = ""

    @Option(
        name: .customLong("shard-by"),
        help: ArgumentHelp(
            "Write one index per year, per source, or per hash of the id into N shards, beside --db (news.tifa: news-2024.tifa, …); query them together with repeated --db or --shards.",
            valueName: "year|source|hash:N"))
    var shardBy: ShardKey?

    @Option(help: ArgumentHelp("Threads that analyse documents.", valueName: "N"))
    var jobs = ProcessInfo.processInfo.activeProcessorCount

    @Option(help: ArgumentHelp("Commit after this many documents.", valueName: "N"))
    var batch = 256

    @Option(help: ArgumentHelp("Also write every failure as a JSON line to this file.", valueName: "FILE"))
    var errors: String?

    @Flag(help: "Print only failures and no progress.")
    var quiet = false

    @Argument(help: ArgumentHelp("Files and folders to index.", valueName: "PATH"))
    var paths: [String] = []

    func validate() throws {
        guard batch >= 1 else { throw ValidationError("--batch must be at least 1 (got \(batch)).") }
        guard jobs >= 1 else { throw ValidationError("--jobs must be at least 1 (got \(jobs)).") }
        guard !paths.isEmpty else { throw ValidationError("Give at least one file or folder to index.") }
        if idPrefix.hasSuffix("/") || idPrefix.hasPrefix("/") {
            throw ValidationError("--id-prefix is joined to ids with a /; give it without a leading or trailing / (got '\(idPrefix)').")
        }
    }

    func run() throws {
        // The inputs are listed first: a missing path leaves no empty index behind.
        var options = archive.options
        options.idPrefix = idPrefix
        let files: [ArchiveFile]
        let unreadable: [ArchiveReader.Failure]
        do { (files, unreadable) = try ArchiveReader.walk(paths, options: options) } catch {
            fail(.cannotOpen(path: error.path, reason: error.reason))
        }
        let targets = IndexTargets(base: index.database, shardBy: shardBy, toSimplified: toSimplified, jobs: jobs, batch: batch)
        defer { targets.close() }
        if !quiet, let target = targets.single, !target.wordSignatures.isEmpty, let analyzer = try? target.analyzer(),
            !target.wordSignatures.contains(analyzer.wordSignature)
        {
            var stderr = StandardError()
            print(
                "phrasectl: warning: \(index.database) was indexed with another lexicon; words of new documents are cut differently (see phrasectl stats)",
                to: &stderr)
        }
        var errorLog: FileHandle? = nil
        if let errors {
            _ = FileManager.default.createFile(atPath: errors, contents: nil)
            errorLog = FileHandle(forWritingAtPath: errors)
            if errorLog == nil { fail(.cannotOpen(path: errors, reason: "cannot be written")) }
        }
        let progress = Progress(files: files.map(\.path), quiet: quiet)
        var summary = Index.CommitSummary()
        var failures: [ArchiveReader.Failure] = []
        var stderr = StandardError()
        func report(_ failure: ArchiveReader.Failure) {
            failures.append(failure)
            progress.clearLine()
            print("phrasectl: \(failure)", to: &stderr)
            errorLog?.write(Data((JSONLines().line(FailureRow(failure)) + "\n").utf8))
        }
        unreadable.forEach(report)
        // While worker threads analyse one batch, this thread reads files and writes the previous one.
        do {
            for file in files {
                try ArchiveReader.forEachDocument(in: file.path, name: file.name, options: options) { (result) throws(IndexError) in
                    switch result {
                    case let .success(document):
                        summary.add(try targets.add(document))
                    case let .failure(failure):
                        report(failure)
                    }
                }
                progress.fileDone(file.path)
            }
            summary.add(try targets.finish())
        } catch {
            progress.clearLine()
            print("phrasectl: committed before the failure: added \(summary.added), replaced \(summary.replaced)", to: &stderr)
            fail(.index(error))
        }
        try? errorLog?.close()
        progress.finish()
        let failedFiles = Set(failures.map(\.path)).count
        if !quiet {
            let removed = Set(summary.removed)
            for duplicate in summary.duplicates {
                let earlier = removed.contains(duplicate.id) ? "; its earlier text is removed from the index" : ""
                print("phrasectl: \(duplicate.id): skipped, the same text as \(duplicate.of)\(earlier)", to: &stderr)
            }
            print(
                "added \(summary.added), replaced \(summary.replaced), unchanged \(summary.unchanged),"
                    + " duplicates \(summary.duplicates.count), failed \(failures.count) (in \(failedFiles) of \(counted(files.count + unreadable.count, "file")))",
                to: &stderr)
        }
        if shardBy != nil && !quiet {
            print("shards: \(targets.paths.sorted().joined(separator: " "))", to: &stderr)
        }
        let indexed = summary.added + summary.replaced + summary.unchanged + summary.duplicates.count
        if !failures.isEmpty { throw ExitCode(indexed > 0 ? 2 : 1) }
        if indexed == 0 {
            print("phrasectl: no documents found in \(paths.joined(separator: " "))", to: &stderr)
            throw ExitCode(1)
        }
    }
}

/// A line of the --errors file.
private struct FailureRow: Encodable {
    var path: String
    @Nullable var line: Int?
    var reason: String

    init(_ failure: ArchiveReader.Failure) {
        path = failure.path
        line = failure.line
        reason = failure.reason
    }
}
