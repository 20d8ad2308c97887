import Foundation
import GRDB
import SaringCore

// The building blocks of the moderation use cases (``ModerationDesk``), each inside a transaction
// the use case opens. Nothing here decides whether a moderator may do something; that is the desk's.
extension SaringStore {
    static func decision(from row: Row) -> Decision {
        let reasonsJSON: String = row["reasons"]
        var decision = Decision(
            id: row["id"], commentId: row["comment_id"],
            actor: Decision.Actor(rawValue: row["actor_kind"]) ?? .system, decidedBy: row["decided_by"],
            action: DecisionAction(rawValue: row["action"]) ?? .hold, status: CommentStatus(rawValue: row["status"]) ?? .pending,
            reasons: (try? JSONDecoder().decode([String].self, from: Data(reasonsJSON.utf8))) ?? [],
            createdAt: Timestamp.date(row["created_at"]), batchId: row["batch_id"], undoes: row["undoes"])
        // Absent from rows read before migration 0009 and from narrower selections.
        if row.hasColumn("policy_version_id") { decision.policyVersionId = row["policy_version_id"] }
        return decision
    }

    static func decision(_ db: Database, id: Int64) throws -> Decision? {
        try Row.fetchOne(db, sql: "SELECT * FROM decisions WHERE id = ?", arguments: [id]).map(decision(from:))
    }

    /// The newest decision on a comment.
    static func latestDecision(_ db: Database, commentId: Int64) throws -> Decision? {
        try Row.fetchOne(db, sql: HotQueries.latestDecision, arguments: [commentId]).map(decision(from:))
    }

    /// The moderator's approve or reject that the comment's state rests on: the newest one that
    /// has not been undone, or nil when only the policy has decided.
    static func standingVerdict(_ db: Database, commentId: Int64) throws -> Decision? {
        try Row.fetchOne(db, sql: HotQueries.standingVerdict, arguments: [commentId]).map(decision(from:))
    }

    /// The moderator holding an unexpired claim on the comment other than `moderator`, if any.
    static func otherClaimant(_ db: Database, commentId: Int64, moderator: String, at millis: Int64) throws -> String? {
        try String.fetchOne(
            db, sql: "SELECT moderator FROM claims WHERE comment_id = ? AND expires_at > ? AND moderator <> ?",
            arguments: [commentId, millis, moderator])
    }

    /// Writes a moderator's approve or reject: the comment's status and flag follow, its open
    /// reports are resolved by this decision, and every claim on it is released.
    static func recordVerdict(
        _ db: Database, commentId: Int64, _ verdict: ModeratorVerdict, moderator: String, reasons: [String], batchId: Int64?,
        at millis: Int64
    ) throws -> Decision {
        try db.execute(
            sql: "UPDATE comments SET status = ?, flagged = 0, updated_at = ? WHERE id = ?",
            arguments: [verdict.status.rawValue, millis, commentId])
        let decision = try insertDecision(
            db, commentId: commentId, moderator: moderator, action: verdict.action, status: verdict.status, reasons: reasons,
            batchId: batchId, undoes: nil, at: millis)
        try db.execute(
            sql: "UPDATE reports SET resolved_at = ?, resolved_by = ? WHERE comment_id = ? AND resolved_at IS NULL",
            arguments: [millis, decision.id, commentId])
        try db.execute(sql: "DELETE FROM claims WHERE comment_id = ?", arguments: [commentId])
        return decision
    }

    /// Takes back `undone` (the newest decision on its comment): the comment returns to the state
    /// of the decision before it, as a new entry of the history, and the reports it resolved reopen.
    static func recordUndo(_ db: Database, of undone: Decision, moderator: String, reason: String, at millis: Int64) throws -> Decision {
        let previous = try Row.fetchOne(
            db, sql: "SELECT status, action FROM decisions WHERE comment_id = ? AND id < ? ORDER BY id DESC LIMIT 1",
            arguments: [undone.commentId, undone.id])
        let (status, flagged) = DecisionRules.restoredState(
            previousStatus: previous.flatMap { CommentStatus(rawValue: $0["status"]) }, previousAction: previous?["action"])
        try db.execute(
            sql: "UPDATE comments SET status = ?, flagged = ?, updated_at = ? WHERE id = ?",
            arguments: [status.rawValue, flagged, millis, undone.commentId])
        try db.execute(sql: HotQueries.reportsResolvedBy, arguments: [undone.id])
        return try insertDecision(
            db, commentId: undone.commentId, moderator: moderator, action: DecisionAction(status: status, flagged: flagged), status: status,
            reasons: ["undo of decision \(undone.id) (\(undone.action.rawValue))" + (reason.isEmpty ? "" : ": \(reason)")],
            batchId: nil, undoes: undone.id, at: millis)
    }

