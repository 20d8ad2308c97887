import Foundation
import SaringCore

/// The server's defences on the write paths, put together once per process: who the client is
/// (keyed hash), the rate limiter, and the clock they run on.
public struct AbuseControls: Sendable {
    public let resolver: ClientResolver
    /// This process's buckets: every limit on one node; with several nodes, what stands in when
    /// the database does not answer, and the failed-authentication throttle's refusals (which
    /// the shared bucket decides).
    public let limiter: any RateLimiting
    /// The buckets every node shares (the PostgreSQL store), for the comment and report limits and
    /// failed authentications; when the database does not answer, the node's own buckets stand in.
    public let shared: (any SharedRateLimiting)?
    /// Off with `--no-rate-limits` (load tests on 127.0.0.1); campaign detection stays on.
    public let rateLimitsEnabled: Bool
    public let now: @Sendable () -> Date
    /// New comments per article, for the article brake (per process).
    public let brakes: ArticleBrakeWatch
    /// Near-duplicate texts from several sources (per process).
    public let campaigns: CampaignWatch

    public init(
        resolver: ClientResolver, limiter: any RateLimiting = InMemoryRateLimiter(), shared: (any SharedRateLimiting)? = nil,
        rateLimitsEnabled: Bool = true,
        brakes: ArticleBrakeWatch = ArticleBrakeWatch(), campaigns: CampaignWatch = CampaignWatch(), now: @escaping @Sendable () -> Date = { Date() }
    ) {
        self.resolver = resolver
        self.limiter = limiter
        self.shared = shared
        self.rateLimitsEnabled = rateLimitsEnabled
        self.brakes = brakes
        self.campaigns = campaigns
        self.now = now
    }

    var millis: Int64 { Int64((now().timeIntervalSince1970 * 1000).rounded()) }

    /// Takes from every enabled bucket, or throws `rate_limited` (429 with `Retry-After`).
    func limit(_ buckets: [(String, BucketRule?, String)]) async throws {
        guard rateLimitsEnabled else { return }
        let active = buckets.compactMap { key, rule, limit in rule.map { RateBucket(key: key, rule: $0, limit: limit) } }
        guard !active.isEmpty else { return }
        let millis = millis
        let outcome: RateOutcome
        if let shared {
            do { outcome = try await shared.take(active, at: millis) } catch { outcome = limiter.take(active, at: millis) }
        } else {
            outcome = limiter.take(active, at: millis)
        }
        if case .limited(let limit, let wait) = outcome {
            let seconds = max(1, (wait + 999) / 1000)
            throw APIError(
                .tooManyRequests, "rate_limited", "too many requests (\(limit) limit); retry in \(seconds) s",
                retryAfter: Int(min(seconds, 86_400)), limit: limit)
        }
    }
}
