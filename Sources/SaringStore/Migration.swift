import SaringCore

/// One schema change: a `Migrations/NNNN_name.sql` file, identified by its number.
public struct Migration: Sendable, Equatable {
    public let version: Int
    public let name: String
    public let sql: String
    /// SHA-256 of the SQL text; an applied migration whose file changed is refused.
    public let checksum: String

    /// - Throws: ``MigrationError/badFileName(_:)`` unless the name is `NNNN_words.sql`.
    public init(fileName: String, sql: String) throws(MigrationError) {
        let stem = fileName.hasSuffix(".sql") ? String(fileName.dropLast(4)) : fileName
        let parts = stem.split(separator: "_", maxSplits: 1)
        guard fileName.hasSuffix(".sql"), parts.count == 2, parts[0].count == 4,
            let version = Int(parts[0]), version > 0, !parts[1].isEmpty
        else { throw .badFileName(fileName) }
        self.version = version
        self.name = fileName
        self.sql = sql
        self.checksum = SHA256.hex(sql)
    }

    /// The migrations built into this binary from the top-level `Migrations/` folder.
    public static func embedded() throws(MigrationError) -> [Migration] {
        var result: [Migration] = []
        for file in EmbeddedMigrations.files {
            result.append(try Migration(fileName: file.name, sql: file.sql))
        }
        return result.sorted { $0.version < $1.version }
    }
}
