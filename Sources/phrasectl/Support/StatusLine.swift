import Foundation

#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// One line of status on standard error: redrawn in place on a terminal, printed as a line of its
/// own (after `label`) otherwise; silent when quiet.
struct StatusLine {
    let terminal = isatty(2) != 0
    let quiet: Bool
    let label: String
    private var stderr = StandardError()

    init(label: String, quiet: Bool) {
        self.label = label
        self.quiet = quiet
    }

    mutating func show(_ text: String) {
        guard !quiet else { return }
        if terminal {
            print("\r\u{1B}[K\(text)", terminator: "", to: &stderr)
        } else {
            print("\(label): \(text)", to: &stderr)
        }
    }

    /// Clears the line on a terminal, so a message can be printed on its own line.
    mutating func clear() {
        if terminal && !quiet { print("\r\u{1B}[K", terminator: "", to: &stderr) }
    }
}
