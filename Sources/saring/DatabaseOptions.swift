import ArgumentParser
import Foundation
import SaringCore
import SaringPostgres
import SaringStore

/// `--db`, shared by every command that opens the database.
struct DatabaseOptions: ParsableArguments {
    @Option(
        name: .customLong("db"),
        help: "SQLite database file, or a postgresql://USER@HOST:PORT/DATABASE URL for every command but `backup` (env SARING_DB; default ./saring.sqlite).")
    var path: String?

    var resolvedPath: String {
        Configuration().databasePath(flag: path)
    }

    func validate() throws {
        if let path, path.isEmpty { throw ValidationError("--db must not be empty") }
    }

    /// The database as messages name it: the file, or the PostgreSQL address without its password.
    var shownName: String {
        if case .postgresql(let address) = try? location() { return "\(address)" }
        return resolvedPath
    }

    /// Where `--db` points: a file, or a PostgreSQL URL (refused with what is wrong in it).
    func location() throws -> DatabaseLocation {
        do {
            return try DatabaseLocation(resolvedPath)
        } catch {
            throw CLIError("--db: \(error)")
        }
    }

    /// Runs `body` on the store a moderation command works on: the SQLite file, or the PostgreSQL
    /// database of a URL (reached and migrated first, closed afterwards). A database that cannot
    /// be reached is named with the server's reason.
    func withSiteStore<T>(_ body: (any SiteStore) async throws -> T) async throws -> T {
        guard case .postgresql(let address) = try location() else {
            let store = try openStore()
            try store.migrate()
            return try await body(store)
        }
        let store = PostgresStore(address: address)
        if let problem = await store.connectionProblem() {
            await store.close()
            throw CLIError("cannot connect to PostgreSQL at \(address): \(problem)")
        }
        do {
            return try await store.migrated { try await body($0) }
        } catch {
            throw Self.explained(error, at: address)
        }
    }

    /// What the commands already say well passes as it is; the rest is named with the database.
    private static func explained(_ error: any Error, at address: PostgresAddress) -> any Error {
        switch error {
        case is StoreError, is CLIError, is ExitCode, is BulkSelectionError, is ImportError: error
        case let error as MigrationError: CLIError("\(address): \(error)")
        default: CLIError("\(address): \(PostgresStore.describe(error))")
        }
    }

    /// Opens the store, turning failures into one message that names the file.
    ///
    /// Only `serve` and `migrate` create a missing database (`mode: .createIfMissing`); every other
    /// command refuses, so a mistyped `--db` is an error instead of an empty queue.
    /// - Parameters:
    ///   - backgroundCheckpoints: for `serve`, which checkpoints the WAL off the commit path.
    ///   - mode: whether a missing file is created.
    ///   - events: told of group commits (the server's metrics).
    func openStore(
        backgroundCheckpoints: Bool = false, mode: SaringStore.OpenMode = .existingOnly, events: StoreEvents = StoreEvents()
    ) throws -> SaringStore {
        if case .postgresql(let address) = try location() {
            // Not a file name: opening it as one would leave a file called "postgresql:" behind.
            throw CLIError(
                "\(address): this command runs on SQLite only; every other command takes a URL")
        }
        do {
            return try SaringStore(path: resolvedPath, backgroundCheckpoints: backgroundCheckpoints, mode: mode, events: events)
        } catch StoreError.databaseMissing(let path) {
            throw CLIError(
                "no database at \(path): check --db (or SARING_DB); `saring migrate --db \(path)` creates a new one")
        } catch let error as StoreError {
            // Already "cannot open database PATH: why"; wrapping it again said the path twice.
            throw CLIError(error.description)
        } catch {
            throw CLIError("cannot open database \(resolvedPath): \(error)")
        }
    }
}

/// A failure to report to the user as one line on stderr with exit code 1.
struct CLIError: Error, CustomStringConvertible {
    let description: String
    init(_ description: String) { self.description = description }
}
