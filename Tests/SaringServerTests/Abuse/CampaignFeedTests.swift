import Foundation
import SaringCore
import SaringServer
import Testing

/// A node's campaign window takes in the comments other nodes stored (read from the shared
/// database), each once, and only those still inside the window.
@Suite("Campaign window: comments read from other nodes")
struct CampaignFeedTests {
    static func spam(_ n: Int) -> String {
        "Mau cuan cepat? Gabung grup investasi kami, modal 100 ribu jadi \(n + 3) juta seminggu, dijamin aman dan terpercaya, "
            + "hubungi admin di wa.me/62812345678\(n) sekarang juga sebelum kuota habis"
    }

    static func fed(_ n: Int, at millis: Int64) -> FedComment {
        FedComment(
            id: Int64(100 + n), articleId: "berita-\(n)", authorKey: "name:pembaca \(n)", clientKey: "client-\(n)", body: spam(n),
            campaignId: nil, atMillis: millis)
    }

    @Test func commentsFromOtherNodesCountAsSourcesOnceEach() throws {
        let watch = CampaignWatch()
        let settings = CampaignSettings()  // the fourth source makes a campaign
        let now: Int64 = 1_800_000_000_000
        for n in 0..<3 { #expect(watch.learn(Self.fed(n, at: now - 1_000), at: now)) }
        // Read again (every read goes back a little): nothing new.
        for n in 0..<3 { #expect(!watch.learn(Self.fed(n, at: now - 1_000), at: now)) }
        let signature = try #require(watch.signature(of: Self.spam(3)))
        let finding = try #require(watch.lookup(signature, authorKey: "name:pembaca 3", clientKey: "client-3", at: now, settings: settings))
        #expect(finding.comments == 4)
        #expect(finding.authors == 4)
        #expect(Set(finding.untagged) == [100, 101, 102])
    }

    @Test func aCommentThisNodeStoredIsNotCountedAgainWhenReadBack() throws {
        let watch = CampaignWatch()
        let now: Int64 = 1_800_000_000_000
        let own = Self.fed(0, at: now)
        let signature = try #require(watch.signature(of: own.body))
        watch.remember(
            signature,
            entry: .init(commentId: own.id, authorKey: own.authorKey, clientKey: own.clientKey, articleId: own.articleId, atMillis: now),
            untagged: [])
        #expect(watch.knows(own.id))
        #expect(!watch.learn(own, at: now))
        // Two more sources and the same author again: still three sources, no campaign.
        for n in 1..<3 { #expect(watch.learn(Self.fed(n, at: now), at: now)) }
        let again = try #require(watch.signature(of: Self.spam(4)))
        #expect(watch.lookup(again, authorKey: own.authorKey, clientKey: own.clientKey, at: now, settings: CampaignSettings()) == nil)
    }

    @Test func commentsOlderThanTheWindowAreLeftOut() throws {
        let watch = CampaignWatch()
        let now: Int64 = 1_800_000_000_000
        let window = Int64(CampaignSettings().windowMinutes) * 60_000
        for n in 0..<3 { #expect(!watch.learn(Self.fed(n, at: now - window - 1), at: now)) }
        let signature = try #require(watch.signature(of: Self.spam(3)))
        #expect(watch.lookup(signature, authorKey: "name:pembaca 3", clientKey: "client-3", at: now, settings: CampaignSettings()) == nil)
    }
}
