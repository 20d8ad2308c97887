import Foundation
import GRDB

/// Whether one migration has been applied to a database.
public struct MigrationState: Sendable, Equatable {
    public let version: Int
    public let name: String
    /// Nil when pending.
    public let appliedAt: Date?

    public init(version: Int, name: String, appliedAt: Date?) {
        self.version = version
        self.name = name
        self.appliedAt = appliedAt
    }
}

/// Applies `Migrations/` in order, each in its own transaction, and records each one with its
/// checksum in `saring_migrations`. Refuses to touch a database whose history disagrees with the
/// files (an edited or missing applied migration).
struct MigrationRunner {
    let migrations: [Migration]

    init(migrations: [Migration]) throws(MigrationError) {
        var seen = Set<Int>()
        for migration in migrations where !seen.insert(migration.version).inserted {
            throw .duplicateVersion(migration.version)
        }
        self.migrations = migrations.sorted { $0.version < $1.version }
    }

    /// Applies every pending migration and returns their names.
    func migrate(_ writer: any DatabaseWriter, now: Date) throws -> [String] {
        try writer.writeWithoutTransaction { db in
            try Self.createLedger(db)
            var applied: [String] = []
            // Foreign keys are off while a migration runs (SQLite's way to rebuild a table whose
            // constraints change) and checked before it commits; they are on again afterwards.
            try db.execute(sql: "PRAGMA foreign_keys = OFF")
            defer { try? db.execute(sql: "PRAGMA foreign_keys = ON") }
            for migration in migrations {
                // Re-read inside each immediate transaction so two processes migrating at once
                // never apply the same file twice.
                try db.inTransaction(.immediate) {
                    let ledger = try verifiedLedger(db)
                    guard ledger[migration.version] == nil else { return .commit }
                    do {
                        try db.execute(sql: migration.sql)
                    } catch {
                        throw MigrationError.failed(name: migration.name, message: "\(error)")
                    }
                    if let broken = try Row.fetchOne(db, sql: "PRAGMA foreign_key_check") {
                        let table: String = broken[0]
                        throw MigrationError.failed(
                            name: migration.name, message: "it leaves a row of \(table) whose foreign key points nowhere")
                    }
                    try db.execute(
                        sql: "INSERT INTO saring_migrations (version, name, checksum, applied_at) VALUES (?, ?, ?, ?)",
                        arguments: [migration.version, migration.name, migration.checksum, Timestamp.millis(now)])
                    applied.append(migration.name)
                    return .commit
                }
            }
            return applied
        }
    }

    /// Every known migration with its state; throws when the ledger disagrees with the files.
    func status(_ reader: any DatabaseReader) throws -> [MigrationState] {
        try reader.read { db in
            let ledger = try db.tableExists("saring_migrations") ? verifiedLedger(db) : [:]
            return migrations.map { migration in
                MigrationState(
                    version: migration.version, name: migration.name,
                    appliedAt: ledger[migration.version].map { Timestamp.date($0.appliedAt) })
            }
        }
    }

    private struct LedgerEntry {
        let name: String
        let checksum: String
        let appliedAt: Int64
    }

    private func verifiedLedger(_ db: Database) throws -> [Int: LedgerEntry] {
        var ledger: [Int: LedgerEntry] = [:]
        let rows = try Row.fetchAll(db, sql: "SELECT version, name, checksum, applied_at FROM saring_migrations")
        for row in rows {
            ledger[row["version"]] = LedgerEntry(name: row["name"], checksum: row["checksum"], appliedAt: row["applied_at"])
        }
        try Migration.verify(ledger: ledger.mapValues { (name: $0.name, checksum: $0.checksum) }, against: migrations)
        return ledger
    }

    private static func createLedger(_ db: Database) throws {
        try db.execute(
            sql: """
                CREATE TABLE IF NOT EXISTS saring_migrations (
                    version    INTEGER PRIMARY KEY,
                    name       TEXT    NOT NULL,
                    checksum   TEXT    NOT NULL,
                    applied_at INTEGER NOT NULL
                )
                """)
    }
}
