// The store tests that run on both backends: each opens a fresh store of the backend it is given —
// a new SQLite file, or a new database on the PostgreSQL server that scripts/test starts.
import Foundation
import Logging
import PostgresNIO
import SaringCore
import SaringPostgres
import SaringStore
import Testing

enum StoreBackend: String, CaseIterable, CustomTestStringConvertible, Sendable {
    case sqlite
    case postgresql

    var testDescription: String { rawValue }

    /// The server scripts/test starts (`scripts/postgres-test-server`), or nil.
    static var postgresURL: String? {
        ProcessInfo.processInfo.environment["SARING_TEST_POSTGRES_URL"].flatMap { $0.isEmpty ? nil : $0 }
    }

    /// Skips a PostgreSQL case, saying why, when no server is given; in CI a missing server fails
    /// the case instead, so the PostgreSQL store is never left untested there.
    static func requirePostgres() throws -> PostgresAddress {
        guard let url = postgresURL else {
            if ProcessInfo.processInfo.environment["CI"] != nil {
                Issue.record("CI is set but SARING_TEST_POSTGRES_URL is not: scripts/test starts a PostgreSQL server for these tests")
            }
            try Test.cancel("skipped: no PostgreSQL server (SARING_TEST_POSTGRES_URL is not set; scripts/test starts one)")
        }
        return try PostgresAddress(url)
    }

    /// A fresh, migrated store; `body` runs with it and the store is removed afterwards.
    func withStore<T>(now: @escaping @Sendable () -> Date = { Date() }, _ body: (any CommentStore) async throws -> T) async throws -> T {
        switch self {
        case .sqlite:
            let path = FileManager.default.temporaryDirectory.appendingPathComponent("saring-backend-\(UUID().uuidString).sqlite").path
            defer {
                for suffix in ["", "-wal", "-shm"] { try? FileManager.default.removeItem(atPath: path + suffix) }
            }
            let store = try SaringStore(path: path, now: now)
            try store.migrate()
            return try await body(store)
        case .postgresql:
            return try await PostgresScratch.withDatabase { address in
                let store = PostgresStore(address: address, now: now)
                do {
                    try await store.migrate()
                    let result = try await body(store)
                    await store.close()
                    return result
                } catch {
                    await store.close()
                    throw error
                }
            }
        }
    }
}

/// Databases made for one test on the test server and dropped after it.
enum PostgresScratch {
    static func withDatabase<T>(_ body: (PostgresAddress) async throws -> T) async throws -> T {
        let server = try StoreBackend.requirePostgres()
        let name = "saring_t_" + UUID().uuidString.replacingOccurrences(of: "-", with: "").lowercased().prefix(20)
        try await admin(server, "CREATE DATABASE \(name)")
        var address = server
        address.database = String(name)
        do {
            let result = try await body(address)
            try await admin(server, "DROP DATABASE \(name) WITH (FORCE)")
            return result
        } catch {
            try? await admin(server, "DROP DATABASE \(name) WITH (FORCE)")
            throw error
        }
    }

    /// Runs one statement on the server's own test database (CREATE/DROP DATABASE cannot take binds).
    static func admin(_ server: PostgresAddress, _ sql: String) async throws {
        let configuration = PostgresClient.Configuration(
            host: server.host, port: server.port, username: server.user, password: server.password,
            database: server.database, tls: .disable)
        let client = PostgresClient(configuration: configuration, backgroundLogger: Logger(label: "saring.tests.admin"))
        try await withThrowingTaskGroup(of: Void.self) { group in
            group.addTask { await client.run() }
            defer { group.cancelAll() }
            try await client.query(PostgresQuery(unsafeSQL: sql))
        }
    }
}
