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
        self.checksum = Digests.sha256Hex(sql)
    }

    /// Checks a database's ledger (applied version → name and checksum) against these files: every
    /// applied migration must be known and unchanged.
    ///
    /// - Throws: ``MigrationError/missing(name:)``, ``MigrationError/edited(name:applied:current:)``.
    public static func verify(ledger: [Int: (name: String, checksum: String)], against migrations: [Migration]) throws(MigrationError) {
        for (version, entry) in ledger.sorted(by: { $0.key < $1.key }) {
            guard let migration = migrations.first(where: { $0.version == version }) else {
                throw .missing(name: entry.name)
            }
            if migration.checksum != entry.checksum {
                throw .edited(name: migration.name, applied: entry.checksum, current: migration.checksum)
            }
        }
    }

    /// The migrations built into this binary from the top-level `Migrations/` folder.
    public static func embedded() throws(MigrationError) -> [Migration] {
        var result: [Migration] = []
        for (name, bytes) in shipped {
            result.append(try Migration(fileName: name, sql: String(decoding: bytes, as: UTF8.self)))
        }
        return result.sorted { $0.version < $1.version }
    }

    /// Every file of `Migrations/`, as SwiftPM embeds it (`0001_x.sql` becomes `_001_x_sql`).
    /// Adding a migration file means adding its line here; a test fails until every file is listed.
    static let shipped: [(String, [UInt8])] = [
        ("0001_initial.sql", PackageResources._001_initial_sql),
        ("0002_moderation.sql", PackageResources._002_moderation_sql),
        ("0003_queue_by_score_index.sql", PackageResources._003_queue_by_score_index_sql),
        ("0004_open_internet.sql", PackageResources._004_open_internet_sql),
        ("0005_verified_authors.sql", PackageResources._005_verified_authors_sql),
        ("0006_article_page_index.sql", PackageResources._006_article_page_index_sql),
        ("0007_moderation_batches.sql", PackageResources._007_moderation_batches_sql),
        ("0008_personal_data.sql", PackageResources._008_personal_data_sql),
        ("0009_policy_tuning.sql", PackageResources._009_policy_tuning_sql),
        ("0010_decisions_version_fixed.sql", PackageResources._010_decisions_version_fixed_sql),
    ]
}
