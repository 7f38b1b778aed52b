import Dispatch
import Foundation

/// Segments batches on worker threads while the caller keeps reading, and hands the results back
/// in submission order. At most `2 × jobs` batches are being segmented at once, so memory is
/// bounded by the batch size.
final class SegmentationPipeline: @unchecked Sendable {
    // @unchecked: `results` and `next` are only touched under `lock`.
    private let lock = NSLock()
    private let slots: DispatchSemaphore
    private let group = DispatchGroup()
    private let queue: DispatchQueue
    private var results: [Int: TokenFormatter.Result] = [:]
    private var next = 0

    init(jobs: Int) {
        slots = DispatchSemaphore(value: jobs == 1 ? 1 : jobs * 2)
        queue = DispatchQueue(label: "phrasectl.segment", attributes: .concurrent)
        self.jobs = jobs
    }

    private let jobs: Int

    func submit(_ index: Int, _ work: @escaping @Sendable () -> TokenFormatter.Result) {
        if jobs == 1 {
            store(index, work())
            return
        }
        slots.wait()
        group.enter()
        queue.async {
            let result = work()
            self.store(index, result)
            self.slots.signal()
            self.group.leave()
        }
    }

    private func store(_ index: Int, _ result: TokenFormatter.Result) {
        lock.lock()
        results[index] = result
        lock.unlock()
    }

    /// Hands over, in order, every result that is ready.
    func drainReady(_ body: (TokenFormatter.Result) -> Void) {
        while true {
            lock.lock()
            let result = results.removeValue(forKey: next)
            if result != nil { next += 1 }
            lock.unlock()
            guard let result else { return }
            body(result)
        }
    }

    /// Waits for every batch and hands over the remaining results in order.
    func finish(_ body: (TokenFormatter.Result) -> Void) {
        group.wait()
        drainReady(body)
    }
}
