import Foundation
import SaringStore
import SaringTestSupport
import Testing

/// Moderators' commands and a busy server share one database file.
@Suite("Moderation while the server takes traffic")
struct ModerationUnderLoadTests {
    static let rules = """
        rules:
          - id: test.hold
            description: Held for review
            words: [tahan]
            action: hold
            examples:
              match: ["tolong tahan"]
        """

    /// The id in the review screen's "Comment  #N ·" row.
    static func commentOnScreen(_ text: String) -> Int64? {
        guard let range = text.range(of: "Comment  #") else { return nil }
        return Int64(text[range.upperBound...].prefix { $0.isNumber })
    }

    @Test func commandsWorkWithoutLockErrorsWhileTheServerTakes200CommentsPerSecond() async throws {
        let folder = try CLI.temporaryFolder()
        try CLI.write(["rules.yaml": Self.rules], to: folder.appendingPathComponent("Policies"))
        // A load from one address and two names: rate limits off, as for any load test.
        let server = try ServeProcess(folder: folder, arguments: ["--no-rate-limits"])
        defer { server.stop() }
        let db = folder.appendingPathComponent("serve.sqlite").path

        // ~200 comments/s for 4 seconds, paced, from 4 clients.
        let load = Task {
            try await withThrowingTaskGroup(of: [Int].self) { group in
                for client in 0..<4 {
                    group.addTask {
                        var statuses: [Int] = []
                        let start = ContinuousClock.now
                        for n in 0..<200 {
                            let due = start + .milliseconds(n * 20)
                            if ContinuousClock.now < due { try await Task.sleep(until: due) }
                            let body = n % 2 == 0 ? "tahan komentar \(client)-\(n)" : "biasa \(client)-\(n)"
                            let reply = try await server.client.json(
                                "POST", "/v1/articles/ramai/comments", ["author": ["name": "pembaca\(client % 2)"], "body": body])
                            statuses.append(reply.status)
                        }
                        return statuses
                    }
                }
                return try await group.reduce(into: [Int]()) { $0 += $1 }
            }
        }

        // A moderator works the review screen while the comments pour in.
        try await Task.sleep(for: .milliseconds(300))
        let review = try PseudoTerminal(["review", "--db", db, "--as", "rita"])
        var approved: [Int64] = []
        for _ in 0..<3 {
            try review.waitUntil("a comment on screen") { Self.commentOnScreen($0.text) != nil }
            let id = try #require(Self.commentOnScreen(review.text))
            review.send("a")
            try review.waitUntil("approval of #\(id)") { $0.text.contains("approved #\(id)") }
            approved.append(id)
        }
        #expect(!review.text.contains("locked"))
        review.send("q")
        #expect(try review.waitForExit() == 0)

        var outputs: [CLIResult] = []
        for round in 0..<6 {
            try await Task.sleep(for: .milliseconds(400))
            outputs.append(try CLI.run(["queue", "--db", db, "--json", "--limit", "5"]))
            if let first = outputs.last?.stdout.split(separator: "\n").first,
                let id = (try? JSONSerialization.jsonObject(with: Data(first.utf8)) as? [String: Any])?["id"] as? Int
            {
                outputs.append(try CLI.run(["approve", "--db", db, "--as", "sari", String(id)]))
            }
            outputs.append(try CLI.run(["reject", "--db", db, "--as", "budi", "--matching", "tahan komentar 3-", "--yes"]))
            if round == 3 { outputs.append(try CLI.run(["ban", "--db", db, "pembaca1"])) }
        }
        let statuses = try await load.value
        let store = try SaringStore(path: db)
        for id in approved {
            let last = try await store.decisions(commentId: id).last
            #expect(last?.decidedBy == "rita" && last?.status == .published)
        }
        #expect(statuses.count == 800)
        #expect(statuses.allSatisfy { $0 == 201 })
        for output in outputs {
            #expect(output.status == 0, "\(output.stderr)")
            #expect(!output.stderr.contains("locked"), "\(output.stderr)")
        }
    }
}
