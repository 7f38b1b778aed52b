import ArgumentParser
import Tifa

/// Errors the commands report; each maps to a sysexits-style exit code.
enum CLIError: Error, CustomStringConvertible {
    case cannotOpen(path: String, reason: String)
    case cannotRead(path: String, reason: String)
    case cannotWrite(path: String, reason: String)
    case invalidUTF8(path: String, line: Int, byteOffset: Int)
    case dictionary(String)
    case index(IndexError)
    case input(String)
    /// Nothing to work on: a query or id that selects no document.
    case nothing(String)

    var description: String {
        switch self {
        case let .cannotOpen(path, reason): return "cannot open \(path): \(reason)"
        case let .cannotRead(path, reason): return "cannot read \(path): \(reason)"
        case let .cannotWrite(path, reason): return "cannot write \(path): \(reason)"
        case let .invalidUTF8(path, line, offset):
            return "\(path): invalid UTF-8 at byte \(offset) (line \(line)); convert the file to UTF-8, or pass --lossy to replace bad bytes with U+FFFD"
        case let .dictionary(message): return message
        case let .index(error):
            switch error {
            case let .notAnIndex(path, reason) where reason == "no such file":
                return "\(error); make it with phrasectl index --db \(path) FILE…"
            case .notAnIndex: return "\(error); give --db a new file name or an index made by phrasectl index"
            case .corrupt: return "\(error); rebuild it from its sources with phrasectl index --db NEW.tifa FILE…"
            default: return error.description
            }
        case let .input(message): return message
        case let .nothing(message): return message
        }
    }

    var exitCode: ExitCode {
        switch self {
        case .cannotOpen: return ExitCode(66)  // EX_NOINPUT
        case .cannotRead, .cannotWrite: return ExitCode(74)  // EX_IOERR
        case .invalidUTF8: return ExitCode(65)  // EX_DATAERR
        case .dictionary: return ExitCode(78)  // EX_CONFIG
        case let .index(error):
            switch error {
            case .query, .emptyPhrase: return ExitCode(64)  // EX_USAGE
            case .documentNotFound: return ExitCode(1)
            case .cannotCreate: return ExitCode(73)  // EX_CANTCREAT
            case .cannotWrite: return ExitCode(74)  // EX_IOERR
            default: return ExitCode(65)  // EX_DATAERR
            }
        case .input: return ExitCode(65)
        case .nothing: return ExitCode(1)
        }
    }
}

/// Prints `error` as `phrasectl: …` on standard error and exits with its code.
func fail(_ error: CLIError) -> Never {
    var stderr = StandardError()
    print("phrasectl: \(error)", to: &stderr)
    Phrasectl.exit(withError: error.exitCode)
}

struct StandardError: TextOutputStream {
    mutating func write(_ string: String) {
        var string = string
        string.withUTF8 { _ = systemWriteError(2, $0.baseAddress, $0.count) }
    }
}

#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

#if canImport(Glibc)
private let systemWriteError = Glibc.write
#elseif canImport(Darwin)
private let systemWriteError = Darwin.write
#endif
