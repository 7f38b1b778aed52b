/// Suffixes of the corpus text sorted by their first `depth` characters, with the longest common
/// prefix (up to `depth`) of each suffix and the one before it. Memory: 5 bytes a character, and
/// the range of each distinct pair of first characters.
struct SuffixArray {
    let depth: Int
    /// Start positions of the suffixes that begin with a Han character, sorted.
    var suffixes: [Int32] = []
    /// lcp[i]: common prefix of suffixes[i−1] and suffixes[i], capped at `depth`; lcp[0] = 0.
    var lcp: [UInt8] = []
    /// Where the suffixes starting with each pair of Han characters lie: a search for a phrase
    /// starts inside its first pair's range, a few entries instead of the whole array.
    var pairRanges: [UInt64: Range<Int32>] = [:]

    init(_ text: [UInt32], depth: Int = 16) {
        self.depth = depth
        suffixes = (0..<text.count).filter { !MiningCorpus.isSeparator(text[$0]) }.map(Int32.init)
        text.withUnsafeBufferPointer { t in
            suffixes.withUnsafeMutableBufferPointer { s in Self.sort(s, t, depth: depth) }
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
            var start = 0
            for k in 0...suffixes.count {
                guard k == suffixes.count || lcp[k] < 2 else { continue }
                if k > start, start < suffixes.count {
                    let p = Int(suffixes[start])
                    if !MiningCorpus.isSeparator(t[p + 1]) {
                        pairRanges[UInt64(t[p]) << 32 | UInt64(t[p + 1])] = Int32(start)..<Int32(k)
                    }
                }
                start = k
            }
        }
        #if DEBUG
        for k in 1..<max(1, suffixes.count) {
            precondition(text.withUnsafeBufferPointer { Self.less(suffixes[k - 1], suffixes[k], $0, from: 0, depth: depth) })
        }
        #endif
    }

    /// Whether suffix `a` sorts before suffix `b`, given that they agree on their first `from`
    /// characters (all Han): by their characters up to `depth`, a separator ending the comparison
    /// (equal separators, and suffixes equal to `depth`, sort by position).
    @inline(__always)
    static func less(_ a: Int32, _ b: Int32, _ t: UnsafeBufferPointer<UInt32>, from: Int, depth: Int) -> Bool {
        var i = Int(a) + from, j = Int(b) + from
        for _ in from..<depth {
            let x = t[i], y = t[j]
            if x != y { return x < y }
            if MiningCorpus.isSeparator(x) { return a < b }
            i += 1
            j += 1
        }
        return a < b
    }

    /// Multikey quicksort (three-way radix quicksort) to `depth` characters: each character of a
    /// suffix is looked at about once per level, so long repeats cost `depth` passes, not `depth`
    /// character comparisons in every one of n log n comparisons. Groups still equal at a separator
    /// or at `depth` are ordered by position.
    static func sort(_ s: UnsafeMutableBufferPointer<Int32>, _ t: UnsafeBufferPointer<UInt32>, depth: Int) {
        var stack: [(lo: Int, hi: Int, d: Int)] = [(0, s.count, 0)]
        while let (lo, hi, d) = stack.popLast() {
            let n = hi - lo
            if n <= 1 { continue }
            if d >= depth {
                var equal = UnsafeMutableBufferPointer(rebasing: s[lo..<hi])
                equal.sort()
                continue
            }
            if n <= 12 {
                for i in (lo + 1)..<hi {
                    let x = s[i]
                    var j = i
                    while j > lo, less(x, s[j - 1], t, from: d, depth: depth) {
                        s[j] = s[j - 1]
                        j -= 1
                    }
                    s[j] = x
                }
                continue
            }
            @inline(__always) func key(_ i: Int) -> UInt32 { t[Int(s[i]) + d] }
            let a = key(lo), b = key(lo + n / 2), c = key(hi - 1)
            let pivot = a < b ? (b < c ? b : (a < c ? c : a)) : (a < c ? a : (b < c ? c : b))
            var lt = lo, i = lo, gt = hi
            while i < gt {
                let k = key(i)
                if k < pivot {
                    s.swapAt(lt, i)
                    lt += 1
                    i += 1
                } else if k > pivot {
                    gt -= 1
                    s.swapAt(i, gt)
                } else {
                    i += 1
                }
            }
            stack.append((lo, lt, d))
            stack.append((gt, hi, d))
            if MiningCorpus.isSeparator(pivot) {
                var ended = UnsafeMutableBufferPointer(rebasing: s[lt..<gt])
                ended.sort()
            } else {
                stack.append((lt, gt, d + 1))
            }
        }
    }

    /// The range of `suffixes` that start with `pattern` (Han characters only).
    func range(of pattern: ArraySlice<UInt32>, in text: [UInt32]) -> Range<Int> {
        var lo = 0, hi = suffixes.count
        if pattern.count >= 2 {
            guard let pair = pairRanges[UInt64(pattern[pattern.startIndex]) << 32 | UInt64(pattern[pattern.startIndex + 1])] else {
                return 0..<0
            }
            lo = Int(pair.lowerBound)
            hi = Int(pair.upperBound)
        }
        let end = hi
        func compare(_ suffix: Int32) -> Int {
            var i = Int(suffix)
            for c in pattern {
                let x = text[i]
                if x != c { return x < c ? -1 : 1 }
                i += 1
            }
            return 0
        }
        while lo < hi {
            let mid = (lo + hi) / 2
            if compare(suffixes[mid]) < 0 { lo = mid + 1 } else { hi = mid }
        }
        let start = lo
        guard start < end, compare(suffixes[start]) == 0 else { return start..<start }
        // The matches run on from `start`; most are few against their pair's range, so their end
        // is found by galloping from the start rather than by halving the whole range.
        var matched = start, step = 1, bound = end
        while matched + step < end {
            if compare(suffixes[matched + step]) == 0 {
                matched += step
                step *= 2
            } else {
                bound = matched + step
                break
            }
        }
        lo = matched + 1
        hi = bound
        while lo < hi {
            let mid = (lo + hi) / 2
            if compare(suffixes[mid]) == 0 { lo = mid + 1 } else { hi = mid }
        }
        return start..<lo
    }
}
