import PostgresNIO
import SaringCore

extension PostgresStore: SharedCommentFeed {
    public func feedComments(after id: Int64, limit: Int) async throws -> [FedComment] {
        try await bounded {
            let rows = try await self.client.query(PostgresHotQueries.feedComments(after: id, limit: Int64(limit)), logger: self.logger)
            var comments: [FedComment] = []
            for try await (id, article, identity, client, body, campaign, at) in rows.decode(
                (Int64, String, String, String?, String, Int64?, Int64).self)
            {
                comments.append(
                    FedComment(id: id, articleId: article, authorKey: identity, clientKey: client, body: body, campaignId: campaign, atMillis: at))
            }
            return comments
        }
    }

    public func newestCommentId() async throws -> Int64 {
        try await bounded {
            try await Self.first(self.client.query("SELECT coalesce(max(id), 0) FROM comments", logger: self.logger), as: Int64.self) ?? 0
        }
    }
}
