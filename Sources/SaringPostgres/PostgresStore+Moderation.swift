import Foundation
import Logging
import PostgresNIO
import SaringCore
import SaringStore

// A moderator's decisions and claims on PostgreSQL, each one transaction that locks the comment's
// row first: two moderators on different nodes deciding or claiming one comment take turns, and
// the second sees what the first did. The rules are ``DecisionRules``, the SQLite store's own.
extension PostgresStore: ModerationStore {
    public func decide(
        _ commentId: Int64, _ verdict: ModeratorVerdict, by moderator: String, reason: String?, override: Bool,
        expectedLastDecision: Int64?
    ) async throws -> DecisionOutcome {
        let millis = Timestamp.millis(now())
        let logger = logger
        return try await transaction { db in
            guard let (articleId, status, flagged) = try await Self.first(
                db.query(PostgresHotQueries.decidedComment(commentId), logger: logger), as: (String, String, Bool).self)
            else { throw StoreError.commentNotFound(id: commentId) }
            let facts = DecisionRules.Facts(
                commentId: commentId, status: CommentStatus(rawValue: status) ?? .pending, flagged: flagged,
                standing: try await Self.oneDecision(db, PostgresHotQueries.standingVerdict(commentId), logger: logger),
                claimant: try await Self.first(
                    db.query(PostgresHotQueries.otherClaimant(commentId, besides: moderator, at: millis), logger: logger), as: String.self),
                latest: expectedLastDecision == nil
                    ? nil : try await Self.oneDecision(db, PostgresHotQueries.latestDecision(commentId), logger: logger))
            if let standing = try DecisionRules.check(
                facts, verdict, moderator: moderator, override: override, expectedLastDecision: expectedLastDecision)
            {
                return DecisionOutcome(decision: standing, changed: false, articleId: articleId, status: facts.status, flagged: flagged)
            }
            let decision = try await Self.recordVerdict(
                db, commentId: commentId, verdict, moderator: moderator, reasons: reason.map { [$0] } ?? [], at: millis, logger: logger)
            return DecisionOutcome(decision: decision, changed: true, articleId: articleId, status: verdict.status, flagged: false)
        }
    }

    public func undo(decision decisionId: Int64, by moderator: String, override: Bool) async throws -> DecisionOutcome {
        let millis = Timestamp.millis(now())
        let logger = logger
        return try await transaction { db in
            let found = try await Self.oneDecision(db, PostgresHotQueries.decision(decisionId), logger: logger)
            var articleId = ""
            var latestId: Int64?
            if let found {
                articleId = try await Self.first(
                    db.query(PostgresHotQueries.decidedComment(found.commentId), logger: logger), as: (String, String, Bool).self)!.0
                latestId = try await Self.oneDecision(db, PostgresHotQueries.latestDecision(found.commentId), logger: logger)?.id
            }
            let undoneAlready = try await Self.first(
                db.query(PostgresHotQueries.undoOf(decisionId), logger: logger), as: Int64.self) != nil
            let undone = try DecisionRules.checkUndo(
                decisionId, undone: found, undoneAlready: undoneAlready, latestId: latestId, moderator: moderator, override: override)
            let decision = try await Self.recordUndo(db, of: undone, moderator: moderator, reason: "", at: millis, logger: logger)
            return DecisionOutcome(
                decision: decision, changed: true, articleId: articleId, status: decision.status, flagged: decision.action == .flag)
        }
    }

    /// Takes back `undone` (the newest decision on its comment): the comment returns to the state
    /// of the decision before it, as a new entry of the history, and the reports it resolved reopen.
    static func recordUndo(
        _ db: PostgresConnection, of undone: Decision, moderator: String, reason: String, at millis: Int64, logger: Logger
    ) async throws -> Decision {
        let previous = try await first(
            db.query(PostgresHotQueries.decisionBefore(undone.id, commentId: undone.commentId), logger: logger), as: (String, String).self)
        let (status, flagged) = DecisionRules.restoredState(
            previousStatus: previous.flatMap { CommentStatus(rawValue: $0.0) }, previousAction: previous.flatMap { DecisionAction(rawValue: $0.1) })
        try await db.query(
            "UPDATE comments SET status = \(status.rawValue), flagged = \(flagged), updated_at = \(millis) WHERE id = \(undone.commentId)",
            logger: logger)
        try await db.query(PostgresHotQueries.reopenReports(resolvedBy: undone.id), logger: logger)
        return try await insertModeratorDecision(
            db, commentId: undone.commentId, moderator: moderator, action: DecisionAction(status: status, flagged: flagged),
            status: status,
            reasons: ["undo of decision \(undone.id) (\(undone.action.rawValue))" + (reason.isEmpty ? "" : ": \(reason)")],
            undoes: undone.id, at: millis, logger: logger)
    }

