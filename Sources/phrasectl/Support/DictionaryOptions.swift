import ArgumentParser
import Tifa

/// Where the lexicon comes from; shared by every command that segments.
struct DictionaryOptions: ParsableArguments {
    @Option(name: .customLong("dict-dir"), help: ArgumentHelp(
        "Load the .dict files of this folder instead of the built-in dictionaries.", valueName: "DIR"))
    var dictionaryDirectory: String?

    @Option(name: .customLong("user-dict"), help: ArgumentHelp(
        "A user dictionary (word<TAB>frequency<TAB>tag per line; frequency and tag optional). Its entries win over built-in ones. Repeatable.",
        valueName: "FILE"))
    var userDictionaries: [String] = []

    /// Whether no option was given: the built-in dictionaries alone.
    var isDefault: Bool { dictionaryDirectory == nil && userDictionaries.isEmpty }

    func loadLexicon() throws(CLIError) -> Lexicon {
        do {
            if let dictionaryDirectory {
                return try Lexicon.load(directory: dictionaryDirectory, userDictionaries: userDictionaries)
            }
            return try Lexicon.bundled(userDictionaries: userDictionaries)
        } catch {
            if case .noDictionaries = error { throw .dictionary("\(error); point --dict-dir at such a folder") }
            throw .dictionary(error.description)
        }
    }
}
