import Foundation
import TifaText

/// A document of a corpus the political lexicon is built from.
///
/// ```swift
/// let document = SourceDocument(corpus: "work-reports", id: "gwr-2024", date: "2024-03-05", text: "…")
/// ```
public struct SourceDocument: Sendable {
    /// The corpus it belongs to (a provenance column of the lexicon).
    public var corpus: String
    /// The document's name, recorded as where an entry was first seen.
    public var id: String
    /// `YYYY`, `YYYY-MM` or `YYYY-MM-DD`: the earliest date of an entry's documents is its first date.
    public var date: String?
    /// The document's text.
    public var text: String

    /// A document of `corpus`.
    public init(corpus: String, id: String, date: String?, text: String) {
        self.corpus = corpus
        self.id = id
        self.date = date
        self.text = text
    }
}

/// Builds the political lexicon (`Dictionaries/political.dict`) from corpora with the product's
/// own miner: every hand-written entry, and every mined candidate that is a unit the texts repeat
/// verbatim — each with its kind, where it was first seen and its count in each corpus.
///
/// A mined candidate (three to twelve characters) enters when the texts mark it as a unit:
/// - quoted (“…”) at least `minimumQuoted` times, in at least `minimumQuotedShare` of its
///   occurrences; or
/// - named by the naming grammars (its last word an organ, campaign or system tail: …委员会,
///   …攻坚战, …战略) and statistically a unit: at least `minimumCount` occurrences in two or more
///   documents, branching entropy of at least `minimumEntropy` on both sides (varied neighbours: an
///   n-gram almost always continued by the same character is not finished) and cohesion (minimum
///   PMI) of at least `minimumCohesion`;
///
/// or was reviewed and accepted (`reviewed`): a candidate the texts bind but do not mark — at least
///   `minimumBoundDocuments` documents, statistically a unit as above, and at every split point one
///   side found inside the whole in at least `minimumBoundShare` of its occurrences (治国理政,
///   复工复产, 社会主义商品经济). The share is low on purpose — 商品经济 is mostly found elsewhere —
///   so that the review sees every candidate the statistics support. Such candidates are as often news phrasing (今天首先来看) or fragments
///   (亿四千万) as formulations, so they enter only by a reviewer's verdict; those without one are
///   returned as `pending`, for review;
///
/// and is not a free combination (see `isFreeCombination`: 推动|高质量发展, 新质生产力|稳步发展),
/// holds no governing verb or adverb (扎实开展|主题教育, 中共中央政治局|召开|会议), does not join a person's name to a
/// title, start or end with a function character (是, 把, 的, 了 …), or repeat an ordinary word,
/// name or place the lexicon already has. A reviewed rejection keeps any candidate out. Frequent
/// n-grams that are neither marked nor bound are left to the hand-written lists: in news they are as
/// often boilerplate (查看原文) or free phrases (稳步推进) as formulations.
///
/// ```swift
/// let lexicon = try Lexicon.load(general: "Dictionaries/general.dict", political: ["Dictionaries/sources/formulations.tsv"])
/// let builder = try PoliticalLexiconBuilder(lexicon: lexicon, handWritten: [("两个维护", .numbered)])
/// let entries = builder.build([SourceDocument(corpus: "news", id: "1", date: "2024-01-01", text: "…")])
/// ```
public struct PoliticalLexiconBuilder: Sendable {
    /// Occurrences a named candidate needs.
    public var minimumCount = 5
    /// Quoted occurrences a quoted candidate needs.
    public var minimumQuoted = 3
    /// Branching entropy a named candidate needs on each side.
    public var minimumEntropy = 1.0
    /// Cohesion (minimum PMI over its split points) a named candidate needs.
    public var minimumCohesion = 4.0
    /// Share of a quoted candidate's occurrences that must be quoted.
    public var minimumQuotedShare = 0.3
    /// A candidate split into A + B is a free combination when A is followed by B in less than
    /// this share of A's occurrences and B preceded by A in less than this share of B's.
    public var freeCombinationShare = 0.3
    /// Longest mined entry, in characters.
    public var maximumLength = 12
    /// Documents a bound candidate needs to be put up for review.
    public var minimumBoundDocuments = 5
    /// Share of a part's occurrences that must lie inside a bound candidate, at every split point,
    /// for one of the two parts.
    public var minimumBoundShare = 0.15

