import Crypto
import Foundation
import GRDB
import PostgresNIO
import SaringCore
import SaringStore

/// `saring copy-store`: every row of every table from one database to another, SQLite or
/// PostgreSQL either way, ids kept, in one transaction on the destination, then verified: the
/// same count and the same checksum of every table on both sides (rows in key order, each value
/// written one canonical way whatever the backend stored it as).
public enum StoreCopy {
    /// One end of a copy.
    public enum End: Sendable {
        case sqlite(path: String)
        case postgresql(PostgresAddress)
    }

    /// What was copied: per table, the rows and their checksum (the same on both sides).
    public struct Table: Sendable, Equatable {
        public let name: String
        public let rows: Int
        public let checksum: String
    }

    public struct Problem: Error, CustomStringConvertible {
        public let description: String
    }

    enum Kind { case int, bool, real, text, json }

    struct Spec {
        let name: String
        let columns: [(String, Kind)]
        /// The columns that order the rows (the primary key).
        let key: [String]
        /// The table's id comes from a sequence (PostgreSQL's identity), set past the copied ids.
        let identity: Bool
    }

    /// Every table of the schema, parents before children.
    static let tables: [Spec] = [
        Spec(
            name: "articles",
            columns: [
                ("id", .text), ("title", .text), ("url", .text), ("section", .text), ("is_open", .bool), ("premoderated", .bool),
                ("created_at", .int), ("updated_at", .int), ("brake_until", .int),
            ], key: ["id"], identity: false),
        Spec(
            name: "authors",
            columns: [
                ("id", .int), ("identity", .text), ("name", .text), ("email", .text), ("standing", .text), ("created_at", .int),
                ("updated_at", .int),
            ], key: ["id"], identity: true),
        Spec(
            name: "policy_versions",
            columns: [
                ("id", .int), ("version", .text), ("files", .json), ("rules", .json), ("loaded_at", .int), ("first_used_at", .int),
                ("last_used_at", .int),
            ], key: ["id"], identity: true),
        Spec(
            name: "batches",
            columns: [
                ("id", .int), ("kind", .text), ("moderator", .text), ("description", .text), ("author_id", .int),
                ("previous_standing", .text), ("created_at", .int), ("undone_at", .int), ("undone_by", .text),
            ], key: ["id"], identity: true),
        Spec(
            name: "comments",
            columns: [
                ("id", .int), ("article_id", .text), ("parent_id", .int), ("author_id", .int), ("author_name", .text), ("body", .text),
                ("published_body", .text), ("status", .text), ("flagged", .bool), ("score", .real), ("created_at", .int),
                ("updated_at", .int), ("client_hash", .text), ("campaign_id", .int), ("text_erased_at", .int),
            ], key: ["id"], identity: true),
        Spec(
            name: "decisions",
            columns: [
                ("id", .int), ("comment_id", .int), ("actor_kind", .text), ("decided_by", .text), ("action", .text), ("status", .text),
                ("reasons", .json), ("created_at", .int), ("batch_id", .int), ("undoes", .int), ("policy_version_id", .int),
            ], key: ["id"], identity: true),
        Spec(
            name: "rule_hits",
            columns: [
                ("id", .int), ("comment_id", .int), ("decision_id", .int), ("rule_id", .text), ("category", .text), ("action", .text),
                ("score", .real), ("field", .text), ("span_start", .int), ("span_end", .int), ("shadow", .bool), ("description", .text),
            ], key: ["id"], identity: true),
        Spec(
            name: "reports",
            columns: [
                ("id", .int), ("comment_id", .int), ("reason", .text), ("created_at", .int), ("resolved_at", .int), ("client_hash", .text),
                ("resolved_by", .int),
            ], key: ["id"], identity: true),
        Spec(
            name: "claims",
            columns: [("comment_id", .int), ("moderator", .text), ("claimed_at", .int), ("expires_at", .int)],
            key: ["comment_id"], identity: false),
        Spec(
            name: "author_actions",
            columns: [
                ("id", .int), ("author_id", .int), ("moderator", .text), ("action", .text), ("reason", .text), ("created_at", .int),
            ], key: ["id"], identity: true),
        Spec(
            name: "banned_clients",
            columns: [("client_hash", .text), ("author_id", .int), ("created_at", .int), ("expires_at", .int)],
            key: ["client_hash", "author_id"], identity: false),
        Spec(
            name: "erasures",
            columns: [
                ("id", .int), ("kind", .text), ("author_id", .int), ("comments", .int), ("requested_by", .text), ("created_at", .int),
            ], key: ["id"], identity: true),
        Spec(
            name: "rule_timings",
            columns: [
                ("day", .int), ("rule_id", .text), ("version_id", .int), ("runs", .int), ("matches", .int), ("nanos", .int),
            ], key: ["day", "rule_id", "version_id"], identity: false),
    ]

