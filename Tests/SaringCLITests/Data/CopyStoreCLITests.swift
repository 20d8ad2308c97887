// `saring copy-store` moves a site from SQLite to PostgreSQL and back, verified by counts and
// checksums, and refuses what it must not touch.
import Foundation
import SaringCore
import SaringStore
import SaringTestSupport
import Testing

@Suite("saring copy-store (the real binary)")
struct CopyStoreCLITests {
    /// The tuning fixture's site (policy versions, rule hits, moderators' decisions, bans), plus
    /// reports, a claim, rule timings and an erasure, so every table has rows.
    static func site() async throws -> TuningFixture {
        let fixture = try await TuningFixture.make()
        let store = fixture.store!
        try await store.report(commentId: fixture.ids["promo5"]!, reason: "iklan terselubung", clientHash: "a1b2c3")
        try await store.report(commentId: fixture.ids["promo5"]!, reason: "spam", clientHash: "d4e5f6")
        _ = try await store.claim(commentId: fixture.ids["slot1"]!, moderator: "ana", lease: .seconds(3600))
        let version = fixture.policy.version
        try await store.recordPolicyUse(
            uses: [version: 1_000...2_000],
            timings: [version: [RuleTimingSample(ruleId: "judol.keywords", runs: 40, matches: 3, nanos: 81_000)]], at: Date())
        _ = try await store.forget(AuthorIdentity(name: "Lina Marlina", email: nil), comments: true, requestedBy: "dpo")
        return fixture
    }

    static func tableCounts(_ output: String) -> [String: Int] {
        var counts: [String: Int] = [:]
        for line in output.split(separator: "\n") where line.contains("sha256") {
            let fields = line.split(separator: " ", omittingEmptySubsequences: true)
            counts[String(fields[0])] = Int(fields[1])
        }
        return counts
    }

    @Test func aSiteMovesToPostgreSQLAndBackUnchanged() async throws {
        let fixture = try await Self.site()
        try await PostgresScratch.withDatabase { url in
            let there = try await CLI.running(["copy-store", "--from", fixture.dbPath, "--to", url])
            #expect(there.status == 0, "\(there.stderr)")
            let counts = Self.tableCounts(there.stdout)
            #expect(counts.count == 13, "\(there.stdout)")
            for table in ["articles", "authors", "comments", "decisions", "rule_hits", "reports", "claims", "batches",
                          "author_actions", "policy_versions", "rule_timings", "erasures"] {
                #expect((counts[table] ?? 0) > 0, "\(table) copied no rows:\n\(there.stdout)")
            }
            #expect(there.stdout.contains("counts and checksums agree"))
            let back = fixture.folder.appendingPathComponent("back.sqlite").path
            let returned = try await CLI.running(["copy-store", "--from", url, "--to", back])
            #expect(returned.status == 0, "\(returned.stderr)")
            // The same rows and the same checksums, table by table, both ways.
            let checksums = { (text: String) in text.split(separator: "\n").filter { $0.contains("sha256") }.map(String.init) }
            #expect(checksums(returned.stdout) == checksums(there.stdout))
            #expect(!FileManager.default.fileExists(atPath: back + ".partial"))
            // And the site reads the same: every comment with its history, as `saring export` writes it.
            let original = try await CLI.running(["export", "--db", fixture.dbPath])
            let roundTripped = try await CLI.running(["export", "--db", back])
            #expect(original.status == 0 && roundTripped.status == 0, "\(original.stderr)\(roundTripped.stderr)")
            #expect(!original.stdout.isEmpty)
            #expect(roundTripped.stdout == original.stdout)
            // `saring export` on the PostgreSQL copy writes the very same lines, whole and filtered.
            let article = try #require(
                (try JSONSerialization.jsonObject(with: Data(original.stdout.split(separator: "\n")[0].utf8)) as? [String: Any])
                    .flatMap { $0["article"] as? [String: Any] }?["id"] as? String)
            for filter in [[], ["--status", "rejected,pending"], ["--article", article], ["--since", "3650d"], ["--since", "1s"]] {
                let fromSQLite = try await CLI.running(["export", "--db", fixture.dbPath] + filter)
                let fromPostgres = try await CLI.running(["export", "--db", url] + filter)
                #expect(fromPostgres.status == 0, "\(filter): \(fromPostgres.stderr)")
                #expect(fromPostgres.stdout == fromSQLite.stdout, "\(filter)")
            }
            let missing = try await CLI.running(["export", "--db", url, "--article", "tidak-ada"])
            #expect(missing.status == 1)
            #expect(missing.stderr.contains("no article tidak-ada"), "\(missing.stderr)")
            // New comments on PostgreSQL continue the ids past the copied ones.
            let next = Int(try PostgresScratch.psql(url, "SELECT nextval(pg_get_serial_sequence('comments', 'id'))").trimmingCharacters(in: .whitespacesAndNewlines))
            let highest = fixture.ids.values.max()!
            #expect((next ?? 0) > Int(highest))
            // Into a database that holds data: refused, and nothing changes.
            let again = try await CLI.running(["copy-store", "--from", fixture.dbPath, "--to", url])
            #expect(again.status == 1)
            #expect(again.stderr.contains("is not empty"), "\(again.stderr)")
        }
    }

    @Test func whatMustNotBeTouchedIsRefusedWithTheReason() async throws {
        let fixture = try await Self.site()
        let exists = try await CLI.running(["copy-store", "--from", fixture.dbPath, "--to", fixture.dbPath + "-other"])
        #expect(exists.status == 0, "a new SQLite file is a valid destination: \(exists.stderr)")
        let overwrite = try await CLI.running(["copy-store", "--from", fixture.dbPath, "--to", fixture.dbPath + "-other"])
        #expect(overwrite.status == 1)
        #expect(overwrite.stderr.contains("exists"), "\(overwrite.stderr)")
        let same = try await CLI.running(["copy-store", "--from", fixture.dbPath, "--to", fixture.dbPath])
        #expect(same.status != 0)
        #expect(same.stderr.contains("the same database"), "\(same.stderr)")
        let missing = try await CLI.running(["copy-store", "--from", fixture.folder.appendingPathComponent("tidak-ada.sqlite").path, "--to", fixture.dbPath + "-x"])
        #expect(missing.status == 1)
        #expect(missing.stderr.contains("no database at"), "\(missing.stderr)")
        #expect(!FileManager.default.fileExists(atPath: fixture.dbPath + "-x"))
        let badURL = try await CLI.running(["copy-store", "--from", fixture.dbPath, "--to", "postgresql://saring@localhost"])
        #expect(badURL.status == 1)
        #expect(badURL.stderr.contains("--to: the PostgreSQL URL names no database"), "\(badURL.stderr)")
    }
}
