import Foundation
import TifaIndex
import XCTest

final class IndexBehaviourTests: XCTestCase {
    /// Four short documents with metadata.
    func smallIndex() throws -> Index {
        let index = try Index(path: try temporaryIndexPath())
        index.add(Document(id: "a", text: "坚持全面从严治党，加强巡视工作。", title: "甲", date: "2015-03-05", speaker: "李克强", source: "gov", tags: ["report"]))
        index.add(Document(id: "b", text: "全面从严治党永远在路上，巡察工作要向基层延伸。", title: "乙", date: "2018-01-01", speaker: "习近平", source: "news", tags: ["speech"]))
        index.add(Document(id: "c", text: "疫情防控和经济社会发展，统筹发展和安全。", title: "丙", date: "2020", speaker: "李克强", source: "gov", tags: ["report"]))
        index.add(Document(id: "d", text: "哈哈哈，政府工作报\n告 全文。ＧＤＰ增长２０２２年", title: "丁", date: "2022-03", source: "misc"))
        try index.commit()
        return index
    }

    func ids(_ index: Index, _ query: String, order: Index.SearchOrder = .date) throws -> [String] {
        try index.search(query, limit: 100, order: order).map(\.document.id)
    }

    /// Ten documents in batches of three through the overlapped writer (one of them resubmitted
    /// unchanged, one a duplicate of another's text): the same summary and counts as one commit.
    func testPipelinedWriterCommitsEveryBatch() throws {
        let texts = (0..<10).map { "第\($0)号文件：坚持全面从严治党，" + String(repeating: "巡视", count: $0 + 1) }
        let index = try Index(path: try temporaryIndexPath())
        let writer = PipelinedWriter(index: index)
        var summary = Index.CommitSummary()
        for (k, text) in texts.enumerated() {
            index.add(Document(id: "doc\(k)", text: text))
            if index.pendingCount >= 3 { summary.add(try writer.submit()) }
        }
        index.add(Document(id: "doc0", text: texts[0]))
        index.add(Document(id: "copy", text: texts[5]))
        summary.add(try writer.submit())
        summary.add(try writer.finish())
        XCTAssertEqual(summary.added, 10)
        XCTAssertEqual(summary.unchanged, 1)
        XCTAssertEqual(summary.duplicates.map(\.id), ["copy"])
        XCTAssertEqual(try index.count("全面从严治党").documents, 10)
        XCTAssertEqual(try index.count("巡视").occurrences, 55)  // 1 + 2 + … + 10
        XCTAssertEqual(try index.count("视巡").occurrences, 45)
    }

    func testOverlappingAndNormalizedCounts() throws {
        let index = try smallIndex()
        XCTAssertEqual(try index.count("哈哈").occurrences, 2)
        XCTAssertEqual(try index.count("哈").occurrences, 3)
        XCTAssertEqual(try index.count("政府工作报告").occurrences, 1)  // hard-wrapped in the text
        XCTAssertEqual(try index.count("GDP").occurrences, 1)  // full-width in the text
        XCTAssertEqual(try index.count("2022").occurrences, 1)
        XCTAssertEqual(try index.count("全面从严治党").documents, 2)
        XCTAssertEqual(try index.count("。").occurrences, 4)
        XCTAssertThrowsError(try index.count(""))
        XCTAssertEqual(try index.count("\u{200B}政府工作报告\u{FEFF}").occurrences, 1)
    }

    func testOperators() throws {
        let index = try smallIndex()
        XCTAssertEqual(try ids(index, "全面从严治党"), ["a", "b"])
        XCTAssertEqual(try ids(index, "\"全面从严治党\" 巡视"), ["a"])
        XCTAssertEqual(try ids(index, "全面从严治党 AND 巡察"), ["b"])
        XCTAssertEqual(try ids(index, "巡视 OR 巡察"), ["a", "b"])
        XCTAssertEqual(try ids(index, "全面从严治党 -巡视"), ["b"])
        XCTAssertEqual(try ids(index, "全面从严治党 NOT 巡察"), ["a"])
        XCTAssertEqual(try ids(index, "NOT 全面从严治党"), ["c", "d"])
        XCTAssertEqual(try ids(index, "(巡视 OR 疫情) AND 发展"), ["c"])
        XCTAssertEqual(try ids(index, "全面从严治党 NEAR/3 巡视"), ["a"])  // 全面从严治党，加强巡视: 3 apart
        XCTAssertEqual(try ids(index, "全面从严治党 NEAR/2 巡视"), [])
        XCTAssertEqual(try ids(index, "巡察 NEAR/10 全面从严治党"), ["b"])
    }

