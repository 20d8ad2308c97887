/// Where token buckets live, for one process: in memory (``InMemoryRateLimiter`` in the server).
/// Several servers on one database share theirs through ``SharedRateLimiting``.
public protocol RateLimiting: Sendable {
    /// Takes one token from every bucket named, but only if each has one; otherwise takes none.
    func take(_ buckets: [RateBucket], at millis: Int64) -> RateOutcome
    /// Whether one token could be taken now, taking none.
    func peek(_ key: String, rule: BucketRule, at millis: Int64) -> RateOutcome
    /// Empties a bucket so that its next token comes after `waitMillis`: what the nodes' shared
    /// bucket said, kept here so this node refuses without asking again.
    func exhaust(_ key: String, rule: BucketRule, waitMillis: Int64, at millis: Int64)
}

/// One bucket to take from: a key (`client:…`, `author:…`, …) and its current rule.
public struct RateBucket: Sendable, Equatable {
    public let key: String
    public let rule: BucketRule
    /// Names the limit in the error (`client`, `author`, `article`, `reports`).
    public let limit: String

    public init(key: String, rule: BucketRule, limit: String) {
        self.key = key
        self.rule = rule
        self.limit = limit
    }
}

public enum RateOutcome: Sendable, Equatable {
    case allowed
    /// Over `limit`; one token is there again after `retryAfterMillis`.
    case limited(limit: String, retryAfterMillis: Int64)
}

/// Token buckets kept where every node sees them (the PostgreSQL store): the same all-or-nothing
/// take as ``RateLimiting``, across processes.
public protocol SharedRateLimiting: Sendable {
    /// Takes one token from every bucket named, but only if each has one; otherwise takes none.
    ///
    /// - Throws: when the buckets cannot be read (the database is away or busy).
    func take(_ buckets: [RateBucket], at millis: Int64) async throws -> RateOutcome
}
