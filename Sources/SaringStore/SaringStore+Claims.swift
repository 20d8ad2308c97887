import Foundation
import GRDB
import SaringCore

extension SaringStore {
    /// Claims the next comment of a queue for `moderator`: the first one nobody else holds an
    /// unexpired claim on, skipping `skipping`. The claim is one write transaction, so two
    /// moderators claiming at once always get different comments.
    ///
    /// With a text search the pattern runs in a read first (a scan under the write lock would
    /// stall every submission meanwhile); the write then claims the first of those candidates
    /// still in the queue and unclaimed, the text of a comment never changing.
    ///
    /// - Parameter lease: how long the claim lasts unless renewed; a reviewer that dies lets it expire.
    public func claimNext(
        moderator: String, filter: QueueFilter, lease: Duration, skipping: Set<Int64> = []
    ) async throws -> QueueItem? {
        let millis = Timestamp.millis(now())
        let expires = millis + Timestamp.millis(of: lease)
        guard filter.text != nil else {
            return try await write { db in
                try Self.claimFirst(db, filter, among: nil, moderator: moderator, skipping: skipping, now: millis, expires: expires)
            }
        }
        var plain = filter
        plain.text = nil
        var tried = skipping
        // Each round takes 20 candidates; a round only fails when others claimed all 20 meanwhile.
        for _ in 0..<5 {
            let candidates = try await read { [tried] db in
                try Self.queueIds(db, filter, now: millis, moderator: moderator, excluding: tried, limit: 20).ids
            }
            guard !candidates.isEmpty else { return nil }
            let claimed = try await write { [plain] db in
                try Self.claimFirst(db, plain, among: candidates, moderator: moderator, skipping: skipping, now: millis, expires: expires)
            }
            if let claimed { return claimed }
            tried.formUnion(candidates)
        }
        return nil
    }

    /// In a write transaction: claims the first comment of the queue (among `among`, when given).
    private static func claimFirst(
        _ db: Database, _ filter: QueueFilter, among: [Int64]?, moderator: String, skipping: Set<Int64>, now millis: Int64,
        expires: Int64
    ) throws -> QueueItem? {
        try db.execute(sql: "DELETE FROM claims WHERE expires_at <= ?", arguments: [millis])
        let found = try Self.queueIds(db, filter, now: millis, moderator: moderator, excluding: skipping, among: among, limit: 1)
        guard let id = found.ids.first else { return nil }
        try db.execute(
            sql: """
                INSERT INTO claims (comment_id, moderator, claimed_at, expires_at) VALUES (?, ?, ?, ?)
                ON CONFLICT(comment_id) DO UPDATE SET moderator = excluded.moderator,
                    claimed_at = excluded.claimed_at, expires_at = excluded.expires_at
                """, arguments: [id, moderator, millis, expires])
        return try Self.queueItem(db, commentId: id, now: millis)
    }

    /// Claims one given comment (to show it again after an undo), unless another moderator holds
    /// an unexpired claim on it. Returns it with its details, or nil.
    public func claim(commentId: Int64, moderator: String, lease: Duration) async throws -> QueueItem? {
        let millis = Timestamp.millis(now())
        let expires = millis + Timestamp.millis(of: lease)
        return try await write { db in
            try db.execute(sql: "DELETE FROM claims WHERE expires_at <= ?", arguments: [millis])
            guard try Bool.fetchOne(db, sql: "SELECT 1 FROM comments WHERE id = ?", arguments: [commentId]) == true,
                try String.fetchOne(
                    db, sql: "SELECT moderator FROM claims WHERE comment_id = ? AND moderator <> ?", arguments: [commentId, moderator]) == nil
            else { return nil }
            try db.execute(
                sql: """
                    INSERT INTO claims (comment_id, moderator, claimed_at, expires_at) VALUES (?, ?, ?, ?)
                    ON CONFLICT(comment_id) DO UPDATE SET claimed_at = excluded.claimed_at, expires_at = excluded.expires_at
                    """, arguments: [commentId, moderator, millis, expires])
            return try Self.queueItem(db, commentId: commentId, now: millis)
        }
    }

    /// Extends every claim `moderator` holds (the review screen calls this while it is open).
    public func renewClaims(moderator: String, lease: Duration) async throws {
        let millis = Timestamp.millis(now())
        let expires = millis + Timestamp.millis(of: lease)
        try await write { db in
            try db.execute(
                sql: "UPDATE claims SET expires_at = ? WHERE moderator = ? AND expires_at > ?", arguments: [expires, moderator, millis])
        }
    }

    /// Releases every claim `moderator` holds (on quit, or when skipping a comment).
    public func releaseClaims(moderator: String, commentId: Int64? = nil) async throws {
        try await write { db in
            if let commentId {
                try db.execute(sql: "DELETE FROM claims WHERE moderator = ? AND comment_id = ?", arguments: [moderator, commentId])
            } else {
                try db.execute(sql: "DELETE FROM claims WHERE moderator = ?", arguments: [moderator])
            }
        }
    }
}
