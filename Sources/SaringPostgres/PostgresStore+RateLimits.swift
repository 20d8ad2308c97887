import Foundation
import Logging
import PostgresNIO
import SaringCore
import Synchronization

// Rate-limit buckets in the database (migration 0002), shared by every node: one transaction per
// take. The rows are made first (a missing row is a full bucket) and then locked in key order, so
// two nodes taking from one bucket at once take turns and neither loses the other's token; the
// token arithmetic is TokenBucket's, the in-memory limiter's own.
extension PostgresStore: SharedRateLimiting {
    public func take(_ buckets: [RateBucket], at millis: Int64) async throws -> RateOutcome {
        let requested = Dictionary(buckets.map { ($0.key, $0) }, uniquingKeysWith: { first, _ in first })
        let keys = requested.keys.sorted()
        guard !keys.isEmpty else { return .allowed }
        let logger = logger
        let outcome = try await transaction(pages: false) { db -> RateOutcome in
            try await db.query(
                """
                INSERT INTO rate_buckets (key, tokens, updated_at, full_at)
                SELECT k, b, \(millis), \(millis) FROM unnest(\(keys)::text[], \(keys.map { Double(requested[$0]!.rule.burst) })::float8[]) AS n(k, b)
                ORDER BY k
                ON CONFLICT (key) DO NOTHING
                """, logger: logger)
            var stored: [String: TokenBucket] = [:]
            for try await (key, tokens, updatedAt) in try await db.query(
                "SELECT key, tokens, updated_at FROM rate_buckets WHERE key = ANY(\(keys)::text[]) ORDER BY key FOR UPDATE",
                logger: logger
            ).decode((String, Double, Int64).self) {
                stored[key] = TokenBucket(tokens: tokens, updatedAt: updatedAt)
            }
            var wait: (String, Int64)?
            for key in keys {
                let item = requested[key]!
                let bucket = stored[key] ?? TokenBucket(rule: item.rule, at: millis)
                let millisToWait = bucket.waitMillis(rule: item.rule, at: millis)
                if millisToWait > 0, millisToWait > (wait?.1 ?? 0) { wait = (item.limit, millisToWait) }
            }
            if let (limit, millisToWait) = wait { return .limited(limit: limit, retryAfterMillis: millisToWait) }
            var tokens: [Double] = []
            var updated: [Int64] = []
            var full: [Int64] = []
            for key in keys {
                let item = requested[key]!
                var bucket = stored[key] ?? TokenBucket(rule: item.rule, at: millis)
                bucket.take(rule: item.rule, at: millis)
                tokens.append(bucket.tokens)
                updated.append(bucket.updatedAt)
                full.append(bucket.fullAt(rule: item.rule))
            }
            try await db.query(
                """
                UPDATE rate_buckets r SET tokens = v.t, updated_at = v.u, full_at = v.f
                FROM unnest(\(keys)::text[], \(tokens)::float8[], \(updated)::int8[], \(full)::int8[]) AS v(k, t, u, f)
                WHERE r.key = v.k
                """, logger: logger)
            return .allowed
        }
        if rateTakes.add(1, ordering: .relaxed).newValue % 5_000 == 0 {
            // Full buckets carry nothing: every 5,000 takes, a node forgets them for all.
            _ = try? await client.query("DELETE FROM rate_buckets WHERE full_at <= \(millis)", logger: logger)
        }
        return outcome
    }
}
