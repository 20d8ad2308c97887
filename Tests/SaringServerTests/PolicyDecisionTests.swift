import Foundation
import SaringStore
import SaringCore
import SaringServer
import SaringTestSupport
import Testing

/// The policy decides POSTs end to end, and reloads while the server runs.
@Suite("Policy on the live server")
struct PolicyDecisionTests {
    /// These tests read the true status in the answer (by default a rejected comment is answered
    /// `pending`, so spammers learn nothing).
    static let files: [String: String] = [
        "settings.yaml": """
            responses:
              rejected-as: rejected
            """,
        "judol.yaml": """
            rules:
              - id: judol.keywords
                description: Online-gambling spam keywords
                category: judol
                words: [slot gacor, maxwin]
                action: reject
                examples:
                  match: ["main slot gacor"]
            """,
        "kasar.yaml": """
            rules:
              - id: kasar.umpatan
                description: Profanity
                category: kasar
                words: [bangsat, goblok]
                action: mask
                examples:
                  match: ["dasar bangsat"]
                  no-match: ["bangsa Indonesia"]
            """,
    ]

    static func post(_ server: LiveServer, _ body: String) async throws -> (status: String, id: Int64) {
        let reply = try await server.client.json("POST", "/v1/articles/a1/comments", ["author": ["name": "Pembaca"], "body": body])
        #expect(reply.status == 201, "\(reply.text)")
        let json = try reply.json()
        return (json["status"] as? String ?? "", Int64(json["id"] as? Int ?? 0))
    }

    @Test func rejectsLookAlikeSpamAndRecordsRulesAndVersion() async throws {
        try await LiveServer.run(policyFiles: Self.files) { server in
            let result = try await Self.post(server, "Ayo gabung, 𝐒𝐋𝐎𝐓 𝐆𝐀𝐂𝐎𝐑 hari ini pasti ᴍᴀxᴡɪɴ")
            #expect(result.status == "rejected")
            let history = try await server.store.decisions(commentId: result.id)
            #expect(history.count == 1)
            #expect(history[0].decidedBy == server.policies?.current.version)
            #expect(history[0].reasons.first?.hasPrefix("judol.keywords (reject)") == true)
            let list = try await server.client.send("GET", "/v1/articles/a1/comments", contentType: nil)
            #expect(!list.text.contains("GACOR") && !list.text.contains("𝐆"))
        }
    }

    @Test func publishesProfanityMaskedAndKeepsTheOriginal() async throws {
        try await LiveServer.run(policyFiles: Self.files) { server in
            let result = try await Self.post(server, "Dasar b4ngs4t, bangsa ini butuh pemimpin")
            #expect(result.status == "published")
            let list = try await server.client.send("GET", "/v1/articles/a1/comments", contentType: nil)
            let body = ((try list.json()["comments"] as? [[String: Any]])?.first?["body"]) as? String
            #expect(body == "Dasar ***, bangsa ini butuh pemimpin")
            #expect(try await server.store.comment(id: result.id)?.body == "Dasar b4ngs4t, bangsa ini butuh pemimpin")
        }
    }

    @Test func revealsReasonsOnlyWhenConfigured() async throws {
        var settings = ServerSettings(adminToken: "t")
        settings.revealReasons = true
        try await LiveServer.run(settings: settings, policyFiles: Self.files) { server in
            let reply = try await server.client.json(
                "POST", "/v1/articles/a1/comments", ["author": ["name": "x"], "body": "slot gacor"])
            #expect((try reply.json()["reasons"] as? [String])?.first?.hasPrefix("judol.keywords") == true)
        }
    }

    /// The answer's reasons are those of the final decision: a premoderated article's hold and a
    /// banned author's rejection say so, though the policy itself found nothing.
    @Test func revealedReasonsAreTheFinalDecisionsOnes() async throws {
        var settings = ServerSettings(adminToken: "t")
        settings.revealReasons = true
        try await LiveServer.run(settings: settings, policyFiles: Self.files) { server in
            _ = try await server.store.saveArticle(Article(id: "moderated", premoderated: true))
            let held = try await server.client.json(
                "POST", "/v1/articles/moderated/comments", ["author": ["name": "Pembaca Baru"], "body": "semoga cepat pulih"])
            #expect(try held.json()["status"] as? String == "pending")
            #expect(try held.json()["reasons"] as? [String] == ["article is premoderated"])

            let author = ["name": "Tukang Iklan", "email": "iklan@example.com"]
            _ = try await server.client.json("POST", "/v1/articles/a1/comments", ["author": author, "body": "halo semua"])
            try await ModerationDesk(store: server.store, moderator: "sari").ban(AuthorIdentity(moderatorInput: "iklan@example.com"))
            let banned = try await server.client.json("POST", "/v1/articles/a1/comments", ["author": author, "body": "halo lagi"])
            #expect(try banned.json()["status"] as? String == "rejected")
            #expect(try banned.json()["reasons"] as? [String] == ["author is banned"])
        }
    }

