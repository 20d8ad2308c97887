import Foundation

/// Where the data lives, as `--db` / `SARING_DB` give it: a file path keeps SQLite (the default);
/// a `postgresql://` (or `postgres://`) URL selects the PostgreSQL store.
public enum DatabaseLocation: Sendable, Equatable {
    case sqlite(path: String)
    case postgresql(PostgresAddress)

    /// - Throws: ``PostgresAddress/Problem`` for a URL that is not a usable PostgreSQL address.
    public init(_ text: String, environment: [String: String] = ProcessInfo.processInfo.environment) throws {
        let lowered = text.lowercased()
        if lowered.hasPrefix("postgresql://") || lowered.hasPrefix("postgres://") {
            self = .postgresql(try PostgresAddress(text, environment: environment))
        } else {
            self = .sqlite(path: text)
        }
    }
}

/// A PostgreSQL server and database: `postgresql://USER[:PASSWORD]@HOST[:PORT]/DATABASE[?sslmode=…]`.
/// The password may come from `PGPASSWORD` instead of the URL (which would show it in `ps`).
public struct PostgresAddress: Sendable, Equatable, CustomStringConvertible {
    public enum TLSMode: String, Sendable, Equatable, CaseIterable {
        /// Plain TCP (a server on the same machine or a private network).
        case disable
        /// TLS when the server offers it (libpq's default).
        case prefer
        /// TLS or no connection; the server's certificate is verified.
        case require
    }

    public var user: String
    public var password: String?
    public var host: String
    public var port: Int
    public var database: String
    public var tls: TLSMode

    public init(user: String, password: String? = nil, host: String, port: Int = 5432, database: String, tls: TLSMode = .prefer) {
        self.user = user
        self.password = password
        self.host = host
        self.port = port
        self.database = database
        self.tls = tls
    }

    /// What is wrong with a PostgreSQL URL, in words for the operator.
    public struct Problem: Error, Equatable, CustomStringConvertible {
        public let description: String
    }

    public init(_ text: String, environment: [String: String] = [:]) throws(Problem) {
        // URLComponents does the percent-decoding; the shape is checked here so each mistake is named.
        guard let parts = URLComponents(string: text), let scheme = parts.scheme?.lowercased(),
            scheme == "postgresql" || scheme == "postgres"
        else { throw Problem(description: "not a PostgreSQL URL (postgresql://USER@HOST:PORT/DATABASE): \(Self.redacted(text))") }
        guard let user = parts.user, !user.isEmpty else {
            throw Problem(description: "the PostgreSQL URL names no user (postgresql://USER@HOST/DATABASE)")
        }
        guard let host = parts.host, !host.isEmpty else {
            throw Problem(description: "the PostgreSQL URL names no host (postgresql://USER@HOST/DATABASE)")
        }
        if let port = parts.port, !(1...65535).contains(port) {
            throw Problem(description: "the PostgreSQL URL's port \(port) is not between 1 and 65535")
        }
        let database = parts.path.hasPrefix("/") ? String(parts.path.dropFirst()) : parts.path
        guard !database.isEmpty, !database.contains("/") else {
            throw Problem(description: "the PostgreSQL URL names no database (postgresql://USER@HOST/DATABASE)")
        }
        var tls = TLSMode.prefer
        for item in parts.queryItems ?? [] {
            switch item.name {
            case "sslmode":
                guard let mode = item.value.flatMap(TLSMode.init(rawValue:)) else {
                    throw Problem(
                        description: "sslmode must be one of \(TLSMode.allCases.map(\.rawValue).joined(separator: ", ")), not \(item.value ?? "nothing")")
                }
                tls = mode
            default:
                throw Problem(description: "the PostgreSQL URL has an unknown parameter \(item.name) (only sslmode is understood)")
            }
        }
        self.init(
            user: user, password: parts.password ?? environment["PGPASSWORD"], host: host, port: parts.port ?? 5432,
            database: database, tls: tls)
    }

    /// The address without its password, for logs and messages.
    public var description: String {
        "postgresql://\(user)@\(host):\(port)/\(database)" + (tls == .prefer ? "" : "?sslmode=\(tls.rawValue)")
    }

    /// `text` with anything between `://` and `@` after a colon replaced, so a password never reaches a log.
    static func redacted(_ text: String) -> String {
        guard let scheme = text.range(of: "://"), let at = text.range(of: "@", range: scheme.upperBound..<text.endIndex),
            let colon = text.range(of: ":", range: scheme.upperBound..<at.lowerBound)
        else { return text }
        return text.replacingCharacters(in: colon.upperBound..<at.lowerBound, with: "…")
    }
}
