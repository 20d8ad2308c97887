import Foundation
import SaringTestSupport
import Testing

/// The public list is cacheable: ETag and 304, a short Cache-Control, nosniff, and HEAD.
@Suite("Public list caching and headers")
struct PublicListCachingTests {
    @Test func anUnchangedListIsAnswered304AndAChangedOneIsNot() async throws {
        try await LiveServer.run { server in
            _ = try await server.client.json("POST", "/v1/articles/a1/comments", Readers.body(1))
            let first = try await server.client.send("GET", "/v1/articles/a1/comments", contentType: nil)
            let tag = try #require(first.headers["etag"])
            #expect(first.headers["cache-control"] == "public, max-age=5")
            #expect(first.headers["x-content-type-options"] == "nosniff")
            let again = try await server.client.send(
                "GET", "/v1/articles/a1/comments", contentType: nil, headers: ["If-None-Match": tag])
            #expect(again.status == 304)
            #expect(again.body.isEmpty)
            #expect(again.headers["etag"] == tag)
            _ = try await server.client.json("POST", "/v1/articles/a1/comments", Readers.body(2))
            let changed = try await server.client.send(
                "GET", "/v1/articles/a1/comments", contentType: nil, headers: ["If-None-Match": tag])
            #expect(changed.status == 200)
            #expect(changed.headers["etag"] != tag)
        }
    }

    @Test func headAnswersTheHeadersWithoutABody() async throws {
        try await LiveServer.run { server in
            _ = try await server.client.json("POST", "/v1/articles/a1/comments", Readers.body(1))
            let get = try await server.client.send("GET", "/v1/articles/a1/comments", contentType: nil)
            let head = try await server.client.send("HEAD", "/v1/articles/a1/comments", contentType: nil)
            #expect(head.status == 200)
            #expect(head.body.isEmpty)
            #expect(head.headers["etag"] == get.headers["etag"])
        }
    }

    @Test func errorsCarryNosniffToo() async throws {
        try await LiveServer.run { server in
            let reply = try await server.client.send("GET", "/v1/nowhere", contentType: nil)
            #expect(reply.status == 404)
            #expect(reply.headers["x-content-type-options"] == "nosniff")
        }
    }
}
