import Foundation
import Logging
import PostgresNIO
import SaringCore
import SaringStore

// Bans, unbans and trust on PostgreSQL, as ``ModerationDesk`` does them on SQLite: each one
// transaction that locks the author's row first, so two nodes banning one author at once make
// one batch, and the second finds the author banned.
extension PostgresStore {
    public func ban(
        _ identity: AuthorIdentity, by moderator: String, reason: String?, addressBan: Duration, alsoRejecting shown: Int64?
    ) async throws -> BanOutcome {
        let millis = Timestamp.millis(now())
        let banMillis = addressBan.components.seconds * 1000
        let logger = logger
        return try await transaction { db in
            let (authorId, previous) = try await Self.lockedAuthor(db, identity, logger: logger)
            var targets: [Int64] = []
            for try await id in try await db.query(PostgresHotQueries.pendingOfAuthor(authorId), logger: logger).decode(Int64.self) {
                targets.append(id)
            }
            if let shown {
                guard let (owner, status) = try await Self.first(
                    db.query("SELECT author_id, status FROM comments WHERE id = \(shown) FOR UPDATE", logger: logger), as: (Int64, String).self)
                else { throw StoreError.commentNotFound(id: shown) }
                guard owner == authorId else { throw StoreError.notTheAuthorsComment(commentId: shown) }
                if !targets.contains(shown), status != "rejected" { targets.append(shown) }
            }
            if previous == .banned, targets.isEmpty { return BanOutcome(batchId: nil, rejected: [], articleIds: []) }
            let batchId = try await Self.insertBatch(
                db, kind: .ban, moderator: moderator, description: ModerationDesk.banDescription(identity, reason), authorId: authorId,
                previousStanding: previous, at: millis, logger: logger)
            if previous != .banned {
                try await Self.recordStanding(db, authorId: authorId, .banned, moderator: moderator, reason: reason, at: millis, logger: logger)
                if !identity.isVerified, banMillis > 0 {
                    try await db.query(PostgresHotQueries.banRecentAddresses(of: authorId, at: millis, until: millis + banMillis), logger: logger)
                }
            }
            var articles = Set<String>()
            for id in targets {
                // A ban is the moderator's word on all of the author's comments: it needs no claim and no override.
                if let published = try await Self.first(
                    db.query(PostgresHotQueries.publishedArticle(of: id), logger: logger), as: String.self)
                {
                    articles.insert(published)
                }
                _ = try await Self.recordVerdict(
                    db, commentId: id, .reject, moderator: moderator, reasons: ModerationDesk.banReasons(reason), batchId: batchId, at: millis,
                    logger: logger)
            }
            return BanOutcome(batchId: batchId, rejected: targets, articleIds: articles)
        }
    }

    public func unban(_ identity: AuthorIdentity, by moderator: String, reason: String?) async throws -> Bool {
        try await setStanding(.normal, of: identity, by: moderator, reason: reason, onlyFrom: .banned)
    }

    public func trust(_ identity: AuthorIdentity, by moderator: String, reason: String?) async throws -> Bool {
        try await setStanding(.trusted, of: identity, by: moderator, reason: reason, onlyFrom: nil)
    }

    private func setStanding(
        _ standing: AuthorStanding, of identity: AuthorIdentity, by moderator: String, reason: String?, onlyFrom: AuthorStanding?
    ) async throws -> Bool {
        let millis = Timestamp.millis(now())
        let logger = logger
        return try await transaction { db in
            let (authorId, previous) = try await Self.lockedAuthor(db, identity, logger: logger)
            guard previous != standing, onlyFrom == nil || previous == onlyFrom else { return false }
            try await Self.recordStanding(db, authorId: authorId, standing, moderator: moderator, reason: reason, at: millis, logger: logger)
            return true
        }
    }

    static func lockedAuthor(_ db: PostgresConnection, _ identity: AuthorIdentity, logger: Logger) async throws -> (Int64, AuthorStanding) {
        guard let (id, standing) = try await first(
            db.query(PostgresHotQueries.lockedAuthor(identity.key), logger: logger), as: (Int64, String).self)
        else { throw StoreError.authorNotFound(identity: identity.key) }
        return (id, AuthorStanding(rawValue: standing) ?? .normal)
    }

    /// Changes an author's standing and records it in the author's history; a standing other than
    /// banned lifts the address bans.
    static func recordStanding(
        _ db: PostgresConnection, authorId: Int64, _ standing: AuthorStanding, moderator: String, reason: String?, at millis: Int64,
        logger: Logger
    ) async throws {
        try await db.query("UPDATE authors SET standing = \(standing.rawValue), updated_at = \(millis) WHERE id = \(authorId)", logger: logger)
        let action = switch standing {
        case .banned: "ban"
        case .trusted: "trust"
        case .normal: "unban"
        }
        try await db.query(
            """
            INSERT INTO author_actions (author_id, moderator, action, reason, created_at)
            VALUES (\(authorId), \(moderator), \(action), \(reason.map { String($0.prefix(500)) }), \(millis))
            """, logger: logger)
        if standing != .banned { try await db.query(PostgresHotQueries.liftAddressBans(of: authorId), logger: logger) }
    }

    /// Opens a batch; its decisions name it.
    static func insertBatch(
        _ db: PostgresConnection, kind: ModerationBatch.Kind, moderator: String, description: String, authorId: Int64? = nil,
        previousStanding: AuthorStanding? = nil, at millis: Int64, logger: Logger
    ) async throws -> Int64 {
        try await first(
            db.query(
                """
                INSERT INTO batches (kind, moderator, description, author_id, previous_standing, created_at)
                VALUES (\(kind.rawValue), \(moderator), \(String(description.prefix(600))), \(authorId), \(previousStanding?.rawValue), \(millis))
                RETURNING id
                """, logger: logger), as: Int64.self)!
    }
}
