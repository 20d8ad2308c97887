import Foundation
import SaringCore
import Testing

@testable import SaringStore

@Suite("Migrations")
struct MigrationTests {
    static func temporaryDatabase() -> String {
        FileManager.default.temporaryDirectory.appendingPathComponent("saring-\(UUID().uuidString).sqlite").path
    }

    @Test func migratesEmptyDatabaseWithEveryShippedMigration() throws {
        let store = try SaringStore(path: Self.temporaryDatabase())
        let applied = try store.migrate()
        #expect(applied.first == "0001_initial.sql")
        #expect(applied == (try Migration.embedded().map(\.name)))
        #expect(try store.migrate().isEmpty)
        #expect(try store.migrationStatus().allSatisfy { $0.appliedAt != nil })
    }

    @Test func embedsEveryFileOfTheMigrationsFolder() throws {
        let folder = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
            .deletingLastPathComponent().deletingLastPathComponent().appendingPathComponent("Migrations")
        let files = try FileManager.default.contentsOfDirectory(atPath: folder.path).filter { $0.hasSuffix(".sql") }.sorted()
        let embedded = try Migration.embedded()
        #expect(embedded.map(\.name) == files)
        for migration in embedded {
            let text = try String(contentsOf: folder.appendingPathComponent(migration.name), encoding: .utf8)
            #expect(migration.sql == text)
        }
    }

    @Test func statusListsPendingBeforeMigrating() throws {
        let store = try SaringStore(path: Self.temporaryDatabase())
        let status = try store.migrationStatus()
        #expect(!status.isEmpty)
        #expect(status.allSatisfy { $0.appliedAt == nil })
    }

    @Test func refusesDatabaseWhoseAppliedMigrationWasEdited() throws {
        let path = Self.temporaryDatabase()
        let original = try Migration(fileName: "0001_first.sql", sql: "CREATE TABLE t (a INTEGER);")
        try SaringStore(path: path, migrations: [original]).migrate()
        let edited = try Migration(fileName: "0001_first.sql", sql: "CREATE TABLE t (a INTEGER, b TEXT);")
        let later = try Migration(fileName: "0002_second.sql", sql: "CREATE TABLE u (a INTEGER);")
        let store = try SaringStore(path: path, migrations: [edited, later])
        #expect {
            try store.migrate()
        } throws: { error in
            guard case MigrationError.edited(let name, _, _) = error else { return false }
            return name == "0001_first.sql" && "\(error)".contains("must never be edited")
        }
        // Status refuses too, and nothing after the refusal was applied.
        #expect(throws: MigrationError.self) { try store.migrationStatus() }
        #expect(try SaringStore(path: path, migrations: [original]).migrate().isEmpty)
    }

    @Test func refusesDatabaseWithMigrationThisBinaryDoesNotKnow() throws {
        let path = Self.temporaryDatabase()
        let first = try Migration(fileName: "0001_first.sql", sql: "CREATE TABLE t (a INTEGER);")
        let second = try Migration(fileName: "0002_second.sql", sql: "CREATE TABLE u (a INTEGER);")
        try SaringStore(path: path, migrations: [first, second]).migrate()
        #expect(throws: MigrationError.missing(name: "0002_second.sql")) {
            try SaringStore(path: path, migrations: [first]).migrate()
        }
    }

    @Test func rollsBackAFailingMigrationWhole() throws {
        let path = Self.temporaryDatabase()
        let good = try Migration(fileName: "0001_first.sql", sql: "CREATE TABLE t (a INTEGER);")
        let bad = try Migration(fileName: "0002_bad.sql", sql: "CREATE TABLE u (a INTEGER); INSERT INTO nowhere VALUES (1);")
        let store = try SaringStore(path: path, migrations: [good, bad])
        #expect {
            try store.migrate()
        } throws: { error in
            guard case MigrationError.failed(let name, _) = error else { return false }
            return name == "0002_bad.sql"
        }
        let status = try store.migrationStatus()
        #expect(status.map { $0.appliedAt != nil } == [true, false])
        // Table `u` from the failed file must not exist: re-running with a fixed file works.
        let fixed = try Migration(fileName: "0002_bad.sql", sql: "CREATE TABLE u (a INTEGER);")
        #expect(try SaringStore(path: path, migrations: [good, fixed]).migrate() == ["0002_bad.sql"])
    }

    @Test(arguments: ["1_x.sql", "0001.sql", "0001_x.txt", "abcd_x.sql", "0000_zero.sql"])
    func refusesBadlyNamedMigrationFiles(_ name: String) {
        #expect(throws: MigrationError.badFileName(name)) { try Migration(fileName: name, sql: "") }
    }
}
