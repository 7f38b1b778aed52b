import Foundation
import TifaText

/// N-gram statistics computed outside this process — by the Spark job `Distributed/spark/mine.py`
/// over an archive too large for one machine — read from their folder so that
/// ``PhraseMiner/mine(_:minimumCount:newOnly:progress:)-(MiningStatistics,_,_,_)`` ranks them with
/// the same selection and score as mining the text itself.
///
/// The folder (written down in `Distributed/spark/README.md`):
///
/// - `summary.json`: `{"format": "tifa-mining-statistics", "version": 1, "documents": N,
///   "characters": N, "minimumCount": N, "maximumLength": 16}` — documents and Han characters
///   mined, and the occurrences below which an n-gram was left out unless a pattern needs it.
/// - `unigrams/part-*`: `CHARACTER<TAB>COUNT`, every Han character of the corpus.
/// - `grams/part-*`: `GRAM<TAB>COUNT<TAB>DOCUMENTS<TAB>QUOTED<TAB>LEFT BREAKS<TAB>RIGHT BREAKS<TAB>LEFT<TAB>RIGHT`,
///   where LEFT and RIGHT list the Han neighbours with their counts, each character followed by its
///   count in decimal (`党12国3`). Every n-gram of 2–16 characters seen `minimumCount` times, every
///   pattern proposal, and every prefix and suffix of a proposal.
/// - `patterns/part-*`: `GRAM<TAB>NUMBERED`, the pattern proposals (NUMBERED is 1 for the shape of
///   a numbered formula, else 0).
public struct MiningStatistics: Sendable {
    /// Documents mined.
    public let documents: Int
    /// Han characters mined.
    public let characters: Int
    /// The occurrences below which n-grams were left out (pattern proposals and their parts apart).
    public let minimumCount: Int

    var unigrams: [UInt32: Int] = [:]
    /// The n-grams, by their text.
    var gramIndex: [String: Int] = [:]
    /// The n-grams' texts, by record (sharing their storage with `gramIndex`'s keys).
    var texts: [String] = []
    var records: [Record] = []
    var neighbourCharacters: [UInt32] = []
    var neighbourCounts: [Int32] = []
    var patterns: [[UInt32]] = []
    var numbered = Set<[UInt32]>()

    /// Counts are kept in 32 bits (an n-gram seen more than 2^31 times is refused when read):
    /// the records are what the ranking holds in memory.
    struct Record {
        var count: Int32
        var documents: Int32
        var quoted: Int32
        var leftBreaks: Int32
        var rightBreaks: Int32
        /// Left neighbours from `neighbourStart` to `rightStart`, right ones to `neighbourEnd`.
        var neighbourStart: Int32
        var rightStart: Int32
        var neighbourEnd: Int32
    }

