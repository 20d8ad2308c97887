import Foundation
import PostgresNIO
import SaringCore
import SaringStore

// `saring policy replay` on PostgreSQL: the same comments, in the same order and with the same
// context, as SaringStore+Replay reads on SQLite; each chunk is one query.
extension PostgresStore: ReplayStore {
    public func standingHistory() async throws -> StandingHistory {
        try await bounded {
            var history = StandingHistory()
            let rows = try await self.client.query("SELECT author_id, action, created_at FROM author_actions ORDER BY id", logger: self.logger)
            for try await (authorId, action, createdAt) in rows.decode((Int64, String, Int64).self) {
                history.record(action, of: authorId, at: createdAt)
            }
            return history
        }
    }

    public func replayStart(_ scope: ReplayScope) async throws -> ReplayCursor {
        let sinceMillis = scope.since.map(Timestamp.millis) ?? Int64.min
        return try await bounded {
            var afterId: Int64 = 0
            if scope.since != nil {
                // ids grow with time, so the window is an id range from its first comment.
                let first = try await self.scalar(PostgresHotQueries.firstCommentSince(sinceMillis), as: Int64?.self)
                afterId = ((first ?? nil) ?? Int64.max) - 1
            }
            if let limit = scope.limit,
                let nth = try await self.scalar(
                    PostgresHotQueries.replayNewest(after: afterId, since: sinceMillis, articleId: scope.articleId, limit: Int64(limit)), as: Int64.self)
            {
                afterId = nth - 1
            }
            return ReplayCursor(afterId: afterId)
        }
    }

    public func replayChunk(
        _ scope: ReplayScope, after cursor: ReplayCursor, count: Int, standings: StandingHistory, firstComments: Int
    ) async throws -> [ReplayComment] {
        let query = PostgresHotQueries.replayChunk(
            after: cursor.afterId, since: scope.since.map(Timestamp.millis) ?? Int64.min, articleId: scope.articleId, count: Int64(count),
            firstComments: Int64(max(0, firstComments)))
        return try await bounded {
            var result: [ReplayComment] = []
            result.reserveCapacity(count)
            let rows = try await self.client.query(query, logger: self.logger)
            for try await (id, articleId, authorId, authorName, email, body, createdAt, identity, premoderated, firsts) in rows.decode(
                (Int64, String, Int64, String, String?, String, Int64, String, Bool, Int64).self)
            {
                let standing = standings.standing(of: authorId, before: createdAt)
                let draft = CommentDraft(
                    articleId: articleId, authorName: authorName, authorEmail: email, body: body, parentId: nil,
                    verifiedUserId: identity.hasPrefix("user:") ? String(identity.dropFirst(5)) : nil)
                result.append(
                    ReplayComment(
                        id: id, draft: draft,
                        // A trusted author skips first-comment review; SQLite does not count for them.
                        context: JudgeContext(standing: standing, approvedComments: standing == .trusted ? 0 : Int(firsts)),
                        premoderated: premoderated))
            }
            return result
        }
    }
}
