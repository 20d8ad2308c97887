import Foundation
import GRDB
import SaringCore

extension SQLiteDesk {
    /// Bans an author, as one batch: their new comments are rejected on arrival, every pending
    /// comment of theirs is rejected now (even one another moderator has on screen), and so is
    /// `alsoRejecting` — the comment the moderator was looking at — when it is theirs.
    ///
    /// - Parameter addressBan: a ban of an anonymous author also refuses new anonymous comments
    ///   from the addresses it posted from (its 20 newest) for this long; unban lifts it.
    /// - Returns: the batch (nil when the author was banned already and nothing was to reject).
    /// - Throws: ``StoreError/authorNotFound(identity:)``, ``StoreError/notTheAuthorsComment(commentId:)``.
    @discardableResult
    func ban(
        _ identity: AuthorIdentity, reason: String? = nil, addressBan: Duration = .seconds(48 * 3600), alsoRejecting shown: Int64? = nil
    ) async throws -> BanOutcome {
        let millis = Timestamp.millis(store.now())
        let banMillis = addressBan.components.seconds * 1000
        let moderator = moderator
        return try await store.write { db in
            let (authorId, previous) = try Self.author(db, identity)
            if let shown {
                guard let owner = try Int64.fetchOne(db, sql: "SELECT author_id FROM comments WHERE id = ?", arguments: [shown]) else {
                    throw StoreError.commentNotFound(id: shown)
                }
                guard owner == authorId else { throw StoreError.notTheAuthorsComment(commentId: shown) }
            }
            var targets = try Int64.fetchAll(
                db, sql: "SELECT id FROM comments WHERE author_id = ? AND status = 'pending' ORDER BY id", arguments: [authorId])
            if let shown, !targets.contains(shown),
                try String.fetchOne(db, sql: "SELECT status FROM comments WHERE id = ?", arguments: [shown]) != "rejected"
            {
                targets.append(shown)
            }
            if previous == .banned, targets.isEmpty { return BanOutcome(batchId: nil, rejected: [], articleIds: []) }
            let batchId = try SaringStore.insertBatch(
                db, kind: .ban, moderator: moderator, description: ModerationDesk.banDescription(identity, reason),
                authorId: authorId, previousStanding: previous, at: millis)
            if previous != .banned {
                try SaringStore.recordStanding(db, authorId: authorId, .banned, moderator: moderator, reason: reason, at: millis)
                if !identity.isVerified, banMillis > 0 {
                    try db.execute(sql: HotQueries.banAuthorAddresses, arguments: [authorId, millis, millis + banMillis, authorId])
                }
            }
            var articles = Set<String>()
            for id in targets {
                // A ban is the moderator's word on all of the author's comments: it needs no claim and no override.
                if let published = try String.fetchOne(
                    db, sql: "SELECT article_id FROM comments WHERE id = ? AND status = 'published'", arguments: [id])
                {
                    articles.insert(published)
                }
                _ = try SaringStore.recordVerdict(
                    db, commentId: id, .reject, moderator: moderator, reasons: ModerationDesk.banReasons(reason),
                    batchId: batchId, at: millis)
            }
            return BanOutcome(batchId: batchId, rejected: targets, articleIds: articles)
        }
    }

    /// Lifts a ban (and the address bans that came with it); a no-op for an author not banned.
    ///
    /// - Returns: whether the standing changed.
    @discardableResult
    func unban(_ identity: AuthorIdentity, reason: String? = nil) async throws -> Bool {
        try await setStanding(.normal, of: identity, reason: reason, only: .banned)
    }

    /// Trusts an author: their comments skip first-comment premoderation (rules still apply).
    ///
    /// - Returns: whether the standing changed.
    @discardableResult
    func trust(_ identity: AuthorIdentity, reason: String? = nil) async throws -> Bool {
        try await setStanding(.trusted, of: identity, reason: reason, only: nil)
    }

    private func setStanding(
        _ standing: AuthorStanding, of identity: AuthorIdentity, reason: String?, only from: AuthorStanding?
    ) async throws -> Bool {
        let millis = Timestamp.millis(store.now())
        let moderator = moderator
        return try await store.write { db in
            let (authorId, previous) = try Self.author(db, identity)
            guard previous != standing, from == nil || previous == from else { return false }
            try SaringStore.recordStanding(db, authorId: authorId, standing, moderator: moderator, reason: reason, at: millis)
            return true
        }
    }

    static func author(_ db: Database, _ identity: AuthorIdentity) throws -> (id: Int64, standing: AuthorStanding) {
        guard let row = try Row.fetchOne(db, sql: "SELECT id, standing FROM authors WHERE identity = ?", arguments: [identity.key]) else {
            throw StoreError.authorNotFound(identity: identity.key)
        }
        return (row["id"], AuthorStanding(rawValue: row["standing"]) ?? .normal)
    }
}
