import Foundation
import Logging
import SaringCore
import SaringStore
import SaringTestSupport
import Testing

@testable import SaringServer

/// The policy history from the server's side: `GET /v1/policy`, each loaded version recorded
/// before it judges, decisions linked to it, and the rule meter's aggregates.
@Suite("Policy history on the live server")
struct PolicyHistoryAPITests {
    static let admin = ["Authorization": "Bearer test-admin-token"]

    static func policy(_ server: LiveServer) async throws -> [String: Any] {
        let reply = try await server.client.send("GET", "/v1/policy", contentType: nil, headers: Self.admin)
        #expect(reply.status == 200, "\(reply.text)")
        return try reply.json()
    }

    /// Waits until `GET /v1/policy` satisfies `condition` (the reloader polls every 50 ms).
    static func policy(
        _ server: LiveServer, until condition: ([String: Any]) -> Bool, timeout: Duration = .seconds(20)
    ) async throws -> [String: Any] {
        let deadline = ContinuousClock.now + timeout
        var last = try await Self.policy(server)
        while !condition(last), ContinuousClock.now < deadline {
            try await Task.sleep(for: .milliseconds(20))
            last = try await Self.policy(server)
        }
        return last
    }

    @Test func policyRouteShowsTheVersionInForceItsRulesAndTheLastRefusedReload() async throws {
        try await LiveServer.run(policyFiles: PolicyDecisionTests.files) { server in
            let anonymous = try await server.client.send("GET", "/v1/policy", contentType: nil)
            #expect(anonymous.status == 401)
            #expect(anonymous.errorCode == "unauthorized")

            let first = try await Self.policy(server)
            let version = try #require(server.policies?.current.version)
            #expect(first["version"] as? String == version)
            #expect((first["loadedAt"] as? String)?.hasSuffix("Z") == true)
            #expect(first["lastRefusedReload"] is NSNull)
            let rules = first["rules"] as? [[String: Any]] ?? []
            #expect(rules.map { $0["id"] as? String } == ["judol.keywords", "kasar.umpatan"])
            #expect(rules.first?["action"] as? String == "reject")
            #expect(rules.first?["file"] as? String == "judol.yaml")
            #expect(rules.first?["shadow"] as? Bool == false)

            let folder = try #require(server.policyFolder)
            var broken = PolicyDecisionTests.files
            broken["kasar.yaml"] = broken["kasar.yaml"]!.replacingOccurrences(of: "words: [bangsat, goblok]", with: "pattern: 'bang(sat'")
            try LiveServer.writePolicyFolder(folder, broken)
            let refused = try await Self.policy(server) { !($0["lastRefusedReload"] is NSNull) }
            #expect(refused["version"] as? String == version)
            let reload = try #require(refused["lastRefusedReload"] as? [String: Any])
            #expect(reload["version"] as? String == PolicySource(files: broken.map { .init(name: $0.key, text: $0.value) }).version)
            let problems = reload["problems"] as? [String] ?? []
            #expect(problems.contains { $0.hasSuffix("/kasar.yaml:2: kasar.umpatan: pattern does not compile: missing closing parenthesis at offset 8 in 'bang(sat'") }, "\(problems)")
        }
    }

    @Test func eachLoadedVersionIsRecordedAndNamedByTheDecisionsItMade() async throws {
        try await LiveServer.run(policyFiles: PolicyDecisionTests.files) { server in
            let firstVersion = try #require(server.policies?.current.version)
            let before = try await PolicyDecisionTests.post(server, "Harga beras di pasar induk mulai turun minggu ini.")
            var changed = PolicyDecisionTests.files
            changed["kasino.yaml"] = """
                rules:
                  - id: judol.kasino
                    description: Casino promotion
                    words: [kasino online]
                    action: hold
                    examples:
                      match: ["promo kasino online"]
                """
            try LiveServer.writePolicyFolder(Self.folder(server), changed)
            let secondVersion = PolicySource(files: changed.map { .init(name: $0.key, text: $0.value) }).version
            try await PolicyDecisionTests.waitFor(server, version: secondVersion)
            let after = try await PolicyDecisionTests.post(server, "Ada promo kasino online di grup sebelah, hati-hati penipuan.")
            #expect(after.status == "pending")

            let versions = try await server.store.policyVersions()
            #expect(versions.map(\.version) == [secondVersion, firstVersion])
            let second = try #require(try await server.store.policyVersion(secondVersion))
            #expect(second.files.map(\.name) == ["judol.yaml", "kasar.yaml", "kasino.yaml", "settings.yaml"])
            #expect(second.files.first { $0.name == "kasino.yaml" }?.text == changed["kasino.yaml"])
            #expect(second.rules.map(\.id) == ["judol.keywords", "kasar.umpatan", "judol.kasino"])
            let firstDecision = try #require(try await server.store.decisions(commentId: before.id).first)
            let secondDecision = try #require(try await server.store.decisions(commentId: after.id).first)
            #expect(firstDecision.policyVersionId == versions[1].id)
            #expect(secondDecision.policyVersionId == second.id)
            #expect(try await server.store.policyVersion(ofDecision: secondDecision.id)?.version == secondVersion)
        }
    }

    static func folder(_ server: LiveServer) throws -> URL { try #require(server.policyFolder) }

    @Test func theMeterRecordsFirstAndLastUseAndRuleCostsPerDay() async throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("saring-meter-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        let store = try SaringStore(path: folder.appendingPathComponent("m.sqlite").path)
        try store.migrate()
        let source = PolicySource(files: PolicyDecisionTests.files.map { .init(name: $0.key, text: $0.value) })
        let policy = try PolicyCompiler.compile(source).get()
        try await store.recordPolicyVersion(source, policy)
        let meter = RuleMeter(store: store, holder: PolicyHolder(policy), sampleEvery: 1, logger: Logger(label: "test"))
        let texts = ["Main slot gacor malam ini", "Dasar bangsat kau", "Jalan di depan rumah sudah diperbaiki"]
        let now = Int64(Date().timeIntervalSince1970 * 1000)
        for (n, text) in texts.enumerated() {
            meter.judged(text, version: policy.version, at: now + Int64(n) * 1000)
            meter.measure(RuleMeter.Sample(version: policy.version, body: text))
        }
        // Another version's sample (a reload raced it) is not timed against this one.
        meter.measure(RuleMeter.Sample(version: "0000000000000000", body: "slot gacor"))
        try await meter.flush()
        let record = try #require(try await store.policyVersion(policy.version))
        #expect(record.firstUsedAt.map { Int64(($0.timeIntervalSince1970 * 1000).rounded()) } == now)
        #expect(record.lastUsedAt.map { Int64(($0.timeIntervalSince1970 * 1000).rounded()) } == now + 2000)
        let window = try await store.tuningWindow(since: Date().addingTimeInterval(-3600))
        let judol = try #require(window.timings["judol.keywords"])
        #expect(judol.matches == 1)
        #expect(judol.runs >= 1)
        #expect(judol.nanos > 0)
        #expect(window.timings["kasar.umpatan"]?.matches == 1)
        // A second flush adds to the day's row.
        meter.measure(RuleMeter.Sample(version: policy.version, body: "slot gacor lagi"))
        try await meter.flush()
        let again = try await store.tuningWindow(since: Date().addingTimeInterval(-3600))
        #expect(again.timings["judol.keywords"]?.matches == 2)
    }
}
