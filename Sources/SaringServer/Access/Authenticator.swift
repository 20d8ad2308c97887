import Hummingbird
import SaringCore

/// Tells who a request comes from by its `Authorization: Bearer …` header. Failed attempts are
/// throttled per client (10 at once, then 10 a minute) — even with `--no-rate-limits` — so a
/// credential cannot be guessed; tokens are never logged. With several nodes on one database the
/// failures count on all of them together: each failure is also taken from the shared bucket,
/// and a node told it is empty refuses the client itself until it refills.
struct Authenticator: Sendable {
    let keys: KeysHolder
    let abuse: AbuseControls

    static let failureRule = BucketRule(burst: 10, perMinute: 10)

    /// - Throws: 401 `unauthorized` for a malformed header or an unknown credential; 429 while
    ///   the client's failures are throttled.
    func caller(_ request: Request, _ context: some RemoteAddressRequestContext) async throws -> Caller {
        guard let header = request.headers[.authorization] else { return .reader }
        let failures = "auth-failures:" + abuse.clientHash(request, context)
        if case .limited(_, let wait) = abuse.limiter.peek(failures, rule: Self.failureRule, at: abuse.millis) {
            throw APIError(
                .tooManyRequests, "rate_limited", "too many failed authentication attempts; retry later",
                retryAfter: Int(max(1, (wait + 999) / 1000)), limit: "auth-failures")
        }
        let token = header.hasPrefix("Bearer ") ? String(header.dropFirst(7)) : ""
        guard !token.isEmpty, let caller = keys.current.caller(forToken: token) else {
            let failure = RateBucket(key: failures, rule: Self.failureRule, limit: "auth-failures")
            let millis = abuse.millis
            _ = abuse.limiter.take([failure], at: millis)
            // When the database does not answer, this node's own count stands alone.
            if let shared = abuse.shared, case .limited(_, let wait)? = try? await shared.take([failure], at: millis) {
                abuse.limiter.exhaust(failures, rule: Self.failureRule, waitMillis: wait, at: millis)
            }
            throw APIError(.unauthorized, "unauthorized", "a valid credential is required (Authorization: Bearer …)")
        }
        return caller
    }

    /// An admin, or 401/403.
    func admin(_ request: Request, _ context: some RemoteAddressRequestContext) async throws -> Caller {
        if keys.current.credentials.allSatisfy({ $0.kind != .admin }) {
            throw APIError(
                .unauthorized, "admin_disabled",
                "no admin credential is configured on this server (an admins entry in the keys file, or SARING_ADMIN_TOKEN)")
        }
        let caller = try await caller(request, context)
        guard caller.isAdmin else {
            if caller == .reader { throw APIError(.unauthorized, "unauthorized", "an admin token is required (Authorization: Bearer …)") }
            throw APIError(.forbidden, "forbidden", "this needs an admin token")
        }
        return caller
    }

    /// A moderator or an admin, by the name their token carries (recorded in every decision), or 401/403.
    func moderator(_ request: Request, _ context: some RemoteAddressRequestContext) async throws -> String {
        switch try await caller(request, context) {
        case .moderator(let name), .admin(let name): return name
        case .reader: throw APIError(.unauthorized, "unauthorized", "a moderator or admin token is required (Authorization: Bearer …)")
        case .site: throw APIError(.forbidden, "forbidden", "a site key cannot moderate; this needs a moderator or admin token")
        }
    }
}