    func testFilters() throws {
        let index = try smallIndex()
        XCTAssertEqual(try ids(index, "date:2015..2018"), ["a", "b"])
        XCTAssertEqual(try ids(index, "date:2020.."), ["c", "d"])
        XCTAssertEqual(try ids(index, "date:..2015"), ["a"])
        XCTAssertEqual(try ids(index, "date:2022"), ["d"])
        XCTAssertEqual(try ids(index, "speaker:李克强"), ["a", "c"])
        XCTAssertEqual(try ids(index, "source:news OR tag:report"), ["a", "b", "c"])
        XCTAssertEqual(try ids(index, "发展 speaker:李克强 date:2019..2021"), ["c"])
        XCTAssertEqual(try ids(index, "title:丁"), ["d"])
    }

    func testRelevanceRanksMoreOccurrencesFirst() throws {
        let index = try Index(path: try temporaryIndexPath())
        index.add(Document(id: "once", text: "改革开放。" + String(repeating: "其他内容。", count: 5)))
        index.add(Document(id: "thrice", text: "改革开放，改革开放，改革开放。" + String(repeating: "其他内容。", count: 5)))
        index.add(Document(id: "none", text: "其他内容。"))
        try index.commit()
        let hits = try index.search("改革开放")
        XCTAssertEqual(hits.map(\.document.id), ["thrice", "once"])
        XCTAssertEqual(hits.map(\.occurrences), [3, 1])
        XCTAssertGreaterThan(hits[0].score, hits[1].score)
    }

    func testWordFrequenciesFromCoarseSegmentation() throws {
        let index = try Index(path: try temporaryIndexPath())
        index.add(Document(id: "a", text: "坚持全面从严治党，加强巡视工作。", speaker: "李克强"))
        index.add(Document(id: "b", text: "全面从严治党，巡察工作要向基层延伸。推进全面从严治党。", speaker: "习近平"))
        index.add(Document(id: "c", text: "疫情防控和经济社会发展，统筹发展和安全。", speaker: "李克强"))
        try index.commit()
        // 全面从严治党 counts as itself and as the words nested in it: 全面 | 从严治党 (从严 | 治党).
        let all = try index.wordFrequencies(top: 100)
        for word in ["全面从严治党", "全面", "从严治党", "从严", "治党"] {
            XCTAssertEqual(all.first { $0.word == word }, WordFrequency(word: word, occurrences: 3, documents: 2), word)
        }
        XCTAssertEqual(all.first { $0.word == "工作" }, WordFrequency(word: "工作", occurrences: 2, documents: 2))
        XCTAssertEqual(
            try index.wordFrequencies(top: 4),
            [
                WordFrequency(word: "从严", occurrences: 3, documents: 2), WordFrequency(word: "从严治党", occurrences: 3, documents: 2),
                WordFrequency(word: "全面", occurrences: 3, documents: 2), WordFrequency(word: "全面从严治党", occurrences: 3, documents: 2),
            ])
        // 统筹发展和安全 is one formulation holding 发展, which 经济社会发展 holds too.
        XCTAssertEqual(
            try index.wordFrequencies(matching: "speaker:李克强", top: 1), [WordFrequency(word: "发展", occurrences: 2, documents: 1)])
        // Deleted documents no longer count, before and after merging.
        try index.delete(ids: ["b"])
        XCTAssertEqual(
            try index.wordFrequencies(top: 100).first { $0.word == "全面从严治党" },
            WordFrequency(word: "全面从严治党", occurrences: 1, documents: 1))
        try index.optimize()
        XCTAssertEqual(
            try index.wordFrequencies(top: 100).first { $0.word == "全面从严治党" },
            WordFrequency(word: "全面从严治党", occurrences: 1, documents: 1))
    }

    func testSyntaxErrorsPointAtTheCharacter() {
        let cases: [(String, Int)] = [("全面 AND (巡视", 10), ("\"全面", 0), ("全面 OR", 5), ("a NEAR/x b", 7), (")", 0)]
        for (query, position) in cases {
            XCTAssertThrowsError(try Query.parse(query), query) { error in
                XCTAssertEqual((error as? QuerySyntaxError)?.position, position, "\(query): \(error)")
            }
        }
        XCTAssertEqual(
            try Query.parse("a -b (c OR d) NEAR/5 e date:2012..2017"),
            .and([.phrase("a"), .not(.phrase("b")), .near(.or([.phrase("c"), .phrase("d")]), .phrase("e"), distance: 5),
                  .filter(field: "date", value: "2012..2017")]))
    }

