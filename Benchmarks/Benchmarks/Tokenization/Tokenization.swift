import Benchmark
import Foundation
import Tifa
@_spi(Fingerprint) import TifaText

/// Fixed corpora: the example archive's Government Work Reports (1.6 MB) and the PKU test text
/// from ../shared/data (0.5 MB). Every segmentation benchmark checks its token count and boundary checksum against
/// `expected-outputs.json`, which the plain tests check too, so a fast wrong answer fails.
let benchmarks: @Sendable () -> Void = {
    Benchmark.defaultConfiguration = .init(
        metrics: [.wallClock, .throughput, .mallocCountTotal, .peakMemoryResident, bytesPerSecond],
        maxDuration: .seconds(10), maxIterations: 20)

    let corpora = Corpora.load()
    let lexicon = try! Lexicon.bundled()
    let segmenters: [(String, any Segmenter)] = [
        ("coarse", try! LexiconSegmenter(lexicon: lexicon, granularity: .coarse)),
        ("fine", try! LexiconSegmenter(lexicon: lexicon, granularity: .fine)),
        ("icu", try! ICUSegmenter()),
    ]

    // Lines that repeat what the rules look for: bytes per second must not fall as a line grows
    // (a rule walking the whole run from every position made 200,000 numerals take 20 s; sorting a
    // run's thousands of grammar edges by insertion made 800,000 characters of 中国共产党中央委员会
    // take 9 s; looking through every organ a grammar found at every 关于 made 760,000 characters of
    // 河南省人民政府办公厅关于加强工作的意见 take 3.9 s).
    for length in [50_000, 200_000] {
        let lines = ["一", "第一", "三县一城", "党的", "中央委员会", "中国共产党中央委员会", "中共中央关于", "健康中国战略中华人民共和国票据法", "河南省人民政府办公厅关于加强工作的意见"]
            .map { String(repeating: $0, count: length / $0.count) }
        let bytes = lines.reduce(0) { $0 + $1.utf8.count }
        let coarse = segmenters[0].1
        Benchmark("segment coarse repetitive lines (\(length / 1000)k characters each)") { benchmark in
            for _ in benchmark.scaledIterations {
                let start = ContinuousClock.now
                blackHole(SegmentationFingerprint(of: lines, segmenter: coarse))
                recordBytesPerSecond(benchmark, bytes: bytes, since: start)
            }
        }
    }

    for (corpusName, lines) in corpora.all {
        let bytes = lines.reduce(0) { $0 + $1.utf8.count }
        for (mode, segmenter) in segmenters {
            let expected = corpora.expected["\(corpusName)/\(mode)"]
            Benchmark("segment \(mode) \(corpusName) (\(bytes / 1000) kB)") { benchmark in
                for _ in benchmark.scaledIterations {
                    let start = ContinuousClock.now
                    let result = SegmentationFingerprint(of: lines, segmenter: segmenter)
                    recordBytesPerSecond(benchmark, bytes: bytes, since: start)
                    if let expected, result != expected {
                        fatalError("\(mode) \(corpusName): got \(result), expected \(expected)")
                    }
                    blackHole(result)
                }
            }
        }
        let normalizer = try! Normalizer()
        Benchmark("normalize \(corpusName) (\(bytes / 1000) kB)") { benchmark in
            for _ in benchmark.scaledIterations {
                let start = ContinuousClock.now
                var count = 0
                for line in lines { count += normalizer.normalize(line).scalars.unicodeScalars.count }
                recordBytesPerSecond(benchmark, bytes: bytes, since: start)
                blackHole(count)
            }
        }
    }

    let cacheDirectory = FileManager.default.temporaryDirectory.appendingPathComponent("tifa-benchmark-cache").path
    _ = try! Lexicon.bundled(cache: .directory(cacheDirectory))
    Benchmark("dictionary load warm (compiled cache)") { benchmark in
        for _ in benchmark.scaledIterations {
            let loaded = try! Lexicon.bundled(cache: .directory(cacheDirectory))
            precondition(loaded.loadedFromCache && loaded.count == lexicon.count)
            blackHole(loaded)
        }
    }
    Benchmark("dictionary load cold (text files)", configuration: .init(maxIterations: 5)) { benchmark in
        for _ in benchmark.scaledIterations {
            let loaded = try! Lexicon.bundled(cache: .disabled)
            precondition(!loaded.loadedFromCache && loaded.count == lexicon.count)
            blackHole(loaded)
        }
    }
}

/// Input bytes processed per second, the number users compare with other segmenters.
let bytesPerSecond = BenchmarkMetric.custom("Input bytes per second", polarity: .prefersLarger, useScalingFactor: false)

func recordBytesPerSecond(_ benchmark: Benchmark, bytes: Int, since start: ContinuousClock.Instant) {
    let elapsed = ContinuousClock.now - start
    let seconds = Double(elapsed.components.seconds) + Double(elapsed.components.attoseconds) / 1e18
    benchmark.measurement(bytesPerSecond, Int(Double(bytes) / max(seconds, 1e-9)))
}

/// The benchmark corpora and their expected segmentation results.
struct Corpora {
    var all: [(String, [String])]
    var expected: [String: SegmentationFingerprint]

    static let repository = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent().deletingLastPathComponent()
    static let data = repository.deletingLastPathComponent().appendingPathComponent("shared/data")

    static func load() -> Corpora {
        var reports: [String] = []
        for file in try! ArchiveReader.walk([repository.appendingPathComponent("Examples/work-reports").path]).files {
            for result in ArchiveReader.documents(in: file.path) {
                reports += try! result.get().text.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
            }
        }
        let pku = try! String(contentsOf: data.appendingPathComponent("segmentation/pku_test.utf8"), encoding: .utf8)
            .split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
        let expectedFile = repository.appendingPathComponent("Benchmarks/expected-outputs.json")
        var expected: [String: SegmentationFingerprint] = [:]
        if let data = try? Data(contentsOf: expectedFile),
            let object = try? JSONSerialization.jsonObject(with: data) as? [String: [String: UInt64]]
        {
            for (key, value) in object {
                expected[key] = SegmentationFingerprint(tokens: Int(value["tokens"]!), checksum: value["checksum"]!)
            }
        }
        return Corpora(all: [("work-reports", reports), ("pku-test", pku)], expected: expected)
    }
}