    private static func insertDecision(
        _ db: Database, commentId: Int64, moderator: String, action: DecisionAction, status: CommentStatus, reasons: [String],
        batchId: Int64?, undoes: Int64?, at millis: Int64
    ) throws -> Decision {
        let reasonsJSON = JSONWriter.stringArray(reasons)
        try db.execute(
            sql: """
                INSERT INTO decisions (comment_id, actor_kind, decided_by, action, status, reasons, created_at, batch_id, undoes)
                VALUES (?, 'moderator', ?, ?, ?, ?, ?, ?, ?)
                """,
            arguments: [commentId, moderator, action, status.rawValue, reasonsJSON, millis, batchId, undoes])
        return Decision(
            id: db.lastInsertedRowID, commentId: commentId, actor: .moderator, decidedBy: moderator, action: action, status: status,
            reasons: reasons, createdAt: Timestamp.date(millis), batchId: batchId, undoes: undoes)
    }

    /// Opens a batch; its decisions name it.
    static func insertBatch(
        _ db: Database, kind: ModerationBatch.Kind, moderator: String, description: String, authorId: Int64? = nil,
        previousStanding: AuthorStanding? = nil, at millis: Int64
    ) throws -> Int64 {
        try db.execute(
            sql: """
                INSERT INTO batches (kind, moderator, description, author_id, previous_standing, created_at)
                VALUES (?, ?, ?, ?, ?, ?)
                """,
            arguments: [kind.rawValue, moderator, String(description.prefix(600)), authorId, previousStanding?.rawValue, millis])
        return db.lastInsertedRowID
    }

    static func batch(_ db: Database, id: Int64) throws -> ModerationBatch? {
        guard let row = try Row.fetchOne(db, sql: "SELECT * FROM batches WHERE id = ?", arguments: [id]) else { return nil }
        let ids = try Int64.fetchAll(db, sql: HotQueries.batchDecisions.replacingOccurrences(of: "*", with: "comment_id"), arguments: [id])
        let undoneAt: Int64? = row["undone_at"]
        return ModerationBatch(
            id: id, kind: ModerationBatch.Kind(rawValue: row["kind"]) ?? .bulkReject, moderator: row["moderator"],
            description: row["description"], createdAt: Timestamp.date(row["created_at"]), undoneAt: undoneAt.map(Timestamp.date),
            undoneBy: row["undone_by"], commentIds: ids)
    }

    /// Changes an author's standing and records it in the author's history.
    static func recordStanding(
        _ db: Database, authorId: Int64, _ standing: AuthorStanding, moderator: String, reason: String?, at millis: Int64
    ) throws {
        try db.execute(
            sql: "UPDATE authors SET standing = ?, updated_at = ? WHERE id = ?", arguments: [standing.rawValue, millis, authorId])
        let action = switch standing {
        case .banned: "ban"
        case .trusted: "trust"
        case .normal: "unban"
        }
        try db.execute(
            sql: "INSERT INTO author_actions (author_id, moderator, action, reason, created_at) VALUES (?, ?, ?, ?, ?)",
            arguments: [authorId, moderator, action, reason.map { String($0.prefix(500)) }, millis])
        if standing != .banned { try db.execute(sql: HotQueries.liftAddressBans, arguments: [authorId]) }
    }

    /// Comments of a queue for bulk clean-up, without claims by other moderators, oldest first.
    public func bulkCandidates(_ filter: QueueFilter, moderator: String) async throws -> [Comment] {
        let millis = Timestamp.millis(now())
        return try await read { db in
            let (sql, arguments) = Self.queueQuery(filter, select: Self.commentColumns, now: millis, moderator: moderator)
            return try Row.fetchAll(db, sql: sql, arguments: arguments).map(Self.comment(from:))
        }
    }
}
