#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Shell-style globs for include/exclude: a pattern without `/` matches the file name, one with
/// `/` the path below the folder (there `*` also crosses folders, so `**/x` works too).
enum Glob {
    static func matches(_ pattern: String, _ relativePath: String) -> Bool {
        if pattern.contains("/") {
            return fnmatch(pattern, relativePath, 0) == 0
        }
        let name = relativePath.split(separator: "/").last.map(String.init) ?? relativePath
        return fnmatch(pattern, name, 0) == 0
    }
}
