import Foundation
import GRDB
import SaringCore

extension SaringStore {
    /// Records a moderator's approve or reject. It overrides the policy: the comment's status and
    /// published text follow at once; open reports are resolved; the moderator's claim is released.
    ///
    /// - Parameter expectedLastDecision: the newest decision id the moderator saw; when another
    ///   decision has been recorded since, nothing changes.
    /// - Throws: ``StoreError/decidedMeanwhile(commentId:by:action:)``,
    ///   ``StoreError/claimedByOther(commentId:moderator:)``, ``StoreError/commentNotFound(id:)``.
    @discardableResult
    public func decide(
        commentId: Int64, _ verdict: ModeratorVerdict, moderator: String, reason: String?, expectedLastDecision: Int64?
    ) async throws -> Decision {
        let millis = Timestamp.millis(now())
        return try await write { db in
            try Self.decide(
                db, commentId: commentId, verdict, moderator: moderator, reasons: reason.map { [$0] } ?? [],
                expectedLastDecision: expectedLastDecision, at: millis)
        }
    }

    /// - Parameter overridingClaims: a ban rejects its author's comments even while someone else is
    ///   looking at them (their decision would then be refused as "decided meanwhile").
    static func decide(
        _ db: Database, commentId: Int64, _ verdict: ModeratorVerdict, moderator: String, reasons: [String],
        expectedLastDecision: Int64?, overridingClaims: Bool = false, at millis: Int64
    ) throws -> Decision {
        guard try Bool.fetchOne(db, sql: "SELECT 1 FROM comments WHERE id = ?", arguments: [commentId]) == true else {
            throw StoreError.commentNotFound(id: commentId)
        }
        if !overridingClaims, let claimant = try String.fetchOne(
            db, sql: "SELECT moderator FROM claims WHERE comment_id = ? AND expires_at > ? AND moderator <> ?",
            arguments: [commentId, millis, moderator])
        {
            throw StoreError.claimedByOther(commentId: commentId, moderator: claimant)
        }
        if let expectedLastDecision,
            let latest = try Row.fetchOne(
                db, sql: "SELECT id, decided_by, action FROM decisions WHERE comment_id = ? ORDER BY id DESC LIMIT 1",
                arguments: [commentId]),
            latest["id"] as Int64 != expectedLastDecision
        {
            throw StoreError.decidedMeanwhile(commentId: commentId, by: latest["decided_by"], action: latest["action"])
        }
        try db.execute(
            sql: "UPDATE comments SET status = ?, flagged = 0, updated_at = ? WHERE id = ?",
            arguments: [verdict.status.rawValue, millis, commentId])
        let id = try appendDecision(
            db, commentId: commentId, actor: .moderator, decidedBy: moderator, action: verdict.rawValue, status: verdict.status,
            reasons: reasons, at: millis)
        try db.execute(
            sql: "UPDATE reports SET resolved_at = ? WHERE comment_id = ? AND resolved_at IS NULL", arguments: [millis, commentId])
        try db.execute(sql: "DELETE FROM claims WHERE comment_id = ?", arguments: [commentId])
        return Decision(
            id: id, commentId: commentId, actor: .moderator, decidedBy: moderator, action: verdict.rawValue, status: verdict.status,
            reasons: reasons, createdAt: Timestamp.date(millis))
    }

    /// Takes back a moderator's decision: the comment returns to the status it had before, as a new
    /// entry of the history (nothing is erased).
    ///
    /// - Throws: ``StoreError/cannotUndo(decisionId:reason:)`` when the decision is not a moderator's
    ///   or someone decided on the comment since.
    @discardableResult
    public func undo(decisionId: Int64, moderator: String) async throws -> Decision {
        let millis = Timestamp.millis(now())
        return try await write { db in
            guard let decision = try Row.fetchOne(db, sql: "SELECT * FROM decisions WHERE id = ?", arguments: [decisionId]) else {
                throw StoreError.cannotUndo(decisionId: decisionId, reason: "no such decision")
            }
            guard decision["actor_kind"] as String == "moderator" else {
                throw StoreError.cannotUndo(decisionId: decisionId, reason: "only a moderator's decision can be undone")
            }
            let commentId: Int64 = decision["comment_id"]
            let latest = try Int64.fetchOne(db, sql: "SELECT max(id) FROM decisions WHERE comment_id = ?", arguments: [commentId])
            guard latest == decisionId else {
                throw StoreError.cannotUndo(decisionId: decisionId, reason: "comment \(commentId) was decided again since")
            }
            let previous = try Row.fetchOne(
                db, sql: "SELECT status, action FROM decisions WHERE comment_id = ? AND id < ? ORDER BY id DESC LIMIT 1",
                arguments: [commentId, decisionId])
            let status = previous.flatMap { CommentStatus(rawValue: $0["status"]) } ?? .pending
            let flagged = previous?["action"] as String? == "flag"
            try db.execute(
                sql: "UPDATE comments SET status = ?, flagged = ?, updated_at = ? WHERE id = ?",
                arguments: [status.rawValue, flagged, millis, commentId])
            try db.execute(
                sql: "UPDATE reports SET resolved_at = NULL WHERE comment_id = ? AND resolved_at = ?",
                arguments: [commentId, decision["created_at"] as Int64])
            let action = status == .pending ? "hold" : status == .published ? (flagged ? "flag" : "publish") : "reject"
            let reasons = ["undo of decision \(decisionId) (\(decision["action"] as String))"]
            let id = try Self.appendDecision(
                db, commentId: commentId, actor: .moderator, decidedBy: moderator, action: action, status: status, reasons: reasons,
                at: millis)
            return Decision(
                id: id, commentId: commentId, actor: .moderator, decidedBy: moderator, action: action, status: status,
                reasons: reasons, createdAt: Timestamp.date(millis))
        }
    }

    /// Comments of a queue for bulk clean-up, without claims by other moderators, oldest first.
    public func bulkCandidates(_ filter: QueueFilter, moderator: String) async throws -> [Comment] {
        let millis = Timestamp.millis(now())
        return try await read { db in
            let (sql, arguments) = Self.queueQuery(filter, select: Self.commentColumns, now: millis, moderator: moderator)
            return try Row.fetchAll(db, sql: sql, arguments: arguments).map(Self.comment(from:))
        }
    }

    /// Rejects (or approves) many comments in one transaction; comments that changed since they
    /// were listed (no longer in the queue's status) are skipped and returned separately.
    public func decideMany(
        _ ids: [Int64], _ verdict: ModeratorVerdict, moderator: String, reason: String?, expectedStatus: CommentStatus?
    ) async throws -> (decided: [Int64], skipped: [Int64]) {
        let millis = Timestamp.millis(now())
        return try await write { db in
            var decided: [Int64] = []
            var skipped: [Int64] = []
            for id in ids {
                let status = try String.fetchOne(db, sql: "SELECT status FROM comments WHERE id = ?", arguments: [id])
                if let expectedStatus, status != expectedStatus.rawValue {
                    skipped.append(id)
                    continue
                }
                do {
                    _ = try Self.decide(
                        db, commentId: id, verdict, moderator: moderator, reasons: reason.map { [$0] } ?? [],
                        expectedLastDecision: nil, at: millis)
                    decided.append(id)
                } catch StoreError.claimedByOther {
                    skipped.append(id)
                }
            }
            return (decided, skipped)
        }
    }
}
