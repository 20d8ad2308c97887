import Foundation
import GRDB
import SaringCore
import SaringServer
import SaringStore
import SaringTestSupport
import Testing

/// Inputs that used to reach the schema's CHECKs (500s) or slip control characters into storage,
/// and replies that could reveal hidden comments.
@Suite("Input hardening")
struct InputHardeningTests {
    static let combining = "a" + String(repeating: "\u{0301}", count: 600)

    @Test func aNameOfOneLetterAndManyCombiningMarksIsA422NotA500() async throws {
        try await LiveServer.run { server in
            let reply = try await server.client.json(
                "POST", "/v1/articles/a1/comments", ["author": ["name": Self.combining], "body": Readers.comment(1)])
            #expect(reply.status == 422)
            #expect(reply.errorCode == "author_name_too_long")
        }
    }

    @Test func aReasonOfOneLetterAndManyCombiningMarksIsA422() async throws {
        try await LiveServer.run { server in
            let posted = try await server.client.json("POST", "/v1/articles/a1/comments", Readers.body(1))
            let id = try posted.json()["id"] as? Int ?? 0
            let reply = try await server.client.json("POST", "/v1/comments/\(id)/reports", ["reason": Self.combining])
            #expect(reply.status == 422)
            #expect(reply.errorCode == "reason_too_long")
        }
    }

    @Test(arguments: [
        ("author.name", "Budi\u{0}Santoso", "invalid_author_name"),
        ("author.name", "Budi\u{1B}[31m", "invalid_author_name"),
        ("author.email", "budi\u{0}@example.com", "invalid_email"),
        ("author.email", "bu\u{1B}[2Jdi@example.com", "invalid_email"),
        ("author.email", "budi\u{85}@example.com", "invalid_email"),
    ])
    func controlCharactersAreRefusedNotCut(_ field: String, _ value: String, _ code: String) async throws {
        try await LiveServer.run { server in
            var author: [String: Any] = ["name": "Budi"]
            author[field == "author.name" ? "name" : "email"] = value
            let reply = try await server.client.json("POST", "/v1/articles/a1/comments", ["author": author, "body": Readers.comment(2)])
            #expect(reply.status == 422)
            #expect(reply.errorCode == code)
            #expect(try await server.store.commentCounts().values.reduce(0, +) == 0)
        }
    }

    @Test(arguments: ["spam\u{0}judi", "spam\u{1B}]0;x\u{7}", "spam\u{9B}31m"])
    func controlCharactersInAReportReasonAreRefused(_ reason: String) async throws {
        try await LiveServer.run { server in
            let posted = try await server.client.json("POST", "/v1/articles/a1/comments", Readers.body(1))
            let id = try posted.json()["id"] as? Int ?? 0
            let reply = try await server.client.json("POST", "/v1/comments/\(id)/reports", ["reason": reason])
            #expect(reply.status == 422)
            #expect(reply.errorCode == "invalid_reason")
            #expect(try await server.store.openReports(commentId: Int64(id)).isEmpty)
        }
    }

    @Test func aReplyToAHiddenCommentIsAnsweredLikeAReplyToNone() async throws {
        try await LiveServer.run { server in
            let posted = try await server.client.json("POST", "/v1/articles/berita/comments", Readers.body(1))
            let hidden = Int64(try posted.json()["id"] as? Int ?? 0)
            try await ModerationDesk(store: server.store, moderator: "ana").decide(hidden, .reject, reason: nil, expectedLastDecision: nil)
            func reply(to parent: Int64) async throws -> HTTPReply {
                try await server.client.json(
                    "POST", "/v1/articles/berita/comments", ["author": ["name": "Sari"], "body": Readers.comment(3), "parentId": parent])
            }
            let toHidden = try await reply(to: hidden)
            let toNothing = try await reply(to: 999)
            #expect(toHidden.status == 422 && toNothing.status == 422)
            #expect(toHidden.errorCode == "unknown_parent" && toNothing.errorCode == "unknown_parent")
            #expect(
                toHidden.text.replacingOccurrences(of: "\(hidden)", with: "N")
                    == toNothing.text.replacingOccurrences(of: "999", with: "N"))
        }
    }

    /// A database fault is a 500 for the client and one line for the operator, naming the kind of
    /// error only: SQL (and the comment text in it) stays out of logs at the default level.
    @Test func aDatabaseFaultLogsNoSQL() async throws {
        let log = CapturedLog()
        try await LiveServer.run(log: log) { server in
            let posted = try await server.client.json("POST", "/v1/articles/a1/comments", Readers.body(1))
            let id = try posted.json()["id"] as? Int ?? 0
            // Break the schema behind the server's back, as a failing disk or a bad manual edit would.
            let other = try DatabaseQueue(path: server.databasePath)
            try await other.write { db in try db.execute(sql: "DROP TABLE reports") }
            let reply = try await server.client.json("POST", "/v1/comments/\(id)/reports", ["reason": "rahasia pelapor 0812"])
            #expect(reply.status == 500)
            #expect(reply.errorCode == "internal_error")
            let errors = log.all.filter { $0.level >= .error }.map(\.message)
            #expect(errors.count == 1)
            #expect(errors.allSatisfy { !$0.contains("INSERT") && !$0.contains("SELECT") && !$0.contains("rahasia") })
        }
    }

    @Test func anArticleTitleWithControlCharactersIsRefused() async throws {
        try await LiveServer.run { server in
            let reply = try await server.client.json(
                "PUT", "/v1/articles/b1", ["title": "Banjir\u{1B}[2J"], headers: ["Authorization": "Bearer test-admin-token"])
            #expect(reply.status == 422)
            #expect(reply.errorCode == "invalid_title")
        }
    }
}
