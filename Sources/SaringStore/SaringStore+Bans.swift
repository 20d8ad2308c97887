import Foundation
import GRDB
import SaringCore

extension SaringStore {
    /// Authors banned now, newest ban first, each with the ban that made it.
    public func currentBans() async throws -> [BanRecord] {
        try await read { db in
            try Row.fetchAll(db, sql: HotQueries.currentBans).map { row in
                BanRecord(
                    identity: row["identity"], name: row["name"], moderator: row["moderator"], reason: row["reason"],
                    since: Timestamp.date(row["created_at"]))
            }
        }
    }
}
