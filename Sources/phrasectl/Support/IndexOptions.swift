import ArgumentParser
import Foundation
import Tifa

/// The index file every index command works on.
struct IndexOptions: ParsableArguments {
    @Option(name: .customLong("db"), help: ArgumentHelp("The index file (SQLite).", valueName: "FILE"))
    var database: String

    /// The index for queries; it must exist.
    func openForReading() -> Index {
        open(readOnly: true)
    }

    /// The index for changes (delete, optimize); it must exist.
    func openForChanges() -> Index {
        guard FileManager.default.fileExists(atPath: database) else {
            fail(.index(.notAnIndex(path: database, reason: "no such file")))
        }
        return open(readOnly: false)
    }

    /// The index to add documents to, created with `toSimplified` when missing.
    func openCreatingIfMissing(toSimplified: Bool) -> Index {
        open(readOnly: false, toSimplified: toSimplified)
    }

    private func open(readOnly: Bool, toSimplified: Bool = false) -> Index {
        do {
            return try Index(path: database, toSimplified: toSimplified, readOnly: readOnly)
        } catch {
            fail(.index(error))
        }
    }
}
