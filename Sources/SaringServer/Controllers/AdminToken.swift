import Hummingbird
import SaringCore

private let failureRule = BucketRule(burst: 10, perMinute: 10)

/// Guards the CMS-facing endpoints with `Authorization: Bearer <token>`.
enum AdminToken {
    /// Failed attempts are throttled per client (10 at once, then 10 a minute), so a token cannot
    /// be guessed by brute force; the throttle holds even with `--no-rate-limits`.
    static func check(
        _ request: Request, expected: String?, abuse: AbuseControls, context: some RemoteAddressRequestContext
    ) throws {
        guard let expected, !expected.isEmpty else {
            throw APIError(
                .unauthorized, "admin_disabled", "no admin token is configured on this server (set SARING_ADMIN_TOKEN)")
        }
        let header = request.headers[.authorization] ?? ""
        let failures = "auth-failures:" + abuse.clientHash(request, context)
        if case .limited(_, let wait) = abuse.limiter.peek(failures, rule: failureRule, at: abuse.millis) {
            throw APIError(
                .tooManyRequests, "rate_limited", "too many failed authentication attempts; retry later",
                retryAfter: Int(max(1, (wait + 999) / 1000)))
        }
        guard header.hasPrefix("Bearer "), constantTimeEqual(String(header.dropFirst(7)), expected) else {
            _ = abuse.limiter.take([RateBucket(key: failures, rule: failureRule, limit: "auth-failures")], at: abuse.millis)
            throw APIError(.unauthorized, "unauthorized", "a valid admin token is required (Authorization: Bearer …)")
        }
    }

    /// Compares without stopping at the first difference, so timing does not reveal the token.
    private static func constantTimeEqual(_ a: String, _ b: String) -> Bool {
        let x = Array(a.utf8)
        let y = Array(b.utf8)
        var difference = UInt8(x.count == y.count ? 0 : 1)
        for i in 0..<min(x.count, y.count) { difference |= x[i] ^ y[i] }
        return difference == 0
    }
}
