import ArgumentParser
import Foundation
import SaringCore
import SaringStore

/// `--db`, shared by every command that opens the database.
struct DatabaseOptions: ParsableArguments {
    @Option(name: .customLong("db"), help: "SQLite database file (env SARING_DB; default ./saring.sqlite).")
    var path: String?

    var resolvedPath: String {
        Configuration().databasePath(flag: path)
    }

    func validate() throws {
        if let path, path.isEmpty { throw ValidationError("--db must not be empty") }
    }

    /// Opens the store, turning failures into a message that names the file.
    /// - Parameter backgroundCheckpoints: for `serve`, which checkpoints the WAL off the commit path.
    func openStore(backgroundCheckpoints: Bool = false) throws -> SaringStore {
        do {
            return try SaringStore(path: resolvedPath, backgroundCheckpoints: backgroundCheckpoints)
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
