import Foundation
@testable import TifaMining
import TifaText
import XCTest

/// `phrasectl dict build`'s library side on literal documents: what enters the lexicon, with which
/// kind and provenance, and what stays out.
final class PoliticalLexiconBuilderTests: XCTestCase {
    static let builder: PoliticalLexiconBuilder = {
        let dictionaries = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
            .deletingLastPathComponent().appendingPathComponent("Dictionaries")
        let lexicon = try! Lexicon.load(
            general: dictionaries.appendingPathComponent("general.dict").path, political: [],
            grammar: dictionaries.appendingPathComponent("naming-grammar.txt").path, cache: .disabled)
        return try! PoliticalLexiconBuilder(lexicon: lexicon, handWritten: [("两个维护", .numbered), ("从未出现的提法", .tifa)])
    }()

    /// Quoted three times → a slogan; an organ name seen in varied contexts → an organ; a
    /// formulation with a freely chosen verb (推动|甲乙丙丁) → nothing; hand-written entries kept
    /// with their counts, also when the corpora never mention them.
    func testEntriesKindsAndProvenance() throws {
        var documents: [SourceDocument] = []
        let verbs = ["推动", "实现", "促进", "坚持", "加快", "扎实推进"]
        let befores = ["我们", "各地", "今年", "会议", "他们", "全省"]
        let afters = ["发布", "成立", "开会", "部署", "指出", "要求"]
        for k in 0..<6 {
            // Filler so the corpus is large enough for cohesion (PMI) to mean something.
            let filler = "春夏秋冬东南西北金木水火土日月星辰山川河流花草树木鸟兽虫鱼琴棋书画诗酒茶梅兰竹菊。"
            let text = filler + filler + "\(befores[k])看望“甲子乙丑”的人。\(befores[k])中央审计委员会\(afters[k])。\(verbs[k])甲乙丙丁，\(befores[k])甲乙丙丁\(afters[k])，做到两个维护。"
            documents.append(SourceDocument(corpus: k < 3 ? "reports" : "news", id: "d\(k)", date: "202\(5 - k)-01-01", text: text))
        }
        let entries = Self.builder.build(documents)
        let byWord = Dictionary(uniqueKeysWithValues: entries.map { ($0.word, $0) })
        let slogan = try XCTUnwrap(byWord["甲子乙丑"])
        XCTAssertEqual(slogan.kind, .slogan)
        XCTAssertEqual(slogan.origin, .mined)
        XCTAssertEqual(slogan.frequency, 6)
        XCTAssertEqual(slogan.firstDate, "2020-01-01")
        XCTAssertEqual(slogan.firstDocument, "d5")
        XCTAssertEqual(slogan.counts.map(\.corpus), ["reports", "news"])
        XCTAssertEqual(slogan.counts.map(\.count), [3, 3])
        XCTAssertEqual(byWord["中央审计委员会"]?.kind, .org)
        XCTAssertNil(byWord["推动甲乙丙丁"])
        XCTAssertNil(byWord["扎实推进甲乙丙丁"])
        XCTAssertEqual(byWord["两个维护"]?.origin, .hand)
        XCTAssertEqual(byWord["两个维护"]?.frequency, 6)
        let unseen = try XCTUnwrap(byWord["从未出现的提法"])
        XCTAssertEqual(unseen.frequency, 0)
        XCTAssertNil(unseen.firstDate)
        XCTAssertEqual(
            unseen.dictionaryLine, "从未出现的提法\t5\ttifa\torigin=hand\tcount=0\treports=0\tnews=0")
        XCTAssertEqual(
            byWord["两个维护"]?.dictionaryLine,
            "两个维护\t6\tnumbered\torigin=hand\tfirst=2020-01-01\tfirstDocument=d5\tcount=6\treports=3\tnews=3")
        // The same input gives the same entries in the same order.
        XCTAssertEqual(Self.builder.build(documents), entries)
    }