    /// Reads the statistics folder at `path`.
    public init(folder path: String) throws(MiningStatisticsError) {
        let summaryPath = (path as NSString).appendingPathComponent("summary.json")
        guard let data = FileManager.default.contents(atPath: summaryPath) else {
            var isFolder: ObjCBool = false
            if !FileManager.default.fileExists(atPath: path, isDirectory: &isFolder) || !isFolder.boolValue {
                throw .notAFolder(path: path)
            }
            throw .missing(path: summaryPath)
        }
        struct Summary: Decodable {
            var format: String
            var version: Int
            var documents: Int
            var characters: Int
            var minimumCount: Int
            var maximumLength: Int
        }
        guard let format = (try? JSONSerialization.jsonObject(with: data)) as? [String: Any],
            format["format"] as? String == "tifa-mining-statistics"
        else { throw .malformed(path: summaryPath, line: 1, reason: "not a Tifa mining statistics summary") }
        guard let summary = try? JSONDecoder().decode(Summary.self, from: data), summary.version == 1 else {
            throw .malformed(path: summaryPath, line: 1, reason: "needs \"version\": 1 (the number), the one this build reads")
        }
        guard summary.maximumLength == PhraseMiner.maximumLength, summary.documents >= 0, summary.characters >= 0, summary.minimumCount >= 1 else {
            throw .malformed(
                path: summaryPath, line: 1,
                reason: "needs documents, characters ≥ 0, minimumCount ≥ 1 and maximumLength \(PhraseMiner.maximumLength)")
        }
        let (documents, characters, minimumCount) = (summary.documents, summary.characters, summary.minimumCount)
        self.documents = documents
        self.characters = characters
        self.minimumCount = minimumCount
        try Self.forEachLine(in: path, part: "unigrams") { (fields, place) throws(MiningStatisticsError) in
            guard fields.count == 2, let c = Self.singleHan(fields[0]), let n = Self.number(fields[1]), n >= 1 else {
                throw place("expected CHARACTER<TAB>COUNT, the count at least 1")
            }
            guard unigrams[c] == nil else { throw place("\(Unicode.Scalar(c).map(String.init) ?? "") is listed twice") }
            unigrams[c] = n
        }
        let unigramTotal = unigrams.values.reduce(0, +)
        guard unigramTotal == characters else {
            throw .malformed(path: summaryPath, line: 1, reason: "characters is \(characters), but the unigrams count \(unigramTotal)")
        }
        try Self.forEachLine(in: path, part: "grams") { (fields, place) throws(MiningStatisticsError) in
            guard fields.count == 8 else { throw place("expected 8 fields, found \(fields.count)") }
            guard let gram = Self.han(fields[0]) else { throw place("the n-gram must be 2–16 Han characters") }
            guard let count = Self.number(fields[1]), count >= 1, let documents = Self.number(fields[2]), let quoted = Self.number(fields[3]),
                let leftBreaks = Self.number(fields[4]), let rightBreaks = Self.number(fields[5])
            else { throw place("counts must be whole numbers below 10^9, the count at least 1") }
            guard neighbourCharacters.count < Int(Int32.max) - 1_000_000 else {
                throw place("more neighbours than one ranking holds; raise mine.py's --min-count")
            }
            let start = neighbourCharacters.count
            guard Self.appendNeighbours(fields[6], to: &neighbourCharacters, &neighbourCounts) else {
                throw place("left neighbours must be Han characters each followed by a count")
            }
            let rightStart = neighbourCharacters.count
            guard Self.appendNeighbours(fields[7], to: &neighbourCharacters, &neighbourCounts) else {
                throw place("right neighbours must be Han characters each followed by a count")
            }
            guard documents >= 1, documents <= count, quoted <= count else {
                throw place("documents must be 1 to the count, and quoted at most the count")
            }
            for (side, range, breaks) in [("left", start..<rightStart, leftBreaks), ("right", rightStart..<neighbourCharacters.count, rightBreaks)] {
                guard Set(neighbourCharacters[range]).count == range.count else { throw place("a \(side) neighbour is listed twice") }
                let total = neighbourCounts[range].reduce(0) { $0 + Int($1) } + breaks
                guard total == count else { throw place("\(side) neighbours and breaks add up to \(total), not the count \(count)") }
            }
            let text = String(String.UnicodeScalarView(gram.compactMap(Unicode.Scalar.init)))
            guard gramIndex[text] == nil else { throw place("\(text) is listed twice") }
            gramIndex[text] = texts.count
            texts.append(text)
            records.append(
                Record(
                    count: Int32(count), documents: Int32(documents), quoted: Int32(quoted), leftBreaks: Int32(leftBreaks),
                    rightBreaks: Int32(rightBreaks), neighbourStart: Int32(start), rightStart: Int32(rightStart),
                    neighbourEnd: Int32(neighbourCharacters.count)))
        }
        try Self.forEachLine(in: path, part: "patterns") { (fields, place) throws(MiningStatisticsError) in
            guard fields.count == 2, let gram = Self.han(fields[0]), fields[1] == [0x30] || fields[1] == [0x31] else {
                throw place("expected GRAM<TAB>0 or 1")
            }
            patterns.append(gram)
            if fields[1] == [0x31] { numbered.insert(gram) }
        }
    }

    /// Occurrences of `part` (one character or more); 0 for an n-gram the statistics left out.
    func occurrences(of part: ArraySlice<UInt32>) -> Int {
        if part.count == 1 { return unigrams[part.first!] ?? 0 }
        return record(of: part).map { Int(records[$0].count) } ?? 0
    }

    func record(of gram: ArraySlice<UInt32>) -> Int? {
        gramIndex[String(String.UnicodeScalarView(gram.compactMap(Unicode.Scalar.init)))]
    }

    /// The scalars of record `i`'s n-gram.
    func scalars(ofRecord i: Int) -> [UInt32] { texts[i].unicodeScalars.map(\.value) }

    func statistics(ofRecord i: Int) -> GramStatistics {
        let r = records[i]
        var s = GramStatistics(
            count: Int(r.count), documents: Int(r.documents), leftBreaks: Int(r.leftBreaks), rightBreaks: Int(r.rightBreaks),
            quoted: Int(r.quoted))
        for k in Int(r.neighbourStart)..<Int(r.rightStart) { s.left[neighbourCharacters[k]] = Int(neighbourCounts[k]) }
        for k in Int(r.rightStart)..<Int(r.neighbourEnd) { s.right[neighbourCharacters[k]] = Int(neighbourCounts[k]) }
        return s
    }

