import Foundation
import GRDB
import SaringCore

/// Which stored comments `saring policy replay` judges again.
public struct ReplayScope: Sendable, Equatable {
    /// Only comments created at or after this time.
    public var since: Date?
    public var articleId: String?
    /// Only the newest this many (of the rest of the scope).
    public var limit: Int?

    public init(since: Date? = nil, articleId: String? = nil, limit: Int? = nil) {
        self.since = since
        self.articleId = articleId
        self.limit = limit
    }
}

/// Authors' standings over time, from the moderators' action log (`author_actions`: every ban,
/// unban and trust is recorded there), so a comment is judged with its author's standing as it was.
public struct StandingHistory: Sendable {
    /// Per author: (time in milliseconds, standing from then on), oldest first.
    var changes: [Int64: [(Int64, AuthorStanding)]] = [:]

    public init() {}

    /// Records a ban, unban or trust of the action log; call in the log's order.
    public mutating func record(_ action: String, of authorId: Int64, at millis: Int64) {
        let standing: AuthorStanding = switch action {
        case "ban": .banned
        case "trust": .trusted
        default: .normal
        }
        changes[authorId, default: []].append((millis, standing))
    }

    /// The standing the author had just before `millis` (normal before any recorded change).
    public func standing(of authorId: Int64, before millis: Int64) -> AuthorStanding {
        guard let list = changes[authorId] else { return .normal }
        var standing = AuthorStanding.normal
        for (at, next) in list {
            guard at < millis else { break }
            standing = next
        }
        return standing
    }
}

/// Where a replay continues: the last comment id read.
public struct ReplayCursor: Sendable, Equatable {
    public var afterId: Int64

    public init(afterId: Int64) {
        self.afterId = afterId
    }
}

/// What `saring policy replay` reads: the scope's comments in id order, in chunks, with the
/// authors' context as it was when each arrived.
public protocol ReplayStore: Sendable {
    func standingHistory() async throws -> StandingHistory
    func replayStart(_ scope: ReplayScope) async throws -> ReplayCursor
    func replayChunk(
        _ scope: ReplayScope, after cursor: ReplayCursor, count: Int, standings: StandingHistory, firstComments: Int
    ) async throws -> [ReplayComment]
}

extension SaringStore: ReplayStore {}

extension SaringStore {
    /// Every standing change of every author, for ``StandingHistory``.
    public func standingHistory() async throws -> StandingHistory {
        try await read { db in
            var history = StandingHistory()
            let rows = try Row.fetchCursor(db, sql: "SELECT author_id, action, created_at FROM author_actions ORDER BY id")
            while let row = try rows.next() {
                history.record(row[1], of: row[0], at: row[2])
            }
            return history
        }
    }

    /// Where a replay of `scope` starts: before the first comment of the window, or of the newest
    /// `limit` comments in it.
    public func replayStart(_ scope: ReplayScope) async throws -> ReplayCursor {
        try await read { db in
            var afterId: Int64 = 0
            let sinceMillis = scope.since.map(Timestamp.millis) ?? Int64.min
            if scope.since != nil {
                // Through the time index; ids grow with time, so the window is an id range from there.
                let first = try Int64.fetchOne(db, sql: HotQueries.replayFirstSince, arguments: [sinceMillis])
                afterId = (first ?? Int64.max) - 1
            }
            if let limit = scope.limit {
                var sql = "SELECT id FROM comments WHERE id > ? AND +created_at >= ?"
                var arguments: StatementArguments = [afterId, sinceMillis]
                if let article = scope.articleId {
                    sql += " AND article_id = ?"
                    arguments += [article]
                }
                sql += " ORDER BY id DESC LIMIT 1 OFFSET ?"
                arguments += [limit - 1]
                if let nth = try Int64.fetchOne(db, sql: sql, arguments: arguments) { afterId = nth - 1 }
            }
            return ReplayCursor(afterId: afterId)
        }
    }

    /// The next `count` comments of the scope after `cursor`, with their authors' context as it
    /// was: standing from `standings`, and (when `firstComments` > 0) how many of the author's
    /// earlier comments are published, counted up to `firstComments`.
    public func replayChunk(
        _ scope: ReplayScope, after cursor: ReplayCursor, count: Int, standings: StandingHistory, firstComments: Int
    ) async throws -> [ReplayComment] {
        try await read { db in
            let sinceMillis = scope.since.map(Timestamp.millis) ?? Int64.min
            let rows: RowCursor
            if let article = scope.articleId {
                rows = try Row.fetchCursor(
                    db.cachedStatement(sql: HotQueries.replayArticleChunk), arguments: [article, cursor.afterId, sinceMillis, count])
            } else {
                rows = try Row.fetchCursor(db.cachedStatement(sql: HotQueries.replayChunk), arguments: [cursor.afterId, sinceMillis, count])
            }
            var result: [ReplayComment] = []
            result.reserveCapacity(count)
            var authorIds: [Int64] = []
            while let row = try rows.next() {
                let identity: String = row[7]
                let authorId: Int64 = row[2]
                let createdAt: Int64 = row[6]
                let draft = CommentDraft(
                    articleId: row[1], authorName: row[3], authorEmail: row[4], body: row[5], parentId: nil,
                    verifiedUserId: identity.hasPrefix("user:") ? String(identity.dropFirst(5)) : nil)
                result.append(
                    ReplayComment(
                        id: row[0], draft: draft,
                        context: JudgeContext(standing: standings.standing(of: authorId, before: createdAt), approvedComments: 0),
                        premoderated: row[8]))
                authorIds.append(authorId)
            }
            if firstComments > 0 {
                let statement = try db.cachedStatement(sql: HotQueries.publishedByAuthorBefore)
                for index in result.indices where result[index].context.standing != .trusted {
                    result[index].context.approvedComments =
                        try Int.fetchOne(statement, arguments: [authorIds[index], result[index].id, firstComments]) ?? 0
                }
            }
            return result
        }
    }
}
