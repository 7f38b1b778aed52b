import Foundation
import Tifa

/// The stages of a mining run on standard error: one line redrawn in place on a terminal; otherwise
/// a line per major stage once the run has taken two seconds (a short run stays silent); nothing
/// when quiet.
final class MiningProgressReport {
    private let documents: Int
    private let start = Date()
    private var line: StatusLine

    init(documents: Int, quiet: Bool) {
        self.documents = documents
        line = StatusLine(label: "phrasectl", quiet: quiet)
    }

    func stage(_ stage: MiningStage) {
        let text: String
        switch stage {
        case let .reading(read):
            guard line.terminal || read == 0 else { return }
            text = "reading \(read) of \(documents) documents (patterns: numbered formulas, quotations, lists, frames)"
        case let .sortingSuffixes(characters):
            text = "mining \(documents) documents, \(characters) Han characters: sorting suffixes"
        case let .countingLength(length):
            guard line.terminal else { return }
            text = "counting n-grams of \(length) characters"
        case let .ranking(candidates):
            text = "ranking \(candidates) candidates"
        }
        let seconds = Date().timeIntervalSince(start)
        guard line.terminal || seconds >= 2 else { return }
        line.show(String(format: "[%.1f s] ", seconds) + text)
    }

    func finish() {
        line.clear()
    }
}
