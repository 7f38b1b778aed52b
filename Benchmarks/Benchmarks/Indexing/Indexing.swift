import Benchmark
import Foundation
import Tifa

/// Building an index of the Government Work Reports (3.3 MB) and counting 200 phrases in it.
/// The counts are checked against substring counts over the matching forms made in setup, so a
/// fast wrong answer fails.
let benchmarks: @Sendable () -> Void = {
    Benchmark.defaultConfiguration = .init(
        metrics: [.wallClock, .throughput, .mallocCountTotal, .peakMemoryResident], maxDuration: .seconds(10),
        maxIterations: 10)

    let data = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
        .appendingPathComponent("shared/data/corpora/gov_work_reports.jsonl")
    let documents = ArchiveReader.documents(in: data.path).compactMap { try? $0.get() }
    let directory = FileManager.default.temporaryDirectory.appendingPathComponent("tifa-benchmark-index")
    try? FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)

    func build(_ path: String) -> Index {
        for suffix in ["", "-wal", "-shm"] { try? FileManager.default.removeItem(atPath: path + suffix) }
        let index = try! Index(path: path)
        for document in documents { index.add(document) }
        try! index.commit()
        return index
    }

    Benchmark("index build work reports (\(documents.count) documents)") { benchmark in
        for iteration in benchmark.scaledIterations {
            let index = build(directory.appendingPathComponent("build-\(iteration).tifa").path)
            precondition(index.allDocuments.count == documents.count)
            blackHole(index)
        }
    }

    // 200 phrases of 2–8 characters from fixed places in the matching forms, with their true counts.
    let normalizer = try! Normalizer()
    let forms = documents.map { normalizer.matchingForm(of: $0.text).scalars }
    var phrases: [(String, Int)] = []
    var k = 0
    while phrases.count < 200 {
        let form = forms[k % forms.count]
        let length = 2 + k % 7
        let start = (k * 7_919) % max(1, form.count - length)
        let phrase = Array(form[start..<(start + length)])
        var occurrences = 0
        for f in forms where f.count >= length {
            for p in 0...(f.count - length) where f[p] == phrase[0] && Array(f[p..<(p + length)]) == phrase {
                occurrences += 1
            }
        }
        phrases.append((String(String.UnicodeScalarView(phrase.compactMap(Unicode.Scalar.init))), occurrences))
        k += 1
    }
    let index = build(directory.appendingPathComponent("count.tifa").path)
    Benchmark("count 200 phrases in work reports") { benchmark in
        for _ in benchmark.scaledIterations {
            for (phrase, expected) in phrases {
                let count = try! index.count(phrase)
                precondition(count.occurrences == expected, "\(phrase): \(count.occurrences), expected \(expected)")
            }
        }
    }

    // The hardest phrases for a pair index: the 20 most frequent characters and the 20 most frequent
    // pairs, answered from the stored totals, checked against counts made here.
    var characterCounts: [UInt32: Int] = [:]
    var pairCounts: [UInt64: Int] = [:]
    for form in forms {
        for (p, c) in form.enumerated() {
            characterCounts[c, default: 0] += 1
            if p + 1 < form.count { pairCounts[UInt64(c) << 32 | UInt64(form[p + 1]), default: 0] += 1 }
        }
    }
    func isHan(_ c: UInt32) -> Bool { (0x4E00...0x9FFF).contains(c) }
    func text(_ scalars: [UInt32]) -> String { String(String.UnicodeScalarView(scalars.compactMap(Unicode.Scalar.init))) }
    let frequent = characterCounts.filter { isHan($0.key) }.sorted { ($0.value, $0.key) > ($1.value, $1.key) }.prefix(20)
        .map { (text([$0.key]), $0.value) }
        + pairCounts.filter { isHan(UInt32($0.key >> 32)) && isHan(UInt32($0.key & 0xFFFF_FFFF)) }
        .sorted { ($0.value, $0.key) > ($1.value, $1.key) }.prefix(20)
        .map { (text([UInt32($0.key >> 32), UInt32($0.key & 0xFFFF_FFFF)]), $0.value) }
    Benchmark("totals of the 20 most frequent characters and 20 most frequent pairs in work reports") { benchmark in
        for _ in benchmark.scaledIterations {
            for (phrase, expected) in frequent {
                let totals = try! index.totals(phrase)
                precondition(totals.occurrences == expected, "\(phrase): \(totals.occurrences), expected \(expected)")
            }
        }
    }
}
