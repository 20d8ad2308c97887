import Foundation
import SaringStore
import SaringTestSupport
import Testing

@Suite("saring serve as a process")
struct ServeProcessTests {
    static let rules = """
        rules:
          - id: judol.keywords
            description: Online-gambling spam keywords
            words: [slot gacor]
            action: reject
            examples:
              match: ["main slot gacor"]
        """

    /// Rejected comments are answered as rejected (not the default `pending`), so the test sees the policy.
    static let truthfulAnswers = "responses:\n  rejected-as: rejected\n"

    static func post(_ server: ServeProcess, _ body: String) async throws -> HTTPReply {
        try await server.client.json("POST", "/v1/articles/a1/comments", ["author": ["name": "Pembaca"], "body": body])
    }

    /// `--metrics-port` opens the metrics listener (port 0: a free one, which the log names) and
    /// `--log-format json` makes every line a JSON object; without the flag there is no listener.
    @Test func servesMetricsOnTheirOwnPortAndLogsJSONLines() async throws {
        let folder = try CLI.temporaryFolder()
        try CLI.write(["judol.yaml": Self.rules, "settings.yaml": Self.truthfulAnswers], to: folder.appendingPathComponent("Policies"))
        let server = try ServeProcess(folder: folder, arguments: ["--metrics-port", "0", "--log-format", "json", "--no-rate-limits"])
        defer { server.stop() }
        try server.waitForOutput("/metrics\"")
        let text = server.outputText
        let marker = try #require(text.range(of: "metrics on http://127.0.0.1:"))
        let port = try #require(Int(text[marker.upperBound...].prefix { $0.isNumber }))
        #expect(port != server.client.port)
        #expect(try await Self.post(server, "Jalan di depan pasar sudah diperbaiki, terima kasih").status == 201)
        let metrics = try await RawHTTP(port: port).send("GET", "/metrics", contentType: nil)
        #expect(metrics.status == 200)
        #expect(metrics.text.contains(#"saring_comments_total{decision="published"} 1"#), "\(metrics.text)")
        #expect(metrics.text.contains("saring_policy_info{version="))
        // The public port does not serve them.
        #expect(try await server.client.send("GET", "/metrics", contentType: nil).status == 404)
        let lines = text.split(separator: "\n").filter { !$0.isEmpty }
        #expect(!lines.isEmpty)
        for line in lines {
            let object = try? JSONSerialization.jsonObject(with: Data(line.utf8)) as? [String: Any]
            #expect(object?["time"] is String && object?["level"] is String && object?["message"] is String, "\(line)")
        }
    }

    @Test(arguments: [["--metrics-port", "70000"], ["--metrics-host", "127.0.0.1"], ["--log-format", "xml"]])
    func refusesBadObservabilityFlags(arguments: [String]) throws {
        let folder = try CLI.temporaryFolder()
        let result = try CLI.run(["serve", "--db", folder.appendingPathComponent("x.sqlite").path] + arguments)
        #expect(result.status == 64, "\(result.stderr)")
        #expect(result.stderr.contains(arguments[0]) || result.stderr.contains(arguments[1]), "\(result.stderr)")
    }

    @Test func reloadsPoliciesOnSIGHUP() async throws {
        let folder = try CLI.temporaryFolder()
        try CLI.write(["judol.yaml": Self.rules, "settings.yaml": Self.truthfulAnswers], to: folder.appendingPathComponent("Policies"))
        // A long interval: only the signal can make the change visible within the test.
        let server = try ServeProcess(folder: folder, arguments: ["--reload-interval", "3600", "--no-rate-limits"])
        defer { server.stop() }
        #expect(try await Self.post(server, "promo kasino online").json()["status"] as? String == "published")
        try CLI.write(
            [
                "judol.yaml": Self.rules.replacingOccurrences(of: "words: [slot gacor]", with: "words: [slot gacor, kasino online]"),
                "settings.yaml": Self.truthfulAnswers,
            ],
            to: folder.appendingPathComponent("Policies"))
        server.signal(SIGHUP)
        var status: String? = nil
        for _ in 0..<50 {
            try await Task.sleep(for: .milliseconds(100))
            status = try await Self.post(server, "promo kasino online").json()["status"] as? String
            if status == "rejected" { break }
        }
        #expect(status == "rejected")
    }

    /// Every comment acknowledged with 201 is in the database after `kill -9`.
    @Test func acknowledgedCommentsSurviveKill9() async throws {
        let folder = try CLI.temporaryFolder()
        try CLI.write(["judol.yaml": Self.rules], to: folder.appendingPathComponent("Policies"))
        let server = try ServeProcess(folder: folder, arguments: ["--no-rate-limits"])
        var acknowledged: [Int] = []
        for n in 0..<300 {
            let reply = try await Self.post(server, "komentar nomor \(n)")
            if reply.status == 201, let id = try reply.json()["id"] as? Int { acknowledged.append(id) }
        }
        server.signal(SIGKILL)
        server.process.waitForExit()
        #expect(acknowledged.count == 300)
        let store = try SaringStore(path: folder.appendingPathComponent("serve.sqlite").path)
        for id in acknowledged {
            #expect(try await store.comment(id: Int64(id)) != nil)
        }
    }
}