    let miner: PhraseMiner
    let lexicon: Lexicon
    let handWritten: [(word: String, kind: LexiconTag)]
    let verdicts: [String: ReviewVerdict]

    /// `lexicon` is what mining knows (the general lexicon and the hand-written list, not the
    /// political lexicon being rebuilt); `handWritten` are entries kept whatever the corpora say;
    /// `reviewed` are verdicts on mined candidates (a later verdict on a word replaces an earlier
    /// one; `phrasectl dict build` refuses two different verdicts).
    public init(
        lexicon: Lexicon, handWritten: [(word: String, kind: LexiconTag)], reviewed: [(word: String, verdict: ReviewVerdict)] = []
    ) throws {
        self.lexicon = lexicon
        self.handWritten = handWritten
        verdicts = Dictionary(reviewed.map { ($0.word, $0.verdict) }, uniquingKeysWith: { _, later in later })
        miner = try PhraseMiner(lexicon: lexicon)
    }

    /// Function characters no set phrase starts or ends with: a candidate with one at its edge
    /// has grown across a word boundary (是党中央着眼, 韩正等).
    static let badFirst = Set("是把我同据对在将和与及从向由被让给于也都就还又并而要会能等了的着说其该这那此各每个轮批次届年月日号方".unicodeScalars.map(\.value))
    static let badLast = Set("的了着等是和与及在为对把到从向将被地得之也都就还又并而要能说其该这那此各每".unicodeScalars.map(\.value))

    /// The entries, most frequent first (ties by word), deterministic for the same input.
    public func build(_ documents: [SourceDocument], progress: (MiningStage) -> Void = { _ in }) -> [PoliticalLexiconEntry] {
        buildWithPending(documents, progress: progress).entries
    }

    /// The entries, and the bound candidates that await a verdict (most frequent first, ties by
    /// phrase), each with one place it occurs for the reviewer to read.
    public func buildWithPending(
        _ documents: [SourceDocument], progress: (MiningStage) -> Void = { _ in }
    ) -> (entries: [PoliticalLexiconEntry], pending: [PendingCandidate]) {
        let (candidates, corpus, sa) = miner.mineCorpus(
            documents.map(\.text), minimumCount: minimumCount, newOnly: false, progress: progress)
        let text = corpus.text
        func count(_ scalars: ArraySlice<UInt32>) -> Int { sa.range(of: scalars, in: text).count }

        var chosen: [String: (kind: LexiconTag, origin: PoliticalLexiconEntry.Origin)] = [:]
        var pending: [PendingCandidate] = []
        for (word, kind) in handWritten { chosen[word] = (kind, .hand) }
        for c in candidates {
            let scalars = Array(c.phrase.unicodeScalars.map(\.value))
            guard scalars.count <= maximumLength, !c.ordinaryWord else { continue }
            let verdict = verdicts[c.phrase]
            if verdict == .reject { continue }
            guard !Self.badFirst.contains(scalars[0]), !Self.badLast.contains(scalars[scalars.count - 1]) else { continue }
            guard scalars.count >= 3, !startsWithGoverningWord(scalars), !holdsGoverningWord(scalars), !joinsName(scalars)
            else { continue }
            let quotedTimes = Int((c.quoted * Double(c.count)).rounded())
            let quoted = quotedTimes >= minimumQuoted && c.quoted >= minimumQuotedShare
            let named = lexicon.namedKind(of: scalars)
            let statistical = c.count >= minimumCount && c.documents >= 2
                && min(c.leftEntropy, c.rightEntropy) >= minimumEntropy && c.cohesion >= minimumCohesion
            let marked = quoted || (statistical && named != nil)
            let bound = !marked && statistical && c.documents >= minimumBoundDocuments
                && isBound(scalars, total: c.count, count: count)
            guard marked || bound else { continue }
            if isFreeCombination(scalars, total: c.count, count: count) { continue }
            if let existing = chosen[c.phrase] {
                if existing.origin == .hand { chosen[c.phrase]!.origin = .both }
                continue
            }
            if case let .accept(kind) = verdict {
                chosen[c.phrase] = (kind, .reviewed)
            } else if marked {
                chosen[c.phrase] = (named ?? (c.numbered ? .numbered : quoted ? .slogan : .tifa), .mined)
            } else {
                let at = Int(sa.suffixes[sa.range(of: scalars[...], in: text).lowerBound])
                pending.append(
                    PendingCandidate(
                        phrase: c.phrase, count: c.count, documents: c.documents,
                        context: string(text[max(0, at - 12)..<min(text.count, at + scalars.count + 12)])))
            }
        }

        // Provenance: counts per corpus and the first document, by date, that holds each entry.
        let corpusNames = orderedCorpora(documents)
        var entries: [PoliticalLexiconEntry] = []
        entries.reserveCapacity(chosen.count)
        for (word, choice) in chosen {
            let scalars = Array(word.unicodeScalars.map(\.value))
            var counts: [String: Int] = [:]
            var first: Int? = nil
            if scalars.allSatisfy(isHan) && !scalars.isEmpty {
                for k in sa.range(of: scalars[...], in: text) {
                    let d = corpus.document(at: Int(sa.suffixes[k]))
                    counts[documents[d].corpus, default: 0] += 1
                    if first.map({ isEarlier(documents[d], than: documents[$0]) }) ?? true { first = d }
                }
            }
            let total = counts.values.reduce(0, +)
            entries.append(
                PoliticalLexiconEntry(
                    word: word, kind: choice.kind, origin: choice.origin, frequency: total,
                    firstDate: first.flatMap { documents[$0].date }, firstDocument: first.map { documents[$0].id },
                    counts: corpusNames.map { ($0, counts[$0] ?? 0) }))
        }
        return (
            entries.sorted { ($0.frequency, $1.word) > ($1.frequency, $0.word) },
            pending.sorted { ($0.count, $1.phrase) > ($1.count, $0.phrase) }
        )
    }

