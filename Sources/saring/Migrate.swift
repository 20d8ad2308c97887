import ArgumentParser
import Foundation
import SaringPostgres
import SaringStore

extension Saring {
    struct Migrate: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Apply pending schema migrations (built in from Migrations/), or list them.")

        @OptionGroup var database: DatabaseOptions

        @Flag(help: "List applied and pending migrations; change nothing.")
        var status = false

        func run() async throws {
            if case .postgresql(let address) = try database.location() {
                try await runOnPostgres(address)
                return
            }
            // Applying migrations creates a missing database; listing them does not: for a file
            // that is not there yet, the list is every migration, pending.
            let missing = status && !FileManager.default.fileExists(atPath: database.resolvedPath)
            if missing { print(TerminalText.neutralized("no database at \(database.resolvedPath) yet: every migration is pending")) }
            let store = missing ? try SaringStore(path: ":memory:") : try database.openStore(mode: .createIfMissing)
            do {
                if status {
                    for state in try store.migrationStatus() {
                        let when = state.appliedAt.map { "applied \(TimeText.utc($0))" } ?? "pending"
                        print("\(state.name)  \(when)")
                    }
                } else {
                    let applied = try store.migrate()
                    print(applied.isEmpty ? "up to date" : applied.map { "applied \($0)" }.joined(separator: "\n"))
                }
            } catch let error as MigrationError {
                throw CLIError("\(database.resolvedPath): \(error)")
            }
        }

        /// The same on a PostgreSQL database, with its own migrations (`Migrations/postgresql/`).
        private func runOnPostgres(_ address: PostgresAddress) async throws {
            try await PostgresStore(address: address).closing { store in try await run(on: store, at: address) }
        }

        private func run(on store: PostgresStore, at address: PostgresAddress) async throws {
            if let problem = await store.connectionProblem() {
                throw CLIError("cannot connect to PostgreSQL at \(address): \(problem)")
            }
            do {
                if status {
                    for state in try await store.migrationStatus() {
                        let when = state.appliedAt.map { "applied \(TimeText.utc($0))" } ?? "pending"
                        print("\(state.name)  \(when)")
                    }
                } else {
                    let applied = try await store.migrate()
                    print(applied.isEmpty ? "up to date" : applied.map { "applied \($0)" }.joined(separator: "\n"))
                }
            } catch let error as MigrationError {
                throw CLIError("\(address): \(error)")
            } catch {
                throw CLIError("\(address): \(PostgresStore.describe(error))")
            }
        }
    }
}
