import Foundation
import GRDB
import SaringCore
import Synchronization

/// The one door to Saring's data. Everything else asks it by intent (submit, list a page, report,
/// …) and never writes SQL of its own, so another backend can stand behind the same methods.
///
/// One instance per process: it owns a WAL connection pool (or an in-memory queue for tests).
public final class SaringStore: Sendable {
    let writer: any DatabaseWriter
    let now: @Sendable () -> Date
    let migrations: [Migration]
    let submissions = GroupCommit<(CommentDraft, Verdict), Comment>()
    let events: StoreEvents
    /// A connection of its own for WAL checkpoints, when the committing path leaves them to it.
    let checkpointer: DatabaseQueue?
    /// Policy versions recorded by this process, by content hash: a new decision names its
    /// version's row without a query (see ``recordPolicyVersion(_:_:)``).
    let policyVersionIds = Mutex<[String: Int64]>([:])

    /// Whether opening may create the database file.
    public enum OpenMode: Sendable {
        /// Creates the file when it does not exist (the server, `migrate`, tests).
        case createIfMissing
        /// Refuses a missing file with ``StoreError/databaseMissing(path:)``: a mistyped path must
        /// not leave an empty database behind that shows an empty queue.
        case existingOnly
        /// An existing file, opened read-only: nothing, not a byte, is written, not even the WAL (a
        /// pool of WAL connections creates and drops a table when it opens, GRDB's way to make sure
        /// the WAL exists); migrations cannot run. For `saring purge --dry-run` and `policy replay`.
        case readOnly
    }

    /// Opens the database at `path` (creating it if `mode` allows); `":memory:"` gives a private
    /// in-memory one.
    ///
    /// - Parameters:
    ///   - migrations: the schema; defaults to the `Migrations/` built into the binary.
    ///   - now: the clock, injectable for tests.
    ///   - backgroundCheckpoints: the committing connection never checkpoints the WAL (a checkpoint
    ///     there stalls every writer waiting on it for tens of milliseconds); the caller runs
    ///     ``checkpoint()`` now and then instead (`saring serve` does, every 250 ms).
    ///   - mode: whether a missing file is created or refused.
    ///   - events: told of group commits (the server's metrics).
    ///   - busyTimeout: how long a statement waits for another connection's lock before
    ///     ``StoreError/busy`` (tests of the busy answer shorten it).
    /// - Throws: ``StoreError/cannotOpen(path:message:)``, ``StoreError/databaseMissing(path:)``.
    public init(
        path: String, migrations: [Migration]? = nil, now: @escaping @Sendable () -> Date = { Date() },
        backgroundCheckpoints: Bool = false, mode: OpenMode = .createIfMissing, events: StoreEvents = StoreEvents(),
        busyTimeout: TimeInterval = 10
    ) throws {
        self.events = events
        if mode != .createIfMissing, path != ":memory:", !FileManager.default.fileExists(atPath: path) {
            throw StoreError.databaseMissing(path: path)
        }
        var config = Configuration()
        config.foreignKeysEnabled = true
        config.readonly = mode == .readOnly
        // The server and moderators' CLI share the file: wait for each other rather than fail.
        config.busyMode = .timeout(busyTimeout)
        config.prepareDatabase { db in
            // NORMAL in WAL mode survives a killed process; only power loss can cost the last commits.
            try db.execute(sql: "PRAGMA synchronous = NORMAL")
            // Each comment of a group commit has its own savepoint, and SQLite copies every page a
            // savepoint first changes to a sub-journal: kept in a temporary file, that was ~5 pages
            // (2 write calls each) per comment, more than the WAL itself. In memory, a batch's
            // sub-journal is a few hundred KB at most and gone at commit.
            try db.execute(sql: "PRAGMA temp_store = MEMORY")
            // A safety net only: a WAL past ~40 MB is checkpointed by whoever commits.
            if backgroundCheckpoints { try db.execute(sql: "PRAGMA wal_autocheckpoint = 10000") }
        }
        do {
            if mode == .readOnly {
                // One connection that never writes: a pool would set the journal mode.
                writer = try DatabaseQueue(path: path, configuration: config)
                checkpointer = nil
            } else if path == ":memory:" {
                writer = try DatabaseQueue(configuration: config)
                checkpointer = nil
            } else {
                writer = try DatabasePool(path: path, configuration: config)
                var own = Configuration()
                own.busyMode = .timeout(1)
                checkpointer = backgroundCheckpoints ? try DatabaseQueue(path: path, configuration: own) : nil
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

    /// Copies what the WAL holds into the database file without waiting for writers or readers
    /// (a passive checkpoint), on a connection of its own; a no-op without background checkpoints.
    ///
    /// - Returns: the frames in the WAL and how many of them are now in the database file.
    @discardableResult
    public func checkpoint() async throws -> (walFrames: Int, checkpointed: Int) {
        guard let checkpointer else { return (0, 0) }
        let result = try await checkpointer.writeWithoutTransaction { db in try db.checkpoint(.passive) }
        return (result.walFrameCount, result.checkpointedFrameCount)
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