    static func waitFor(_ server: LiveServer, version: String, timeout: Duration = .seconds(20)) async throws {
        let deadline = ContinuousClock.now + timeout
        while server.policies?.current.version != version, ContinuousClock.now < deadline {
            try await Task.sleep(for: .milliseconds(20))
        }
    }

    @Test func goodChangeTakesEffectWithoutRestartAndBadChangeIsRefused() async throws {
        try await LiveServer.run(policyFiles: Self.files) { server in
            let folder = try #require(server.policyFolder)
            #expect(try await Self.post(server, "promo kasino online").status == "published")

            var changed = Self.files
            changed["kasino.yaml"] = """
                rules:
                  - id: judol.kasino
                    description: Casino promotion
                    words: [kasino online]
                    action: hold
                    examples:
                      match: ["promo kasino online"]
                """
            try LiveServer.writePolicyFolder(folder, changed)
            let good = PolicySource(files: changed.map { .init(name: $0.key, text: $0.value) }).version
            try await Self.waitFor(server, version: good)
            #expect(server.policies?.current.version == good)
            #expect(try await Self.post(server, "promo kasino online").status == "pending")

            var broken = changed
            broken["kasino.yaml"] = changed["kasino.yaml"]!.replacingOccurrences(of: "words: [kasino online]", with: "pattern: 'kasino(online'")
            broken["judol.yaml"] = nil
            try LiveServer.writePolicyFolder(folder, broken)
            try await Task.sleep(for: .milliseconds(400))
            #expect(server.policies?.current.version == good)
            #expect(try await Self.post(server, "main slot gacor").status == "rejected")
            #expect(try await Self.post(server, "promo kasino online").status == "pending")
        }
    }

    @Test func noRequestFailsWhileThePolicyReloadsUnderLoad() async throws {
        try await LiveServer.run(policyFiles: Self.files) { server in
            let folder = try #require(server.policyFolder)
            let writer = Task {
                for round in 0..<12 {
                    var files = Self.files
                    files["extra.yaml"] = """
                        rules:
                          - id: extra.round\(round)
                            description: Round \(round)
                            words: [kata\(round)]
                            action: flag
                            examples:
                              match: ["kata\(round)"]
                        """
                    if round % 3 == 2 { files["broken.yaml"] = "rules: [" }
                    try LiveServer.writePolicyFolder(folder, files)
                    try await Task.sleep(for: .milliseconds(70))
                }
            }
            let statuses = try await withThrowingTaskGroup(of: [Int].self) { group in
                for client in 0..<4 {
                    group.addTask {
                        var statuses: [Int] = []
                        for n in 0..<120 {
                            let reply = try await server.client.json(
                                "POST", "/v1/articles/a1/comments", ["author": ["name": "c\(client)"], "body": "komentar \(n) slot gacor"])
                            statuses.append(reply.status)
                            #expect(try reply.json()["status"] as? String == "rejected")
                        }
                        return statuses
                    }
                }
                return try await group.reduce(into: [Int]()) { $0 += $1 }
            }
            try await writer.value
            #expect(statuses.count == 480)
            #expect(statuses.allSatisfy { $0 == 201 })
        }
    }
}

@Suite("Bans on the live server")
struct BanOnLiveServerTests {
    @Test func banTakesEffectOnTheNextPost() async throws {
        try await LiveServer.run { server in
            let comment = ["author": ["name": "Spammer", "email": "spam@example.com"], "body": "halo"] as [String: Any]
            let first = try await server.client.json("POST", "/v1/articles/a1/comments", comment)
            #expect(try first.json()["status"] as? String == "published")
            try await ModerationDesk(store: server.store, moderator: "sari").ban(AuthorIdentity(moderatorInput: "SPAM@example.com"), reason: "judol")
            let second = try await server.client.json("POST", "/v1/articles/a1/comments", comment)
            #expect(second.status == 201)
            // Answered as pending (probing teaches nothing), stored as rejected.
            #expect(try second.json()["status"] as? String == "pending")
            let id = Int64(try second.json()["id"] as? Int ?? 0)
            #expect(try await server.store.comment(id: id)?.status == .rejected)
        }
    }
}
