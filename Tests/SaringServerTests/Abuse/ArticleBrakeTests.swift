import Foundation
import SaringCore
import SaringServer
import SaringStore
import SaringTestSupport
import Testing

/// An article flooded with new comments holds every new one for review for a while.
@Suite("Article brake")
struct ArticleBrakeTests {
    static let files = ["settings.yaml": "article-brake:\n  max-comments: 5\n  window-minutes: 5\n  hold-minutes: 30\n"]

    static func post(_ server: LiveServer, _ n: Int, article: String = "panas") async throws -> (status: String, id: Int64) {
        let reply = try await server.client.json("POST", "/v1/articles/\(article)/comments", Readers.body(n))
        let json = try reply.json()
        return (json["status"] as? String ?? "\(reply.status)", Int64(json["id"] as? Int ?? 0))
    }

    @Test func aFloodedArticleHoldsNewCommentsUntilTheBrakeRunsOut() async throws {
        let clock = TestClock()
        try await LiveServer.run(policyFiles: Self.files, now: { clock.now }) { server in
            for n in 0..<5 { #expect(try await Self.post(server, n).status == "published") }
            let sixth = try await Self.post(server, 5)
            #expect(sixth.status == "pending")
            #expect(try await server.store.hits(commentId: sixth.id).contains { $0.ruleId == "abuse.article-brake" })
            clock.advance(60)
            #expect(try await Self.post(server, 6).status == "pending")
            // Other articles are not braked.
            #expect(try await Self.post(server, 7, article: "tenang").status == "published")
            // 30 minutes later the brake has run out.
            clock.advance(30 * 60)
            #expect(try await Self.post(server, 8).status == "published")
        }
    }

    @Test func commentsSpreadOverTimeNeverEngageTheBrake() async throws {
        let clock = TestClock()
        try await LiveServer.run(policyFiles: Self.files, now: { clock.now }) { server in
            for n in 0..<20 {
                let status = try await Self.post(server, n).status
                #expect(status == "published")
                clock.advance(70)
            }
        }
    }

    @Test func theBrakeIsOffByDefault() async throws {
        try await LiveServer.run(policyFiles: ["settings.yaml": "score:\n  hold-at: 5\n"]) { server in
            for n in 0..<40 {
                let status = try await Self.post(server, n).status
                #expect(status == "published")
            }
        }
    }
}
