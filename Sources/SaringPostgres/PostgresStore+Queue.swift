import Foundation
import Logging
import PostgresNIO
import SaringCore
import SaringStore

// The moderators' reads on PostgreSQL: queues and one comment's whole story, as the SQLite store
// gives them (``SaringStore/queue(_:)``, ``SaringStore/queueItem(commentId:)``). Each runs on one
// leased connection within the wait limit.
extension PostgresStore {
    public func queue(_ filter: QueueFilter) async throws -> [QueueItem] {
        try await search(filter, excluding: []).items
    }

    /// A queue's first `filter.limit` items, how many it holds (leaving out `excluding`), and which
    /// comments a text search could not decide (see ``SaringStore/search(_:excluding:)``).
    public func search(_ filter: QueueFilter, excluding: Set<Int64>) async throws -> QueueSearch {
        let millis = Timestamp.millis(now())
        return try await bounded {
            try await self.client.withConnection { db in
                let found = try await self.queueIds(db, filter, excluding: excluding, limit: filter.text == nil ? filter.limit : nil)
                var items: [QueueItem] = []
                for id in found.ids.prefix(filter.limit) {
                    if let item = try await Self.queueItem(db, commentId: id, now: millis, logger: self.logger) { items.append(item) }
                }
                let total = filter.text == nil ? try await self.count(db, filter, excluding: excluding) : found.ids.count
                return QueueSearch(items: items, total: total, overBudget: found.overBudget)
            }
        }
    }

    /// How many comments each queue holds, within the filter's article, author, age and text.
    public func queueSummary(_ filter: QueueFilter) async throws -> [QueueKind: Int] {
        try await bounded {
            try await self.client.withConnection { db in
                var counts: [QueueKind: Int] = [:]
                for kind in QueueKind.allCases {
                    var scoped = filter
                    scoped.kind = kind
                    counts[kind] = try await self.count(db, scoped, excluding: [])
                }
                return counts
            }
        }
    }

    /// Articles whose brake holds new comments now, with when it ends, by article id.
    public func brakedArticles() async throws -> [(articleId: String, until: Date)] {
        let millis = Timestamp.millis(now())
        return try await bounded {
            let rows = try await self.client.query(PostgresHotQueries.brakedArticles(at: millis), logger: self.logger)
            var braked: [(articleId: String, until: Date)] = []
            for try await (id, until) in rows.decode((String, Int64).self) { braked.append((id, Timestamp.date(until))) }
            return braked.sorted { $0.articleId < $1.articleId }
        }
    }

    /// How many comments a queue holds, leaving out `excluding` (a text search counts its matches).
    public func queueCount(_ filter: QueueFilter, excluding: Set<Int64>) async throws -> Int {
        try await bounded {
            try await self.client.withConnection { db in try await self.count(db, filter, excluding: excluding) }
        }
    }

    /// How many comments a queue holds, leaving out `excluding`; a text search counts its matches.
    private func count(_ db: PostgresConnection, _ filter: QueueFilter, excluding: Set<Int64>) async throws -> Int {
        if filter.text != nil { return try await queueIds(db, filter, excluding: excluding, limit: nil).ids.count }
        let query = Self.queueQuery(filter, select: "count(*)::BIGINT", limit: nil, excluding: excluding, ordered: false)
        return Int(try await Self.first(db.query(query, logger: logger), as: Int64.self) ?? 0)
    }

    public func queueItem(commentId: Int64) async throws -> QueueItem? {
        let millis = Timestamp.millis(now())
        return try await bounded {
            try await self.client.withConnection { db in try await Self.queueItem(db, commentId: commentId, now: millis, logger: self.logger) }
        }
    }

    public func hits(commentId: Int64) async throws -> [RuleHit] {
        try await bounded {
            try await self.client.withConnection { db in try await Self.hits(db, commentId: commentId, decisionId: nil, logger: self.logger) }
        }
    }

    public func author(_ identity: AuthorIdentity) async throws -> AuthorSummary? {
        try await bounded {
            try await self.client.withConnection { db in
                guard let (id, _, _) = try await Self.first(db.query(PostgresHotQueries.authorByIdentity(identity.key), logger: self.logger), as: (Int64, String, String).self)
                else { return nil }
                return try await Self.authorSummary(db, authorId: id, logger: self.logger)
            }
        }
    }

