/// Why a dictionary could not be loaded. Each case names the file and, where it applies, the line.
public enum LexiconError: Error, CustomStringConvertible, Sendable, Equatable {
    case unreadable(path: String, reason: String)
    case invalidUTF8(path: String, line: Int, byteOffset: Int)
    case badFrequency(path: String, line: Int, text: String)
    case badRole(path: String, line: Int, text: String)
    case noDictionaries(directory: String)
    case icu(ICUError)

    public var description: String {
        switch self {
        case let .unreadable(path, reason):
            return "cannot read dictionary \(path): \(reason)"
        case let .invalidUTF8(path, line, byteOffset):
            return "\(path):\(line): invalid UTF-8 at byte \(byteOffset); dictionaries must be UTF-8 text"
        case let .badFrequency(path, line, text):
            return "\(path):\(line): frequency '\(text)' is not a whole number (format: word<TAB>frequency<TAB>tag)"
        case let .badRole(path, line, text):
            return "\(path):\(line): '\(text)' is no naming role (format: word<TAB>role, role one of naming-head, organ-tail, campaign-tail, system-tail, governing)"
        case let .noDictionaries(directory):
            return "no .dict files in \(directory); a dictionary folder holds general.dict and political.dict"
        case let .icu(error):
            return error.description
        }
    }
}
