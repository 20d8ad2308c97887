import Foundation
import SaringServer
import SaringTestSupport
import Testing

/// Browsers on allowed origins may post and read directly; others get no CORS headers.
@Suite("CORS")
struct CORSTests {
    static var settings: ServerSettings {
        var settings = ServerSettings(adminToken: "test-admin-token")
        settings.corsOrigins = ["https://www.portal.example"]
        return settings
    }

    @Test func aPreflightFromAnAllowedOriginIsAnswered() async throws {
        try await LiveServer.run(settings: Self.settings) { server in
            let reply = try await server.client.send(
                "OPTIONS", "/v1/articles/a1/comments", contentType: nil,
                headers: [
                    "Origin": "https://www.portal.example", "Access-Control-Request-Method": "POST",
                    "Access-Control-Request-Headers": "content-type",
                ])
            #expect(reply.status == 204)
            #expect(reply.headers["access-control-allow-origin"] == "https://www.portal.example")
            #expect(reply.headers["access-control-allow-methods"]?.contains("POST") == true)
            #expect(reply.headers["access-control-allow-headers"]?.contains("Content-Type") == true)
            #expect(reply.headers["vary"] == "Origin")
        }
    }

    @Test func aPreflightFromAnotherOriginIsRefused() async throws {
        try await LiveServer.run(settings: Self.settings) { server in
            let reply = try await server.client.send(
                "OPTIONS", "/v1/articles/a1/comments", contentType: nil,
                headers: ["Origin": "https://evil.example", "Access-Control-Request-Method": "POST"])
            #expect(reply.status == 403)
            #expect(reply.errorCode == "origin_not_allowed")
            #expect(reply.headers["access-control-allow-origin"] == nil)
        }
    }

    @Test func answersToAnAllowedOriginCarryTheHeaderAndOthersDoNot() async throws {
        try await LiveServer.run(settings: Self.settings) { server in
            let allowed = try await server.client.json(
                "POST", "/v1/articles/a1/comments", Readers.body(1), headers: ["Origin": "https://www.portal.example"])
            #expect(allowed.status == 201)
            #expect(allowed.headers["access-control-allow-origin"] == "https://www.portal.example")
            let other = try await server.client.send(
                "GET", "/v1/articles/a1/comments", contentType: nil, headers: ["Origin": "https://evil.example"])
            #expect(other.status == 200)
            #expect(other.headers["access-control-allow-origin"] == nil)
        }
    }

    /// An error answer must carry the header too, or the browser hides why the comment was refused.
    @Test func errorAnswersToAnAllowedOriginCarryTheHeader() async throws {
        try await LiveServer.run(settings: Self.settings) { server in
            let refused = try await server.client.json(
                "POST", "/v1/articles/a1/comments", ["author": ["name": "Budi"], "body": "   "],
                headers: ["Origin": "https://www.portal.example"])
            #expect(refused.status == 422)
            #expect(refused.errorCode == "empty_body")
            #expect(refused.headers["access-control-allow-origin"] == "https://www.portal.example")
        }
    }

    @Test func withoutOriginsConfiguredNoPreflightSucceeds() async throws {
        try await LiveServer.run { server in
            let reply = try await server.client.send(
                "OPTIONS", "/v1/articles/a1/comments", contentType: nil,
                headers: ["Origin": "https://www.portal.example", "Access-Control-Request-Method": "POST"])
            #expect(reply.status == 403)
        }
    }
}
