import Hummingbird

/// Guards the CMS-facing endpoints with `Authorization: Bearer <token>`.
enum AdminToken {
    static func check(_ request: Request, expected: String?) throws {
        guard let expected, !expected.isEmpty else {
            throw APIError(
                .unauthorized, "admin_disabled", "no admin token is configured on this server (set SARING_ADMIN_TOKEN)")
        }
        let header = request.headers[.authorization] ?? ""
        guard header.hasPrefix("Bearer "), constantTimeEqual(String(header.dropFirst(7)), expected) else {
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
