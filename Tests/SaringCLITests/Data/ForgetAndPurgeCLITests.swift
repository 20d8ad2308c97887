import Foundation
import GRDB
import SaringCore
import SaringStore
import SaringTestSupport
import Testing

@Suite("Personal data: forget and purge (the real binary)")
struct ForgetAndPurgeCLITests {
    static let budi = ["Budi Santoso", "budi.santoso@example.com", "77aa88bb99cc0011"]

    @Test func aForgottenAuthorIsGoneFromEveryTableAndFromTheExport() async throws {
        let site = try await SiteData.make()
        let before = try SiteData.everyText(at: site.path)
        for secret in Self.budi { #expect(before.contains { $0.text.contains(secret) }, "the fixture holds \(secret)") }
        #expect(before.contains { $0.place == "banned_clients.client_hash" && $0.text == Self.budi[2] })
        #expect(before.contains { $0.place == "reports.client_hash" && $0.text == Self.budi[2] })

        let result = try CLI.run(["forget", "--db", site.path, "--as", "dpo", "budi.santoso@example.com", "--comments"])
        #expect(result.status == 0, "\(result.stderr)")
        #expect(result.stdout.contains("3 comments kept as [deleted], text erased from 3"), "\(result.stdout)")

        let after = try SiteData.everyText(at: site.path)
        for secret in Self.budi + ["0812-3456-7890", SiteData.texts[0], SiteData.texts[7]] {
            let left = after.filter { $0.text.localizedCaseInsensitiveContains(secret) }
            #expect(left.isEmpty, "\(secret) is still in \(left.map(\.place))")
        }
        let export = try CLI.run(["export", "--db", site.path])
        #expect(export.status == 0)
        for secret in Self.budi { #expect(!export.stdout.localizedCaseInsensitiveContains(secret)) }
        // Everybody else is untouched.
        for kept in ["Dewi Lestari", "dewi.lestari@example.com", "a1b2c3d4e5f60718", SiteData.texts[1], "Rina Marlina"] {
            #expect(after.contains { $0.text.contains(kept) }, "\(kept)")
        }

        // The rows stand: the thread, the history, and a record that the erasure happened.
        let masked = try #require(try await site.store.comment(id: site.ids["masked"]!))
        #expect(masked.body == "[deleted]" && masked.publishedBody == "[deleted]" && masked.authorName == "[deleted]")
        #expect(try await site.store.decisions(commentId: site.ids["held"]!).count == 2)
        let queue = try DatabaseQueue(path: site.path)
        let erasure = try queue.read { db in try Row.fetchOne(db, sql: "SELECT kind, requested_by, comments FROM erasures") }
        #expect(erasure?["kind"] == "author-and-comments")
        #expect(erasure?["requested_by"] == "dpo")
        #expect(erasure?["comments"] == 3)
        // The public list shows the placeholder where the comment was.
        let page = try await site.store.publishedPage(articleId: "berita-banjir", afterId: nil, limit: 50)
        #expect(page.comments.map(\.body).contains("[deleted]"))
        #expect(page.comments.count == 3)

        let again = try CLI.run(["forget", "--db", site.path, "budi.santoso@example.com"])
        #expect(again.status == 1)
        #expect(again.stderr.contains("no author email:budi.santoso@example.com"))
    }

    @Test func forgettingWithoutCommentsKeepsTheirTextButNotTheirName() async throws {
        let site = try await SiteData.make()
        let result = try CLI.run(["forget", "--db", site.path, "Rahmat Hidayat"])
        #expect(result.status == 0, "\(result.stderr)")
        let reply = try #require(try await site.store.comment(id: site.ids["reply"]!))
        #expect(reply.authorName == "[deleted]")
        #expect(reply.body == SiteData.texts[2])
        #expect(try SiteData.everyText(at: site.path).allSatisfy { !$0.text.contains("Rahmat") && !$0.text.contains("0f1e2d3c4b5a6978") })
        #expect(try await site.store.comment(id: site.ids["first"]!)?.authorName == "Dewi Lestari")
    }

    @Test(arguments: [
        (["forget"], 64, "Missing expected argument"), (["forget", " "], 64, "must not be empty"),
        (["forget", "siapa@example.com"], 1, "no author email:siapa@example.com"),
    ])
    func forgetRefusesBadOrUnknownAuthors(arguments: [String], status: Int32, message: String) async throws {
        let site = try await SiteData.make()
        let result = try CLI.run(arguments + ["--db", site.path])
        #expect(result.status == status)
        #expect(result.stderr.contains(message), "\(result.stderr)")
    }

    /// Rejected comments decided 40 days ago, one 10 days ago, published ones of 40 days ago. The
    /// WAL is folded into the file on return, so what a command writes shows in the file's bytes.
    static func agedSite(name: String = "site.sqlite") async throws -> (path: String, ids: [String: Int64]) {
        let old = Date().addingTimeInterval(-40 * 86_400)
        let folder = try CLI.temporaryFolder()
        let site = try await SiteData.make(in: folder, name: name, clock: { old })
        let recent = try SaringStore(path: site.path, now: { Date().addingTimeInterval(-10 * 86_400) })
        try await ModerationDesk(store: recent, moderator: "ana").decide(site.ids["question"]!, .reject, reason: "di luar topik")
        let queue = try DatabaseQueue(path: site.path)
        try await queue.writeWithoutTransaction { db in _ = try db.checkpoint(.truncate) }
        try queue.close()
        return (site.path, site.ids)
    }

    static func body(_ id: Int64?, at path: String) throws -> String? {
        let queue = try DatabaseQueue(path: path)
        defer { try? queue.close() }
        return try queue.read { db in try String.fetchOne(db, sql: "SELECT body FROM comments WHERE id = ?", arguments: [id]) }
    }

    @Test func purgeDryRunShowsWhatWouldGoAndChangesNoByte() async throws {
        let site = try await Self.agedSite()
        let before = try Data(contentsOf: URL(fileURLWithPath: site.path))
        let dry = try CLI.run(["purge", "--db", site.path, "--older-than", "30d", "--dry-run"])
        #expect(dry.status == 0, "\(dry.stderr)")
        #expect(dry.stdout.contains("would erase the text of 2 rejected comments"), "\(dry.stdout)")
        #expect(dry.stdout.contains("nothing changed"))
        #expect(try Data(contentsOf: URL(fileURLWithPath: site.path)) == before)
        let wal =
            FileManager.default.fileExists(atPath: site.path + "-wal")
            ? try Data(contentsOf: URL(fileURLWithPath: site.path + "-wal")) : Data()
        #expect(wal.isEmpty)
        #expect(try Self.body(site.ids["held"], at: site.path) == SiteData.texts[0])

        let done = try CLI.run(["purge", "--db", site.path, "--older-than", "30d"])
        #expect(done.status == 0, "\(done.stderr)")
        #expect(done.stdout.contains("erased the text of 2 rejected comments"))
        #expect(try Self.body(site.ids["held"], at: site.path) == "[deleted]")
        #expect(try Self.body(site.ids["later"], at: site.path) == "[deleted]")
        #expect(try Self.body(site.ids["question"], at: site.path) == SiteData.texts[5])
        #expect(try Self.body(site.ids["first"], at: site.path) == SiteData.texts[1])
        let twice = try CLI.run(["purge", "--db", site.path, "--older-than", "30d"])
        #expect(twice.stdout.contains("erased the text of 0 rejected comments"))
    }

    @Test(arguments: [
        (["--older-than", "sebulan"], [String: String](), 64, "--older-than must be an age"),
        ([], [:], 1, "give --older-than"),
        ([], ["SARING_ERASE_REJECTED_AFTER": "30 hari"], 1, "SARING_ERASE_REJECTED_AFTER must be an age"),
    ])
    func purgeRefusesBadAges(arguments: [String], environment: [String: String], status: Int32, message: String) async throws {
        let site = try await Self.agedSite()
        let result = try CLI.run(["purge", "--db", site.path, "--dry-run"] + arguments, environment: environment)
        #expect(result.status == status)
        #expect(result.stderr.contains(message), "\(result.stderr)")
    }

    @Test func purgeTakesTheRetentionPeriodFromTheEnvironment() async throws {
        let site = try await Self.agedSite()
        let result = try CLI.run(["purge", "--db", site.path, "--dry-run"], environment: ["SARING_ERASE_REJECTED_AFTER": "5d"])
        #expect(result.stdout.contains("would erase the text of 3 rejected comments"), "\(result.stdout)")
    }

    @Test func serveErasesOldRejectedTextsWhenRetentionIsSet() async throws {
        let site = try await Self.agedSite(name: "serve.sqlite")
        let folder = URL(fileURLWithPath: site.path).deletingLastPathComponent()
        try CLI.write(["rules.yaml": "rules: []\n"], to: folder.appendingPathComponent("Policies"))
        let server = try ServeProcess(folder: folder, arguments: ["--erase-rejected-after", "30d"])
        defer { server.stop() }
        try server.waitForOutput("retention: erased the text of 2 rejected comments")
        #expect(try Self.body(site.ids["held"], at: site.path) == "[deleted]")
        #expect(try Self.body(site.ids["question"], at: site.path) == SiteData.texts[5])
    }

    /// The same site moved to PostgreSQL (`copy-store`), forgotten and purged there, then moved
    /// back to a file for the same checks as on SQLite: nothing of the author is left in any
    /// table, everybody else is untouched, and retention erases what it would on SQLite.
    @Test func forgetAndPurgeEraseTheSameOnPostgreSQL() async throws {
        let site = try await Self.agedSite(name: "pg.sqlite")
        try await PostgresScratch.withDatabase { url in
            let moved = try await CLI.running(["copy-store", "--from", site.path, "--to", url])
            #expect(moved.status == 0, "\(moved.stderr)")
            // Retention first: the two comments rejected 40 days ago (the one of 10 days stays).
            let dry = try await CLI.running(["purge", "--db", url, "--older-than", "30d", "--dry-run"])
            #expect(dry.status == 0, "\(dry.stderr)")
            #expect(dry.stdout.contains("would erase the text of 2 rejected comments"), "\(dry.stdout)")
            let done = try await CLI.running(["purge", "--db", url, "--older-than", "30d", "--as", "dpo"])
            #expect(done.status == 0, "\(done.stderr)")
            #expect(done.stdout.contains("erased the text of 2 rejected comments"), "\(done.stdout)")
            let again = try await CLI.running(["purge", "--db", url, "--older-than", "30d"])
            #expect(again.stdout.contains("erased the text of 0 rejected comments"), "\(again.stdout)")
            // Then the author, whose third comment still had its text.
            let forgot = try await CLI.running(["forget", "--db", url, "--as", "dpo", "budi.santoso@example.com", "--comments"])
            #expect(forgot.status == 0, "\(forgot.stderr)")
            #expect(forgot.stdout.contains("3 comments kept as [deleted], text erased from 1"), "\(forgot.stdout)")
            let unknown = try await CLI.running(["forget", "--db", url, "budi.santoso@example.com"])
            #expect(unknown.status == 1)
            #expect(unknown.stderr.contains("no author email:budi.santoso@example.com"), "\(unknown.stderr)")

            let back = URL(fileURLWithPath: site.path).deletingLastPathComponent().appendingPathComponent("back.sqlite").path
            let returned = try await CLI.running(["copy-store", "--from", url, "--to", back])
            #expect(returned.status == 0, "\(returned.stderr)")
            let after = try SiteData.everyText(at: back)
            for secret in Self.budi + ["0812-3456-7890", SiteData.texts[0], SiteData.texts[7]] {
                let left = after.filter { $0.text.localizedCaseInsensitiveContains(secret) }
                #expect(left.isEmpty, "\(secret) is still in \(left.map(\.place))")
            }
            for kept in ["Dewi Lestari", "dewi.lestari@example.com", "a1b2c3d4e5f60718", SiteData.texts[1], "Rina Marlina"] {
                #expect(after.contains { $0.text.contains(kept) }, "\(kept)")
            }
            // The comment rejected ten days ago keeps its text; the forgotten author's are gone.
            #expect(try Self.body(site.ids["question"], at: back) == SiteData.texts[5])
            #expect(try Self.body(site.ids["held"], at: back) == "[deleted]")
            let queue = try DatabaseQueue(path: back)
            defer { try? queue.close() }
            let kinds = try await queue.read { db in try String.fetchAll(db, sql: "SELECT kind FROM erasures ORDER BY id") }
            #expect(kinds == ["retention", "author-and-comments"], "\(kinds)")
        }
    }

    @Test func serveRefusesABadRetentionAge() throws {
        let folder = try CLI.temporaryFolder()
        let result = try CLI.run(["serve", "--db", folder.appendingPathComponent("x.sqlite").path, "--erase-rejected-after", "lama"])
        #expect(result.status == 64)
        #expect(result.stderr.contains("--erase-rejected-after must be an age"))
    }
}