    public func currentBans() async throws -> [BanRecord] {
        try await bounded {
            let rows = try await self.client.query(PostgresHotQueries.currentBans, logger: self.logger)
            var bans: [BanRecord] = []
            for try await (identity, name, moderator, reason, since) in rows.decode((String, String, String, String?, Int64).self) {
                bans.append(BanRecord(identity: identity, name: name, moderator: moderator, reason: reason, since: Timestamp.date(since)))
            }
            return bans
        }
    }

    /// How many comments each queue holds, each counted up to `cap`: a bounded count stops at
    /// `cap` rows of the queue's index however large the table.
    public func queueDepths(cap: Int) async throws -> [QueueKind: Int] {
        try await bounded {
            try await self.client.withConnection { db in
                var depths: [QueueKind: Int] = [:]
                for kind in QueueKind.allCases {
                    depths[kind] = Int(try await Self.first(db.query(Self.queueDepthQuery(kind, cap: cap), logger: self.logger), as: Int64.self) ?? 0)
                }
                return depths
            }
        }
    }

    /// A queue's rows, as the queue itself selects them, counted up to `cap`.
    /// The reported queue is counted from the open reports' partial index (every report's comment
    /// exists): joined to the comments, unordered, the planner would hash both tables whole.
    static func queueDepthQuery(_ kind: QueueKind, cap: Int) -> PostgresQuery {
        if kind == .reported {
            return """
                SELECT count(*) FROM (SELECT DISTINCT comment_id FROM reports WHERE resolved_at IS NULL LIMIT \(Int64(cap))) AS queue
                """
        }
        let inner = queueQuery(QueueFilter(kind: kind), select: "1", limit: cap, ordered: false)
        return PostgresQuery(unsafeSQL: "SELECT count(*) FROM (\(inner.sql)) AS queue", binds: inner.binds)
    }

    /// The ids of a queue in its order, at most `filter.limit`; a text search runs its pattern on
    /// each candidate the indexed filters leave, as on SQLite.
    /// The ids of a queue in its order, at most `limit` (nil: all), leaving out `excluding`; a text
    /// search runs its pattern on each candidate the indexed filters leave, as on SQLite, and names
    /// the comments it could not decide within its match budget.
    func queueIds(
        _ db: PostgresConnection, _ filter: QueueFilter, excluding: Set<Int64>, limit: Int?, unclaimedFor moderator: String? = nil,
        at millis: Int64 = 0
    ) async throws -> (ids: [Int64], overBudget: [Int64]) {
        guard let text = filter.text else {
            let query = Self.queueQuery(filter, select: "comments.id", limit: limit, unclaimedFor: moderator, at: millis, excluding: excluding)
            let rows = try await db.query(query, logger: logger)
            var ids: [Int64] = []
            for try await id in rows.decode(Int64.self) { ids.append(id) }
            return (ids, [])
        }
        let rows = try await db.query(
            Self.queueQuery(
                filter, select: "comments.id, comments.body", limit: nil, unclaimedFor: moderator, at: millis, excluding: excluding),
            logger: logger)
        let scratch = text.makeScratch()
        let normalizer = TextNormalizer()
        var ids: [Int64] = []
        var overBudget: [Int64] = []
        // The whole result is read even past `limit`: a connection goes back to the pool only
        // once its rows are consumed.
        for try await (id, body) in rows.decode((Int64, String).self) {
            guard limit.map({ ids.count < $0 }) ?? true else { continue }
            switch text.matches(body, scratch: scratch, normalizer: normalizer) {
            case .match: ids.append(id)
            case .overBudget: overBudget.append(id)
            case .noMatch: break
            }
        }
        return (ids, overBudget)
    }

