// Databases made for one test on the PostgreSQL server that scripts/test starts
// (SARING_TEST_POSTGRES_URL), and dropped after it. Through `psql`, which comes with the server.
import Foundation
import Testing

public enum PostgresScratch {
    /// The test server's URL, or nil.
    public static var serverURL: String? {
        ProcessInfo.processInfo.environment["SARING_TEST_POSTGRES_URL"].flatMap { $0.isEmpty ? nil : $0 }
    }

    /// The test server's URL; without one, the test is skipped and says why — except in CI, where
    /// a missing server fails it, so the PostgreSQL store is never left untested there.
    public static func requireServer() throws -> String {
        guard let url = serverURL else {
            if ProcessInfo.processInfo.environment["CI"] != nil {
                Issue.record("CI is set but SARING_TEST_POSTGRES_URL is not: scripts/test starts a PostgreSQL server for these tests")
            }
            try Test.cancel("skipped: no PostgreSQL server (SARING_TEST_POSTGRES_URL is not set; scripts/test starts one)")
        }
        return url
    }

    /// Runs `body` with the URL of a new, empty database, dropped afterwards.
    public static func withDatabase<T>(_ body: (String) async throws -> T) async throws -> T {
        let server = try requireServer()
        let name = "saring_t_" + UUID().uuidString.replacingOccurrences(of: "-", with: "").lowercased().prefix(20)
        try await offThePool { try psql(server, "CREATE DATABASE \(name)") }
        let url = server.replacingDatabase(with: String(name))
        do {
            let result = try await body(url)
            try await offThePool { try psql(server, "DROP DATABASE \(name) WITH (FORCE)") }
            return result
        } catch {
            _ = try? await offThePool { try psql(server, "DROP DATABASE \(name) WITH (FORCE)") }
            throw error
        }
    }

    /// Runs SQL with psql on `url` and returns what it printed (unaligned, tuples only).
    @discardableResult
    public static func psql(_ url: String, _ sql: String) throws -> String {
        let child = try ChildProcess(
            executable: "/usr/bin/psql", arguments: [url, "-X", "-q", "-A", "-t", "-v", "ON_ERROR_STOP=1", "-c", sql],
            environment: ProcessInfo.processInfo.environment)
        let output = String(decoding: ChildProcess.readAll(child.standardOutput!), as: UTF8.self)
        let errors = String(decoding: ChildProcess.readAll(child.standardError!), as: UTF8.self)
        let status = child.waitForExit()
        child.close()
        guard status == 0 else { throw RawHTTP.Failure(description: "psql \(sql.prefix(60)): \(errors)") }
        return output
    }
}

extension String {
    /// A postgresql:// URL with another database name.
    fileprivate func replacingDatabase(with name: String) -> String {
        guard var parts = URLComponents(string: self) else { return self }
        parts.path = "/" + name
        return parts.string ?? self
    }
}
