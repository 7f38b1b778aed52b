import TifaIndex

/// How often a phrase occurs over time (or by speaker or source): exact occurrences per bucket,
/// the bucket's size, the rate per million characters, the first and last document that has it,
/// and how evenly it is spread over the documents.
public struct Trend: Sendable, Equatable, Codable {
    /// One bucket: a year, a month, a speaker or a source.
    public struct Bucket: Sendable, Equatable, Codable {
        /// The year (`2024`), month (`2024-03`), speaker or source; `unknown` for documents without one.
        public var key: String
        /// Occurrences of the phrase in the bucket's documents, overlapping ones included.
        public var occurrences: Int
        /// The bucket's documents that have the phrase.
        public var documents: Int
        /// Characters of the bucket's documents (their matching form): what the rate is taken over.
        public var characters: Int
        /// Occurrences per million characters; 0 for an empty bucket.
        public var perMillion: Double

        /// A bucket from its counts.
        public init(key: String, occurrences: Int, documents: Int, characters: Int, perMillion: Double) {
            self.key = key
            self.occurrences = occurrences
            self.documents = documents
            self.characters = characters
            self.perMillion = perMillion
        }
    }

    /// A document where the phrase appears.
    public struct Appearance: Sendable, Equatable, Codable {
        /// The document's date, when it has one.
        public var date: String?
        /// The document's id.
        public var id: String

        /// The document `id`, dated `date`.
        public init(date: String?, id: String) {
            self.date = date
            self.id = id
        }
    }

    /// How evenly the occurrences spread over the documents (the parts), by their sizes.
    public struct Dispersion: Sendable, Equatable, Codable {
        /// Documents that have the phrase.
        public var range: Int
        /// Juilland's D over the documents' rates (occurrences per character): 1 when every
        /// document has the same rate, towards 0 when one holds them all; nil with fewer than two
        /// documents or no occurrence.
        public var juillandD: Double?
        /// Gries' deviation of proportions: 0 when each document holds the share of the
        /// occurrences its size predicts, towards 1 when they crowd into a small part; nil with no
        /// occurrence.
        public var griesDP: Double?
    }

    /// The phrase as asked for.
    public var phrase: String
    /// Every bucket of the documents counted, in key order, those without the phrase included.
    public var buckets: [Bucket]
    /// The earliest dated document with the phrase (the lowest-numbered one when none is dated).
    public var first: Appearance?
    /// The latest dated document with the phrase (the highest-numbered one when none is dated).
    public var last: Appearance?
    /// How evenly the phrase spreads over the documents counted.
    public var dispersion: Dispersion
}

/// What a trend's buckets group documents by.
public enum TrendGrouping: String, Sendable, CaseIterable, Codable {
    /// By the year or month of the date, by speaker, by source; `unknown` without one.
    case year, month, speaker, source

    func key(of document: DocumentInfo) -> String {
        switch self {
        case .year: return document.year ?? "unknown"
        case .month: return document.month ?? "unknown"
        case .speaker: return document.speaker ?? "unknown"
        case .source: return document.source ?? "unknown"
        }
    }
}
