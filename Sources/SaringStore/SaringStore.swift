import Foundation
import GRDB
import SaringCore

/// The one door to Saring's data. Everything else asks it by intent (submit, list a page, report,
/// …) and never writes SQL of its own, so another backend can stand behind the same methods.
///
/// One instance per process: it owns a WAL connection pool (or an in-memory queue for tests).
public final class SaringStore: Sendable {
    let writer: any DatabaseWriter
    let now: @Sendable () -> Date
    let migrations: [Migration]
    let submissions = SubmissionQueue()

    /// Opens (creating if needed) the database at `path`; `":memory:"` gives a private in-memory one.
    ///
    /// - Parameters:
    ///   - migrations: the schema; defaults to the `Migrations/` built into the binary.
    ///   - now: the clock, injectable for tests.
    /// - Throws: ``StoreError/cannotOpen(path:message:)``.
    public init(
        path: String, migrations: [Migration]? = nil, now: @escaping @Sendable () -> Date = { Date() }
    ) throws {
        var config = Configuration()
        config.foreignKeysEnabled = true
        // The server and moderators' CLI share the file: wait for each other rather than fail.
        config.busyMode = .timeout(10)
        config.prepareDatabase { db in
            // NORMAL in WAL mode survives a killed process; only power loss can cost the last commits.
            try db.execute(sql: "PRAGMA synchronous = NORMAL")
        }
        do {
            if path == ":memory:" {
                writer = try DatabaseQueue(configuration: config)
            } else {
                writer = try DatabasePool(path: path, configuration: config)
            }
        } catch {
            throw StoreError.cannotOpen(path: path, message: "\(error)")
        }
        self.migrations = try migrations ?? Migration.embedded()
        self.now = now
    }

    /// Applies pending migrations; returns the names applied.
    @discardableResult
    public func migrate() throws -> [String] {
        try MigrationRunner(migrations: migrations).migrate(writer, now: now())
    }

    /// Every known migration, applied or pending.
    public func migrationStatus() throws -> [MigrationState] {
        try MigrationRunner(migrations: migrations).status(writer)
    }
}

extension SaringStore {
    /// Whether the database answers a trivial read (for health checks).
    public func isReachable() async -> Bool {
        (try? await read { db in try Int.fetchOne(db, sql: "SELECT count(*) FROM saring_migrations") }) != nil
    }
}

extension SaringStore {
    /// Runs a read, turning SQLite's busy/locked into ``StoreError/busy`` so callers can say "retry".
    func read<T: Sendable>(_ body: @Sendable (Database) throws -> T) async throws -> T {
        try await translatingBusy { try await writer.read(body) }
    }

    /// Runs one write transaction, turning SQLite's busy/locked into ``StoreError/busy``.
    func write<T: Sendable>(_ body: @Sendable (Database) throws -> T) async throws -> T {
        try await translatingBusy { try await writer.write(body) }
    }

    private func translatingBusy<T>(_ body: () async throws -> T) async throws -> T {
        do {
            return try await body()
        } catch let error as DatabaseError where error.resultCode == .SQLITE_BUSY || error.resultCode == .SQLITE_LOCKED {
            throw StoreError.busy
        }
    }
}
