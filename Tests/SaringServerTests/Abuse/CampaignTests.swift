import Foundation
import SaringCore
import SaringServer
import SaringStore
import SaringTestSupport
import Testing

/// Near-identical comments from many authors and addresses, across articles, are a campaign;
/// common short replies and ordinary distinct comments never are.
@Suite("Spam campaigns on the live server")
struct CampaignTests {
    static func post(_ server: LiveServer, _ body: String, name: String, client: String, article: String) async throws -> Int64 {
        let reply = try await server.client.json(
            "POST", "/v1/articles/\(article)/comments", ["author": ["name": name], "body": body], headers: ["X-Forwarded-For": client])
        #expect(reply.status == 201, "\(reply.text)")
        return Int64(try reply.json()["id"] as? Int ?? 0)
    }

    static func client(_ n: Int) -> String { "10.\(n / 250).\(n % 250).7" }

    @Test func aWaveOfVariantsFromManyNamesAcrossArticlesIsHeldAsOneCampaign() async throws {
        try await LiveServer.run { server in
            var ids: [Int64] = []
            for n in 0..<300 {
                ids.append(
                    try await Self.post(server, SpamWave.variant(n), name: Readers.name(n), client: Self.client(n), article: "berita-\(n % 60)"))
            }
            var comments: [SaringCore.Comment] = []
            for id in ids { comments.append(try #require(try await server.store.comment(id: id))) }
            // Default: the fourth source makes the campaign; from then on comments are held.
            let held = comments.filter { $0.status == .pending }
            #expect(held.count >= 290)
            #expect(comments.prefix(3).allSatisfy { $0.status == .published })
            // The first ones, published before the campaign was seen, are tagged and flagged.
            let campaigns = Set(comments.compactMap(\.campaignId))
            #expect(campaigns.count == 1)
            let campaign = try #require(campaigns.first)
            #expect(comments.filter { $0.campaignId == campaign }.count >= 295)
            #expect(comments.prefix(3).allSatisfy { $0.flagged && $0.campaignId == campaign })
            let hits = try await server.store.hits(commentId: held[0].id)
            let hit = try #require(hits.first { $0.ruleId == "abuse.campaign" })
            #expect(hit.description.contains("spam campaign #\(campaign)"))
        }
    }

    @Test func commonShortRepliesFromManyReadersAreNeverACampaign() async throws {
        let replies = [
            "Setuju.", "Mantap, terima kasih infonya", "Semoga cepat pulih", "Turut berduka cita, semoga almarhum husnul khotimah",
            "Mantap min, lanjutkan!", "Aamiin ya Allah", "Semoga keluarga diberi ketabahan", "Terima kasih infonya min",
        ]
        try await LiveServer.run { server in
            for n in 0..<200 {
                _ = try await Self.post(server, replies[n % replies.count], name: Readers.name(n), client: Self.client(n), article: "duka")
            }
            #expect(try await server.store.commentCounts() == [.published: 200])
        }
    }

    @Test func distinctOrdinaryCommentsAreNeverACampaign() async throws {
        try await LiveServer.run { server in
            for n in 0..<300 {
                _ = try await Self.post(server, Readers.comment(n), name: Readers.name(n), client: Self.client(n), article: "berita-\(n % 10)")
            }
            let counts = try await server.store.commentCounts()
            #expect(counts == [.published: 300])
        }
    }

    @Test func oneReaderRepeatingThemselvesIsNotACampaign() async throws {
        try await LiveServer.run { server in
            for n in 0..<10 {
                _ = try await Self.post(server, SpamWave.variant(n), name: "Budi Santoso", client: "203.0.113.5", article: "berita-\(n)")
            }
            let counts = try await server.store.commentCounts()
            #expect(counts[.pending] == nil)
        }
    }

    @Test func theCampaignActionCanReject() async throws {
        let files = ["settings.yaml": "campaigns:\n  min-sources: 3\n  action: reject\n"]
        try await LiveServer.run(policyFiles: files) { server in
            var ids: [Int64] = []
            for n in 0..<6 {
                ids.append(try await Self.post(server, SpamWave.variant(n), name: Readers.name(n), client: Self.client(n), article: "a\(n)"))
            }
            let third = try #require(try await server.store.comment(id: ids[2]))
            #expect(third.status == .rejected)
            #expect(third.campaignId == ids[0])
        }
    }
}
