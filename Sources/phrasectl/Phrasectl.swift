import ArgumentParser

@main
struct Phrasectl: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "phrasectl",
        abstract: "Index and mine formal Chinese political text: segment, count and find set formulations (提法).",
        version: "0.1.0",
        subcommands: [
            Segment.self, IndexFiles.self, Count.self, Search.self, KWIC.self, Words.self, Phrases.self, Dict.self, Stats.self,
            TrendCommand.self, KeynessCommand.self, CollocatesCommand.self, DiffCommand.self, ReportCommand.self, ExportCommand.self, Delete.self, Optimize.self, Check.self, Repair.self, Cache.self,
        ]
    )
}
