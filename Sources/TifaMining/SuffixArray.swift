/// Suffixes of the corpus text sorted by their first `depth` characters, with the longest common
/// prefix (up to `depth`) of each suffix and the one before it. Memory: 5 bytes a character.
struct SuffixArray {
    let depth: Int
    /// Start positions of the suffixes that begin with a Han character, sorted.
    var suffixes: [Int32] = []
    /// lcp[i]: common prefix of suffixes[i−1] and suffixes[i], capped at `depth`; lcp[0] = 0.
    var lcp: [UInt8] = []

    init(_ text: [UInt32], depth: Int = 16) {
        self.depth = depth
        suffixes = (0..<text.count).filter { !MiningCorpus.isSeparator(text[$0]) }.map(Int32.init)
        text.withUnsafeBufferPointer { t in
            suffixes.sort { a, b in
                var i = Int(a), j = Int(b)
                for _ in 0..<depth {
                    let x = t[i], y = t[j]
                    if x != y { return x < y }
                    if MiningCorpus.isSeparator(x) { return a < b }
                    i += 1
                    j += 1
                }
                return a < b
            }
            lcp = [UInt8](repeating: 0, count: suffixes.count)
            for k in 1..<max(1, suffixes.count) {
                var i = Int(suffixes[k - 1]), j = Int(suffixes[k])
                var l = 0
                while l < depth, t[i] == t[j], !MiningCorpus.isSeparator(t[i]) {
                    l += 1
                    i += 1
                    j += 1
                }
                lcp[k] = UInt8(l)
            }
        }
    }

    /// The range of `suffixes` that start with `pattern` (Han characters only).
    func range(of pattern: ArraySlice<UInt32>, in text: [UInt32]) -> Range<Int> {
        func compare(_ suffix: Int32) -> Int {
            var i = Int(suffix)
            for c in pattern {
                let x = text[i]
                if x != c { return x < c ? -1 : 1 }
                i += 1
            }
            return 0
        }
        var lo = 0, hi = suffixes.count
        while lo < hi {
            let mid = (lo + hi) / 2
            if compare(suffixes[mid]) < 0 { lo = mid + 1 } else { hi = mid }
        }
        let start = lo
        hi = suffixes.count
        while lo < hi {
            let mid = (lo + hi) / 2
            if compare(suffixes[mid]) <= 0 { lo = mid + 1 } else { hi = mid }
        }
        return start..<lo
    }
}