    /// A queue's selection, in the same terms as the SQLite store's, on PostgreSQL's indexes.
    ///
    /// - Parameter unclaimedFor: leave out comments another moderator than this one holds a claim on at `millis`.
    static func queueQuery(
        _ filter: QueueFilter, select: String, limit: Int?, unclaimedFor moderator: String? = nil, at millis: Int64 = 0,
        excluding: Set<Int64> = [], only commentId: Int64? = nil, ordered: Bool = true
    ) -> PostgresQuery {
        var binds = PostgresBindings()
        func bound(_ value: some PostgresDynamicTypeEncodable) -> String {
            binds.append(value)
            return "$\(binds.count)"
        }
        var conditions: [String]
        switch filter.kind {
        case .pending: conditions = ["comments.status = 'pending'"]
        case .flagged: conditions = ["comments.flagged", "comments.status = 'published'"]
        case .reported: conditions = ["comments.id IN (SELECT comment_id FROM reports WHERE resolved_at IS NULL)"]
        case .rejected: conditions = ["comments.status = 'rejected'"]
        }
        if let articleId = filter.articleId { conditions.append("comments.article_id = \(bound(articleId))") }
        if let since = filter.since { conditions.append("comments.created_at >= \(bound(Timestamp.millis(since)))") }
        if let afterId = filter.afterId {
            conditions.append(filter.kind == .rejected ? "comments.id < \(bound(afterId))" : "comments.id > \(bound(afterId))")
        }
        if let identity = filter.authorIdentity {
            conditions.append("comments.author_id = (SELECT id FROM authors WHERE identity = \(bound(identity)))")
        }
        if let moderator {
            conditions.append(
                """
                NOT EXISTS (SELECT 1 FROM claims WHERE claims.comment_id = comments.id AND claims.moderator <> \(bound(moderator))
                    AND claims.expires_at > \(bound(millis)))
                """)
        }
        if let commentId { conditions.append("comments.id = \(bound(commentId))") }
        if !excluding.isEmpty { conditions.append("comments.id <> ALL(\(bound(excluding.sorted())))") }
        let id = filter.kind == .rejected ? "comments.id DESC" : "comments.id"
        var sql = "SELECT \(select) FROM comments WHERE " + conditions.joined(separator: " AND ")
        if ordered { sql += filter.byScore ? " ORDER BY comments.score DESC, \(id)" : " ORDER BY \(id)" }
        if let limit { sql += " LIMIT \(bound(Int64(limit)))" }
        return PostgresQuery(unsafeSQL: sql, binds: binds)
    }

    static func queueItem(_ db: PostgresConnection, commentId: Int64, now millis: Int64, logger: Logger) async throws -> QueueItem? {
        var found: (Comment, Int64)?
        for try await row in try await db.query(PostgresHotQueries.queueComment(commentId), logger: logger) {
            found = (try comment(from: row), try row.makeRandomAccess()[13].decode(Int64.self))
        }
        guard let (comment, authorId) = found else { return nil }
        let author = try await authorSummary(db, authorId: authorId, logger: logger)
        let title = try await first(db.query("SELECT title FROM articles WHERE id = \(comment.articleId)", logger: logger), as: String?.self) ?? nil
        let policyDecision = try await first(
            db.query(
                "SELECT id, decided_by FROM decisions WHERE comment_id = \(commentId) AND actor_kind = 'policy' ORDER BY id LIMIT 1",
                logger: logger), as: (Int64, String).self)
        var hits: [RuleHit] = []
        if let policyDecision { hits = try await Self.hits(db, commentId: commentId, decisionId: policyDecision.0, logger: logger) }
        var reports: [String] = []
        for try await reason in try await db.query(
            "SELECT reason FROM reports WHERE comment_id = \(commentId) AND resolved_at IS NULL ORDER BY id", logger: logger
        ).decode(String.self) {
            reports.append(reason)
        }
        var parent: Comment?
        if let parentId = comment.parentId {
            for try await row in try await db.query(PostgresHotQueries.comment(parentId), logger: logger) { parent = try Self.comment(from: row) }
        }
        let history = try await decisions(db, commentId: commentId, logger: logger)
        let claimedBy = try await first(
            db.query("SELECT moderator FROM claims WHERE comment_id = \(commentId) AND expires_at > \(millis)", logger: logger),
            as: String.self)
        return QueueItem(
            comment: comment, articleTitle: title, author: author, hits: hits, policyVersion: policyDecision?.1, reports: reports,
            parent: parent, lastDecisionId: history.last?.id ?? 0, claimedBy: claimedBy, decisions: history)
    }

