import Foundation
import SaringCore
import SaringServer
import SaringTestSupport
import Testing

@Suite("POST /v1/articles/{id}/comments")
struct SubmitCommentTests {
    static var comment: [String: Any] { [
        "author": ["name": "Budi", "email": "budi@example.com"], "body": "Beritanya bagus, terima kasih.",
    ] }

    @Test func publishesCommentAndCreatesArticleOnFirstComment() async throws {
        try await LiveServer.run { server in
            let reply = try await server.client.json("POST", "/v1/articles/berita-1/comments", Self.comment)
            #expect(reply.status == 201)
            let json = try reply.json()
            #expect(json["status"] as? String == "published")
            #expect(json["articleId"] as? String == "berita-1")
            let id = try #require(json["id"] as? Int)
            let createdAt = try #require(json["createdAt"] as? String)
            #expect(try Date(createdAt, strategy: .iso8601) <= Date())
            let stored = try #require(try await server.store.comment(id: Int64(id)))
            #expect(stored.body == "Beritanya bagus, terima kasih.")
            #expect(stored.authorEmail == "budi@example.com")
            #expect(try await server.store.article(id: "berita-1") != nil)
            let history = try await server.store.decisions(commentId: Int64(id))
            #expect(history.map(\.action.rawValue) == ["publish"])
            #expect(history.first?.actor == .policy)
        }
    }

    @Test func acceptsReplyToCommentOfSameArticle() async throws {
        try await LiveServer.run { server in
            let parent = try await server.client.json("POST", "/v1/articles/a1/comments", Self.comment).json()["id"] as! Int
            var reply = Self.comment
            reply["parentId"] = parent
            let answer = try await server.client.json("POST", "/v1/articles/a1/comments", reply)
            #expect(answer.status == 201)
            #expect(try answer.json()["parentId"] as? Int == parent)
        }
    }

    @Test func refusesReplyToCommentOfAnotherArticle() async throws {
        try await LiveServer.run { server in
            let parent = try await server.client.json("POST", "/v1/articles/a1/comments", Self.comment).json()["id"] as! Int
            var reply = Self.comment
            reply["parentId"] = parent
            let answer = try await server.client.json("POST", "/v1/articles/a2/comments", reply)
            #expect(answer.status == 422)
            #expect(answer.errorCode == "unknown_parent")
            #expect(try await server.store.commentCounts().values.reduce(0, +) == 1)
        }
    }

    @Test func closedArticleRefusesNewComments() async throws {
        try await LiveServer.run { server in
            let put = try await server.client.json(
                "PUT", "/v1/articles/tutup", ["title": "Tutup", "open": false],
                headers: ["Authorization": "Bearer test-admin-token"])
            #expect(put.status == 200)
            let answer = try await server.client.json("POST", "/v1/articles/tutup/comments", Self.comment)
            #expect(answer.status == 409)
            #expect(answer.errorCode == "article_closed")
            #expect(try await server.store.commentCounts().isEmpty)
        }
    }

    @Test func premoderatedArticleHoldsEveryComment() async throws {
        try await LiveServer.run { server in
            _ = try await server.client.json(
                "PUT", "/v1/articles/pilkada", ["premoderated": true],
                headers: ["Authorization": "Bearer test-admin-token"])
            let answer = try await server.client.json("POST", "/v1/articles/pilkada/comments", Self.comment)
            #expect(answer.status == 201)
            #expect(try answer.json()["status"] as? String == "pending")
            let list = try await server.client.send("GET", "/v1/articles/pilkada/comments", contentType: nil)
            #expect((try list.json()["comments"] as? [Any])?.isEmpty == true)
            let id = Int64(try answer.json()["id"] as! Int)
            let history = try await server.store.decisions(commentId: id)
            #expect(history.map(\.action.rawValue) == ["hold"])
            #expect(history.first?.reasons == ["article is premoderated"])
        }
    }

    @Test func reasonsAreHiddenUnlessConfigured() async throws {
        try await LiveServer.run { server in
            let answer = try await server.client.json("POST", "/v1/articles/a1/comments", Self.comment)
            #expect(try answer.json()["reasons"] == nil)
        }
    }
}
