/// Why the schema could not be brought up to date. Each case names the migration file.
public enum MigrationError: Error, Equatable, CustomStringConvertible {
    case badFileName(String)
    case duplicateVersion(Int)
    /// An applied migration's file now has different SQL.
    case edited(name: String, applied: String, current: String)
    /// The database records a migration this binary does not have.
    case missing(name: String)
    case failed(name: String, message: String)

    public var description: String {
        switch self {
        case .badFileName(let name):
            "migration file '\(name)' is not named NNNN_description.sql"
        case .duplicateVersion(let version):
            "two migration files share the number \(version)"
        case .edited(let name, let applied, let current):
            "migration \(name) was changed after it was applied (checksum \(applied.prefix(12)) in the database, "
                + "\(current.prefix(12)) now); applied migrations must never be edited: restore the file and add a new one"
        case .missing(let name):
            "the database has migration \(name) applied, but this Saring does not know it "
                + "(was the database migrated by a newer version?)"
        case .failed(let name, let message):
            "migration \(name) failed and was rolled back: \(message)"
        }
    }
}