    /// A value as read from either backend.
    enum Value: Sendable, Equatable {
        case null
        case int(Int64)
        case real(Double)
        case text(String)
    }

    /// Copies `from` into `to` and returns the tables with their counts and checksums. A SQLite
    /// destination must not exist yet: it is written as `PATH.partial` and renamed into place once
    /// verified. A PostgreSQL destination must hold no data; its schema is brought up to date
    /// first and the copy is one transaction. The source must be at the newest schema.
    ///
    /// - Throws: ``Problem`` when the destination holds data, the source is not migrated, or the
    ///   two sides disagree after the copy (nothing is then left behind).
    public static func copy(from source: End, to destination: End, progress: (String, Int) -> Void = { _, _ in }) async throws -> [Table] {
        if case .sqlite(let path) = destination, FileManager.default.fileExists(atPath: path) {
            throw Problem(description: "\(path) exists: copy-store writes a new SQLite file, it does not overwrite one")
        }
        let from = try await Side.open(source, creating: false)
        let to: Side
        do {
            to = try await Side.open(destination, creating: true)
        } catch {
            await from.close()
            throw error
        }
        do {
            let tables = try await copy(from, to, progress: progress)
            await from.close()
            try await to.finish(destination)
            return tables
        } catch {
            await from.close()
            await to.discard(destination)
            throw error
        }
    }

    private static func copy(_ from: Side, _ to: Side, progress: (String, Int) -> Void) async throws -> [Table] {
        guard try await from.isMigrated() else {
            throw Problem(description: "the source is not at the newest schema: run `saring migrate --db …` on it first")
        }
        for spec in tables where try await to.count(spec) > 0 {
            throw Problem(description: "the destination is not empty (\(spec.name) has rows): copy into a new database")
        }
        var result: [Table] = []
        try await to.transaction { writer in
            for spec in tables {
                var digest = TableDigest()
                var after: [Value]? = nil
                var rows = 0
                while true {
                    let chunk = try await from.rows(spec, after: after, limit: 1_000)
                    if chunk.isEmpty { break }
                    for row in chunk { digest.add(row, spec) }
                    try await writer.insert(spec, chunk)
                    rows += chunk.count
                    progress(spec.name, rows)
                    after = keyValues(spec, chunk.last!)
                }
                try await writer.finish(spec)
                // Read back inside the same transaction: a disagreement rolls the whole copy back.
                let copied = try await writer.checksum(spec)
                let expected = Table(name: spec.name, rows: rows, checksum: digest.hex)
                guard copied == expected else {
                    throw Problem(
                        description: "\(spec.name): \(rows) rows read, \(copied.rows) written; checksums \(expected.checksum.prefix(12)) and \(copied.checksum.prefix(12)) differ — nothing was copied")
                }
                result.append(expected)
            }
        }
        return result
    }

    /// Where a SQLite destination is written until it is verified.
    static func partialPath(_ path: String) -> String { path + ".partial" }

    static func keyValues(_ spec: Spec, _ row: [Value]) -> [Value] {
        spec.key.map { name in row[spec.columns.firstIndex { $0.0 == name }!] }
    }

    /// SHA-256 of a table's rows in key order, each value written one way: `N` for null, integers
    /// and booleans in decimal, reals in Swift's shortest round-trip form, text with its length,
    /// JSON re-encoded with sorted keys and no spaces (PostgreSQL's jsonb reformats what SQLite
    /// keeps as written).
    struct TableDigest {
        var hasher = SHA256()