    // MARK: Reading

    /// Calls `body` with the tab-separated fields of every line of the `part-*` files in `folder/part`,
    /// and a function making an error that names the file and line.
    private static func forEachLine(
        in folder: String, part: String,
        _ body: ([ArraySlice<UInt8>], (String) -> MiningStatisticsError) throws(MiningStatisticsError) -> Void
    ) throws(MiningStatisticsError) {
        let partFolder = (folder as NSString).appendingPathComponent(part)
        guard let names = try? FileManager.default.contentsOfDirectory(atPath: partFolder) else { throw .missing(path: partFolder) }
        let parts = names.sorted().filter { $0.hasPrefix("part-") && !$0.hasSuffix(".crc") }
        guard !parts.isEmpty else { throw .missing(path: (partFolder as NSString).appendingPathComponent("part-*")) }
        for name in parts {
            let file = (partFolder as NSString).appendingPathComponent(name)
            guard let data = FileManager.default.contents(atPath: file) else { throw .missing(path: file) }
            let bytes = [UInt8](data)
            var lineNumber = 0
            var start = 0
            while start < bytes.count {
                let end = bytes[start...].firstIndex(of: 0x0A) ?? bytes.count
                lineNumber += 1
                let line = bytes[start..<end]
                start = end + 1
                if line.isEmpty { continue }
                let number = lineNumber
                try body(line.split(separator: 0x09, omittingEmptySubsequences: false)) { reason in
                    .malformed(path: file, line: number, reason: reason)
                }
            }
        }
    }

    private static func scalars(_ bytes: ArraySlice<UInt8>) -> [UInt32]? {
        guard let text = String(validating: bytes, as: UTF8.self) else { return nil }
        return text.unicodeScalars.map(\.value)
    }

    private static func han(_ bytes: ArraySlice<UInt8>) -> [UInt32]? {
        guard let s = scalars(bytes), s.count >= 2, s.count <= PhraseMiner.maximumLength, s.allSatisfy(isHan) else { return nil }
        return s
    }

    private static func singleHan(_ bytes: ArraySlice<UInt8>) -> UInt32? {
        guard let s = scalars(bytes), s.count == 1, isHan(s[0]) else { return nil }
        return s[0]
    }

    private static func number(_ bytes: ArraySlice<UInt8>) -> Int? {
        guard !bytes.isEmpty, bytes.count <= 9, bytes.allSatisfy({ $0 >= 0x30 && $0 <= 0x39 }) else { return nil }
        return bytes.reduce(0) { $0 * 10 + Int($1 - 0x30) }
    }

    /// Appends `党12国3` as (党, 12), (国, 3); false when it is not of that shape.
    private static func appendNeighbours(_ bytes: ArraySlice<UInt8>, to characters: inout [UInt32], _ counts: inout [Int32]) -> Bool {
        guard let s = scalars(bytes) else { return false }
        var i = 0
        while i < s.count {
            guard isHan(s[i]) else { return false }
            var j = i + 1
            var n = 0
            while j < s.count, s[j] >= 0x30, s[j] <= 0x39, j - i <= 9 {
                n = n * 10 + Int(s[j] - 0x30)
                j += 1
            }
            guard j > i + 1, n >= 1 else { return false }
            characters.append(s[i])
            counts.append(Int32(n))
            i = j
        }
        return true
    }
}

/// Why a statistics folder could not be read or used.
public enum MiningStatisticsError: Error, CustomStringConvertible, Sendable, Equatable {
    /// There is no folder at the path.
    case notAFolder(path: String)
    /// A file or part folder the statistics need is not there.
    case missing(path: String)
    /// A line is not of the documented shape.
    case malformed(path: String, line: Int, reason: String)
    /// The statistics left out n-grams a run with this minimum count needs.
    case thresholdTooLow(asked: Int, available: Int)

    public var description: String {
        switch self {
        case let .notAFolder(path): "\(path): no statistics folder there"
        case let .missing(path): "\(path): missing from the statistics folder (is it the output of Distributed/spark/mine.py?)"
        case let .malformed(path, line, reason): "\(path):\(line): \(reason)"
        case let .thresholdTooLow(asked, available):
            "the statistics hold n-grams seen at least \(available) times; --min-count \(asked) needs rarer ones (use --min-count \(available) or more, or run mine.py with --min-count \(asked))"
        }
    }
}
