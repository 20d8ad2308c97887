import Foundation
import GRDB
import SaringCore

extension SQLiteDesk {
    /// Undoes a batch as a whole, in one transaction: every decision of it that is still the newest
    /// on its comment is taken back (the reports it resolved reopen); comments decided since are
    /// left as they are and listed. Undoing a ban also restores the author's standing before it
    /// (unless someone changed it since) and lifts the address bans it set.
    ///
    /// - Parameter override: undo another moderator's batch.
    /// - Throws: ``StoreError/batchNotFound(id:)``, ``StoreError/batchAlreadyUndone(id:by:)``,
    ///   ``StoreError/batchOfAnother(id:by:)``.
    @discardableResult
    func undo(batch batchId: Int64, override: Bool = false) async throws -> BatchUndoOutcome {
        let millis = Timestamp.millis(store.now())
        let moderator = moderator
        return try await store.write { db in
            guard let batch = try Row.fetchOne(db, sql: "SELECT * FROM batches WHERE id = ?", arguments: [batchId]) else {
                throw StoreError.batchNotFound(id: batchId)
            }
            if let by = batch["undone_by"] as String? { throw StoreError.batchAlreadyUndone(id: batchId, by: by) }
            let owner: String = batch["moderator"]
            if owner != moderator, !override { throw StoreError.batchOfAnother(id: batchId, by: owner) }
            if let authorId = batch["author_id"] as Int64?,
                try String.fetchOne(db, sql: "SELECT standing FROM authors WHERE id = ?", arguments: [authorId]) == "banned"
            {
                let previous = AuthorStanding(rawValue: batch["previous_standing"] ?? "normal") ?? .normal
                try SaringStore.recordStanding(db, authorId: authorId, previous, moderator: moderator, reason: "undo of batch \(batchId)", at: millis)
            }
            var restored: [Int64] = []
            var decidedSince: [Int64] = []
            var articles = Set<String>()
            for row in try Row.fetchAll(db, sql: HotQueries.batchDecisions, arguments: [batchId]) {
                let decision = SaringStore.decision(from: row)
                guard try SaringStore.latestDecision(db, commentId: decision.commentId)?.id == decision.id else {
                    decidedSince.append(decision.commentId)
                    continue
                }
                let undo = try SaringStore.recordUndo(db, of: decision, moderator: moderator, reason: "batch \(batchId)", at: millis)
                if undo.status == .published {
                    articles.insert(try String.fetchOne(db, sql: "SELECT article_id FROM comments WHERE id = ?", arguments: [decision.commentId]) ?? "")
                }
                restored.append(decision.commentId)
            }
            try db.execute(sql: "UPDATE batches SET undone_at = ?, undone_by = ? WHERE id = ?", arguments: [millis, moderator, batchId])
            return BatchUndoOutcome(restored: restored, decidedSince: decidedSince, articleIds: articles)
        }
    }
}