    static func hits(_ db: PostgresConnection, commentId: Int64, decisionId: Int64?, logger: Logger) async throws -> [RuleHit] {
        let rows = try await db.query(
            """
            SELECT rule_id, category, description, action, score, field, span_start, span_end, shadow FROM rule_hits
            WHERE comment_id = \(commentId) AND (\(decisionId)::BIGINT IS NULL OR decision_id = \(decisionId)) ORDER BY id
            """, logger: logger)
        var hits: [RuleHit] = []
        for try await (ruleId, category, description, action, score, field, start, end, shadow) in rows.decode(
            (String, String, String, String, Double, String, Int32?, Int32?, Bool).self)
        {
            hits.append(
                RuleHit(
                    ruleId: ruleId, category: category, description: description, action: HitAction(rawValue: action) ?? .hold,
                    score: score, field: RuleField(rawValue: field) ?? .body,
                    span: start.flatMap { s in end.map { Int(s)..<Int($0) } }, shadow: shadow))
        }
        return hits
    }

    static func authorSummary(_ db: PostgresConnection, authorId: Int64, logger: Logger) async throws -> AuthorSummary {
        let (identity, name, standing, published, rejected, pending) = try await first(
            db.query(
                """
                SELECT identity, name, standing,
                    (SELECT count(*) FROM comments WHERE author_id = authors.id AND status = 'published'),
                    (SELECT count(*) FROM comments WHERE author_id = authors.id AND status = 'rejected'),
                    (SELECT count(*) FROM comments WHERE author_id = authors.id AND status = 'pending')
                FROM authors WHERE id = \(authorId)
                """, logger: logger), as: (String, String, String, Int64, Int64, Int64).self)!
        return AuthorSummary(
            identity: identity, name: name, standing: AuthorStanding(rawValue: standing) ?? .normal, published: Int(published),
            rejected: Int(rejected), pending: Int(pending))
    }

    static func decisions(_ db: PostgresConnection, commentId: Int64, logger: Logger) async throws -> [Decision] {
        var result: [Decision] = []
        for try await row in try await db.query(PostgresHotQueries.decisions(commentId), logger: logger) {
            result.append(try decision(from: row))
        }
        return result
    }

    /// A comment from the columns of ``PostgresHotQueries/comment(_:)``, in that order.
    static func comment(from row: PostgresRow) throws -> Comment {
        let (id, articleId, parentId, name, email, body, publishedBody) = try row.decode(
            (Int64, String, Int64?, String, String?, String, String).self)
        let columns = row.makeRandomAccess()
        var comment = Comment(
            id: id, articleId: articleId, parentId: parentId, authorName: name, authorEmail: email, body: body,
            publishedBody: publishedBody, status: CommentStatus(rawValue: try columns[7].decode(String.self)) ?? .pending,
            flagged: try columns[8].decode(Bool.self), score: try columns[9].decode(Double.self),
            createdAt: Timestamp.date(try columns[10].decode(Int64.self)))
        comment.clientHash = try columns[11].decode(String?.self)
        comment.campaignId = try columns[12].decode(Int64?.self)
        return comment
    }

    /// A decision from the columns of ``PostgresHotQueries/decisionColumns``, in that order.
    static func decision(from row: PostgresRow) throws -> Decision {
        let (id, commentId, actor, decidedBy, action, status, reasons) = try row.decode(
            (Int64, Int64, String, String, String, String, String).self)
        let columns = row.makeRandomAccess()
        var decision = Decision(
            id: id, commentId: commentId, actor: Decision.Actor(rawValue: actor) ?? .system, decidedBy: decidedBy,
            action: DecisionAction(rawValue: action) ?? .hold, status: CommentStatus(rawValue: status) ?? .pending,
            reasons: (try? JSONDecoder().decode([String].self, from: Data(reasons.utf8))) ?? [],
            createdAt: Timestamp.date(try columns[7].decode(Int64.self)), batchId: try columns[8].decode(Int64?.self),
            undoes: try columns[9].decode(Int64?.self))
        decision.policyVersionId = try columns[10].decode(Int64?.self)
        return decision
    }
}
