import Synchronization

/// Group commit, for both stores: items that arrive while a transaction runs wait, and the next
/// transaction commits up to `maxBatch` of them together. Each caller is answered only after the
/// transaction holding its item has committed (or failed), with its own result: one item refused
/// inside the transaction (its savepoint rolled back) does not affect the others.
public final class GroupCommit<Item: Sendable, Output: Sendable>: Sendable {
    /// Commits a batch in one transaction: one result per item, in order; throwing means the
    /// transaction itself failed and nothing of it was committed.
    public typealias Commit = @Sendable ([Item]) async throws -> [Result<Output, any Error>]

    private struct Pending: Sendable {
        let item: Item
        let continuation: CheckedContinuation<Output, any Error>
    }

    private struct State {
        var pending: [Pending] = []
        var draining = 0
    }

    public let maxBatch: Int
    /// Transactions that may run at once: 1 for SQLite (one writer at a time), more for a server
    /// that commits side by side and where each statement is a round trip.
    public let concurrency: Int
    private let state = Mutex(State())

    public init(maxBatch: Int = 128, concurrency: Int = 1) {
        self.maxBatch = maxBatch
        self.concurrency = max(1, concurrency)
    }

    /// Queues `item`; a caller that finds fewer than `concurrency` transactions running starts one
    /// with `commit`, which runs until the queue is empty (every caller passes the same commit).
    public func submit(_ item: Item, commit: @escaping Commit) async throws -> Output {
        try await withCheckedThrowingContinuation { continuation in
            let leads = state.withLock { state in
                state.pending.append(Pending(item: item, continuation: continuation))
                if state.draining >= concurrency { return false }
                state.draining += 1
                return true
            }
            if leads { Task { await self.drain(commit) } }
        }
    }

    private func drain(_ commit: Commit) async {
        while true {
            let batch = state.withLock { state -> [Pending] in
                guard !state.pending.isEmpty else {
                    state.draining -= 1
                    return []
                }
                let batch = Array(state.pending.prefix(maxBatch))
                state.pending.removeFirst(batch.count)
                return batch
            }
            if batch.isEmpty { return }
            do {
                let results = try await commit(batch.map(\.item))
                for (pending, result) in zip(batch, results) { pending.continuation.resume(with: result) }
            } catch {
                // The transaction itself failed (busy, disk full, the server gone): every caller hears so.
                for pending in batch { pending.continuation.resume(throwing: error) }
            }
        }
    }
}
