import ArgumentParser
import Foundation
import SaringStore

extension Saring {
    struct Migrate: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Apply pending schema migrations (built in from Migrations/), or list them.")

        @OptionGroup var database: DatabaseOptions

        @Flag(help: "List applied and pending migrations; change nothing.")
        var status = false

        func run() throws {
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
    }
}
