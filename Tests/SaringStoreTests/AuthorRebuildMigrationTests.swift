import Foundation
import GRDB
import SaringCore
import Testing

@testable import SaringStore

/// 0005 rebuilds `authors` (its CHECK changes): a database with authors, comments, decisions and
/// bans made before it keeps every row and every reference.
@Suite("Migration 0005 over existing data")
struct AuthorRebuildMigrationTests {
    @Test func authorsAndWhatPointsAtThemSurviveTheRebuild() async throws {
        let path = MigrationTests.temporaryDatabase()
        let all = try Migration.embedded()
        let before = try SaringStore(path: path, migrations: all.filter { $0.version < 5 })
        try before.migrate()
        // Rows as the schema before 0005 held them, written with SQL (today's code needs 0005).
        let ids: [Int64] = Array(1...20)
        try await before.writer.write { db in
            try db.execute(sql: "INSERT INTO articles (id, created_at, updated_at) VALUES ('a0', 1, 1), ('a1', 1, 1)")
            for n in 0..<7 {
                try db.execute(
                    sql: "INSERT INTO authors (id, identity, name, standing, created_at, updated_at) VALUES (?, ?, ?, ?, 1, 1)",
                    arguments: [n + 1, "name:pembaca \(n)", "Pembaca \(n)", n == 1 ? "banned" : "normal"])
            }
            try db.execute(sql: "INSERT INTO author_actions (author_id, moderator, action, created_at) VALUES (2, 'ana', 'ban', 1)")
            for id in ids {
                try db.execute(
                    sql: """
                        INSERT INTO comments (id, article_id, author_id, author_name, body, published_body, status, created_at, updated_at, client_hash)
                        VALUES (?, ?, ?, ?, ?, ?, 'pending', 1, 1, ?)
                        """,
                    arguments: [id, "a\(id % 2)", id % 7 + 1, "Pembaca \(id % 7)", "komentar ke-\(id)", "komentar ke-\(id)", "hash\(id % 4)"])
                try db.execute(
                    sql: "INSERT INTO decisions (comment_id, actor_kind, decided_by, action, status, created_at) VALUES (?, 'policy', 'v', 'hold', 'pending', 1)",
                    arguments: [id])
            }
        }

        let after = try SaringStore(path: path, migrations: all)
        #expect(try after.migrate().first == "0005_verified_authors.sql")
        for id in ids { #expect(try await after.comment(id: id) != nil) }
        let banned = try #require(try await after.author(AuthorIdentity(name: "Pembaca 1", email: nil)))
        #expect(banned.standing == .banned)
        // The rebuilt table takes verified identities, and foreign keys still hold.
        let verified = CommentDraft(
            articleId: "a1", authorName: "Budi", authorEmail: nil, body: "komentar terverifikasi", parentId: nil, verifiedUserId: "42")
        let comment = try await after.submit(verified, verdict: Verdict(status: .published, publishedBody: verified.body, policyVersion: "v"))
        #expect(try await after.author(AuthorIdentity(name: "", email: nil, userId: "42"))?.published == 1)
        #expect(try await after.comment(id: comment.id)?.authorName == "Budi")
        let violations = try await after.read { db in try Int.fetchOne(db, sql: "SELECT count(*) FROM pragma_foreign_key_check") }
        #expect(violations == 0)
        let foreignKeys = try await after.write { db in try Bool.fetchOne(db, sql: "PRAGMA foreign_keys") }
        #expect(foreignKeys == true)
    }
}
