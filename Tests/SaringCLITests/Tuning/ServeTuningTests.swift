import Foundation
import SaringTestSupport
import Testing

@Suite("saring serve feeds the policy history and the rule timings (a real process)")
struct ServeTuningTests {
    /// Starts a server, posts comments, stops it with SIGTERM (its last flush runs at shutdown), and
    /// reads what it recorded through the CLI.
    @Test func aServedPolicyIsRecordedWithItsUseAndItsRulesAreTimed() async throws {
        let folder = try CLI.temporaryFolder()
        try CLI.write(["judol.yaml": ServeProcessTests.rules, "settings.yaml": ServeProcessTests.truthfulAnswers], to: folder.appendingPathComponent("Policies"))
        let server = try ServeProcess(folder: folder, arguments: ["--no-rate-limits", "--timing-sample", "1"])
        let bodies = [
            "Main slot gacor tiap malam, pasti tembus.", "Jalan menuju pasar sudah diaspal ulang, terima kasih pemda.",
            "Harga tiket kereta mudik naik lagi tahun ini.",
        ]
        for body in bodies {
            let reply = try await ServeProcessTests.post(server, body)
            #expect(reply.status == 201, "\(reply.text)")
        }
        server.signal(SIGTERM)
        server.process.waitForExit()
        let db = folder.appendingPathComponent("serve.sqlite").path

        let history = try CLI.run(["policy", "history", "--db", db, "--json"])
        #expect(history.status == 0, "\(history.stderr)")
        let lines = history.stdout.split(separator: "\n")
        #expect(lines.count == 1)
        let entry = try #require(try JSONSerialization.jsonObject(with: Data(lines[0].utf8)) as? [String: Any])
        #expect(entry["firstUsedAt"] is String)
        #expect(entry["lastUsedAt"] is String)
        let version = try #require(entry["version"] as? String)

        let stats = try CLI.run(["policy", "stats", "--db", db, "--json"])
        let judol = try #require(
            stats.stdout.split(separator: "\n").compactMap { try? JSONSerialization.jsonObject(with: Data($0.utf8)) as? [String: Any] }
                .first { $0["rule"] as? String == "judol.keywords" })
        #expect(judol["hits"] as? Int == 1)
        #expect((judol["timedRuns"] as? Int ?? 0) >= 1)
        #expect((judol["microsPerRun"] as? Double ?? 0) > 0)

        let shown = try CLI.run(["show", "--db", db, "1"])
        #expect(shown.stdout.contains("policy version \(version) (#1)"), "\(shown.stdout)")
    }
}
