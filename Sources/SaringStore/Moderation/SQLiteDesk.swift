import Foundation
import GRDB
import SaringCore

/// The moderation use cases on SQLite, for one moderator: what ``SaringStore`` does to meet
/// ``ModerationStore`` (the PostgreSQL store has its own), each use case one transaction, under
/// ``DecisionRules``. Callers use ``ModerationDesk``, which is the same on both backends.
struct SQLiteDesk: Sendable {
    let store: SaringStore
    /// Recorded in every decision this desk makes.
    let moderator: String

    init(store: SaringStore, moderator: String) {
        self.store = store
        self.moderator = moderator
    }

    /// Approves or rejects a comment.
    ///
    /// - Parameters:
    ///   - override: change a decision another moderator made.
    ///   - expectedLastDecision: the newest decision id the moderator saw; refused when the history
    ///     has grown since.
    /// - Throws: ``StoreError/commentNotFound(id:)``, ``StoreError/claimedByOther(commentId:moderator:)``,
    ///   ``StoreError/decidedMeanwhile(commentId:by:action:)``, ``StoreError/overrideNeeded(commentId:by:action:)``.
    @discardableResult
    func decide(
        _ commentId: Int64, _ verdict: ModeratorVerdict, reason: String? = nil, override: Bool = false,
        expectedLastDecision: Int64? = nil
    ) async throws -> DecisionOutcome {
        let millis = Timestamp.millis(store.now())
        let moderator = moderator
        return try await store.write { db in
            try Self.decide(
                db, commentId, verdict, moderator: moderator, reasons: reason.map { [$0] } ?? [], override: override,
                expectedLastDecision: expectedLastDecision, at: millis)
        }
    }

    static func decide(
        _ db: Database, _ commentId: Int64, _ verdict: ModeratorVerdict, moderator: String, reasons: [String], override: Bool,
        expectedLastDecision: Int64?, batchId: Int64? = nil, at millis: Int64
    ) throws -> DecisionOutcome {
        guard let row = try Row.fetchOne(db, sql: "SELECT article_id, status, flagged FROM comments WHERE id = ?", arguments: [commentId])
        else { throw StoreError.commentNotFound(id: commentId) }
        let facts = DecisionRules.Facts(
            commentId: commentId, status: CommentStatus(rawValue: row["status"]) ?? .pending, flagged: row["flagged"],
            standing: try SaringStore.standingVerdict(db, commentId: commentId),
            claimant: try SaringStore.otherClaimant(db, commentId: commentId, moderator: moderator, at: millis),
            latest: expectedLastDecision == nil ? nil : try SaringStore.latestDecision(db, commentId: commentId))
        if let standing = try DecisionRules.check(
            facts, verdict, moderator: moderator, override: override, expectedLastDecision: expectedLastDecision)
        {
            return DecisionOutcome(decision: standing, changed: false, articleId: row["article_id"], status: facts.status, flagged: facts.flagged)
        }
        let decision = try SaringStore.recordVerdict(
            db, commentId: commentId, verdict, moderator: moderator, reasons: reasons, batchId: batchId, at: millis)
        return DecisionOutcome(decision: decision, changed: true, articleId: row["article_id"], status: verdict.status, flagged: false)
    }

    /// Takes back a moderator's approve or reject: the comment returns to the state before it (a
    /// new entry of the history; nothing is erased) and the reports it resolved reopen.
    ///
    /// - Parameter override: take back another moderator's decision.
    /// - Throws: ``StoreError/cannotUndo(decisionId:reason:)`` when it is not a moderator's verdict,
    ///   was undone already, or the comment was decided since; ``StoreError/overrideNeeded(commentId:by:action:)``.
    @discardableResult
    func undo(decision decisionId: Int64, override: Bool = false) async throws -> DecisionOutcome {
        let millis = Timestamp.millis(store.now())
        let moderator = moderator
        return try await store.write { db in
            let found = try SaringStore.decision(db, id: decisionId)
            let undone = try DecisionRules.checkUndo(
                decisionId, undone: found,
                undoneAlready: try Bool.fetchOne(db, sql: "SELECT 1 FROM decisions WHERE undoes = ?", arguments: [decisionId]) == true,
                latestId: try found.flatMap { try SaringStore.latestDecision(db, commentId: $0.commentId) }?.id,
                moderator: moderator, override: override)
            let decision = try SaringStore.recordUndo(db, of: undone, moderator: moderator, reason: "", at: millis)
            let row = try Row.fetchOne(db, sql: "SELECT article_id, flagged FROM comments WHERE id = ?", arguments: [undone.commentId])!
            return DecisionOutcome(
                decision: decision, changed: true, articleId: row["article_id"], status: decision.status, flagged: row["flagged"])
        }
    }
}
