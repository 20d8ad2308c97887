import Foundation
import GRDB
import SaringCore
import Testing

@testable import SaringStore

/// 0008 rebuilds `authors` again (its CHECK takes `forgotten:N`): a database with authors, bans,
/// batches and address bans made before it keeps every row, reference and index.
@Suite("Migration 0008 over existing data")
struct PersonalDataMigrationTests {
    @Test func authorsBansAndBatchesSurviveTheRebuildAndForgottenIdentitiesAreAccepted() async throws {
        let path = MigrationTests.temporaryDatabase()
        let all = try Migration.embedded()
        let before = try SaringStore(path: path, migrations: all.filter { $0.version < 8 })
        try before.migrate()
        try await before.writer.write { db in
            try db.execute(sql: "INSERT INTO articles (id, created_at, updated_at) VALUES ('berita-1', 1, 1)")
            for (n, identity) in ["email:sari@example.com", "user:42", "name:budi santoso"].enumerated() {
                try db.execute(
                    sql: "INSERT INTO authors (id, identity, name, standing, created_at, updated_at) VALUES (?, ?, ?, ?, 1, 1)",
                    arguments: [n + 1, identity, "Pembaca \(n)", n == 2 ? "banned" : "normal"])
                try db.execute(
                    sql: """
                        INSERT INTO comments (id, article_id, author_id, author_name, body, published_body, status, created_at, updated_at, client_hash)
                        VALUES (?, 'berita-1', ?, ?, ?, ?, 'rejected', 1, 1, ?)
                        """,
                    arguments: [n + 1, n + 1, "Pembaca \(n)", "komentar warga ke-\(n)", "komentar warga ke-\(n)", "hash\(n)"])
            }
            try db.execute(
                sql: "INSERT INTO author_actions (author_id, moderator, action, reason, created_at) VALUES (3, 'ana', 'ban', 'judol', 1)")
            try db.execute(
                sql:
                    "INSERT INTO batches (kind, moderator, description, author_id, previous_standing, created_at) VALUES ('ban', 'ana', 'ban', 3, 'normal', 1)"
            )
            try db.execute(sql: "INSERT INTO banned_clients (client_hash, author_id, created_at, expires_at) VALUES ('hash2', 3, 1, 2)")
        }

        let after = try SaringStore(path: path, migrations: all.filter { $0.version <= 8 })
        #expect(try after.migrate() == ["0008_personal_data.sql"])
        #expect(try await after.currentBans().count == 1)
        #expect(try await after.author(AuthorIdentity(moderatorInput: "user:42"))?.rejected == 1)
        let (violations, indexes) = try await after.read { db in
            (
                try Int.fetchOne(db, sql: "SELECT count(*) FROM pragma_foreign_key_check"),
                try String.fetchAll(db, sql: "SELECT name FROM sqlite_master WHERE type = 'index' AND tbl_name = 'authors'")
            )
        }
        #expect(violations == 0)
        #expect(indexes.contains("authors_banned"))
        let outcome = try await after.forget(AuthorIdentity(moderatorInput: "Budi Santoso"), comments: true, requestedBy: "dpo")
        #expect(outcome == ForgetOutcome(identity: "forgotten:3", comments: 1, textsErased: 1, addressHashes: 1, reports: 0))
        #expect(try await after.comment(id: 3)?.body == Erased.placeholder)
    }
}
