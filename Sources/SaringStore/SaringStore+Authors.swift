import Foundation
import GRDB
import SaringCore

extension SaringStore {
    /// The author with this identity and their counts, or nil.
    public func author(_ identity: AuthorIdentity) async throws -> AuthorSummary? {
        try await read { db in
            try Int64.fetchOne(db, sql: "SELECT id FROM authors WHERE identity = ?", arguments: [identity.key])
                .map { try Self.authorSummary(db, authorId: $0) }
        }
    }

    /// Bans, unbans or trusts an author, recorded in the author's history. A ban also rejects
    /// every pending comment of the author, as `moderator`, in the same transaction.
    ///
    /// - Returns: the ids of the pending comments rejected by a ban.
    /// - Throws: ``StoreError/authorNotFound(identity:)``.
    ///
    /// - Parameter addressBan: a ban of an anonymous author also refuses new anonymous comments
    ///   from the addresses it posted from (its 20 newest) for this long; unban lifts it.
    @discardableResult
    public func setStanding(
        _ standing: AuthorStanding, of identity: AuthorIdentity, moderator: String, reason: String?,
        addressBan: Duration = .seconds(48 * 3600)
    ) async throws -> [Int64] {
        let millis = Timestamp.millis(now())
        let banMillis = addressBan.components.seconds * 1000
        return try await write { db in
            guard let authorId = try Int64.fetchOne(db, sql: "SELECT id FROM authors WHERE identity = ?", arguments: [identity.key]) else {
                throw StoreError.authorNotFound(identity: identity.key)
            }
            try db.execute(
                sql: "UPDATE authors SET standing = ?, updated_at = ? WHERE id = ?", arguments: [standing.rawValue, millis, authorId])
            let action = switch standing {
            case .banned: "ban"
            case .trusted: "trust"
            case .normal: "unban"
            }
            try db.execute(
                sql: "INSERT INTO author_actions (author_id, moderator, action, reason, created_at) VALUES (?, ?, ?, ?, ?)",
                arguments: [authorId, moderator, action, reason, millis])
            if standing != .banned {
                try db.execute(sql: HotQueries.liftAddressBans, arguments: [authorId])
                return []
            }
            if !identity.isVerified, banMillis > 0 {
                try db.execute(sql: HotQueries.banAuthorAddresses, arguments: [authorId, millis, millis + banMillis, authorId])
            }
            let pending = try Int64.fetchAll(
                db, sql: "SELECT id FROM comments WHERE author_id = ? AND status = 'pending' ORDER BY id", arguments: [authorId])
            for id in pending {
                _ = try Self.decide(
                    db, commentId: id, .reject, moderator: moderator, reasons: ["author banned" + (reason.map { ": \($0)" } ?? "")],
                    expectedLastDecision: nil, overridingClaims: true, at: millis)
            }
            return pending
        }
    }
}
