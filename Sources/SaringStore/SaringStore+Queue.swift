import Foundation
import GRDB
import SaringCore

extension SaringStore {
    /// The first `filter.limit` comments of a queue, oldest first (or highest score first), each
    /// with its author, hits, reports and parent.
    public func queue(_ filter: QueueFilter) async throws -> [QueueItem] {
        let millis = Timestamp.millis(now())
        return try await read { db in
            let (sql, arguments) = Self.queueQuery(filter, select: "comments.id", now: millis, moderator: nil)
            let ids = try Int64.fetchAll(db, sql: sql + " LIMIT ?", arguments: arguments + [filter.limit])
            return try ids.compactMap { try Self.queueItem(db, commentId: $0, now: millis) }
        }
    }

    /// How many comments a queue holds (ignoring the limit).
    public func queueCount(_ filter: QueueFilter) async throws -> Int {
        let millis = Timestamp.millis(now())
        return try await read { db in
            let (sql, arguments) = Self.queueQuery(filter, select: "count(*)", now: millis, moderator: nil, ordered: false)
            return try Int.fetchOne(db, sql: sql, arguments: arguments) ?? 0
        }
    }

    /// Everything about one comment for a moderator, or nil.
    public func queueItem(commentId: Int64) async throws -> QueueItem? {
        let millis = Timestamp.millis(now())
        return try await read { db in try Self.queueItem(db, commentId: commentId, now: millis) }
    }

    /// The hits recorded for a comment, across its policy decisions, oldest first.
    public func hits(commentId: Int64) async throws -> [RuleHit] {
        try await read { db in try Self.hits(db, commentId: commentId, decisionId: nil) }
    }

    /// SQL selecting a queue's comments. With a moderator, comments claimed by others are left out.
    static func queueQuery(
        _ filter: QueueFilter, select: String, now: Int64, moderator: String?, ordered: Bool = true
    ) -> (String, StatementArguments) {
        var conditions: [String]
        switch filter.kind {
        case .pending: conditions = ["comments.status = 'pending'"]
        case .flagged: conditions = ["comments.flagged = 1", "comments.status = 'published'"]
        case .reported:
            // Driven by the open reports (a partial index), not by every comment checked for one.
            conditions = ["comments.id IN (SELECT comment_id FROM reports WHERE resolved_at IS NULL)"]
        }
        var arguments: StatementArguments = []
        if let articleId = filter.articleId {
            conditions.append("comments.article_id = ?")
            arguments += [articleId]
        }
        if let since = filter.since {
            conditions.append("comments.created_at >= ?")
            arguments += [Timestamp.millis(since)]
        }
        if let afterId = filter.afterId {
            conditions.append("comments.id > ?")
            arguments += [afterId]
        }
        if let moderator {
            conditions.append(
                "NOT EXISTS (SELECT 1 FROM claims WHERE claims.comment_id = comments.id AND claims.moderator <> ? AND claims.expires_at > ?)")
            arguments += [moderator, now]
        }
        var sql = "SELECT \(select) FROM comments WHERE " + conditions.joined(separator: " AND ")
        if ordered {
            sql += filter.byScore ? " ORDER BY comments.score DESC, comments.id" : " ORDER BY comments.id"
        }
        return (sql, arguments)
    }

    static func queueItem(_ db: Database, commentId: Int64, now: Int64) throws -> QueueItem? {
        guard let row = try Row.fetchOne(db, sql: "SELECT \(commentColumns), author_id FROM comments WHERE id = ?", arguments: [commentId])
        else { return nil }
        let comment = Self.comment(from: row)
        let author = try authorSummary(db, authorId: row["author_id"])
        let title = try String.fetchOne(db, sql: "SELECT title FROM articles WHERE id = ?", arguments: [comment.articleId])
        let policyDecision = try Row.fetchOne(
            db, sql: "SELECT id, decided_by FROM decisions WHERE comment_id = ? AND actor_kind = 'policy' ORDER BY id LIMIT 1",
            arguments: [commentId])
        let hits = try policyDecision.map { try Self.hits(db, commentId: commentId, decisionId: $0["id"]) } ?? []
        let reports = try String.fetchAll(
            db, sql: "SELECT reason FROM reports WHERE comment_id = ? AND resolved_at IS NULL ORDER BY id", arguments: [commentId])
        let parent = try comment.parentId.flatMap { id in
            try Row.fetchOne(db, sql: "SELECT \(commentColumns) FROM comments WHERE id = ?", arguments: [id]).map(Self.comment(from:))
        }
        let lastDecision = try Int64.fetchOne(db, sql: "SELECT max(id) FROM decisions WHERE comment_id = ?", arguments: [commentId]) ?? 0
        let claimedBy = try String.fetchOne(
            db, sql: "SELECT moderator FROM claims WHERE comment_id = ? AND expires_at > ?", arguments: [commentId, now])
        return QueueItem(
            comment: comment, articleTitle: title, author: author, hits: hits, policyVersion: policyDecision?["decided_by"],
            reports: reports, parent: parent, lastDecisionId: lastDecision, claimedBy: claimedBy)
    }

    static func hits(_ db: Database, commentId: Int64, decisionId: Int64?) throws -> [RuleHit] {
        var sql = "SELECT * FROM rule_hits WHERE comment_id = ?"
        var arguments: StatementArguments = [commentId]
        if let decisionId {
            sql += " AND decision_id = ?"
            arguments += [decisionId]
        }
        return try Row.fetchAll(db, sql: sql + " ORDER BY id", arguments: arguments).map { row in
            let start: Int? = row["span_start"]
            let end: Int? = row["span_end"]
            return RuleHit(
                ruleId: row["rule_id"], category: row["category"], description: row["description"],
                action: HitAction(rawValue: row["action"]) ?? .hold, score: row["score"], field: RuleField(rawValue: row["field"]) ?? .body, span: start.flatMap { s in end.map { s..<$0 } }, shadow: row["shadow"])
        }
    }

    static func authorSummary(_ db: Database, authorId: Int64) throws -> AuthorSummary {
        let row = try Row.fetchOne(
            db,
            sql: """
                SELECT identity, name, standing,
                    (SELECT count(*) FROM comments WHERE author_id = authors.id AND status = 'published') AS published,
                    (SELECT count(*) FROM comments WHERE author_id = authors.id AND status = 'rejected') AS rejected,
                    (SELECT count(*) FROM comments WHERE author_id = authors.id AND status = 'pending') AS pending
                FROM authors WHERE id = ?
                """, arguments: [authorId])!
        return AuthorSummary(
            identity: row["identity"], name: row["name"], standing: AuthorStanding(rawValue: row["standing"]) ?? .normal,
            published: row["published"], rejected: row["rejected"], pending: row["pending"])
    }
}
