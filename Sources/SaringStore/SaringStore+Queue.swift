import Foundation
import GRDB
import SaringCore

extension SaringStore {
    /// The first `filter.limit` comments of a queue, oldest first (or highest score first; the
    /// rejected queue newest first), each with its author, hits, reports and parent.
    public func queue(_ filter: QueueFilter) async throws -> [QueueItem] {
        try await search(filter).items
    }

    /// How many comments a queue holds (ignoring the limit), leaving out `excluding` (the ones a
    /// moderator skipped) and comments a text search could not decide (over its match budget).
    public func queueCount(_ filter: QueueFilter, excluding: Set<Int64> = []) async throws -> Int {
        let millis = Timestamp.millis(now())
        return try await read { db in try Self.count(db, filter, now: millis, excluding: excluding) }
    }

    /// A queue's first `filter.limit` items, how many it holds (leaving out `excluding`), and which
    /// comments a text search could not decide because the pattern ran out of its match budget.
    public func search(_ filter: QueueFilter, excluding: Set<Int64> = []) async throws -> QueueSearch {
        let millis = Timestamp.millis(now())
        return try await read { db in
            let found = try Self.queueIds(
                db, filter, now: millis, moderator: nil, excluding: excluding, limit: filter.text == nil ? filter.limit : nil)
            let items = try found.ids.prefix(filter.limit).compactMap { try Self.queueItem(db, commentId: $0, now: millis) }
            let total = filter.text == nil ? try Self.count(db, filter, now: millis, excluding: excluding) : found.ids.count
            return QueueSearch(items: items, total: total, overBudget: found.overBudget)
        }
    }

    /// How many comments each queue holds, within the filter's article, author, age and text.
    public func queueSummary(_ filter: QueueFilter) async throws -> [QueueKind: Int] {
        let millis = Timestamp.millis(now())
        return try await read { db in
            var counts: [QueueKind: Int] = [:]
            for kind in QueueKind.allCases {
                var scoped = filter
                scoped.kind = kind
                counts[kind] = try Self.count(db, scoped, now: millis, excluding: [])
            }
            return counts
        }
    }

    static func count(_ db: Database, _ filter: QueueFilter, now: Int64, excluding: Set<Int64>) throws -> Int {
        if filter.text != nil {
            return try queueIds(db, filter, now: now, moderator: nil, excluding: excluding, limit: nil).ids.count
        }
        let (sql, arguments) = queueQuery(filter, select: "count(*)", now: now, moderator: nil, excluding: excluding, ordered: false)
        return try Int.fetchOne(db, sql: sql, arguments: arguments) ?? 0
    }

    /// The ids of a queue in its order, at most `limit` (nil: all). With a text search the
    /// pattern runs on each candidate here, the SQL having narrowed them by the indexed filters.
    static func queueIds(
        _ db: Database, _ filter: QueueFilter, now: Int64, moderator: String?, excluding: Set<Int64> = [], among: [Int64]? = nil,
        limit: Int?
    ) throws -> (ids: [Int64], overBudget: [Int64]) {
        guard let text = filter.text else {
            let (sql, arguments) = queueQuery(
                filter, select: "comments.id", now: now, moderator: moderator, excluding: excluding, among: among)
            return (try Int64.fetchAll(db, sql: sql + (limit.map { " LIMIT \($0)" } ?? ""), arguments: arguments), [])
        }
        let (sql, arguments) = queueQuery(
            filter, select: "comments.id, comments.body", now: now, moderator: moderator, excluding: excluding, among: among)
        let scratch = text.makeScratch()
        let normalizer = TextNormalizer()
        var ids: [Int64] = []
        var overBudget: [Int64] = []
        let rows = try Row.fetchCursor(db, sql: sql, arguments: arguments)
        while let row = try rows.next() {
            switch text.matches(row["body"], scratch: scratch, normalizer: normalizer) {
            case .match: ids.append(row["id"])
            case .overBudget: overBudget.append(row["id"])
            case .noMatch: break
            }
            if let limit, ids.count >= limit { break }
        }
        return (ids, overBudget)
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

    /// SQL selecting a queue's comments (all but the text search). With a moderator, comments
    /// claimed by others are left out; `excluding` leaves out the ids given, `among` keeps only those.
    static func queueQuery(
        _ filter: QueueFilter, select: String, now: Int64, moderator: String?, excluding: Set<Int64> = [], among: [Int64]? = nil,
        ordered: Bool = true
    ) -> (String, StatementArguments) {
        var conditions: [String]
        switch filter.kind {
        case .pending: conditions = ["comments.status = 'pending'"]
        case .flagged: conditions = ["comments.flagged = 1", "comments.status = 'published'"]
        case .reported:
            // Driven by the open reports (a partial index), not by every comment checked for one.
            conditions = ["comments.id IN (SELECT comment_id FROM reports WHERE resolved_at IS NULL)"]
        case .rejected: conditions = ["comments.status = 'rejected'"]
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
            // After, in the queue's order: the rejected queue runs newest first.
            conditions.append(filter.kind == .rejected ? "comments.id < ?" : "comments.id > ?")
            arguments += [afterId]
        }
        if let identity = filter.authorIdentity {
            conditions.append("comments.author_id = (SELECT id FROM authors WHERE identity = ?)")
            arguments += [identity]
        }
        if let among {
            conditions.append("comments.id IN (\(among.map(String.init).joined(separator: ",")))")
        }
        if !excluding.isEmpty {
            conditions.append("comments.id NOT IN (\(excluding.sorted().map(String.init).joined(separator: ",")))")
        }
        if let moderator {
            conditions.append(
                "NOT EXISTS (SELECT 1 FROM claims WHERE claims.comment_id = comments.id AND claims.moderator <> ? AND claims.expires_at > ?)")
            arguments += [moderator, now]
        }
        var sql = "SELECT \(select) FROM comments WHERE " + conditions.joined(separator: " AND ")
        if ordered {
            // A false positive matters while its discussion is still on: rejected ones newest first.
            let id = filter.kind == .rejected ? "comments.id DESC" : "comments.id"
            sql += filter.byScore ? " ORDER BY comments.score DESC, \(id)" : " ORDER BY \(id)"
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
        let history = try decisions(db, commentId: commentId)
        let lastDecision = history.last?.id ?? 0
        let claimedBy = try String.fetchOne(
            db, sql: "SELECT moderator FROM claims WHERE comment_id = ? AND expires_at > ?", arguments: [commentId, now])
        return QueueItem(
            comment: comment, articleTitle: title, author: author, hits: hits, policyVersion: policyDecision?["decided_by"],
            reports: reports, parent: parent, lastDecisionId: lastDecision, claimedBy: claimedBy, decisions: history)
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
