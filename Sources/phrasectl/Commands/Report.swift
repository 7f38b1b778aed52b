import ArgumentParser
import Foundation
import Tifa

struct ReportCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "report",
        abstract: "Write a self-contained HTML report: trends, keyness of the latest year, mined phrases, contexts.",
        discussion: """
            Writes DIR/index.html, one page with inline SVG charts, CSS and script (nothing is \
            fetched, so it opens offline and can be mailed): the trend of each phrase per million \
            characters by year with its first and last appearance, dispersion, the keyness of the \
            latest year against the years before it, the top mined phrases the lexicon does not \
            know, and a few lines of context per phrase. Tables sort by a click on their header. \
            Without phrases, the six most frequent formulations of the documents are followed.
            """)

    @OptionGroup var index: IndexOptions

    @Option(help: ArgumentHelp("Report on the documents this query matches only.", valueName: "QUERY"))
    var filter: String?

    @Option(help: ArgumentHelp("The folder to write index.html into (created when missing).", valueName: "DIR"))
    var out: String

    @Flag(help: "Print no progress.")
    var quiet = false

    @Argument(help: "Phrases to follow (at most 8).")
    var phrases: [String] = []

    func validate() throws {
        guard phrases.count <= 8 else { throw ValidationError("Give at most 8 phrases (got \(phrases.count)): a chart of more cannot be read.") }
    }

    func run() throws {
        let opened = index.openForReading()
        var status = StatusLine(label: "report", quiet: quiet)
        let page: ReportPage
        do {
            page = try gather(opened, status: &status)
        } catch {
            status.clear()
            fail(.index(error))
        }
        status.clear()
        do {
            try FileManager.default.createDirectory(atPath: out, withIntermediateDirectories: true)
        } catch {
            fail(.cannotOpen(path: out, reason: "the folder cannot be made (\(error.localizedDescription))"))
        }
        let file = (out as NSString).appendingPathComponent("index.html")
        guard FileManager.default.createFile(atPath: file, contents: Data(page.html().utf8)) else {
            fail(.cannotOpen(path: file, reason: "cannot be written"))
        }
        print(file)
    }

    private func gather(_ opened: Index, status: inout StatusLine) throws(IndexError) -> ReportPage {
        let scope = filter.map { "(\($0)) " } ?? ""
        var page = ReportPage(title: "", summary: "", trends: [], keyness: nil, keynessTitle: "", mined: [], contexts: [])
        let documents = try opened.documents(matching: filter)
        if documents.isEmpty { fail(.nothing("no document to report on\(filter.map { " (the filter \($0) matches none)" } ?? "")")) }
        let years = Set(documents.compactMap(\.year)).sorted()
        let characters = documents.reduce(0) { $0 + $1.length }
        page.title = "Tifa report: \((index.database as NSString).lastPathComponent)"
        page.summary = "\(counted(documents.count, "document")), \(characters) characters"
            + (years.isEmpty ? "" : years.count == 1 ? ", \(years[0])" : ", \(years.first!)–\(years.last!)") + (filter.map { "; filter: \($0)" } ?? "")

        status.show("following phrases")
        var followed: [String] = []
        for phrase in phrases where !followed.contains(phrase) { followed.append(phrase) }
        if followed.isEmpty {
            // The most frequent formulations, leaving out one nested in another already followed.
            let lexicon = try opened.analyzer().segmenter.lexicon
            for word in try opened.wordFrequencies(in: documents, top: 400, minimumLength: 3) where followed.count < 6 {
                guard lexicon.entry(for: word.word)?.tag.isFormulationKind == true else { continue }
                if followed.contains(where: { $0.contains(word.word) || word.word.contains($0) }) { continue }
                followed.append(word.word)
            }
        }
        page.trends = try opened.trends(of: followed, by: .year, filter: filter)

        page.keynessTitle = "No keyness: the documents reported on are of \(years.count == 1 ? "one year" : "no year"); it compares the latest year with the years before."
        if years.count >= 2 {
            let latest = years[years.count - 1], before = years[years.count - 2]
            status.show("keyness of \(latest)")
            var options = KeynessOptions()
            options.top = 25
            page.keyness = try opened.keyness(target: "\(scope)date:\(latest)", reference: "\(scope)date:..\(before)", options: options)
            page.keynessTitle = "Keyness: \(latest) against \(years[0])–\(before)"
        }

        status.show("mining phrases")
        let miner = PhraseMiner(analyzer: try opened.analyzer())
        var texts: [String] = []
        for document in documents { texts.append(try opened.text(ofDocument: document.id)) }
        page.mined = Array(miner.mine(texts, minimumCount: 3, newOnly: true).prefix(20))

        status.show("contexts")
        for phrase in followed {
            let lines = try opened.kwic(phrase, width: 16, limit: 3, order: .date, filter: filter)
            page.contexts.append((phrase, lines))
        }
        return page
    }
}
