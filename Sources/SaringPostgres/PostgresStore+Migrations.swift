import Foundation
import PostgresNIO
import SaringStore

extension PostgresStore {
    /// The PostgreSQL migrations built into this binary from `Migrations/postgresql/`.
    public static func embeddedMigrations() throws(MigrationError) -> [Migration] {
        var result: [Migration] = []
        for (name, bytes) in shipped {
            result.append(try Migration(fileName: name, sql: String(decoding: bytes, as: UTF8.self)))
        }
        return result.sorted { $0.version < $1.version }
    }

    /// Every file of `Migrations/postgresql/`, as SwiftPM embeds it; a test fails until each file is listed.
    static let shipped: [(String, [UInt8])] = [
        ("0001_initial.sql", PackageResources._001_initial_sql),
        ("0002_rate_buckets.sql", PackageResources._002_rate_buckets_sql),
        ("0003_page_versions.sql", PackageResources._003_page_versions_sql),
    ]

    /// Any fixed number: the advisory lock that serializes nodes migrating one database at once.
    static let migrationLock: Int64 = 0x5341_5249_4E47  // "SARING"

    /// Applies pending migrations, each in its own transaction with its ledger row, and returns
    /// their names. Nodes starting together take turns (an advisory lock); a database whose ledger
    /// disagrees with the files (an edited or unknown migration) is refused before anything runs.
    @discardableResult
    public func migrate(_ migrations: [Migration]? = nil) async throws -> [String] {
        let migrations = try migrations ?? Self.embeddedMigrations()
        try Self.checkVersions(migrations)
        let logger = logger
        let millis = Timestamp.millis(now())
        return try await client.withConnection { db in
            try await db.query("SELECT pg_advisory_lock(\(Self.migrationLock))", logger: logger)
            do {
                try await Self.createLedger(db, logger: logger)
                let ledger = try await Self.verifiedLedger(db, migrations, logger: logger)
                var applied: [String] = []
                for migration in migrations where ledger[migration.version] == nil {
                    try await db.query("BEGIN", logger: logger)
                    do {
                        // One statement at a time: the extended protocol takes no more.
                        for statement in SQLStatements.split(migration.sql) {
                            try await db.query(PostgresQuery(unsafeSQL: statement), logger: logger)
                        }
                        try await db.query(
                            """
                            INSERT INTO saring_migrations (version, name, checksum, applied_at)
                            VALUES (\(Int64(migration.version)), \(migration.name), \(migration.checksum), \(millis))
                            """, logger: logger)
                        try await db.query("COMMIT", logger: logger)
                    } catch {
                        _ = try? await db.query("ROLLBACK", logger: logger)
                        throw MigrationError.failed(name: migration.name, message: Self.describe(error))
                    }
                    applied.append(migration.name)
                }
                try await db.query("SELECT pg_advisory_unlock(\(Self.migrationLock))", logger: logger)
                return applied
            } catch {
                _ = try? await db.query("SELECT pg_advisory_unlock(\(Self.migrationLock))", logger: logger)
                throw error
            }
        }
    }

    /// Every known migration with its state; throws when the ledger disagrees with the files.
    public func migrationStatus(_ migrations: [Migration]? = nil) async throws -> [MigrationState] {
        let migrations = try migrations ?? Self.embeddedMigrations()
        try Self.checkVersions(migrations)
        let logger = logger
        return try await client.withConnection { db in
            let exists = try await Self.first(
                db.query("SELECT to_regclass('saring_migrations') IS NOT NULL", logger: logger), as: Bool.self) ?? false
            let ledger = exists ? try await Self.verifiedLedger(db, migrations, logger: logger) : [:]
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

    private static func checkVersions(_ migrations: [Migration]) throws(MigrationError) {
        var seen = Set<Int>()
        for migration in migrations where !seen.insert(migration.version).inserted {
            throw .duplicateVersion(migration.version)
        }
    }

    private static func createLedger(_ db: PostgresConnection, logger: Logger) async throws {
        try await db.query(
            """
            CREATE TABLE IF NOT EXISTS saring_migrations (
                version    INTEGER PRIMARY KEY,
                name       TEXT    NOT NULL,
                checksum   TEXT    NOT NULL,
                applied_at BIGINT  NOT NULL
            )
            """, logger: logger)
    }

    private static func verifiedLedger(_ db: PostgresConnection, _ migrations: [Migration], logger: Logger) async throws
        -> [Int: LedgerEntry]
    {
        var ledger: [Int: LedgerEntry] = [:]
        let rows = try await db.query("SELECT version, name, checksum, applied_at FROM saring_migrations", logger: logger)
        for try await (version, name, checksum, appliedAt) in rows.decode((Int32, String, String, Int64).self) {
            ledger[Int(version)] = LedgerEntry(name: name, checksum: checksum, appliedAt: appliedAt)
        }
        try Migration.verify(ledger: ledger.mapValues { (name: $0.name, checksum: $0.checksum) }, against: migrations)
        return ledger
    }

    /// An error in words for an operator: the server's own message for a failed statement
    /// (PostgresNIO's description hides it), or what PostgresNIO says.
    public static func describe(_ error: any Error) -> String {
        if let error = error as? PSQLError {
            if let server = error.serverInfo, let text = server[.message] { return text }
            if let underlying = error.underlying { return String(describing: underlying) }
            return String(describing: error.code)
        }
        return String(describing: error)
    }
}
