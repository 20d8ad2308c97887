import SaringCore
import Synchronization

/// Token buckets in this process's memory (per process: README). Memory is bounded: full buckets
/// carry no information and are dropped in sweeps; past `maxBuckets` even after a sweep (an
/// attacker rotating keys), the least recently used go first.
public final class InMemoryRateLimiter: RateLimiting {
    private struct State {
        var buckets: [String: TokenBucket] = [:]
        var rules: [String: BucketRule] = [:]
        var takesSinceSweep = 0
    }

    private let state = Mutex(State())
    let maxBuckets: Int

    public init(maxBuckets: Int = 200_000) {
        self.maxBuckets = maxBuckets
    }

    public func take(_ requested: [RateBucket], at millis: Int64) -> RateOutcome {
        state.withLock { state in
            var wait: (String, Int64)? = nil
            for item in requested {
                let bucket = state.buckets[item.key] ?? TokenBucket(rule: item.rule, at: millis)
                let millisToWait = bucket.waitMillis(rule: item.rule, at: millis)
                if millisToWait > 0, millisToWait > (wait?.1 ?? 0) { wait = (item.limit, millisToWait) }
            }
            if let (limit, millisToWait) = wait { return .limited(limit: limit, retryAfterMillis: millisToWait) }
            for item in requested {
                var bucket = state.buckets[item.key] ?? TokenBucket(rule: item.rule, at: millis)
                bucket.take(rule: item.rule, at: millis)
                state.buckets[item.key] = bucket
                state.rules[item.key] = item.rule
            }
            state.takesSinceSweep += 1
            if state.buckets.count > maxBuckets || state.takesSinceSweep >= 10_000 {
                Self.sweep(&state, at: millis, keep: maxBuckets)
            }
            return .allowed
        }
    }

    public func peek(_ key: String, rule: BucketRule, at millis: Int64) -> RateOutcome {
        state.withLock { state in
            guard let bucket = state.buckets[key] else { return .allowed }
            let wait = bucket.waitMillis(rule: rule, at: millis)
            return wait > 0 ? .limited(limit: key, retryAfterMillis: wait) : .allowed
        }
    }

    public func exhaust(_ key: String, rule: BucketRule, waitMillis: Int64, at millis: Int64) {
        state.withLock { state in
            let tokens = 1 - Double(max(0, waitMillis)) * rule.perMinute / 60_000
            let known = state.buckets[key]?.available(rule: rule, at: millis) ?? Double(rule.burst)
            state.buckets[key] = TokenBucket(tokens: min(known, tokens), updatedAt: millis)
            state.rules[key] = rule
        }
    }

    /// How many buckets are held (tests of the memory bound).
    public var count: Int { state.withLock { $0.buckets.count } }

    private static func sweep(_ state: inout State, at millis: Int64, keep: Int) {
        state.takesSinceSweep = 0
        for (key, bucket) in state.buckets {
            if let rule = state.rules[key], bucket.isFull(rule: rule, at: millis) {
                state.buckets[key] = nil
                state.rules[key] = nil
            }
        }
        guard state.buckets.count > keep else { return }
        let oldest = state.buckets.sorted { $0.value.updatedAt < $1.value.updatedAt }.prefix(state.buckets.count - keep * 9 / 10)
        for (key, _) in oldest {
            state.buckets[key] = nil
            state.rules[key] = nil
        }
    }
}
