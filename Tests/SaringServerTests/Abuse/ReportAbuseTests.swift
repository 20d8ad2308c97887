import Foundation
import SaringCore
import SaringServer
import SaringStore
import SaringTestSupport
import Testing

/// Reports count once per client; enough distinct reporters hide a comment; a client reporting
/// in bulk is limited.
@Suite("Reports from the internet")
struct ReportAbuseTests {
    static func publish(_ server: LiveServer) async throws -> Int64 {
        let reply = try await server.client.json("POST", "/v1/articles/a1/comments", Readers.body(1))
        return Int64(try reply.json()["id"] as? Int ?? 0)
    }

    static func report(_ server: LiveServer, _ id: Int64, client: String, reason: String = "spam judi") async throws -> HTTPReply {
        try await server.client.json("POST", "/v1/comments/\(id)/reports", ["reason": reason], headers: ["X-Forwarded-For": client])
    }

    @Test func aClientsRepeatedReportsOfOneCommentCountOnce() async throws {
        try await LiveServer.run { server in
            let id = try await Self.publish(server)
            for n in 0..<8 {
                #expect(try await Self.report(server, id, client: "203.0.113.9", reason: "alasan \(n)").status == 202)
            }
            #expect(try await server.store.openReports(commentId: id).count == 1)
            #expect(try await Self.report(server, id, client: "203.0.113.10").status == 202)
            #expect(try await server.store.openReports(commentId: id).count == 2)
        }
    }

    @Test func aClientReportingInBulkIsLimited() async throws {
        // A clock that stands still: no refill while the test runs, however slow the machine.
        let clock = TestClock()
        try await LiveServer.run(rateLimits: true, now: { clock.now }) { server in
            let id = try await Self.publish(server)
            var statuses: [Int] = []
            for _ in 0..<500 { statuses.append(try await Self.report(server, id, client: "198.51.100.66").status) }
            // Default: 10 at once, then 5 a minute.
            #expect(statuses.prefix(10).allSatisfy { $0 == 202 })
            #expect(statuses.dropFirst(10).allSatisfy { $0 == 429 })
            #expect(try await server.store.openReports(commentId: id).count == 1)
        }
    }

    @Test func aCommentReportedByEnoughDistinctClientsIsHiddenUntilAModeratorDecides() async throws {
        let files = ["settings.yaml": "reports:\n  hide-after: 3\n"]
        try await LiveServer.run(policyFiles: files) { server in
            let id = try await Self.publish(server)
            _ = try await Self.report(server, id, client: "10.0.0.1")
            _ = try await Self.report(server, id, client: "10.0.0.1")
            _ = try await Self.report(server, id, client: "10.0.0.2")
            #expect(try await server.store.comment(id: id)?.status == .published)
            _ = try await Self.report(server, id, client: "10.0.0.3")
            #expect(try await server.store.comment(id: id)?.status == .pending)
            let list = try await server.client.send("GET", "/v1/articles/a1/comments", contentType: nil)
            #expect(try (list.json()["comments"] as? [Any])?.isEmpty == true)
            let last = try #require(try await server.store.decisions(commentId: id).last)
            #expect(last.actor == .system && last.action == .hold)
            #expect(last.reasons.first?.contains("3 different readers") == true)
            // A moderator's approval brings it back for good.
            try await ModerationDesk(store: server.store, moderator: "ana").decide(id, .approve, reason: nil, expectedLastDecision: nil)
            #expect(try await server.store.comment(id: id)?.status == .published)
        }
    }

    @Test func reportsAreOffByDefaultForHiding() async throws {
        try await LiveServer.run { server in
            let id = try await Self.publish(server)
            for n in 0..<20 { _ = try await Self.report(server, id, client: "10.9.0.\(n + 1)") }
            #expect(try await server.store.comment(id: id)?.status == .published)
        }
    }
}
