import Foundation

/// Commits an index batch by batch with analysis and writing overlapped: while worker threads
/// analyse one batch (`Index.prepare`), the caller goes on reading documents, and the batch
/// analysed before is written (`Index.write`) when the next one is submitted or at `finish()`.
///
/// ```swift
/// let writer = PipelinedWriter(index: index)
/// var summary = Index.CommitSummary()
/// for document in archive {
///     index.add(document)
///     if index.pendingCount >= 256 { summary.add(try writer.submit()) }
/// }
/// summary.add(try writer.submit())
/// summary.add(try writer.finish())
/// ```
///
/// Each batch is still one atomic commit, so a process killed at any moment loses at most the
/// batches not yet written. Use one writer per index from one thread.
public final class PipelinedWriter {
    private let index: Index
    private let overlapped: Bool
    private var inFlight: InFlight?

    private struct InFlight {
        let batch: Index.Batch
        let group: DispatchGroup
        let result: ResultBox
    }

    private final class ResultBox: @unchecked Sendable {
        // @unchecked: written by the analysis task before its group leaves, read after waiting.
        var value: Index.PreparedBatch?
    }

    /// With `overlapped` false every step runs on the caller's thread, one after another (the
    /// analysis itself still uses `index.jobs` threads).
    public init(index: Index, overlapped: Bool = true) {
        self.index = index
        self.overlapped = overlapped
    }

    /// Starts analysing the queued documents and writes the batch analysed before them.
    public func submit() throws(IndexError) -> Index.CommitSummary {
        let batch = index.takeBatch(after: inFlight?.batch)
        if !overlapped { return try index.write(index.prepare(batch)) }
        let previous = inFlight
        inFlight = nil
        guard !batch.isEmpty else { return try write(previous) }
        let group = DispatchGroup()
        let box = ResultBox()
        let index = UncheckedSendable(self.index)
        let work = UncheckedSendable(batch)
        group.enter()
        DispatchQueue.global().async {
            box.value = index.value.prepare(work.value)
            group.leave()
        }
        inFlight = InFlight(batch: batch, group: group, result: box)
        return try write(previous)
    }

    /// Waits for the batch in flight and writes it.
    public func finish() throws(IndexError) -> Index.CommitSummary {
        let current = inFlight
        inFlight = nil
        return try write(current)
    }

    private func write(_ batch: InFlight?) throws(IndexError) -> Index.CommitSummary {
        guard let batch else { return Index.CommitSummary() }
        batch.group.wait()
        return try index.write(batch.result.value!)
    }
}
