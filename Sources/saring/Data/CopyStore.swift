import ArgumentParser
import Foundation
import SaringPostgres
import SaringStore

extension Saring {
    struct CopyStore: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "copy-store",
            abstract: "Copy every row from one database to another: a SQLite file to PostgreSQL, or back.",
            discussion: """
                Ids are kept. A SQLite destination must not exist yet (it is written as PATH.partial and renamed \
                once verified); a PostgreSQL destination must hold no data (its schema is brought up to date first, \
                and the copy is one transaction). Afterwards every table is counted and checksummed on both sides; \
                any difference and nothing is left behind. Stop the servers writing to the source first.
                """)

        @Option(help: ArgumentHelp("The source: a SQLite file or a postgresql:// URL.", valueName: "path-or-url"))
        var from: String

        @Option(help: ArgumentHelp("The destination: a new SQLite file or an empty PostgreSQL database.", valueName: "path-or-url"))
        var to: String

        func validate() throws {
            if from.isEmpty { throw ValidationError("--from must not be empty") }
            if to.isEmpty { throw ValidationError("--to must not be empty") }
            if from == to { throw ValidationError("--from and --to are the same database") }
        }

        static func end(_ text: String, _ flag: String) throws -> StoreCopy.End {
            do {
                switch try DatabaseLocation(text) {
                case .sqlite(let path): return .sqlite(path: path)
                case .postgresql(let address): return .postgresql(address)
                }
            } catch {
                throw CLIError("\(flag): \(error)")
            }
        }

        func run() async throws {
            let source = try Self.end(from, "--from")
            let destination = try Self.end(to, "--to")
            let started = Date()
            let tables: [StoreCopy.Table]
            do {
                tables = try await StoreCopy.copy(from: source, to: destination)
            } catch let problem as StoreCopy.Problem {
                throw CLIError("copy-store: \(problem)")
            } catch let error as MigrationError {
                throw CLIError("copy-store: \(error)")
            } catch {
                throw CLIError("copy-store: \(PostgresStore.describe(error))")
            }
            for table in tables {
                print("\(table.name.padding(toLength: 16, withPad: " ", startingAt: 0)) \(String(table.rows).leftPadded(9))  sha256 \(table.checksum.prefix(16))")
            }
            let rows = tables.reduce(0) { $0 + $1.rows }
            print("copied \(rows) rows in \(tables.count) tables in \(String(format: "%.1f", Date().timeIntervalSince(started))) s; counts and checksums agree on both sides")
        }
    }
}

extension String {
    fileprivate func leftPadded(_ width: Int) -> String {
        count >= width ? self : String(repeating: " ", count: width - count) + self
    }
}