    func testReplaceDeleteAndMerge() throws {
        let path = try temporaryIndexPath()
        let index = try Index(path: path)
        index.add(Document(id: "x", text: "两个维护，两个确立。"))
        try index.commit()
        XCTAssertEqual(try index.count("两个维护").occurrences, 1)
        index.add(Document(id: "x", text: "四个意识。"))  // same id: replaces
        try index.commit()
        XCTAssertEqual(try index.count("两个维护").occurrences, 0)
        XCTAssertEqual(try index.count("四个意识").occurrences, 1)
        XCTAssertEqual(index.allDocuments.count, 1)
        // Many small commits merge into few segments and keep the counts.
        for k in 0..<20 {
            index.add(Document(id: "n\(k)", text: "第\(k)次：全面从严治党。"))
            try index.commit()
        }
        XCTAssertLessThanOrEqual(try index.statistics().segments, 16)
        XCTAssertEqual(try index.count("全面从严治党").occurrences, 20)
        XCTAssertEqual(try index.delete(ids: ["n0", "n1", "n15", "missing"]), 3)
        XCTAssertEqual(try index.count("全面从严治党").occurrences, 17)
        XCTAssertEqual(try index.totals("全面从严治党").occurrences, 17)
        XCTAssertEqual(try index.totals("党").occurrences, 17)
        XCTAssertEqual(try index.totals("。").documents, 18)  // and 四个意识。
        try index.optimize()
        XCTAssertEqual(try index.statistics().segments, 1)
        XCTAssertEqual(try index.count("全面从严治党").occurrences, 17)
        XCTAssertEqual(try index.totals("治党").occurrences, 17)
        // Another connection sees the committed state.
        let reader = try Index(path: path, readOnly: true)
        XCTAssertEqual(try reader.count("全面从严治党").documents, 17)
        index.add(Document(id: "late", text: "全面从严治党"))
        try index.commit()
        XCTAssertEqual(try reader.count("全面从严治党").documents, 18)
        XCTAssertEqual(try reader.totals("党").documents, 18)
    }

    /// A document whose new text is another document's is skipped as a duplicate, and its earlier
    /// version goes: the index must not keep a text its source no longer has.
    func testUpdateToAnotherDocumentsTextRemovesTheEarlierVersion() throws {
        let index = try Index(path: try temporaryIndexPath())
        index.add(Document(id: "x1", text: "改革开放"))
        index.add(Document(id: "x2", text: "人民国家"))
        try index.commit()
        index.add(Document(id: "x1", text: "人民国家"))
        let summary = try index.commit()
        XCTAssertEqual(summary.duplicates.map(\.id), ["x1"])
        XCTAssertEqual(summary.duplicates.map(\.of), ["x2"])
        XCTAssertEqual(summary.removed, ["x1"])
        XCTAssertEqual(try index.count("改革").occurrences, 0)
        XCTAssertEqual(try index.totals("改").documents, 0)
        XCTAssertEqual(index.allDocuments.map(\.id), ["x2"])
        XCTAssertEqual(try index.check().problems, [])

        // Of two ids with one text in a batch, the one queued first stays, even when queued again.
        index.add(Document(id: "d1", text: "哈哈哈"))
        index.add(Document(id: "d2", text: "哈哈哈"))
        index.add(Document(id: "d1", text: "哈哈哈"))
        let batch = try index.commit()
        XCTAssertEqual(batch.duplicates.map(\.id), ["d2"])
        XCTAssertEqual(batch.duplicates.map(\.of), ["d1"])
        XCTAssertEqual(index.allDocuments.map(\.id), ["x2", "d1"])
    }

    /// A segment of one-character documents has no pair and no block; its character totals are
    /// still counted, and `check` still compares them.
    func testOneCharacterDocumentsAreCountedAndChecked() throws {
        let path = try temporaryIndexPath()
        let index = try Index(path: path)
        index.add(Document(id: "a", text: "党"))
        index.add(Document(id: "b", text: "党"))
        index.add(Document(id: "c", text: "国"))
        try index.commit()
        XCTAssertEqual(try index.totals("党").occurrences, 1)  // b copies a
        XCTAssertEqual(try index.totals("党").documents, 1)
        XCTAssertEqual(try index.totals("国").occurrences, 1)
        XCTAssertEqual(try index.check().problems, [])
        index.close()
        try runSQL("update characters set occurrences = 5 where scalar = 22269", on: path)  // 国
        XCTAssertEqual(
            try Index(path: path, readOnly: true).check(samplePhrases: 50).problems.filter { !$0.contains("党") },
            [
                "segment 1: its character totals do not add up from its postings",
                "the stored totals of \"国\" say 5 in 1 documents; the texts have 1 in 1",
            ])
    }

