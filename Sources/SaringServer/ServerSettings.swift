import SaringCore

/// Everything `saring serve` can be told, with the defaults a fresh checkout runs on.
public struct ServerSettings: Sendable {
    public var host: String
    public var port: Int
    public var databasePath: String
    public var policiesPath: String
    /// One admin's bearer token (`--admin-token`), besides the keys file; nil: none.
    public var adminToken: String?
    /// Requests with larger bodies are refused (413) before they are buffered.
    public var maxRequestBytes: Int
    public var limits: SubmissionLimits
    /// Whether a submission's response tells the reader why it was held or rejected.
    public var revealReasons: Bool
    /// A connection that sends nothing for this long is closed, so slow or stuck clients cannot
    /// hold connections open forever.
    public var idleTimeout: Duration = .milliseconds(Int(Configuration.idleTimeoutSeconds * 1000))
    /// A request body must arrive whole within this time (408 otherwise), so slow clients cannot
    /// hold a connection and a request handler.
    public var bodyDeadline: Duration = .milliseconds(Int(Configuration.bodyDeadlineSeconds * 1000))
    /// Open connections per client address (trusted proxies are not counted); more are closed at once.
    public var maxConnectionsPerClient: Int = Configuration.maxConnectionsPerClient
    /// Browser origins allowed to call the API directly (CORS); none by default.
    public var corsOrigins: Set<String> = []
    /// Retention: the text of rejected comments is erased this long after they were decided; nil: kept.
    public var eraseRejectedAfter: Duration? = nil

    public init(
        host: String = Configuration.host, port: Int = Configuration.port, databasePath: String = Configuration.databasePath,
        policiesPath: String = Configuration.policiesPath, adminToken: String? = nil, maxRequestBytes: Int = Configuration.maxRequestBytes,
        limits: SubmissionLimits = SubmissionLimits(), revealReasons: Bool = false
    ) {
        self.host = host
        self.port = port
        self.databasePath = databasePath
        self.policiesPath = policiesPath
        self.adminToken = adminToken
        self.maxRequestBytes = maxRequestBytes
        self.limits = limits
        self.revealReasons = revealReasons
    }
}