    /// Whether at every split point A + B one of the parts lies inside the whole in at least
    /// `minimumBoundShare` of its occurrences: 治国|理政 and 社会主义|商品经济 are bound, and so is
    /// 推动|高质量发展 (22% of 高质量发展 follows 推动), which `isFreeCombination` then leaves out.
    func isBound(_ scalars: [UInt32], total: Int, count: (ArraySlice<UInt32>) -> Int) -> Bool {
        guard scalars.count >= 3 else { return false }
        for k in 1..<scalars.count {
            let a = scalars[..<k], b = scalars[k...]
            let share = Double(total) / Double(max(1, min(count(a), count(b))))
            if share < minimumBoundShare { return false }
        }
        return true
    }

    /// Whether some split A + B (two or more characters each, one of them a lexicon word) is a
    /// free combination: A is followed by B in less than `freeCombinationShare` of A's
    /// occurrences, and B preceded by A in less than that share of B's. 推动|高质量发展 is free
    /// (推动 is followed, and 高质量发展 preceded, by many others); 全面|从严治党 is not
    /// (从严治党 is nearly always written after 全面).
    func isFreeCombination(_ scalars: [UInt32], total: Int, count: (ArraySlice<UInt32>) -> Int) -> Bool {
        guard scalars.count >= 4 else { return false }
        for k in 2...(scalars.count - 2) {
            let a = scalars[..<k], b = scalars[k...]
            guard lexicon.entry(for: string(a)) != nil || lexicon.entry(for: string(b)) != nil else { continue }
            let limit = freeCombinationShare
            if Double(total) < limit * Double(max(1, count(a))) && Double(total) < limit * Double(max(1, count(b))) {
                return true
            }
        }
        return false
    }

    /// Whether the candidate starts with a governing verb or adverb of two or more characters
    /// (推动, 扎实开展, 全面贯彻): a frame around a unit, not a unit.
    private func startsWithGoverningWord(_ scalars: [UInt32]) -> Bool {
        for k in 2..<scalars.count where lexicon.isGoverning(scalars[..<k]) { return true }
        return false
    }

    /// Whether a governing verb or adverb of two or more characters stands inside the candidate
    /// (中共中央政治局|召开|会议, 党的二十大|胜利召开): a clause, not a name.
    private func holdsGoverningWord(_ scalars: [UInt32]) -> Bool {
        for start in 1..<scalars.count {
            for end in (start + 2)...max(start + 2, min(scalars.count, start + 4)) where end <= scalars.count {
                if lexicon.isGoverning(scalars[start..<end]) { return true }
            }
        }
        return false
    }

