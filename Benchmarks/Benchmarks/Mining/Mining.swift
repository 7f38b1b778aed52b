import Benchmark
import Foundation
import Tifa

/// Mining the Government Work Reports (1.1 M characters). Each run checks that a formulation the
/// reports use in 15 places, 全面从严治党, is found with its exact count.
let benchmarks: @Sendable () -> Void = {
    Benchmark.defaultConfiguration = .init(
        metrics: [.wallClock, .mallocCountTotal, .peakMemoryResident], maxDuration: .seconds(30), maxIterations: 5)
    let data = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
        .appendingPathComponent("shared/data/corpora/gov_work_reports.jsonl")
    let texts = ArchiveReader.documents(in: data.path).compactMap { try? $0.get().text }
    let miner = try! PhraseMiner()
    Benchmark("mine work reports (\(texts.count) documents)") { benchmark in
        for _ in benchmark.scaledIterations {
            let candidates = miner.mine(texts, minimumCount: 5)
            let found = candidates.first { $0.phrase == "全面从严治党" }
            precondition(found?.count == 15, "全面从严治党: \(String(describing: found?.count)), expected 15")
            blackHole(candidates)
        }
    }
}
