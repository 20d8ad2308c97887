// `saring policy stats` and `policy suggest` on PostgreSQL read what they read on SQLite: the
// seeded tuning site moved over with copy-store gives the very same output.
import Foundation
import SaringCore
import SaringTestSupport
import Testing

@Suite("Tuning on PostgreSQL (the real binary)")
struct TuningOnPostgresTests {
    /// The output without the times it was made at (the window starts at "now minus --since", a
    /// moment later for the second run, and a minute may turn in between).
    static func withoutStart(_ output: String) -> String {
        output.replacingOccurrences(of: #""since":"[^"]*""#, with: #""since":"…""#, options: .regularExpression)
            .replacingOccurrences(of: #"\d{4}-\d{2}-\d{2} \d{2}:\d{2} UTC"#, with: "…", options: .regularExpression)
    }

    @Test func statsAndSuggestionsAreTheSameAfterTheSiteMovesToPostgreSQL() async throws {
        let site = try await TuningFixture.make()
        try await PostgresScratch.withDatabase { url in
            let moved = try await CLI.running(["copy-store", "--from", site.dbPath, "--to", url])
            #expect(moved.status == 0, "\(moved.stderr)")
            for arguments in [
                ["policy", "stats", "--json"], ["policy", "stats"], ["policy", "stats", "--json", "--since", "1h"],
                ["policy", "suggest", "--policies", site.inForce.path],
            ] {
                let onSQLite = try await CLI.running(arguments + ["--db", site.dbPath])
                let onPostgres = try await CLI.running(arguments + ["--db", url])
                let sqliteLines = Self.withoutStart(onSQLite.stdout)
                let postgresLines = Self.withoutStart(onPostgres.stdout)
                #expect(onSQLite.status == 0 && onPostgres.status == 0, "\(arguments): \(onSQLite.stderr)\(onPostgres.stderr)")
                #expect(!sqliteLines.isEmpty)
                let differing = zip(postgresLines.split(separator: "\n"), sqliteLines.split(separator: "\n")).first { $0 != $1 }
                #expect(postgresLines == sqliteLines, "\(arguments): PostgreSQL \(differing.map { "\($0.0)\nSQLite     \($0.1)" } ?? "")")
            }
        }
    }

    /// A replay's output without its running time.
    static func withoutTime(_ output: String) -> String {
        output.replacingOccurrences(of: #""seconds":[0-9.e-]+"#, with: #""seconds":…"#, options: .regularExpression)
            .replacingOccurrences(of: #" in [0-9.]+ s on "#, with: " in … s on ", options: .regularExpression)
    }

    @Test func aReplayIsTheSameAfterTheSiteMovesToPostgreSQL() async throws {
        let site = try await TuningFixture.make()
        // A second comment from Andi Saputra, so first-comment review has an author with a
        // published comment before one of theirs to count.
        let store = try #require(site.store)
        let again = CommentDraft(
            articleId: "berita-ulang", authorName: "Andi Saputra", authorEmail: nil,
            body: "Sudah lewat lagi tadi pagi, proyek tolnya ternyata makin cepat dikerjakan.", parentId: nil)
        _ = try await store.submit(again, verdict: site.policy.judge(again))
        let reviewing = site.folder.appendingPathComponent("first-comments")
        try CLI.write(["rules.yaml": TuningFixture.candidateRules, "settings.yaml": "first-comments:\n  hold: 1\n"], to: reviewing)
        try await PostgresScratch.withDatabase { url in
            let moved = try await CLI.running(["copy-store", "--from", site.dbPath, "--to", url])
            #expect(moved.status == 0, "\(moved.stderr)")
            let replay = ["policy", "replay", "--policies", site.candidate.path, "--in-force", site.inForce.path]
            for extra in [
                ["--json"], [], ["--json", "--limit", "8"], ["--json", "--since", "3d"], ["--json", "--since", "1d"],
                ["--json", "--article", "berita-3"], ["--json", "--article", "berita-3", "--limit", "1"], ["--json", "--workers", "1", "--samples", "0"],
            ] {
                let onSQLite = try await CLI.running(replay + extra + ["--db", site.dbPath])
                let onPostgres = try await CLI.running(replay + extra + ["--db", url])
                #expect(onSQLite.status == 0 && onPostgres.status == 0, "\(extra): \(onSQLite.stderr)\(onPostgres.stderr)")
                #expect(!onSQLite.stdout.isEmpty)
                #expect(Self.withoutTime(onPostgres.stdout) == Self.withoutTime(onSQLite.stdout), "\(extra): PostgreSQL \(onPostgres.stdout)\nSQLite     \(onSQLite.stdout)")
            }
            // With first comments held, the same on both, and Andi's second comment stays published
            // (one of his is published before it) while his first, on berita-0, would be held.
            let firsts = ["policy", "replay", "--policies", reviewing.path, "--in-force", site.inForce.path, "--json"]
            for extra in [[], ["--article", "berita-ulang"], ["--article", "berita-0"]] {
                let onSQLite = try await CLI.running(firsts + extra + ["--db", site.dbPath])
                let onPostgres = try await CLI.running(firsts + extra + ["--db", url])
                #expect(onSQLite.status == 0 && onPostgres.status == 0, "\(extra): \(onSQLite.stderr)\(onPostgres.stderr)")
                #expect(Self.withoutTime(onPostgres.stdout) == Self.withoutTime(onSQLite.stdout), "\(extra): PostgreSQL \(onPostgres.stdout)\nSQLite     \(onSQLite.stdout)")
            }
            func replayed(_ arguments: [String]) async throws -> [String: Any] {
                let result = try await CLI.running(arguments + ["--db", url])
                return try #require(try JSONSerialization.jsonObject(with: Data(result.stdout.utf8)) as? [String: Any], "\(result.stderr)")
            }
            // The figures the SQLite test checks, so the comparison cannot pass on two empty replays.
            let whole = try await replayed(replay + ["--json"])
            #expect(whole["replayed"] as? Int == 26)
            #expect(whole["changed"] as? Int == 6)
            #expect(try await replayed(firsts + ["--article", "berita-ulang"])["changed"] as? Int == 0)
            #expect(try await replayed(firsts + ["--article", "berita-0"])["changed"] as? Int == 1)
        }
    }
}
