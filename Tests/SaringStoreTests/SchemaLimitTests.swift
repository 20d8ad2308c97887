import Foundation
import GRDB
import SaringCore
import Testing

@testable import SaringStore

/// The length limits the app checks are the schema's CHECKs: a text the app accepts is never
/// refused by the database (a 500), and the app never refuses what the schema would take.
@Suite("Limits in the app and in the schema")
struct SchemaLimitTests {
    /// The `BETWEEN 1 AND N` bound of `column` in `table`'s CREATE statement.
    static func bound(_ store: SaringStore, table: String, column: String) async throws -> Int? {
        let sql = try await store.read { db in
            try String.fetchOne(db, sql: "SELECT sql FROM sqlite_master WHERE type = 'table' AND name = ?", arguments: [table])
        }
        guard let sql, let match = sql.firstMatch(of: try Regex("length\\(\(column)\\) BETWEEN 1 AND (\\d+)")) else { return nil }
        return Int(match.output[1].substring ?? "")
    }

    @Test func everyLimitTheAppChecksIsTheSchemasBound() async throws {
        let store = try SaringStore(path: MigrationTests.temporaryDatabase())
        try store.migrate()
        let limits = SubmissionLimits()
        #expect(try await Self.bound(store, table: "articles", column: "id") == ArticleID.maxLength)
        #expect(try await Self.bound(store, table: "authors", column: "name") == limits.maxNameCharacters)
        #expect(try await Self.bound(store, table: "comments", column: "author_name") == limits.maxNameCharacters)
        #expect(try await Self.bound(store, table: "reports", column: "reason") == limits.maxReasonCharacters)
        for table in ["claims", "author_actions", "batches"] {
            #expect(try await Self.bound(store, table: table, column: "moderator") == Configuration.maxModeratorNameCharacters, "\(table)")
        }
    }

    @Test func anEmptyVariableCountsAsUnsetAndABadPortIsNamed() throws {
        let configuration = Configuration(environment: ["SARING_DB": "", "SARING_POLICIES": "/srv/policies", "SARING_PORT": "80x"])
        #expect(configuration.databasePath(flag: nil) == Configuration.databasePath)
        #expect(configuration.databasePath(flag: "given.sqlite") == "given.sqlite")
        #expect(configuration.policiesPath(flag: nil) == "/srv/policies")
        #expect(throws: Configuration.Problem.self) { try configuration.port(flag: nil) }
        #expect(try configuration.port(flag: 9000) == 9000)
        #expect(Configuration(environment: ["USER": "rita"]).moderator(flag: nil) == "rita")
        #expect(Configuration(environment: ["USER": "rita", "SARING_MODERATOR": "sari"]).moderator(flag: " ana ") == "ana")
    }
}
