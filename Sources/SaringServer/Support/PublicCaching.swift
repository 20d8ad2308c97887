import Foundation
import Hummingbird
import SaringCore

/// Public lists are read by every page view: they carry an `ETag` (a hash of the bytes), answer a
/// matching `If-None-Match` with 304 and no body, and may be cached briefly by browsers and CDNs.
enum PublicCaching {
    /// Seconds a browser or CDN may reuse a list without asking.
    static let maxAge = 5

    static func etag(_ bytes: Data) -> String { "\"" + Digests.sha256Hex(bytes).prefix(32) + "\"" }

    static func response(_ page: PageCache.Page, for request: Request) -> Response {
        let (bytes, tag) = (page.bytes, page.etag)
        var response: Response
        if let given = request.headers[.ifNoneMatch], matches(given, tag) {
            response = Response(status: .notModified)
        } else {
            response = JSONResponse.make(.ok, bytes: bytes)
        }
        response.headers[.eTag] = tag
        response.headers[.cacheControl] = "public, max-age=\(maxAge)"
        return response
    }

    /// `If-None-Match` holds a list of tags (weak ones compare equal too) or `*`.
    static func matches(_ header: String, _ tag: String) -> Bool {
        header.split(separator: ",").contains { item in
            let trimmed = item.trimmingCharacters(in: .whitespaces)
            return trimmed == "*" || trimmed == tag || trimmed == "W/" + tag
        }
    }
}
