/// Why a dictionary could not be loaded. Each case names the file and, where it applies, the line.
///
/// ```swift
/// do throws(LexiconError) {
///     _ = try Lexicon.bundled(userDictionaries: ["user.dict"])
/// } catch {
///     print(error)   // when its first line is 两个维护<TAB>abc:
///                    // user.dict:1: frequency 'abc' is not a whole number (format: word<TAB>frequency<TAB>tag)
/// }
/// ```
public enum LexiconError: Error, CustomStringConvertible, Sendable, Equatable {
    /// The file or folder cannot be read.
    case unreadable(path: String, reason: String)
    /// A line is not UTF-8; `byteOffset` is into the file.
    case invalidUTF8(path: String, line: Int, byteOffset: Int)
    /// The second field of a line is not a whole number.
    case badFrequency(path: String, line: Int, text: String)
    /// A naming grammar's line names a role the grammar does not have.
    case badRole(path: String, line: Int, text: String)
    /// The folder given for the dictionaries holds no `.dict` file.
    case noDictionaries(directory: String)
    /// ICU, which normalizes the entries, failed.
    case icu(ICUError)

    /// The failure with its file and line, and the format the line should have.
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
