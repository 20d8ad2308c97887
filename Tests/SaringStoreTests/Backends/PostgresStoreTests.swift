// What only the PostgreSQL store has: its own migrations ledger, several nodes on one database,
// and addresses given as URLs.
import Foundation
import SaringCore
import SaringPostgres
import SaringStore
import SaringTestSupport
import Testing

@Suite("The PostgreSQL store")
struct PostgresStoreTests {
    @Test func migrationsApplyOnceAndAnEditedOneIsRefused() async throws {
        try await PostgresScratch.withDatabaseAddress { address in
            let store = PostgresStore(address: address)
            defer { Task { await store.close() } }
            #expect(try await store.migrationStatus().allSatisfy { $0.appliedAt == nil })
            #expect(try await store.migrate() == ["0001_initial.sql", "0002_rate_buckets.sql", "0003_page_versions.sql"])
            #expect(try await store.migrate() == [])
            #expect(try await store.migrationStatus().allSatisfy { $0.appliedAt != nil })
            #expect(await store.isReachable())
            var edited = try PostgresStore.embeddedMigrations()
            edited[0] = try Migration(fileName: "0001_initial.sql", sql: edited[0].sql + "\n-- changed")
            await #expect(throws: MigrationError.self) { try await store.migrate(edited) }
            let unknown = try Migration(fileName: "0090_later.sql", sql: "CREATE TABLE later (id BIGINT)")
            #expect(try await store.migrate(try PostgresStore.embeddedMigrations() + [unknown]) == ["0090_later.sql"])
            await #expect(throws: MigrationError.missing(name: "0090_later.sql")) { try await store.migrate() }
            let broken = try Migration(fileName: "0091_broken.sql", sql: "CREATE TABLE good (id BIGINT); CREATE TABLE oops (")
            do {
                try await store.migrate(try PostgresStore.embeddedMigrations() + [unknown, broken])
                Issue.record("a broken migration was applied")
            } catch let error as MigrationError {
                guard case .failed(let name, _) = error else { throw error }
                #expect(name == "0091_broken.sql")
            }
            // Rolled back whole: its first statement left nothing behind.
            #expect(try await store.migrationStatus(try PostgresStore.embeddedMigrations() + [unknown, broken]).last?.appliedAt == nil)
        }
    }

    /// Two nodes starting at once on a new database: one applies the schema, the other waits and
    /// finds it applied.
    @Test func twoNodesMigratingAtOnceApplyTheSchemaOnce() async throws {
        try await PostgresScratch.withDatabaseAddress { address in
            let first = PostgresStore(address: address)
            let second = PostgresStore(address: address)
            async let a = first.migrate()
            async let b = second.migrate()
            let applied = try await [a, b]
            #expect(applied.flatMap { $0 } == ["0001_initial.sql", "0002_rate_buckets.sql", "0003_page_versions.sql"])
            await first.close()
            await second.close()
        }
    }

    /// A comment posted through one node is on the other's page at once, and both nodes' new
    /// authors and comments share one sequence of ids.
    @Test func aCommentStoredByOneNodeIsReadByAnotherAtOnce() async throws {
        try await PostgresScratch.withDatabaseAddress { address in
            let one = PostgresStore(address: address)
            let two = PostgresStore(address: address)
            try await one.migrate()
            try await two.migrate()
            var ids: [Int64] = []
            for n in 0..<20 {
                let node = n.isMultiple(of: 2) ? one : two
                let draft = CommentStoreTests.draft(n)
                let stored = try await node.submit(draft, verdict: CommentStoreTests.verdict(draft))
                let other = n.isMultiple(of: 2) ? two : one
                #expect(try await other.comment(id: stored.id)?.body == draft.body)
                ids.append(stored.id)
            }
            #expect(Set(ids).count == 20)
            #expect(try await one.publishedPage(articleId: "berita-1", afterId: nil, limit: 50).comments.map(\.id) == ids)
            #expect(try await two.publishedPage(articleId: "berita-1", afterId: nil, limit: 50).comments.map(\.id) == ids)
            await one.close()
            await two.close()
        }
    }

    /// A database that is away: a submission waits for a connection no longer than the wait limit
    /// and is told "busy" (the HTTP answer 503 storage_busy, retry), as are reads — never a hang.
    @Test func aServerThatIsAwayAnswersBusyWithinTheWaitLimit() async throws {
        let store = PostgresStore(
            address: PostgresAddress(user: "saring", host: "127.0.0.1", port: 1, database: "x", tls: .disable), waitLimit: .seconds(1))
        let draft = CommentStoreTests.draft(0)
        await #expect(throws: StoreError.busy) { _ = try await store.submit(draft, verdict: CommentStoreTests.verdict(draft)) }
        await #expect(throws: StoreError.busy) { _ = try await store.publishedPage(articleId: "berita-1", afterId: nil, limit: 10) }
        await #expect(throws: StoreError.busy) { _ = try await store.saveArticle(Article(id: "berita-1")) }
        await store.close()
    }

    @Test func anUnreachableServerIsReportedAsNotReachable() async throws {
        // A port nothing listens on (the test server's port + 1 is not guaranteed free; port 1 is).
        let store = PostgresStore(address: PostgresAddress(user: "saring", host: "127.0.0.1", port: 1, database: "x", tls: .disable))
        #expect(await store.isReachable() == false)
        await store.close()
    }
}

@Suite("PostgreSQL addresses in --db")
struct DatabaseLocationTests {
    @Test func aPathIsSQLiteAndAURLIsPostgreSQL() throws {
        #expect(try DatabaseLocation("./saring.sqlite") == .sqlite(path: "./saring.sqlite"))
        #expect(try DatabaseLocation("/var/lib/saring/data.db") == .sqlite(path: "/var/lib/saring/data.db"))
        #expect(
            try DatabaseLocation("postgresql://saring@db.internal:6432/komentar")
                == .postgresql(PostgresAddress(user: "saring", host: "db.internal", port: 6432, database: "komentar")))
        let full = try PostgresAddress("postgres://moderasi:r%40hasia@10.0.0.5/saring?sslmode=require")
        #expect(full.user == "moderasi" && full.password == "r@hasia" && full.port == 5432 && full.tls == .require)
        #expect(!full.description.contains("hasia"))
        let fromEnvironment = try PostgresAddress("postgresql://saring@localhost/saring", environment: ["PGPASSWORD": "rahasia"])
        #expect(fromEnvironment.password == "rahasia")
    }

    @Test(arguments: [
        ("postgresql://localhost/saring", "names no user"),
        ("postgresql://saring@/saring", "names no host"),
        ("postgresql://saring@localhost", "names no database"),
        ("postgresql://saring@localhost/", "names no database"),
        ("postgresql://saring@localhost:70000/saring", "not between 1 and 65535"),
        ("postgresql://saring@localhost/saring?sslmode=kadang", "sslmode must be one of disable, prefer, require"),
        ("postgresql://saring@localhost/saring?timeout=5", "unknown parameter timeout"),
        ("postgresql://saring:rahasia@localhost:notaport/saring", "not a PostgreSQL URL"),
    ])
    func aBadURLIsRefusedWithWhatIsWrong(_ url: String, _ expected: String) {
        do {
            _ = try DatabaseLocation(url, environment: [:])
            Issue.record("\(url) was accepted")
        } catch {
            #expect("\(error)".contains(expected), "\(error)")
            #expect(!"\(error)".contains("rahasia"), "the password reached the message: \(error)")
        }
    }
}