    public func claim(commentId: Int64, moderator: String, lease: Duration) async throws -> QueueItem? {
        let millis = Timestamp.millis(now())
        let expires = millis + Timestamp.millis(of: lease)
        let logger = logger
        return try await transaction { db in
            guard try await Self.first(db.query(PostgresHotQueries.decidedComment(commentId), logger: logger), as: (String, String, Bool).self) != nil
            else { return nil }
            // Taken over only when it is this moderator's own claim, or one that has run out.
            let holder = try await Self.first(
                db.query(PostgresHotQueries.takeClaim(commentId, by: moderator, at: millis, until: expires), logger: logger), as: String.self)
            guard holder != nil else { return nil }
            return try await Self.queueItem(db, commentId: commentId, now: millis, logger: logger)
        }
    }

    public func releaseClaims(moderator: String, commentId: Int64?) async throws {
        try await bounded {
            if let commentId {
                _ = try await self.client.query(PostgresHotQueries.releaseClaim(commentId, of: moderator), logger: self.logger)
            } else {
                _ = try await self.client.query(PostgresHotQueries.releaseClaims(of: moderator), logger: self.logger)
            }
        }
    }

    /// Writes a moderator's approve or reject: the comment's status and flag follow, its open
    /// reports are resolved by this decision, and every claim on it is released.
    static func recordVerdict(
        _ db: PostgresConnection, commentId: Int64, _ verdict: ModeratorVerdict, moderator: String, reasons: [String],
        batchId: Int64? = nil, at millis: Int64, logger: Logger
    ) async throws -> Decision {
        try await db.query(
            "UPDATE comments SET status = \(verdict.status.rawValue), flagged = FALSE, updated_at = \(millis) WHERE id = \(commentId)",
            logger: logger)
        let decision = try await insertModeratorDecision(
            db, commentId: commentId, moderator: moderator, action: verdict.action, status: verdict.status, reasons: reasons,
            batchId: batchId, undoes: nil, at: millis, logger: logger)
        try await db.query(PostgresHotQueries.resolveReports(of: commentId, by: decision.id, at: millis), logger: logger)
        try await db.query(PostgresHotQueries.dropClaims(on: commentId), logger: logger)
        return decision
    }

    static func insertModeratorDecision(
        _ db: PostgresConnection, commentId: Int64, moderator: String, action: DecisionAction, status: CommentStatus, reasons: [String],
        batchId: Int64? = nil, undoes: Int64?, at millis: Int64, logger: Logger
    ) async throws -> Decision {
        let id = try await first(
            db.query(
                """
                INSERT INTO decisions (comment_id, actor_kind, decided_by, action, status, reasons, created_at, batch_id, undoes)
                VALUES (\(commentId), 'moderator', \(moderator), \(action.rawValue), \(status.rawValue),
                        \(JSONWriter.stringArray(reasons))::jsonb, \(millis), \(batchId), \(undoes))
                RETURNING id
                """, logger: logger), as: Int64.self)!
        return Decision(
            id: id, commentId: commentId, actor: .moderator, decidedBy: moderator, action: action, status: status, reasons: reasons,
            createdAt: Timestamp.date(millis), batchId: batchId, undoes: undoes)
    }

    static func oneDecision(_ db: PostgresConnection, _ query: PostgresQuery, logger: Logger) async throws -> Decision? {
        for try await row in try await db.query(query, logger: logger) { return try decision(from: row) }
        return nil
    }
}
