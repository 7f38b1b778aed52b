import Foundation

/// A word that keeps company with a phrase: how often it falls in the window around the phrase,
/// its own frequency, and the association measures computed from the two (Evert 2008; Brezina,
/// McEnery and Wattam 2015). The expected co-occurrence is E = nodeFrequency × collocateFrequency
/// / corpusSize.
public struct Collocate: Sendable, Equatable, Codable {
    /// The word.
    public var collocate: String
    /// Times it falls in the window around an occurrence of the phrase (O).
    public var cooccurrences: Int
    /// Its occurrences in the documents counted (as the word postings count it).
    public var collocateFrequency: Int
    /// The phrase's exact occurrences in the documents counted.
    public var nodeFrequency: Int
    /// Word occurrences in the documents counted (as the word postings count them).
    public var corpusSize: Int
    /// Documents where the two co-occur.
    public var documents: Int

    /// A collocate from its counts, for measures of counts of your own.
    public init(collocate: String, cooccurrences: Int, collocateFrequency: Int, nodeFrequency: Int, corpusSize: Int, documents: Int) {
        self.collocate = collocate
        self.cooccurrences = cooccurrences
        self.collocateFrequency = collocateFrequency
        self.nodeFrequency = nodeFrequency
        self.corpusSize = corpusSize
        self.documents = documents
    }

    var expected: Double { Double(nodeFrequency) * Double(collocateFrequency) / Double(max(1, corpusSize)) }

    /// Log-likelihood G² over the 2×2 table of node and collocate (cells at or below zero add nothing).
    public var logLikelihood: Double {
        let n = Double(corpusSize), r1 = Double(nodeFrequency), c1 = Double(collocateFrequency), o11 = Double(cooccurrences)
        let observed = [o11, r1 - o11, c1 - o11, n - r1 - c1 + o11]
        let expected = [r1 * c1 / n, r1 * (n - c1) / n, (n - r1) * c1 / n, (n - r1) * (n - c1) / n]
        return 2 * zip(observed, expected).reduce(0) { $0 + ($1.0 > 0 && $1.1 > 0 ? $1.0 * log($1.0 / $1.1) : 0) }
    }

    /// Mutual information, log₂(O / E).
    public var mi: Double { log2(Double(cooccurrences) / expected) }
    /// MI³, log₂(O³ / E): MI that favours frequent pairs.
    public var mi3: Double { log2(pow(Double(cooccurrences), 3) / expected) }
    /// logDice, 14 + log₂(2·O / (nodeFrequency + collocateFrequency)): at most 14, independent of the corpus size.
    public var logDice: Double { 14 + log2(2 * Double(cooccurrences) / Double(nodeFrequency + collocateFrequency)) }
    /// The t-score, (O − E) / √O.
    public var t: Double { (Double(cooccurrences) - expected) / Double(cooccurrences).squareRoot() }

    /// This collocate's value of `measure`.
    public func value(of measure: CollocationMeasure) -> Double {
        switch measure {
        case .ll: return logLikelihood
        case .mi: return mi
        case .mi3: return mi3
        case .logdice: return logDice
        case .t: return t
        }
    }
}

/// What collocates are ranked by.
public enum CollocationMeasure: String, Sendable, CaseIterable, Codable {
    /// Log-likelihood, MI, MI³, logDice, t-score.
    case ll, mi, mi3, logdice, t
}
