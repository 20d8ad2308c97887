import Foundation
import GRDB
import SaringCore
import Synchronization

/// Group commit for new comments. SQLite takes one writer at a time and a transaction costs far
/// more than the rows in it, so comments that arrive while a write is running are queued and the
/// next write commits up to `maxBatch` of them together, each in its own savepoint. Every caller
/// is answered only after the transaction holding its comment has committed, so an acknowledged
/// comment is never lost; a comment refused by the store (closed article, unknown parent) rolls
/// back its savepoint alone.
final class SubmissionQueue: Sendable {
    struct Pending: Sendable {
        let draft: CommentDraft
        let verdict: Verdict
        let continuation: CheckedContinuation<Comment, any Error>
    }

    private struct State {
        var pending: [Pending] = []
        var draining = false
    }

    let maxBatch: Int
    let events: StoreEvents
    private let state = Mutex(State())

    init(maxBatch: Int = 128, events: StoreEvents = StoreEvents()) {
        self.maxBatch = maxBatch
        self.events = events
    }

    func submit(_ draft: CommentDraft, _ verdict: Verdict, to store: SaringStore) async throws -> Comment {
        try await withCheckedThrowingContinuation { continuation in
            let leads = state.withLock { state in
                state.pending.append(Pending(draft: draft, verdict: verdict, continuation: continuation))
                if state.draining { return false }
                state.draining = true
                return true
            }
            // The first caller to find no write running starts one; it runs until the queue is empty.
            if leads { Task { await self.drain(store) } }
        }
    }

    private func drain(_ store: SaringStore) async {
        while true {
            let batch = state.withLock { state -> [Pending] in
                guard !state.pending.isEmpty else {
                    state.draining = false
                    return []
                }
                let batch = Array(state.pending.prefix(maxBatch))
                state.pending.removeFirst(batch.count)
                return batch
            }
            if batch.isEmpty { return }
            let millis = Timestamp.millis(store.now())
            let versionIds = batch.map { store.policyVersionId($0.verdict.policyVersion) }
            do {
                let results = try await store.write { db in
                    zip(batch, versionIds).map { item, versionId in
                        Result<Comment, any Error> {
                            var comment: Comment? = nil
                            try db.inSavepoint {
                                comment = try SaringStore.insert(
                                    db, item.draft, verdict: item.verdict, at: millis, policyVersionId: versionId)
                                return .commit
                            }
                            return comment!
                        }
                    }
                }
                events.groupCommitted(batch.count)
                for (item, result) in zip(batch, results) { item.continuation.resume(with: result) }
            } catch {
                // The transaction itself failed (busy past the timeout, disk full): nothing of it was
                // committed, and every caller hears so.
                for item in batch { item.continuation.resume(throwing: error) }
            }
        }
    }
}