    /// A bound candidate the texts neither quote nor name waits for a verdict: pending without one,
    /// an entry of the reviewer's kind when accepted; a rejection keeps out even a quoted slogan.
    func testReviewedVerdictsDecideBoundCandidates() throws {
        let befores = ["我们", "各地", "今年", "会议", "他们", "全省"]
        let afters = ["发布", "成立", "开会", "部署", "指出", "要求"]
        let filler = "春夏秋冬东南西北金木水火土日月星辰山川河流花草树木鸟兽虫鱼琴棋书画诗酒茶梅兰竹菊。"
        let documents = (0..<6).map { k in
            SourceDocument(
                corpus: "news", id: "d\(k)", date: "2024-01-0\(k + 1)",
                text: String(repeating: filler, count: 6) + "\(befores[k])看望“甲子乙丑”的人。\(befores[k])甲丙戊庚\(afters[k])。")
        }
        let (entries, pending) = Self.builder.buildWithPending(documents)
        XCTAssertFalse(entries.contains { $0.word == "甲丙戊庚" })
        let waiting = try XCTUnwrap(pending.first { $0.phrase == "甲丙戊庚" })
        XCTAssertEqual(waiting.count, 6)
        XCTAssertEqual(waiting.documents, 6)
        XCTAssertTrue(waiting.context.contains("甲丙戊庚"))

        let dictionaries = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
            .deletingLastPathComponent().appendingPathComponent("Dictionaries")
        let lexicon = try Lexicon.load(
            general: dictionaries.appendingPathComponent("general.dict").path, political: [],
            grammar: dictionaries.appendingPathComponent("naming-grammar.txt").path, cache: .disabled)
        let reviewed = try PoliticalLexiconBuilder(
            lexicon: lexicon, handWritten: [], reviewed: [("甲丙戊庚", .accept(.campaign)), ("甲子乙丑", .reject)])
        let (kept, stillPending) = reviewed.buildWithPending(documents)
        let accepted = try XCTUnwrap(kept.first { $0.word == "甲丙戊庚" })
        XCTAssertEqual(accepted.kind, .campaign)
        XCTAssertEqual(accepted.origin, .reviewed)
        XCTAssertTrue(accepted.dictionaryLine.hasPrefix("甲丙戊庚\t6\tcampaign\torigin=mined+reviewed\tfirst=2024-01-01\tfirstDocument=d0"))
        XCTAssertFalse(kept.contains { $0.word == "甲子乙丑" })
        XCTAssertFalse(stillPending.contains { $0.phrase == "甲丙戊庚" })
    }

    /// Bound: at every split one side lies at least 15% inside the whole (治国|理政, and
    /// 社会主义|商品经济 where a fifth of 商品经济 is socialist); not bound when both sides of some
    /// split stand elsewhere more often than that (推动|高质量发展 at a tenth).
    func testBoundShares() {
        let counts: [String: Int] = ["推动": 100, "高质量发展": 50, "治国": 12, "理政": 10, "社会主义": 300, "商品经济": 100]
        func count(_ scalars: ArraySlice<UInt32>) -> Int {
            counts[String(String.UnicodeScalarView(scalars.compactMap(Unicode.Scalar.init)))] ?? 10
        }
        XCTAssertTrue(Self.builder.isBound(Array("治国理政".unicodeScalars.map(\.value)), total: 9, count: count))
        XCTAssertTrue(Self.builder.isBound(Array("社会主义商品经济".unicodeScalars.map(\.value)), total: 20, count: count))
        XCTAssertFalse(Self.builder.isBound(Array("社会主义商品经济".unicodeScalars.map(\.value)), total: 14, count: count))
        XCTAssertFalse(Self.builder.isBound(Array("推动高质量发展".unicodeScalars.map(\.value)), total: 5, count: count))
    }

    /// A split A + B is free when A is rarely followed by B and B rarely preceded by A.
    func testFreeCombinationShares() {
        let builder = Self.builder
        // Strings not listed occur about as often as the candidate itself.
        let counts: [String: Int] = ["推动": 100, "高质量发展": 50, "全面": 100, "从严治党": 10]
        func count(_ scalars: ArraySlice<UInt32>) -> Int {
            counts[String(String.UnicodeScalarView(scalars.compactMap(Unicode.Scalar.init)))] ?? 10
        }
        XCTAssertTrue(builder.isFreeCombination(Array("推动高质量发展".unicodeScalars.map(\.value)), total: 10, count: count))
        XCTAssertFalse(builder.isFreeCombination(Array("全面从严治党".unicodeScalars.map(\.value)), total: 9, count: count))
    }
}
