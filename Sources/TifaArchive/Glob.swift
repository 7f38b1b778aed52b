#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Shell-style globs for include/exclude: a pattern without `/` matches the file name, one with
/// `/` the path below the folder. There `*` also crosses folders, and `**/` stands for any number
/// of folders, none included: `**/*.md` matches `top.md` and `a/b/deep.md`.
enum Glob {
    static func matches(_ pattern: String, _ relativePath: String) -> Bool {
        if pattern.contains("/") {
            if fnmatch(pattern, relativePath, 0) == 0 { return true }
            // Zero folders where `**/` stands; more than one are already matched by `*`.
            return pattern.contains("**/") && fnmatch(pattern.replacingOccurrences(of: "**/", with: ""), relativePath, 0) == 0
        }
        let name = relativePath.split(separator: "/").last.map(String.init) ?? relativePath
        return fnmatch(pattern, name, 0) == 0
    }
}
