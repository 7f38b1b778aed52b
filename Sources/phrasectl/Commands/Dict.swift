import ArgumentParser
import Foundation
import Tifa

struct Dict: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Manage dictionaries: add phrases to a user dictionary, build the political lexicon.",
        subcommands: [Add.self, Build.self])
}
