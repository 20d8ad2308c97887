import Foundation
import SaringCore
import SaringTestSupport
import Testing

@Suite("PUT /v1/articles, POST /v1/comments/{id}/reports, health and routing")
struct ArticlesAndReportsTests {
    static let admin = ["Authorization": "Bearer test-admin-token"]

    @Test func adminSavesArticleSettings() async throws {
        try await LiveServer.run { server in
            let reply = try await server.client.json(
                "PUT", "/v1/articles/berita-9",
                ["title": "Banjir di Jakarta", "url": "https://example.com/berita-9", "section": "metro", "open": true, "premoderated": true],
                headers: Self.admin)
            #expect(reply.status == 200)
            #expect(try reply.json()["premoderated"] as? Bool == true)
            let article = try #require(try await server.store.article(id: "berita-9"))
            #expect(article.title == "Banjir di Jakarta")
            #expect(article.section == "metro")
            #expect(article.premoderated)
            #expect(article.isOpen)
        }
    }

    @Test(arguments: [nil, "Bearer wrong", "Basic dGVzdA==", "Bearer "])
    func refusesArticleChangesWithoutTheToken(_ authorization: String?) async throws {
        try await LiveServer.run { server in
            let headers = authorization.map { ["Authorization": $0] } ?? [:]
            let reply = try await server.client.json("PUT", "/v1/articles/x", ["open": false], headers: headers)
            #expect(reply.status == 401)
            #expect(reply.errorCode == "unauthorized")
            #expect(try await server.store.article(id: "x") == nil)
        }
    }

    @Test func refusesArticleChangesWhenNoTokenIsConfigured() async throws {
        try await LiveServer.run(settings: .init(adminToken: nil)) { server in
            let reply = try await server.client.json("PUT", "/v1/articles/x", ["open": false], headers: ["Authorization": "Bearer "])
            #expect(reply.status == 401)
            #expect(reply.errorCode == "admin_disabled")
        }
    }

    @Test func refusesBadArticleFields() async throws {
        try await LiveServer.run { server in
            let badURL = try await server.client.json("PUT", "/v1/articles/x", ["url": "javascript:alert(1)"], headers: Self.admin)
            #expect(badURL.errorCode == "invalid_url")
            let badOpen = try await server.client.json("PUT", "/v1/articles/x", ["open": "yes"], headers: Self.admin)
            #expect(badOpen.status == 422)
            #expect(badOpen.errorCode == "invalid_field")
            #expect(try await server.store.article(id: "x") == nil)
        }
    }

    @Test func storesReaderReportForModerators() async throws {
        try await LiveServer.run { server in
            let id = try await server.client.json(
                "POST", "/v1/articles/a1/comments", ["author": ["name": "Sari"], "body": "isi"]
            ).json()["id"] as! Int
            let reply = try await server.client.json("POST", "/v1/comments/\(id)/reports", ["reason": "spam judi"])
            #expect(reply.status == 202)
            #expect(try await server.store.openReports(commentId: Int64(id)) == ["spam judi"])
        }
    }

    @Test func refusesReportsOnUnknownOrBadComments() async throws {
        try await LiveServer.run { server in
            let unknown = try await server.client.json("POST", "/v1/comments/4242/reports", ["reason": "spam"])
            #expect(unknown.status == 404)
            #expect(unknown.errorCode == "comment_not_found")
            let badId = try await server.client.json("POST", "/v1/comments/abc/reports", ["reason": "spam"])
            #expect(badId.status == 400)
            #expect(badId.errorCode == "invalid_comment_id")
            let id = try await server.client.json(
                "POST", "/v1/articles/a1/comments", ["author": ["name": "Sari"], "body": "isi"]
            ).json()["id"] as! Int
            let empty = try await server.client.json("POST", "/v1/comments/\(id)/reports", ["reason": " "])
            #expect(empty.errorCode == "empty_reason")
            let long = try await server.client.json("POST", "/v1/comments/\(id)/reports", ["reason": String(repeating: "x", count: 501)])
            #expect(long.errorCode == "reason_too_long")
            #expect(try await server.store.openReports(commentId: Int64(id)).isEmpty)
        }
    }

    @Test func healthzAnswersOnceMigrated() async throws {
        try await LiveServer.run { server in
            let reply = try await server.client.send("GET", "/healthz", contentType: nil)
            #expect(reply.status == 200)
            #expect(try reply.json()["status"] as? String == "ok")
        }
    }

    @Test(arguments: [("GET", "/nope"), ("DELETE", "/v1/articles/a1/comments/9"), ("GET", "/v1/comments/1/reports/2")])
    func unknownRoutesAnswerJSON404(_ method: String, _ path: String) async throws {
        try await LiveServer.run { server in
            let reply = try await server.client.send(method, path, contentType: nil)
            #expect(reply.status == 404)
            #expect(reply.errorCode == "not_found")
        }
    }

    /// A path that exists, asked with a method it does not take, is 405 with the methods it does.
    @Test(arguments: [("DELETE", "/v1/articles/a1/comments", "GET, HEAD, POST"), ("GET", "/v1/comments/1/reports", "POST")])
    func knownPathsWithAnotherMethodAnswerJSON405(_ method: String, _ path: String, _ allow: String) async throws {
        try await LiveServer.run { server in
            let reply = try await server.client.send(method, path, contentType: nil)
            #expect(reply.status == 405)
            #expect(reply.errorCode == "method_not_allowed")
            #expect(reply.headers["allow"] == allow)
        }
    }
}
