import Testing

@testable import SaringCore

@Suite("Campaign match: when near-copies come from enough sources")
struct CampaignMatchTests {
    static func entry(_ id: Int64, author: String, client: String?, campaign: Int64? = nil) -> CampaignIndex.Entry {
        CampaignIndex.Entry(commentId: id, authorKey: author, clientKey: client, articleId: "a\(id % 2)", atMillis: id, campaignId: campaign)
    }

    let match = CampaignMatch(entries: [
        entry(1, author: "budi", client: "ip-a"), entry(2, author: "sari", client: "ip-a", campaign: 8),
        entry(3, author: "sari", client: nil, campaign: 4),
    ])

    @Test func summarizesDistinctSourcesAndTheOldestCampaign() {
        #expect(match.memberIds == [1, 2, 3])
        #expect(match.distinctAuthors == 2)
        #expect(match.distinctClients == 1)
        #expect(match.distinctArticles == 2)
        #expect(match.campaignId == 4)
    }

    @Test func newAuthorCountsTowardsTheSources() {
        #expect(match.isCampaign(minimumSources: 3, includingNew: "tono", clientKey: "ip-a"))
    }

    @Test func knownAuthorFromAKnownAddressAddsNothing() {
        #expect(!match.isCampaign(minimumSources: 3, includingNew: "budi", clientKey: "ip-a"))
    }

    @Test func distinctAddressesSufficeWhenOneAccountNameRepeats() {
        let sameName = CampaignMatch(entries: [Self.entry(1, author: "promo", client: "ip-a"), Self.entry(2, author: "promo", client: "ip-b")])
        #expect(sameName.isCampaign(minimumSources: 3, includingNew: "promo", clientKey: "ip-c"))
        #expect(!sameName.isCampaign(minimumSources: 3, includingNew: "promo", clientKey: nil))
    }

    @Test func noMatchesIsNeverACampaignFromTwoSourcesUp() {
        let empty = CampaignMatch(entries: [])
        #expect(empty.campaignId == nil)
        #expect(!empty.isCampaign(minimumSources: 2, includingNew: "budi", clientKey: "ip-a"))
    }
}
