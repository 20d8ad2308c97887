import Foundation
import Hummingbird

/// An error for HTTP clients: a status, a stable machine code and a message naming the problem,
/// sent as `{"error": {"code": "…", "message": "…"}}`.
struct APIError: HTTPResponseError {
    let status: HTTPResponse.Status
    let code: String
    let message: String
    /// Seconds for a `Retry-After` header (429, 503).
    let retryAfter: Int?
    /// The rate limit that refused the request (429), for the metrics.
    let limit: String?
    /// The methods the path takes, for an `Allow` header (405).
    let allow: String?

    init(
        _ status: HTTPResponse.Status, _ code: String, _ message: String, retryAfter: Int? = nil, limit: String? = nil,
        allow: String? = nil
    ) {
        self.status = status
        self.code = code
        self.message = message
        self.retryAfter = retryAfter
        self.limit = limit
        self.allow = allow
    }

    func response(from request: Request, context: some RequestContext) throws -> Response {
        var response = JSONResponse.make(status, ErrorEnvelope(error: .init(code: code, message: message)))
        if status == .unauthorized {
            response.headers[.wwwAuthenticate] = "Bearer"
        }
        if let retryAfter { response.headers[.retryAfter] = String(retryAfter) }
        if let allow { response.headers[.allow] = allow }
        return response
    }

    private struct ErrorEnvelope: Encodable {
        struct Body: Encodable {
            let code: String
            let message: String
        }
        let error: Body
    }
}
