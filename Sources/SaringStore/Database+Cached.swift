import GRDB

extension Database {
    /// Executes a statement kept prepared between calls: on the submit path, parsing SQL cost more
    /// than running it.
    func run(_ sql: String, _ arguments: StatementArguments = []) throws {
        try cachedStatement(sql: sql).execute(arguments: arguments)
    }

    /// The first row of a statement kept prepared between calls.
    func firstRow(_ sql: String, _ arguments: StatementArguments = []) throws -> Row? {
        try Row.fetchOne(cachedStatement(sql: sql), arguments: arguments)
    }
}
