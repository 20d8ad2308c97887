// `saring policy stats` and `policy suggest` on PostgreSQL read what they read on SQLite: the
// seeded tuning site moved over with copy-store gives the very same output.
import Foundation
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
}
