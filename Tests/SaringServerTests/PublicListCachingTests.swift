import Foundation
import SaringStore
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

/// The first page of an article comes from memory while fresh: a change through this server is
/// seen at once, a change by another process (a moderator's CLI) within a second.
@Suite("Page cache")
struct PageCacheTests {
    static func bodies(_ reply: HTTPReply) throws -> [String] {
        ((try reply.json()["comments"] as? [[String: Any]]) ?? []).compactMap { $0["body"] as? String }
    }

    @Test func aPageIsServedFromMemoryUntilItChangesHereOrItsTimeIsUp() async throws {
        let clock = TestClock()
        try await LiveServer.run(now: { clock.now }) { server in
            let first = try await server.client.json("POST", "/v1/articles/a1/comments", Readers.body(1))
            let id = Int64(try first.json()["id"] as? Int ?? 0)
            let page = try await server.client.send("GET", "/v1/articles/a1/comments", contentType: nil)
            #expect(try Self.bodies(page) == [Readers.comment(1)])
            // Another process rejects the comment: the cached page stands for now (the database is
            // not read: the comment is gone from it, yet the page still shows it) ...
            let other = try SaringStore(path: server.databasePath)
            try await ModerationDesk(store: other, moderator: "ana").decide(id, .reject, reason: nil, expectedLastDecision: nil)
            let cached = try await server.client.send(
                "GET", "/v1/articles/a1/comments", contentType: nil, headers: ["If-None-Match": page.headers["etag"] ?? ""])
            #expect(cached.status == 304)
            // ... and is read again once its second is up.
            clock.advance(1.5)
            let fresh = try await server.client.send("GET", "/v1/articles/a1/comments", contentType: nil)
            #expect(try Self.bodies(fresh).isEmpty)
            // A comment published through this server shows at once.
            _ = try await server.client.json("POST", "/v1/articles/a1/comments", Readers.body(2))
            let now = try await server.client.send("GET", "/v1/articles/a1/comments", contentType: nil)
            #expect(try Self.bodies(now) == [Readers.comment(2)])
        }
    }

    @Test func pagesOfOtherSizesAndLaterPagesAreNotMixedUp() async throws {
        try await LiveServer.run { server in
            for n in 0..<5 { _ = try await server.client.json("POST", "/v1/articles/a1/comments", Readers.body(n)) }
            let two = try await server.client.send("GET", "/v1/articles/a1/comments?limit=2", contentType: nil)
            let all = try await server.client.send("GET", "/v1/articles/a1/comments", contentType: nil)
            #expect(try Self.bodies(two).count == 2)
            #expect(try Self.bodies(all).count == 5)
            let cursor = try #require(try two.json()["nextCursor"] as? String)
            let next = try await server.client.send("GET", "/v1/articles/a1/comments?limit=2&cursor=\(cursor)", contentType: nil)
            #expect(try Self.bodies(next) == [Readers.comment(2), Readers.comment(3)])
        }
    }
}
