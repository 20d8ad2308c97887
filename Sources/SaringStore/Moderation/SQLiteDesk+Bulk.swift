import Foundation
import GRDB
import SaringCore

extension SQLiteDesk {
    /// Rejects what `plan` found, as one batch in one transaction; comments that changed since
    /// they were listed, or that another moderator has claimed meanwhile, are skipped.
    @discardableResult
    func reject(_ plan: BulkPlan, reason: String? = nil) async throws -> BulkOutcome {
        let millis = Timestamp.millis(store.now())
        let moderator = moderator
        let reasons = ModerationDesk.reasons(plan, reason)
        let ids = plan.matches.map(\.comment.id)
        return try await store.write { db in
            var batchId: Int64?
            var decided: [Int64] = []
            var skipped: [Int64] = []
            var articles = Set<String>()
            for id in ids {
                guard let row = try Row.fetchOne(db, sql: "SELECT article_id, status FROM comments WHERE id = ?", arguments: [id]),
                    plan.expectedStatus == nil || row["status"] == plan.expectedStatus?.rawValue, row["status"] != "rejected",
                    try SaringStore.otherClaimant(db, commentId: id, moderator: moderator, at: millis) == nil
                else {
                    skipped.append(id)
                    continue
                }
                if batchId == nil {
                    batchId = try SaringStore.insertBatch(
                        db, kind: .bulkReject, moderator: moderator, description: plan.selection.description, at: millis)
                }
                if row["status"] == "published" { articles.insert(row["article_id"]) }
                _ = try SaringStore.recordVerdict(db, commentId: id, .reject, moderator: moderator, reasons: reasons, batchId: batchId, at: millis)
                decided.append(id)
            }
            return BulkOutcome(batchId: batchId, decided: decided, skipped: skipped, articleIds: articles)
        }
    }
}

extension QueueKind {
    /// The status every comment of the queue has, when there is one.
    var status: CommentStatus? {
        switch self {
        case .pending: .pending
        case .flagged: .published
        case .reported, .rejected: nil
        }
    }
}