    /// Segments emptied by deletion keep merging and optimizing sound: an empty segment's range is
    /// empty and takes no other segment's documents, and totals stay exact beside it.
    func testEmptiedSegmentsMergeAndCount() throws {
        let index = try Index(path: try temporaryIndexPath())
        index.add(Document(id: "first", text: "全面从严治党。党"))
        try index.commit()
        for k in 0..<8 {
            index.add(Document(id: "gone\(k)", text: "第\(k)次：党的建设。"))
            try index.commit()
        }
        XCTAssertEqual(try index.delete(ids: (0..<8).map { "gone\($0)" }), 8)
        for k in 0..<16 {  // past sixteen segments: the emptied ones merge with later ones
            index.add(Document(id: "late\(k)", text: "第\(k)批：党的建设，党"))
            try index.commit()
        }
        XCTAssertEqual(try index.totals("党").occurrences, 2 + 32)
        XCTAssertEqual(try index.totals("党").documents, 17)
        XCTAssertEqual(try index.totals("党的").occurrences, 16)
        XCTAssertEqual(try index.check().problems, [])
        XCTAssertEqual(try index.delete(ids: ["first"] + (0..<16).map { "late\($0)" }), 17)
        try index.optimize()
        try index.optimize()  // an index of one empty segment
        XCTAssertEqual(try index.totals("党").occurrences, 0)
        index.add(Document(id: "again", text: "党的建设"))
        try index.commit()
        XCTAssertEqual(try index.totals("党").documents, 1)
        XCTAssertEqual(try index.check().problems, [])
    }

    /// The original text sliced at a KWIC line's offsets normalizes to the match.
    func testKWICOffsetsSliceTheOriginal() throws {
        let index = try smallIndex()
        for phrase in ["政府工作报告", "GDP", "全面从严治党", "哈哈", "2022年"] {
            let lines = try index.kwic(phrase, width: 4)
            XCTAssertFalse(lines.isEmpty, phrase)
            for line in lines {
                let original = Array(try index.text(ofDocument: line.id).unicodeScalars)
                let slice = String(String.UnicodeScalarView(original[line.start..<line.end]))
                XCTAssertEqual(oracleMatchingForm(slice), Array(phrase.unicodeScalars), "\(phrase) in \(line.id)")
            }
        }
        let wrapped = try XCTUnwrap(try index.kwic("政府工作报告", width: 3).first)
        XCTAssertEqual([wrapped.left, wrapped.match, wrapped.right], ["哈哈，", "政府工作报 告", " 全文"])
        XCTAssertEqual(try index.kwic("哈哈").map(\.start), [0, 1])
        XCTAssertEqual(try index.kwic("全面从严治党", order: .right).map(\.id), ["b", "a"])  // 永… sorts before ，…
    }

    func testForeignCorruptAndNewerFilesAreRefused() throws {
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent(UUID().uuidString)
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        func expect(_ path: String, _ check: (IndexError) -> Bool) {
            XCTAssertThrowsError(try Index(path: path)) { error in
                XCTAssertTrue(check(error as! IndexError), "\(path): \(error)")
            }
        }
        let junk = directory.appendingPathComponent("junk.tifa").path
        try Data((0..<4096).map { UInt8(truncatingIfNeeded: $0 &* 7919) }).write(to: URL(fileURLWithPath: junk))
        expect(junk) { if case .notAnIndex = $0 { return true } else { return false } }

        // An empty file is an index being created: a reader refuses it, a writer makes it one.
        let empty = directory.appendingPathComponent("empty.tifa").path
        XCTAssertTrue(FileManager.default.createFile(atPath: empty, contents: Data()))
        XCTAssertThrowsError(try Index(path: empty, readOnly: true)) { error in
            guard case .notAnIndex(_, "the file is empty") = error as! IndexError else { return XCTFail("\(error)") }
        }
        XCTAssertEqual(try Index(path: empty).statistics().documents, 0)
        XCTAssertEqual(try Index(path: empty, readOnly: true).statistics().documents, 0)

        let foreign = directory.appendingPathComponent("foreign.sqlite").path
        try runSQL("create table t(x)", on: foreign)
        expect(foreign) { if case .notAnIndex = $0 { return true } else { return false } }

        let newer = try temporaryIndexPath()
        _ = try Index(path: newer)
        try runSQL("update meta set value='99' where key='format'", on: newer)
        expect(newer) { if case .newerFormat(_, 99, Index.formatVersion) = $0 { return true } else { return false } }

        // A damaged index: its postings overwritten with garbage.
        let damaged = try temporaryIndexPath()
        let index = try Index(path: damaged)
        index.add(Document(id: "a", text: "全面从严治党"))
        try index.commit()
        try runSQL("update blocks set data=x'ffffffffffffffffffff'", on: damaged)
        XCTAssertThrowsError(try Index(path: damaged).count("全面从严治党")) { error in
            guard case .corrupt = error as! IndexError else { return XCTFail("\(error)") }
        }
    }
}
