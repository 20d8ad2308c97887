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
}
