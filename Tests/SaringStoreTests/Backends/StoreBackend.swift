// The store tests that run on both backends: each opens a fresh store of the backend it is given —
// a new SQLite file, or a new database on the PostgreSQL server that scripts/test starts.
import Foundation
import SaringCore
import SaringPostgres
import SaringStore
import SaringTestSupport
import Testing

enum StoreBackend: String, CaseIterable, CustomTestStringConvertible, Sendable {
    case sqlite
    case postgresql

    var testDescription: String { rawValue }

    /// A fresh, migrated store; `body` runs with it and the store is removed afterwards.
    func withStore<T>(now: @escaping @Sendable () -> Date = { Date() }, _ body: (any SiteStore) async throws -> T) async throws -> T {
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
            return try await PostgresScratch.withDatabaseAddress { address in
                try await PostgresStore(address: address, now: now).migrated { try await body($0) }
            }
        }
    }
}

extension PostgresScratch {
    /// A new database on the test server as an address, dropped after `body`.
    static func withDatabaseAddress<T>(_ body: (PostgresAddress) async throws -> T) async throws -> T {
        try await withDatabase { (url: String) in try await body(try PostgresAddress(url)) }
    }
}
