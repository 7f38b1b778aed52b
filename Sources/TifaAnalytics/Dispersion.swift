/// Dispersion measures over parts of different sizes (Gries 2008; Juilland's D as adapted to
/// unequal parts by using each part's rate).
enum DispersionMeasures {
    /// Juilland's D = 1 − CV / √(n − 1), where CV is the coefficient of variation (population
    /// standard deviation over mean) of the parts' rates `count / size`; nil for fewer than two
    /// parts, no occurrence or an empty part.
    static func juillandD(counts: [Int], sizes: [Int]) -> Double? {
        let n = counts.count
        guard n >= 2, counts.count == sizes.count, sizes.allSatisfy({ $0 > 0 }), counts.contains(where: { $0 > 0 }) else { return nil }
        let rates = zip(counts, sizes).map { Double($0) / Double($1) }
        let mean = rates.reduce(0, +) / Double(n)
        let variance = rates.reduce(0) { $0 + ($1 - mean) * ($1 - mean) } / Double(n)
        let cv = variance.squareRoot() / mean
        return 1 - cv / Double(n - 1).squareRoot()
    }

    /// Gries' DP = ½ Σ |countᵢ / Σcount − sizeᵢ / Σsize|; nil with no occurrence or no size.
    static func griesDP(counts: [Int], sizes: [Int]) -> Double? {
        let totalCount = counts.reduce(0, +), totalSize = sizes.reduce(0, +)
        guard totalCount > 0, totalSize > 0, counts.count == sizes.count else { return nil }
        return 0.5 * zip(counts, sizes).reduce(0) { $0 + abs(Double($1.0) / Double(totalCount) - Double($1.1) / Double(totalSize)) }
    }
}
