import Foundation

/// Every setting that has a default or an environment variable, resolved in one place: the flag
/// given on the command line, else its environment variable, else the default. The CLI, the
/// server's settings and the README follow it; the schema's CHECKs hold the same length limits
/// (a test compares them with ``SubmissionLimits`` and ``ArticleID``).
public struct Configuration: Sendable {
    /// The environment variables Saring reads.
    public enum Variable: String, Sendable, CaseIterable {
        case database = "SARING_DB"
        case policies = "SARING_POLICIES"
        case host = "SARING_HOST"
        case port = "SARING_PORT"
        case adminToken = "SARING_ADMIN_TOKEN"
        case keysFile = "SARING_KEYS_FILE"
        case trustedProxies = "SARING_TRUSTED_PROXIES"
        case corsOrigins = "SARING_CORS_ORIGINS"
        case addressKey = "SARING_ADDRESS_KEY"
        case moderator = "SARING_MODERATOR"
        /// Retention: the text of rejected comments is erased this long (`30d`) after they were decided.
        case eraseRejectedAfter = "SARING_ERASE_REJECTED_AFTER"
        case logLevel = "LOG_LEVEL"
    }

    public static let databasePath = "saring.sqlite"
    public static let policiesPath = "Policies"
    public static let host = "127.0.0.1"
    public static let port = 8080
    public static let maxRequestBytes = 64 * 1024
    public static let idleTimeoutSeconds: Double = 30
    public static let bodyDeadlineSeconds: Double = 10
    public static let maxConnectionsPerClient = 64
    public static let reloadIntervalSeconds: Double = 1
    /// Moderator names, as the schema's CHECKs bound them.
    public static let maxModeratorNameCharacters = 100

    public let environment: [String: String]

    public init(environment: [String: String] = ProcessInfo.processInfo.environment) {
        self.environment = environment
    }

    /// The flag, else the variable (empty counts as unset), else nil.
    public func value(_ variable: Variable, flag: String? = nil) -> String? {
        flag ?? environment[variable.rawValue].flatMap { $0.isEmpty ? nil : $0 }
    }

    public func databasePath(flag: String?) -> String { value(.database, flag: flag) ?? Self.databasePath }

    public func policiesPath(flag: String?) -> String { value(.policies, flag: flag) ?? Self.policiesPath }

    public func host(flag: String?) -> String { value(.host, flag: flag) ?? Self.host }

    /// - Throws: ``Problem`` naming `SARING_PORT` when it is not a port number.
    public func port(flag: Int?) throws(Problem) -> Int {
        if let flag { return flag }
        guard let text = value(.port) else { return Self.port }
        guard let port = Int(text), (0...65535).contains(port) else {
            throw Problem(description: "\(Variable.port.rawValue) must be a port number 0-65535, got '\(text)'")
        }
        return port
    }

    /// The moderator recorded in decisions: the flag, `SARING_MODERATOR`, the login name, or `moderator`.
    public func moderator(flag: String?) -> String {
        let candidates = [flag, environment[Variable.moderator.rawValue], environment["USER"], environment["LOGNAME"]]
        return candidates.compactMap { $0?.trimmingCharacters(in: .whitespaces) }.first { !$0.isEmpty } ?? "moderator"
    }

    public struct Problem: Error, CustomStringConvertible, Sendable {
        public let description: String
    }
}
