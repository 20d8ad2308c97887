import Foundation
import GRDB

extension SaringStore {
    /// Copies the database into a new file at `path` with SQLite's online backup, from one read
    /// snapshot (WAL: writers carry on meanwhile), then checks the copy with `PRAGMA
    /// integrity_check`.
    ///
    /// - Returns: the integrity check's answer (`["ok"]` for a sound copy).
    /// - Throws: database errors (the file at `path` is then incomplete: the caller removes it).
    public func backup(to path: String) throws -> [String] {
        let destination = try DatabaseQueue(path: path)
        try writer.backup(to: destination)
        let check = try destination.read { db in try String.fetchAll(db, sql: "PRAGMA integrity_check") }
        try destination.close()
        return check
    }
}
