import Foundation
import GRDB
import SaringCore
import SaringServer
import SaringTestSupport
import Testing

@Suite("Liveness and readiness")
struct HealthTests {
    /// A judge that has no policy loaded.
    struct NoPolicyJudge: CommentJudge {
        func judge(_ draft: CommentDraft) -> Verdict { Verdict(status: .pending, publishedBody: draft.body, policyVersion: "none") }
    }

    @Test func readyWhenTheDatabaseAnswersAndAPolicyIsInForce() async throws {
        try await LiveServer.run(policyFiles: ["settings.yaml": "responses:\n  rejected-as: pending\n"]) { server in
            let reply = try await server.client.send("GET", "/readyz", contentType: nil)
            #expect(reply.status == 200, "\(reply.text)")
            let json = try reply.json()
            #expect(json["status"] as? String == "ready")
            #expect(json["policyVersion"] as? String == server.policies?.current.version)
        }
    }

    @Test func notReadyWithoutAPolicyInForce() async throws {
        try await LiveServer.run(judge: NoPolicyJudge()) { server in
            let reply = try await server.client.send("GET", "/readyz", contentType: nil)
            #expect(reply.status == 503)
            #expect(try reply.json()["reason"] as? String == "no_policy")
            // Liveness is another question: the process is alive.
            #expect(try await server.client.send("GET", "/healthz", contentType: nil).status == 200)
        }
    }

    @Test func notReadyWhileTheDatabaseDoesNotAnswerAndReadyAgainAfter() async throws {
        try await LiveServer.run { server in
            // Another connection takes the table the check reads away, then puts it back.
            let other = try DatabaseQueue(path: server.databasePath)
            try await other.write { db in try db.execute(sql: "ALTER TABLE saring_migrations RENAME TO saring_migrations_away") }
            let down = try await server.client.send("GET", "/readyz", contentType: nil)
            #expect(down.status == 503, "\(down.text)")
            #expect(try down.json()["reason"] as? String == "storage_unavailable")
            try await other.write { db in try db.execute(sql: "ALTER TABLE saring_migrations_away RENAME TO saring_migrations") }
            #expect(try await server.client.send("GET", "/readyz", contentType: nil).status == 200)
        }
    }
}
