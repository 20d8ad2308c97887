import Foundation
import Logging
import PostgresNIO
import SaringCore
import SaringStore

// What `saring review` asks beyond the moderators' HTTP API, as the SQLite store gives it: the
// next comment of a queue claimed for a moderator, claims kept alive while the screen is open,
// and a comment's thread and its author's newest comments.
extension PostgresStore {
    /// Claims the first comment of the queue no other moderator holds, leaving out `skipping`.
    ///
    /// Candidates are read 20 at a time; each is then locked (a decision locks it too), checked to
    /// be in the queue still and claimed unless another moderator's claim is in force, so two
    /// moderators on any nodes never get the same comment.
    public func claimNext(moderator: String, filter: QueueFilter, lease: Duration, skipping: Set<Int64>) async throws -> QueueItem? {
        let millis = Timestamp.millis(now())
        let expires = millis + Timestamp.millis(of: lease)
        var tried = skipping
        for _ in 0..<5 {
            let excluded = tried
            let candidates = try await bounded {
                try await self.client.withConnection { db in
                    try await self.queueIds(db, filter, excluding: excluded, limit: 20, unclaimedFor: moderator, at: millis).ids
                }
            }
            guard !candidates.isEmpty else { return nil }
            var plain = filter
            plain.text = nil  // the text matched when it was read, and a comment's text does not change
            for id in candidates {
                if let item = try await claim(id, inQueue: plain, moderator: moderator, at: millis, until: expires) { return item }
            }
            tried.formUnion(candidates)
        }
        return nil
    }

    private func claim(_ commentId: Int64, inQueue filter: QueueFilter, moderator: String, at millis: Int64, until expires: Int64)
        async throws -> QueueItem?
    {
        let logger = logger
        return try await transaction { db in
            guard try await Self.first(db.query(PostgresHotQueries.decidedComment(commentId), logger: logger), as: (String, String, Bool).self) != nil,
                try await Self.first(
                    db.query(Self.queueQuery(filter, select: "comments.id", limit: nil, only: commentId, ordered: false), logger: logger),
                    as: Int64.self) != nil,
                try await Self.first(
                    db.query(PostgresHotQueries.takeClaim(commentId, by: moderator, at: millis, until: expires), logger: logger),
                    as: String.self) != nil
            else { return nil }
            return try await Self.queueItem(db, commentId: commentId, now: millis, logger: logger)
        }
    }

    /// Extends every unexpired claim `moderator` holds by a lease from now.
    public func renewClaims(moderator: String, lease: Duration) async throws {
        let millis = Timestamp.millis(now())
        let query = PostgresHotQueries.renewClaims(of: moderator, at: millis, until: millis + Timestamp.millis(of: lease))
        try await bounded { _ = try await self.client.query(query, logger: self.logger) }
    }

    /// The thread a comment belongs to, from its first comment, each with its depth.
    public func thread(of commentId: Int64, limit: Int) async throws -> [ThreadEntry] {
        try await bounded {
            let rows = try await self.client.query(PostgresHotQueries.thread(of: commentId, limit: Int64(limit)), logger: self.logger)
            var entries: [ThreadEntry] = []
            for try await row in rows {
                entries.append(ThreadEntry(comment: try Self.comment(from: row), depth: Int(try row.makeRandomAccess()[13].decode(Int64.self))))
            }
            return entries
        }
    }

    /// The author's newest comments in any status, newest first.
    public func recentComments(ofAuthor identity: String, limit: Int) async throws -> [Comment] {
        try await bounded {
            let rows = try await self.client.query(PostgresHotQueries.authorRecent(identity, limit: Int64(limit)), logger: self.logger)
            var comments: [Comment] = []
            for try await row in rows { comments.append(try Self.comment(from: row)) }
            return comments
        }
    }
}