    /// Whether the candidate joins a person's name to something else (习近平总书记, 国家主席习近平).
    private func joinsName(_ scalars: [UInt32]) -> Bool {
        for k in 2..<(scalars.count - 1) {
            if lexicon.entry(for: string(scalars[..<k]))?.tag == .person { return true }
            if lexicon.entry(for: string(scalars[k...]))?.tag == .person { return true }
        }
        return false
    }

    private func string(_ scalars: ArraySlice<UInt32>) -> String {
        String(String.UnicodeScalarView(scalars.compactMap(Unicode.Scalar.init)))
    }

    private func isEarlier(_ a: SourceDocument, than b: SourceDocument) -> Bool {
        switch (a.date, b.date) {
        case let (x?, y?) where x != y: return x < y
        case (.some, nil): return true
        case (nil, .some): return false
        default: return a.id < b.id
        }
    }

    /// Corpus names in the order they first appear.
    private func orderedCorpora(_ documents: [SourceDocument]) -> [String] {
        var seen = Set<String>()
        return documents.compactMap { seen.insert($0.corpus).inserted ? $0.corpus : nil }
    }
}

/// One entry of the political lexicon with its provenance; ``dictionaryLine`` is the entry as
/// `Dictionaries/political.dict` holds it.
public struct PoliticalLexiconEntry: Sendable, Equatable {
    /// Whether the entry is hand-written, mined, or both.
    public enum Origin: String, Sendable {
        /// From a hand-written list only.
        case hand
        /// Mined only.
        case mined
        /// In a hand-written list and mined too.
        case both = "hand+mined"
        /// Mined, bound but not marked by the texts, and accepted on review.
        case reviewed = "mined+reviewed"
    }

    /// The entry's text.
    public var word: String
    /// What kind of unit it is: a hand-written entry's kind; for a mined one, the kind its name
    /// gives (an organ, a campaign, a strategy), else `numbered` by its shape, `slogan` when quoted,
    /// or `tifa`.
    public var kind: LexiconTag
    /// Where the entry comes from.
    public var origin: Origin
    /// Occurrences in all corpora.
    public var frequency: Int
    /// The date of `firstDocument`.
    public var firstDate: String?
    /// The earliest-dated document it occurs in.
    public var firstDocument: String?
    /// Occurrences per corpus, in the corpora's order.
    public var counts: [(corpus: String, count: Int)]

    /// Equal in every field, the counts compared corpus by corpus.
    public static func == (a: Self, b: Self) -> Bool {
        a.word == b.word && a.kind == b.kind && a.origin == b.origin && a.frequency == b.frequency
            && a.firstDate == b.firstDate && a.firstDocument == b.firstDocument
            && a.counts.map(\.corpus) == b.counts.map(\.corpus) && a.counts.map(\.count) == b.counts.map(\.count)
    }

    /// The entry as a line of a dictionary file:
    /// `word<TAB>frequency<TAB>kind<TAB>origin=…<TAB>first=…<TAB>firstDocument=…<TAB>CORPUS=N…`.
    /// A hand-written entry the corpora never mention gets frequency 5 for the segmenter and
    /// `count=0` in its provenance.
    public var dictionaryLine: String {
        var fields = [word, String(max(frequency, 5)), kind.rawValue, "origin=\(origin.rawValue)"]
        if let firstDate { fields.append("first=\(firstDate)") }
        if let firstDocument { fields.append("firstDocument=\(firstDocument.replacingOccurrences(of: "\t", with: " "))") }
        fields.append("count=\(frequency)")
        for (corpus, n) in counts { fields.append("\(corpus)=\(n)") }
        return fields.joined(separator: "\t")
    }
}

/// A reviewer's verdict on a mined candidate (`Dictionaries/sources/reviewed.tsv`).
public enum ReviewVerdict: Sendable, Equatable {
    /// A unit the documents repeat verbatim, of this kind.
    case accept(LexiconTag)
    /// Not a unit (news phrasing, a fragment, a free combination): never an entry.
    case reject
}

/// A bound candidate no reviewer has judged yet.
public struct PendingCandidate: Sendable, Equatable {
    /// The candidate's text.
    public var phrase: String
    /// Occurrences in all corpora.
    public var count: Int
    /// Documents holding it.
    public var documents: Int
    /// The text around its first occurrence in suffix order, up to twelve characters each side.
    public var context: String
}
