import Foundation
import GRDB
import SaringCore

extension SaringStore {
    /// One batch of judged comments in one write transaction (see ``GroupCommit``): SQLite takes
    /// one writer at a time and a transaction costs far more than the rows in it. Each comment has
    /// its own savepoint, so a refused one (closed article, unknown parent) rolls back alone.
    func commitSubmissions(_ batch: [(CommentDraft, Verdict)]) async throws -> [Result<Comment, any Error>] {
        let millis = Timestamp.millis(now())
        let versionIds = batch.map { policyVersionId($0.1.policyVersion) }
        let results = try await write { db in
            zip(batch, versionIds).map { item, versionId in
                Result<Comment, any Error> {
                    var comment: Comment? = nil
                    try db.inSavepoint {
                        comment = try SaringStore.insert(db, item.0, verdict: item.1, at: millis, policyVersionId: versionId)
                        return .commit
                    }
                    return comment!
                }
            }
        }
        events.groupCommitted(batch.count)
        return results
    }
}
