import Foundation
import SaringCore
import SaringTestSupport
import Testing

@Suite("GET /v1/articles/{id}/comments")
struct ListCommentsTests {
    /// Publishes everything except bodies that start with "HOLD" (held) or "NO" (rejected).
    struct SortingJudge: CommentJudge {
        func judge(_ draft: CommentDraft) -> Verdict {
            let status: CommentStatus =
                draft.body.hasPrefix("HOLD") ? .pending : draft.body.hasPrefix("NO") ? .rejected : .published
            return Verdict(status: status, publishedBody: draft.body, policyVersion: "test")
        }
    }

    static func post(_ server: LiveServer, _ article: String, _ body: String, email: String = "rahasia@example.com") async throws -> Int {
        let reply = try await server.client.json(
            "POST", "/v1/articles/\(article)/comments", ["author": ["name": "Sari", "email": email], "body": body])
        #expect(reply.status == 201)
        return try reply.json()["id"] as! Int
    }

    static func page(_ server: LiveServer, _ query: String) async throws -> (ids: [Int], next: String?, raw: HTTPReply) {
        let reply = try await server.client.send("GET", "/v1/articles/a1/comments\(query)", contentType: nil)
        #expect(reply.status == 200, "\(reply.text)")
        let json = try reply.json()
        let comments = json["comments"] as? [[String: Any]] ?? []
        return (comments.compactMap { $0["id"] as? Int }, json["nextCursor"] as? String, reply)
    }

    @Test func pagesThroughPublishedCommentsWithoutDuplicatesOrGaps() async throws {
        try await LiveServer.run(judge: SortingJudge()) { server in
            var published: [Int] = []
            for i in 0..<23 {
                let body = i % 5 == 1 ? "HOLD \(i)" : i % 7 == 2 ? "NO \(i)" : "komentar \(i)"
                let id = try await Self.post(server, "a1", body)
                if !body.hasPrefix("HOLD") && !body.hasPrefix("NO") { published.append(id) }
                _ = try await Self.post(server, "other", "elsewhere \(i)")
            }
            var seen: [Int] = []
            var cursor: String? = nil
            var pages = 0
            repeat {
                let query = "?limit=4" + (cursor.map { "&cursor=\($0)" } ?? "")
                let page = try await Self.page(server, query)
                #expect(page.ids.count <= 4)
                seen += page.ids
                cursor = page.next
                pages += 1
                // A comment posted mid-way appears at the end, never duplicated.
                if pages == 2 { published.append(try await Self.post(server, "a1", "late")) }
            } while cursor != nil && pages < 50
            #expect(seen == published)
            #expect(pages == (published.count + 3) / 4)
        }
    }

    @Test func lastPageHasExplicitNullCursor() async throws {
        try await LiveServer.run { server in
            _ = try await Self.post(server, "a1", "satu")
            let page = try await Self.page(server, "")
            #expect(page.raw.text.contains(#""nextCursor":null"#))
            let comment = try #require((try page.raw.json()["comments"] as? [[String: Any]])?.first)
            #expect(Set(comment.keys) == ["id", "parentId", "author", "body", "createdAt"])
        }
    }

    /// The page's JSON is written by hand: every text must read back exactly as posted, and the
    /// times exactly as the submission's answer gave them.
    @Test func pageTextsAndTimesReadBackExactly() async throws {
        let bodies = [
            #"kutip "dua" dan \ garis miring / </script>"#, "baris\nbaru\r\ntab\tdi sini", "pemisah\u{2028}baris\u{2029}paragraf",
            "emoji 👩‍👩‍👧 ☕️ 𝗦𝗟𝗢𝗧 é e\u{301}", #"teks \u0000 \"bukan\" escape"#,
        ]
        try await LiveServer.run { server in
            var answers: [Int: String] = [:]
            for body in bodies {
                let reply = try await server.client.json(
                    "POST", "/v1/articles/a1/comments", ["author": ["name": "Sari \u{2028}\"S\" \\ Dewi"], "body": body])
                #expect(reply.status == 201)
                let json = try reply.json()
                answers[json["id"] as! Int] = json["createdAt"] as? String
            }
            let page = try await Self.page(server, "")
            let comments = try #require(try page.raw.json()["comments"] as? [[String: Any]])
            #expect(comments.compactMap { $0["body"] as? String } == bodies)
            #expect(comments.allSatisfy { ($0["author"] as? [String: Any])?["name"] as? String == "Sari \u{2028}\"S\" \\ Dewi" })
            #expect(comments.allSatisfy { answers[$0["id"] as! Int] == $0["createdAt"] as? String })
            #expect(comments.allSatisfy { $0["parentId"] is NSNull })
            // Sorted keys, as JSONEncoder wrote them; no raw line separator reaches the page.
            #expect(page.raw.text.hasPrefix(#"{"comments":[{"author":{"name":"#))
            #expect(!page.raw.text.contains("\u{2028}") && page.raw.text.contains(#"\u2028"#))
        }
    }

    @Test func neverRevealsEmailsOrUnpublishedComments() async throws {
        try await LiveServer.run(judge: SortingJudge()) { server in
            _ = try await Self.post(server, "a1", "terlihat", email: "rahasia.sekali@example.com")
            _ = try await Self.post(server, "a1", "HOLD tersembunyi")
            _ = try await Self.post(server, "a1", "NO ditolak")
            let page = try await Self.page(server, "")
            #expect(!page.raw.text.contains("rahasia"))
            #expect(!page.raw.text.contains("@"))
            #expect(!page.raw.text.contains("tersembunyi"))
            #expect(!page.raw.text.contains("ditolak"))
            #expect(page.ids.count == 1)
        }
    }

    @Test(arguments: ["?cursor=bogus", "?cursor=djE6LTE", "?cursor=%FF", "?limit=0", "?limit=101", "?limit=abc"])
    func refusesBadCursorsAndLimits(_ query: String) async throws {
        try await LiveServer.run { server in
            let reply = try await server.client.send("GET", "/v1/articles/a1/comments\(query)", contentType: nil)
            #expect(reply.status == 400)
            #expect(reply.errorCode == (query.contains("limit") ? "invalid_limit" : "invalid_cursor"))
        }
    }

    @Test func unknownArticleHasNoComments() async throws {
        try await LiveServer.run { server in
            let page = try await Self.page(server, "")
            #expect(page.ids.isEmpty)
            #expect(page.next == nil)
        }
    }
}
