/// One token bucket, in milliseconds: it holds up to `rule.burst` tokens and refills at
/// `rule.perMinute`; each new comment (or report) takes one.
public struct TokenBucket: Sendable, Equatable {
    public private(set) var tokens: Double
    public private(set) var updatedAt: Int64

    /// A full bucket.
    public init(rule: BucketRule, at millis: Int64) {
        tokens = Double(rule.burst)
        updatedAt = millis
    }

    /// A bucket as stored (by the PostgreSQL store's shared limiter).
    public init(tokens: Double, updatedAt: Int64) {
        self.tokens = tokens
        self.updatedAt = updatedAt
    }

    /// When the bucket is full again, taking nothing meanwhile.
    public func fullAt(rule: BucketRule) -> Int64 {
        guard rule.perMinute > 0 else { return Int64.max / 2 }
        return updatedAt + Int64((max(0, Double(rule.burst) - tokens) * 60_000 / rule.perMinute).rounded(.up))
    }

    /// The tokens there would be at `millis`.
    public func available(rule: BucketRule, at millis: Int64) -> Double {
        let elapsed = Double(max(0, millis - updatedAt))
        return min(Double(rule.burst), tokens + elapsed * rule.perMinute / 60_000)
    }

    /// Milliseconds until one token is there at `millis` (0 when one is there now).
    public func waitMillis(rule: BucketRule, at millis: Int64) -> Int64 {
        let have = available(rule: rule, at: millis)
        guard have < 1 else { return 0 }
        guard rule.perMinute > 0 else { return Int64.max / 2 }
        return Int64(((1 - have) * 60_000 / rule.perMinute).rounded(.up))
    }

    /// Takes one token, refilling first.
    public mutating func take(rule: BucketRule, at millis: Int64) {
        tokens = available(rule: rule, at: millis) - 1
        updatedAt = max(updatedAt, millis)
    }

    /// Whether the bucket is full at `millis`, so forgetting it changes nothing.
    public func isFull(rule: BucketRule, at millis: Int64) -> Bool {
        available(rule: rule, at: millis) >= Double(rule.burst)
    }
}