        mutating func add(_ row: [Value], _ spec: Spec) {
            var line = ""
            for (value, (_, kind)) in zip(row, spec.columns) {
                switch value {
                case .null: line += "N|"
                case .int(let n): line += "i\(n)|"
                case .real(let d): line += "r\(d)|"
                case .text(let text):
                    let canonical = kind == .json ? Self.canonicalJSON(text) : text
                    line += "t\(canonical.utf8.count):\(canonical)|"
                }
            }
            line += "\n"
            hasher.update(data: Data(line.utf8))
        }

        var hex: String { hasher.finalize().map { String(format: "%02x", $0) }.joined() }

        static func canonicalJSON(_ text: String) -> String {
            guard let object = try? JSONSerialization.jsonObject(with: Data(text.utf8), options: [.fragmentsAllowed]),
                let data = try? JSONSerialization.data(withJSONObject: object, options: [.sortedKeys, .fragmentsAllowed, .withoutEscapingSlashes])
            else { return text }
            return String(decoding: data, as: UTF8.self)
        }
    }
}

extension StoreCopy {
    /// One side of the copy, whatever its backend.
    enum Side {
        case sqlite(DatabaseQueue)
        case postgres(PostgresStore)

        static func open(_ end: End, creating: Bool) async throws -> Side {
            switch end {
            case .sqlite(let path):
                if !creating, !FileManager.default.fileExists(atPath: path) {
                    throw Problem(description: "no database at \(path)")
                }
                var target = path
                if creating {
                    // Created and brought up to date by the store itself, as `saring migrate` does.
                    target = partialPath(path)
                    for suffix in ["", "-wal", "-shm"] { try? FileManager.default.removeItem(atPath: target + suffix) }
                    let store = try SaringStore(path: target, mode: .createIfMissing)
                    try store.migrate()
                }
                var configuration = Configuration()
                configuration.foreignKeysEnabled = true
                configuration.readonly = !creating
                return .sqlite(try DatabaseQueue(path: target, configuration: configuration))
            case .postgresql(let address):
                let store = PostgresStore(address: address)
                if let problem = await store.connectionProblem() {
                    await store.close()
                    throw Problem(description: "cannot connect to PostgreSQL at \(address): \(problem)")
                }
                if creating { try await store.migrate() }
                return .postgres(store)
            }
        }

        func close() async {
            switch self {
            case .sqlite(let queue): try? queue.close()
            case .postgres(let store): await store.close()
            }
        }

        /// A verified destination: a SQLite file takes its final name.
        func finish(_ end: End) async throws {
            await close()
            guard case .sqlite(let path) = end else { return }
            let partial = StoreCopy.partialPath(path)
            for suffix in ["-wal", "-shm"] { try? FileManager.default.removeItem(atPath: partial + suffix) }
            try FileManager.default.moveItem(atPath: partial, toPath: path)
        }

        /// A failed destination: a SQLite file is removed (a PostgreSQL one was rolled back).
        func discard(_ end: End) async {
            await close()
            guard case .sqlite(let path) = end else { return }
            for suffix in ["", "-wal", "-shm"] { try? FileManager.default.removeItem(atPath: StoreCopy.partialPath(path) + suffix) }
        }

        func isMigrated() async throws -> Bool {
            switch self {
            case .sqlite(let queue):
                let applied = try await queue.read { db in
                    try db.tableExists("saring_migrations") ? try Int.fetchOne(db, sql: "SELECT count(*) FROM saring_migrations") ?? 0 : 0
                }
                return applied == (try Migration.embedded()).count
            case .postgres(let store):
                return try await store.migrationStatus().allSatisfy { $0.appliedAt != nil }
            }
        }

        func count(_ spec: Spec) async throws -> Int {
            switch self {
            case .sqlite(let queue):
                return try await queue.read { db in try Int.fetchOne(db, sql: "SELECT count(*) FROM \(spec.name)") ?? 0 }
            case .postgres(let store):
                return Int(try await store.scalar(PostgresQuery(unsafeSQL: "SELECT count(*)::BIGINT FROM \(spec.name)"), as: Int64.self) ?? 0)
            }
        }

