import Benchmark
import Foundation
import Tifa

/// Trends and keyness on the 新闻联播 archive (../shared/data, 727 documents, 7.4 M characters),
/// indexed once in setup: trend of 20 phrases by year, and keyness of 2024 against 2023. Each run's
/// answer is checked (the trend's total against a plain count), so a fast wrong answer fails.
let benchmarks: @Sendable () -> Void = {
    Benchmark.defaultConfiguration = .init(metrics: [.wallClock, .peakMemoryResident], maxDuration: .seconds(10), maxIterations: 20)

    let news = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
        .appendingPathComponent("shared/data/corpora/xwlb/news").path
    let path = FileManager.default.temporaryDirectory.appendingPathComponent("tifa-benchmark-analytics.tifa").path
    for suffix in ["", "-wal", "-shm"] { try? FileManager.default.removeItem(atPath: path + suffix) }
    let index = try! Index(path: path)
    for file in try! ArchiveReader.walk([news]).files {
        for result in ArchiveReader.documents(in: file.path, name: file.name) { if let document = try? result.get() { index.add(document) } }
    }
    try! index.commit()
    let phrases = [
        "全面从严治党", "高质量发展", "两个维护", "人类命运共同体", "新质生产力", "习近平", "中国式现代化", "一带一路", "乡村振兴", "共同富裕",
        "改革开放", "的", "发展", "国家", "总书记", "经济", "合作", "人民", "党中央", "中央",
    ]
    let totals = phrases.map { try! index.count($0).occurrences }

    Benchmark("trend of 20 phrases by year, 新闻联播") { benchmark in
        for _ in benchmark.scaledIterations {
            let trends = try! index.trends(of: phrases)
            precondition(trends.map { $0.buckets.reduce(0) { $0 + $1.occurrences } } == totals)
            blackHole(trends)
        }
    }

    Benchmark("keyness 2024 against 2023, 新闻联播") { benchmark in
        for _ in benchmark.scaledIterations {
            let keyness = try! index.keyness(target: "date:2024", reference: "date:2023")
            precondition(keyness.targetDocuments + keyness.referenceDocuments == index.allDocuments.count && !keyness.items.isEmpty)
            blackHole(keyness)
        }
    }
}
