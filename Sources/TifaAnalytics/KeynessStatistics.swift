import Foundation

/// The keyness of an item from its counts in two slices and their sizes: `a` occurrences in a
/// target of `c`, `b` in a reference of `d`.
///
/// ```swift
/// let figures = KeynessStatistics(targetCount: 30, referenceCount: 10, targetSize: 10_000, referenceSize: 20_000)
/// // figures.logLikelihood ≈ 29.04, figures.logRatio ≈ 2.585 (log₂ 6), figures.percentDiff = 500
/// ```
public struct KeynessStatistics: Sendable, Equatable, Codable {
    /// Occurrences in the target (a) and in the reference (b).
    public var targetCount: Int
    public var referenceCount: Int
    /// Sizes of the target (c) and the reference (d), in the unit the counts are rates of.
    public var targetSize: Int
    public var referenceSize: Int

    /// The figures of these counts and sizes.
    public init(targetCount: Int, referenceCount: Int, targetSize: Int, referenceSize: Int) {
        self.targetCount = targetCount
        self.referenceCount = referenceCount
        self.targetSize = targetSize
        self.referenceSize = referenceSize
    }

    /// Log-likelihood G² (Rayson and Garside 2000): 2 Σ O ln(O / E) over the two slices, the
    /// expected counts taken from the slices' sizes; a zero count adds nothing.
    public var logLikelihood: Double {
        let a = Double(targetCount), b = Double(referenceCount), c = Double(targetSize), d = Double(referenceSize)
        guard c > 0, d > 0, a + b > 0 else { return 0 }
        let expectedTarget = c * (a + b) / (c + d), expectedReference = d * (a + b) / (c + d)
        func term(_ observed: Double, _ expected: Double) -> Double { observed > 0 ? observed * log(observed / expected) : 0 }
        return 2 * (term(a, expectedTarget) + term(b, expectedReference))
    }

    /// The chance of a G² this large when both slices share one rate (χ² with one degree of freedom).
    public var pValue: Double { erfc((logLikelihood / 2).squareRoot()) }

    /// Log Ratio (Hardie 2014): log₂ of the ratio of the two rates, a zero count taken as 0.5 so
    /// that the ratio stays finite.
    public var logRatio: Double {
        let a = max(Double(targetCount), 0.5), b = max(Double(referenceCount), 0.5)
        return log2((a / Double(targetSize)) / (b / Double(referenceSize)))
    }

    /// %DIFF (Gabrielatos and Marchi 2012): how much higher the target's rate is than the
    /// reference's, in percent; nil when the reference has none.
    public var percentDiff: Double? {
        guard referenceCount > 0 else { return nil }
        let target = Double(targetCount) / Double(targetSize), reference = Double(referenceCount) / Double(referenceSize)
        return (target - reference) * 100 / reference
    }

    /// Simple maths (Kilgarriff 2009): (rate per million in the target + 1) / (in the reference + 1).
    public var simpleMaths: Double {
        let target = Double(targetCount) * 1_000_000 / Double(targetSize)
        let reference = Double(referenceCount) * 1_000_000 / Double(referenceSize)
        return (target + 1) / (reference + 1)
    }

    /// Whether the target uses the item more than the reference does, by rate.
    public var overused: Bool {
        Double(targetCount) * Double(referenceSize) > Double(referenceCount) * Double(targetSize)
    }
}

/// How the significance threshold is corrected for testing many items at once.
public enum SignificanceCorrection: String, Sendable, CaseIterable, Codable {
    /// α / m.
    case bonferroni
    /// 1 − (1 − α)^(1/m).
    case sidak
    /// α itself.
    case none

    /// The threshold each of `tests` items must pass for an overall level `alpha`.
    public func threshold(alpha: Double, tests: Int) -> Double {
        let m = Double(max(1, tests))
        switch self {
        case .bonferroni: return alpha / m
        case .sidak: return 1 - pow(1 - alpha, 1 / m)
        case .none: return alpha
        }
    }
}