        /// Up to `limit` rows after the key `after` (nil: from the start), in key order.
        func rows(_ spec: Spec, after: [Value]?, limit: Int) async throws -> [[Value]] {
            let order = spec.key.joined(separator: ", ")
            let tuple = spec.key.count == 1 ? spec.key[0] : "(\(order))"
            switch self {
            case .sqlite(let queue):
                let columns = spec.columns.map(\.0).joined(separator: ", ")
                let placeholders = spec.key.count == 1 ? "?" : "(" + spec.key.map { _ in "?" }.joined(separator: ", ") + ")"
                let filter = after == nil ? "" : "WHERE \(tuple) > \(placeholders)"
                let sql = "SELECT \(columns) FROM \(spec.name) \(filter) ORDER BY \(order) LIMIT \(limit)"
                let arguments = StatementArguments((after ?? []).map(Self.databaseValue))
                return try await queue.read { db in
                    try Row.fetchAll(db, sql: sql, arguments: arguments).map { row in
                        spec.columns.indices.map { index in Self.value(row[index] as DatabaseValue) }
                    }
                }
            case .postgres(let store):
                return try await store.client.withConnection { connection in
                    try await Writer.postgresRows(connection, store.logger, spec, after: after, limit: limit)
                }
            }
        }

        /// Runs `body` in one transaction of this side (the destination).
        func transaction(_ body: (Writer) async throws -> Void) async throws {
            switch self {
            case .sqlite(let queue):
                // A new file that takes its name only once verified: chunks may commit one by one.
                try await body(.sqlite(queue))
            case .postgres(let store):
                try await store.client.withConnection { connection in
                    try await connection.query("BEGIN", logger: store.logger)
                    do {
                        // Not a change any node serves: pages' versions are noted by other writes.
                        try await connection.query("SELECT set_config('saring.copying', 'on', true)", logger: store.logger)
                        try await body(.postgres(connection, store.logger))
                        try await connection.query("COMMIT", logger: store.logger)
                    } catch {
                        _ = try? await connection.query("ROLLBACK", logger: store.logger)
                        throw error
                    }
                }
            }
        }

        static func value(_ value: DatabaseValue) -> Value {
            switch value.storage {
            case .null: .null
            case .int64(let n): .int(n)
            case .double(let d): .real(d)
            case .string(let s): .text(s)
            case .blob(let data): .text(String(decoding: data, as: UTF8.self))
            }
        }

        static func databaseValue(_ value: Value) -> DatabaseValue {
            switch value {
            case .null: .null
            case .int(let n): n.databaseValue
            case .real(let d): d.databaseValue
            case .text(let s): s.databaseValue
            }
        }

        static func bind(_ value: Value, into binds: inout PostgresBindings) {
            switch value {
            case .null: binds.appendNull()
            case .int(let n): binds.append(n)
            case .real(let d): binds.append(d)
            case .text(let s): binds.append(s)
            }
        }
    }

    /// The destination's side of the transaction.
    enum Writer {
        case sqlite(DatabaseQueue)
        case postgres(PostgresConnection, Logger)

