import Foundation
import Hummingbird
import Logging
import SaringCore
import SaringServer
import SaringStore
import SaringTestSupport
import Testing

/// The OpenAPI document and the router describe the same routes: a route added to one and not
/// the other fails here (the fuzzer, `scripts/fuzz-api`, holds their bodies and answers together).
@Suite("OpenAPI document")
struct OpenAPIDocumentTests {
    static let methods = ["get", "put", "post", "delete", "patch", "head", "options"]

    static func document() throws -> [String: Any] {
        try #require(try JSONSerialization.jsonObject(with: OpenAPIDocument.bytes) as? [String: Any])
    }

    /// `METHOD /path/{param}` of every route the server's router has.
    static func routerRoutes() throws -> Set<String> {
        let store = try SaringStore(path: ":memory:")
        let abuse = AbuseControls(
            resolver: ClientResolver(trustedProxies: [], key: try AddressKey.load(hex: String(repeating: "ab", count: 32), databasePath: ":memory:")))
        let router = buildRouter(
            settings: ServerSettings(), store: store, judge: PublishAllJudge(), abuse: abuse, keys: try KeysHolder(adminToken: nil))
        // Hummingbird writes a route's captures as OpenAPI does: /v1/articles/{articleId}/comments.
        return Set(router.routes.map { "\($0.method.rawValue) \($0.path)" })
    }

    static func documentRoutes() throws -> Set<String> {
        let paths = try #require(try document()["paths"] as? [String: [String: Any]])
        return Set(paths.flatMap { path, item in methods.filter { item[$0] != nil }.map { "\($0.uppercased()) \(path)" } })
    }

    @Test func everyRouteOfTheServerIsDescribedAndEveryDescribedRouteExists() throws {
        let served = try Self.routerRoutes()
        let described = try Self.documentRoutes()
        #expect(served.subtracting(described).isEmpty, "routes missing from openapi.json: \(served.subtracting(described).sorted())")
        #expect(described.subtracting(served).isEmpty, "routes in openapi.json the server lacks: \(described.subtracting(served).sorted())")
        #expect(served.contains("POST /v1/articles/{articleId}/comments") && served.contains("GET /readyz"))
    }

    @Test func everyReferenceInTheDocumentResolves() throws {
        let document = try Self.document()
        #expect(document["openapi"] as? String == "3.1.0")
        let text = String(decoding: OpenAPIDocument.bytes, as: UTF8.self)
        let references = Set(text.matches(of: /"\$ref": "#\/([^"]+)"/).map { String($0.1) })
        #expect(!references.isEmpty)
        for reference in references {
            var node: Any? = document
            for key in reference.split(separator: "/") { node = (node as? [String: Any])?[String(key)] }
            #expect(node != nil, "unresolved $ref #/\(reference)")
        }
    }

    @Test func aKnownPathWithAMethodItDoesNotTakeIsAnswered405WithAllow() async throws {
        try await LiveServer.run { server in
            let trace = try await server.client.send("TRACE", "/v1/openapi.json", contentType: nil)
            #expect(trace.status == 405 && trace.errorCode == "method_not_allowed", "\(trace.text)")
            #expect(trace.headers["allow"] == "GET")
            let delete = try await server.client.send("DELETE", "/v1/articles/berita-1/comments", contentType: nil)
            #expect(delete.status == 405 && delete.headers["allow"] == "GET, HEAD, POST")
            let claim = try await server.client.send("PUT", "/v1/comments/12/claim", contentType: nil)
            #expect(claim.status == 405 && claim.headers["allow"] == "DELETE, POST")
            // A path no route has stays 404.
            let unknown = try await server.client.send("DELETE", "/v1/articles/berita-1/comments/extra", contentType: nil)
            #expect(unknown.status == 404 && unknown.errorCode == "not_found")
        }
    }

    @Test func theDocumentIsServedAtV1OpenAPIJSON() async throws {
        try await LiveServer.run { server in
            let reply = try await server.client.send("GET", "/v1/openapi.json", contentType: nil)
            #expect(reply.status == 200)
            #expect(reply.headers["content-type"]?.hasPrefix("application/json") == true)
            #expect(reply.body == OpenAPIDocument.bytes)
        }
    }
}
