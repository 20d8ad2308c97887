import ArgumentParser
import Foundation
import SaringStore

extension Saring {
    struct Backup: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Copy the database with SQLite's online backup, safe while `saring serve` writes.",
            discussion: """
                The copy is written next to PATH under a temporary name, checked with PRAGMA integrity_check, \
                and only then renamed to PATH. The address-hash key (<database>.key) is copied to PATH.key \
                when there is one: bans on addresses hold only under the same key.
                """)

        @OptionGroup var database: DatabaseOptions

        @Argument(help: "Where to write the copy (a new file).")
        var path: String

        @Flag(help: "Replace PATH (and PATH.key) when they exist.")
        var force = false

        func validate() throws {
            if path.isEmpty { throw ValidationError("PATH must not be empty") }
        }

        func run() throws {
            if case .postgresql(let address) = try database.location() {
                // Nothing is written: a file named after the URL would look like a backup.
                throw CLIError(
                    "\(address): saring backup copies a SQLite database; back up PostgreSQL with pg_dump (saring export writes the comments and their histories as JSON Lines on either)")
            }
            let manager = FileManager.default
            let target = URL(fileURLWithPath: path)
            var isFolder: ObjCBool = false
            if manager.fileExists(atPath: path, isDirectory: &isFolder) {
                if isFolder.boolValue { throw CLIError("\(path) is a folder: give the path of the backup file") }
                if !force { throw CLIError("\(path) exists already: choose another path, or --force to replace it") }
            }
            let folder = target.deletingLastPathComponent().path
            guard manager.fileExists(atPath: folder, isDirectory: &isFolder), isFolder.boolValue else {
                throw CLIError("cannot write \(path): there is no folder \(folder)")
            }
            let source = database.resolvedPath
            if URL(fileURLWithPath: source).standardizedFileURL == target.standardizedFileURL {
                throw CLIError("\(path) is the database itself")
            }
            // A WAL or shared-memory file left beside PATH by another database would be read into the copy.
            for suffix in ["-wal", "-shm", "-journal"] where manager.fileExists(atPath: path + suffix) {
                guard force else {
                    throw CLIError("\(path + suffix) exists (left by another database at \(path)): remove it, or --force to replace it")
                }
            }
            let keyFile = source + ".key"
            let keyTarget = path + ".key"
            if manager.fileExists(atPath: keyFile), manager.fileExists(atPath: keyTarget), !force {
                throw CLIError("\(keyTarget) exists already: choose another path, or --force to replace it")
            }
            // Not migrated first: a backup taken before upgrading must hold the database as it was.
            let store = try database.openStore()
            let partial = path + ".partial-\(getpid())"
            defer { for suffix in ["", "-wal", "-shm", "-journal"] { try? manager.removeItem(atPath: partial + suffix) } }
            let check: [String]
            do {
                check = try store.backup(to: partial)
            } catch {
                throw CLIError("backup of \(source) to \(path) failed: \(error)")
            }
            guard check == ["ok"] else {
                throw CLIError("the copy of \(source) fails PRAGMA integrity_check: \(check.prefix(5).joined(separator: "; "))")
            }
            for suffix in ["-wal", "-shm", "-journal"] { try? manager.removeItem(atPath: path + suffix) }
            if rename(partial, path) != 0 {
                throw CLIError("cannot write \(path): \(String(cString: strerror(errno)))")
            }
            var copiedKey = false
            if manager.fileExists(atPath: keyFile) {
                try? manager.removeItem(atPath: keyTarget)
                do {
                    try manager.copyItem(atPath: keyFile, toPath: keyTarget)
                    try manager.setAttributes([.posixPermissions: 0o600], ofItemAtPath: keyTarget)
                    copiedKey = true
                } catch {
                    throw CLIError("the database is copied to \(path), but not its address key to \(keyTarget): \(error)")
                }
            }
            let size = ((try? manager.attributesOfItem(atPath: path)[.size]) as? NSNumber)?.intValue ?? 0
            print(
                TerminalText.neutralized(
                    "backed up \(source) to \(path) (\(size) bytes, integrity ok)" + (copiedKey ? "; address key to \(keyTarget)" : "")))
        }
    }
}
