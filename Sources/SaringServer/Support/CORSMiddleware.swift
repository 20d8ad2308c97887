import Hummingbird

/// Lets browsers on the allowed origins (`--cors-origins`; none by default) call the API directly:
/// answers preflights (`OPTIONS` with `Access-Control-Request-Method`) and marks answers to
/// allowed origins. Other origins get no CORS headers, so the browser keeps the answer from them.
struct CORSMiddleware<Context: RequestContext>: RouterMiddleware {
    let origins: Set<String>

    static var allowedMethods: String { "GET, HEAD, POST, PUT" }
    static var allowedHeaders: String { "Content-Type, Authorization, If-None-Match" }

    func handle(_ request: Request, context: Context, next: (Request, Context) async throws -> Response) async throws -> Response {
        let origin = request.headers[.origin]
        let allowed = origin.map(origins.contains) ?? false
        if request.method == .options, request.headers[.accessControlRequestMethod] != nil {
            guard allowed, let origin else {
                return try APIError(.forbidden, "origin_not_allowed", "origin \(origin ?? "(none)") may not call this API from a browser")
                    .response(from: request, context: context)
            }
            var response = Response(status: .noContent)
            response.headers[.accessControlAllowOrigin] = origin
            response.headers[.accessControlAllowMethods] = Self.allowedMethods
            response.headers[.accessControlAllowHeaders] = Self.allowedHeaders
            response.headers[.accessControlMaxAge] = "600"
            response.headers[.vary] = "Origin"
            return response
        }
        var response = try await next(request, context)
        if allowed, let origin {
            response.headers[.accessControlAllowOrigin] = origin
            response.headers[.accessControlExposeHeaders] = "ETag, Retry-After, X-Request-Id"
            response.headers[.vary] = "Origin"
        }
        return response
    }

    /// Parses `--cors-origins`: `scheme://host[:port]` each, comma-separated.
    static func parse(_ text: String) throws(OriginError) -> Set<String> {
        var origins: Set<String> = []
        for part in text.split(separator: ",") {
            let origin = part.trimmingCharacters(in: .whitespaces)
            guard !origin.isEmpty else { continue }
            let pieces = origin.split(separator: "/", omittingEmptySubsequences: false)
            guard pieces.count == 3, ["http:", "https:"].contains(pieces[0]), pieces[1].isEmpty, !pieces[2].isEmpty,
                pieces[2].allSatisfy({ $0.isLetter || $0.isNumber || "-.:[]".contains($0) })
            else { throw OriginError(origin: origin) }
            origins.insert(origin.lowercased())
        }
        return origins
    }
}

public struct OriginError: Error, CustomStringConvertible {
    public let origin: String
    public var description: String { "'\(origin)' is not an origin like https://www.example.com (scheme, host, optional port; no path)" }
}

/// Parses `--cors-origins` for `saring serve`.
public func parseCORSOrigins(_ text: String) throws(OriginError) -> Set<String> {
    try CORSMiddleware<SaringRequestContext>.parse(text)
}
