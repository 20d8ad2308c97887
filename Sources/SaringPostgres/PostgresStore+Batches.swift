import Foundation
import Logging
import PostgresNIO
import SaringCore
import SaringStore

// Bulk rejection and batch undo on PostgreSQL, as ``ModerationDesk`` does them on SQLite. The
// plan (which comments a pattern takes) is ``ModerationStore/plan(_:except:moderator:)``, shared.
extension PostgresStore {
    public func bulkCandidates(_ filter: QueueFilter, moderator: String) async throws -> [Comment] {
        let millis = Timestamp.millis(now())
        var unfiltered = filter
        unfiltered.text = nil
        let plain = unfiltered
        return try await bounded {
            try await self.client.withConnection { db in
                var comments: [Comment] = []
                let rows = try await db.query(
                    Self.queueQuery(plain, select: PostgresHotQueries.queueCommentColumns, limit: nil, unclaimedFor: moderator, at: millis),
                    logger: self.logger)
                for try await row in rows { comments.append(try Self.comment(from: row)) }
                return comments
            }
        }
    }

    public func campaignComments(_ campaignId: Int64) async throws -> [Comment] {
        try await bounded {
            var comments: [Comment] = []
            for try await row in try await self.client.query(PostgresHotQueries.campaignComments(campaignId), logger: self.logger) {
                comments.append(try Self.comment(from: row))
            }
            return comments
        }
    }

    public func reject(_ plan: BulkPlan, by moderator: String, reason: String?) async throws -> BulkOutcome {
        let millis = Timestamp.millis(now())
        let reasons = ModerationDesk.reasons(plan, reason)
        let ids = plan.matches.map(\.comment.id)
        let logger = logger
        return try await transaction { db in
            var batchId: Int64?
            var decided: [Int64] = []
            var skipped: [Int64] = []
            var articles = Set<String>()
            for id in ids {
                guard let (articleId, status, _) = try await Self.first(
                    db.query(PostgresHotQueries.decidedComment(id), logger: logger), as: (String, String, Bool).self),
                    plan.expectedStatus == nil || status == plan.expectedStatus?.rawValue, status != "rejected",
                    try await Self.first(
                        db.query(
                            "SELECT moderator FROM claims WHERE comment_id = \(id) AND expires_at > \(millis) AND moderator <> \(moderator)",
                            logger: logger), as: String.self) == nil
                else {
                    skipped.append(id)
                    continue
                }
                if batchId == nil {
                    batchId = try await Self.insertBatch(
                        db, kind: .bulkReject, moderator: moderator, description: plan.selection.description, at: millis, logger: logger)
                }
                if status == "published" { articles.insert(articleId) }
                _ = try await Self.recordVerdict(
                    db, commentId: id, .reject, moderator: moderator, reasons: reasons, batchId: batchId, at: millis, logger: logger)
                decided.append(id)
            }
            return BulkOutcome(batchId: batchId, decided: decided, skipped: skipped, articleIds: articles)
        }
    }

    public func undo(batch batchId: Int64, by moderator: String, override: Bool) async throws -> BatchUndoOutcome {
        let millis = Timestamp.millis(now())
        let logger = logger
        return try await transaction { db in
            guard let (owner, undoneBy, authorId, previousStanding) = try await Self.first(
                db.query(
                    "SELECT moderator, undone_by, author_id, previous_standing FROM batches WHERE id = \(batchId) FOR UPDATE", logger: logger),
                as: (String, String?, Int64?, String?).self)
            else { throw StoreError.batchNotFound(id: batchId) }
            if let undoneBy { throw StoreError.batchAlreadyUndone(id: batchId, by: undoneBy) }
            if owner != moderator, !override { throw StoreError.batchOfAnother(id: batchId, by: owner) }
            if let authorId,
                try await Self.first(
                    db.query("SELECT standing FROM authors WHERE id = \(authorId) FOR UPDATE", logger: logger), as: String.self) == "banned"
            {
                try await Self.recordStanding(
                    db, authorId: authorId, AuthorStanding(rawValue: previousStanding ?? "normal") ?? .normal, moderator: moderator,
                    reason: "undo of batch \(batchId)", at: millis, logger: logger)
            }
            var decisions: [Decision] = []
            for try await row in try await db.query(
                "SELECT \(unescaped: PostgresHotQueries.decisionColumns) FROM decisions WHERE batch_id = \(batchId) ORDER BY id", logger: logger)
            {
                decisions.append(try Self.decision(from: row))
            }
            var restored: [Int64] = []
            var decidedSince: [Int64] = []
            var articles = Set<String>()
            for decision in decisions {
                let (articleId, _, _) = try await Self.first(
                    db.query(PostgresHotQueries.decidedComment(decision.commentId), logger: logger), as: (String, String, Bool).self)!
                guard try await Self.oneDecision(db, PostgresHotQueries.latestDecision(decision.commentId), logger: logger)?.id == decision.id
                else {
                    decidedSince.append(decision.commentId)
                    continue
                }
                let undo = try await Self.recordUndo(db, of: decision, moderator: moderator, reason: "batch \(batchId)", at: millis, logger: logger)
                if undo.status == .published { articles.insert(articleId) }
                restored.append(decision.commentId)
            }
            try await db.query(
                "UPDATE batches SET undone_at = \(millis), undone_by = \(moderator) WHERE id = \(batchId)", logger: logger)
            return BatchUndoOutcome(restored: restored, decidedSince: decidedSince, articleIds: articles)
        }
    }

    public func batch(_ id: Int64) async throws -> ModerationBatch? {
        try await bounded {
            try await self.client.withConnection { db in
                guard let (kind, moderator, description, createdAt, undoneAt, undoneBy) = try await Self.first(
                    db.query(PostgresHotQueries.batch(id), logger: self.logger), as: (String, String, String, Int64, Int64?, String?).self)
                else { return nil }
                var ids: [Int64] = []
                for try await commentId in try await db.query(PostgresHotQueries.batchCommentIds(id), logger: self.logger).decode(Int64.self) {
                    ids.append(commentId)
                }
                return ModerationBatch(
                    id: id, kind: ModerationBatch.Kind(rawValue: kind) ?? .bulkReject, moderator: moderator, description: description,
                    createdAt: Timestamp.date(createdAt), undoneAt: undoneAt.map(Timestamp.date), undoneBy: undoneBy, commentIds: ids)
            }
        }
    }
}
