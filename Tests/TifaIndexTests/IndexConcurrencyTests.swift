import Foundation
import TifaIndex
import XCTest

/// One `Index` shared by tasks and threads gives the answers it gives alone, while a writer
/// adds documents to the same value.
final class IndexConcurrencyTests: XCTestCase {
    static let phrases = ["两个维护", "全面从严治党", "高质量发展", "的"]

    static func makeIndex() throws -> Index {
        let index = try Index(path: try temporaryIndexPath())
        for k in 0..<40 {
            index.add(Document(id: "d\(k)", text: String(repeating: "坚持全面从严治党，做到两个维护。", count: k % 5 + 1) + "推动高质量发展的第\(k)篇。", date: "20\(10 + k % 15)-03-05"))
        }
        try index.commit()
        return index
    }

    func testDetachedTasksCountOnASharedIndex() async throws {
        let index = try Self.makeIndex()
        let alone = try Self.phrases.map { try index.count($0).occurrences }
        XCTAssertEqual(alone, [120, 120, 40, 40])
        let counts = try await withThrowingTaskGroup(of: [Int].self) { group in
            for _ in 0..<8 {
                group.addTask { try Self.phrases.map { try index.count($0).occurrences } }
            }
            return try await group.reduce(into: []) { $0.append($1) }
        }
        XCTAssertEqual(counts, Array(repeating: alone, count: 8))
        let detached = try await Task.detached { try index.kwic("两个维护", width: 2, limit: 1).first?.match }.value
        XCTAssertEqual(detached, "两个维护")
    }

    func testReadersOnThreadsWhileTheSameIndexCommits() throws {
        let index = try Self.makeIndex()
        let failures = UncheckedBox<[String]>([])
        DispatchQueue.concurrentPerform(iterations: 6) { thread in
            for round in 0..<20 {
                do {
                    if thread == 0 {
                        index.add(Document(id: "new\(round)", text: "两个维护第\(round)次。"))
                        try index.commit()
                    } else {
                        // Every commit adds one 两个维护: a count is never below the first, never torn.
                        let count = try index.count("两个维护")
                        let documents = index.allDocuments.count
                        if count.occurrences < 120 || count.occurrences > 140 || documents < 40 || documents > 60 {
                            failures.append("\(count.occurrences) occurrences, \(documents) documents")
                        }
                        _ = try index.search("两个维护 date:2012..2020", limit: 3)
                    }
                } catch {
                    failures.append("\(error)")
                }
            }
        }
        XCTAssertEqual(failures.value, [])
        XCTAssertEqual(try index.count("两个维护").occurrences, 140)
        XCTAssertEqual(index.allDocuments.count, 60)
    }
}

/// A value threads append to under a lock.
final class UncheckedBox<Value>: @unchecked Sendable {
    private let lock = NSLock()
    private var stored: Value
    init(_ value: Value) { stored = value }
    var value: Value { lock.withLock { stored } }
    func append<Element>(_ element: Element) where Value == [Element] { lock.withLock { stored.append(element) } }
}