        func insert(_ spec: Spec, _ rows: [[Value]]) async throws {
            let names = spec.columns.map(\.0).joined(separator: ", ")
            switch self {
            case .sqlite(let queue):
                let placeholders = "(" + spec.columns.map { _ in "?" }.joined(separator: ", ") + ")"
                let sql = "INSERT INTO \(spec.name) (\(names)) VALUES \(placeholders)"
                try await queue.write { db in
                    let statement = try db.makeStatement(sql: sql)
                    for row in rows {
                        try statement.execute(arguments: StatementArguments(row.map(Side.databaseValue)))
                    }
                }
            case .postgres(let connection, let logger):
                // Many rows a statement (PostgreSQL takes up to 65,535 parameters in one).
                let perStatement = max(1, 30_000 / spec.columns.count)
                var start = 0
                while start < rows.count {
                    let part = rows[start..<min(start + perStatement, rows.count)]
                    var binds = PostgresBindings()
                    var tuples: [String] = []
                    var n = 0
                    for row in part {
                        var cells: [String] = []
                        for (value, (_, kind)) in zip(row, spec.columns) {
                            n += 1
                            switch (kind, value) {
                            case (.bool, .int(let flag)):
                                binds.append(flag != 0)
                                cells.append("$\(n)")
                            case (.json, _):
                                Side.bind(value, into: &binds)
                                cells.append("$\(n)::jsonb")
                            case (.real, .int(let whole)):
                                // SQLite keeps a REAL that is whole as an integer.
                                binds.append(Double(whole))
                                cells.append("$\(n)")
                            default:
                                Side.bind(value, into: &binds)
                                cells.append("$\(n)")
                            }
                        }
                        tuples.append("(" + cells.joined(separator: ", ") + ")")
                    }
                    let sql = "INSERT INTO \(spec.name) (\(names)) VALUES " + tuples.joined(separator: ", ")
                    try await connection.query(PostgresQuery(unsafeSQL: sql, binds: binds), logger: logger)
                    start += part.count
                }
            }
        }

        /// After a table's rows: PostgreSQL's identity sequence continues past the copied ids.
        func finish(_ spec: Spec) async throws {
            guard spec.identity, case .postgres(let connection, let logger) = self else { return }
            try await connection.query(
                PostgresQuery(
                    unsafeSQL: """
                        SELECT setval(pg_get_serial_sequence('\(spec.name)', 'id'),
                                      coalesce((SELECT max(id) FROM \(spec.name)), 0) + 1, false)
                        """), logger: logger)
        }

        /// The table as written, read back in key order: its row count and checksum.
        func checksum(_ spec: Spec) async throws -> Table {
            var digest = TableDigest()
            var rows = 0
            var after: [Value]? = nil
            while true {
                let chunk: [[Value]]
                switch self {
                case .sqlite(let queue): chunk = try await Side.sqlite(queue).rows(spec, after: after, limit: 2_000)
                case .postgres(let connection, let logger):
                    chunk = try await Self.postgresRows(connection, logger, spec, after: after, limit: 2_000)
                }
                if chunk.isEmpty { break }
                for row in chunk { digest.add(row, spec) }
                rows += chunk.count
                after = keyValues(spec, chunk.last!)
            }
            return Table(name: spec.name, rows: rows, checksum: digest.hex)
        }

        /// Rows read on the transaction's own connection (the pool's others cannot see them yet).
        static func postgresRows(_ connection: PostgresConnection, _ logger: Logger, _ spec: Spec, after: [Value]?, limit: Int) async throws
            -> [[Value]]
        {
            let order = spec.key.joined(separator: ", ")
            let tuple = spec.key.count == 1 ? spec.key[0] : "(\(order))"
            let columns = spec.columns.map { name, kind in kind == .json ? "\(name)::text" : name }.joined(separator: ", ")
            var binds = PostgresBindings()
            var filter = ""
            if let after {
                let placeholders = after.indices.map { "$\($0 + 1)" }.joined(separator: ", ")
                filter = "WHERE \(tuple) > " + (after.count == 1 ? placeholders : "(\(placeholders))")
                for value in after { Side.bind(value, into: &binds) }
            }
            let query = PostgresQuery(unsafeSQL: "SELECT \(columns) FROM \(spec.name) \(filter) ORDER BY \(order) LIMIT \(limit)", binds: binds)
            var result: [[Value]] = []
            for try await row in try await connection.query(query, logger: logger) {
                let cells = row.makeRandomAccess()
                result.append(
                    try spec.columns.indices.map { index in
                        switch spec.columns[index].1 {
                        case .int: try cells[index].decode(Int64?.self).map(Value.int) ?? .null
                        case .bool: try cells[index].decode(Bool?.self).map { .int($0 ? 1 : 0) } ?? .null
                        case .real: try cells[index].decode(Double?.self).map(Value.real) ?? .null
                        case .text, .json: try cells[index].decode(String?.self).map(Value.text) ?? .null
                        }
                    })
            }
            return result
        }
    }
}
