import Testing

@testable import SaringCore

@Suite("Campaign index: near-copies within the window")
struct CampaignIndexTests {
    static let minute: Int64 = 60_000
    static let spam = try! #require(CampaignCorpus.signature(CampaignCorpus.slotSpam))
    static let spamVariant = try! #require(CampaignCorpus.signature(CampaignSignatureNearDuplicateTests.slotVariants[0].1))

    static func entry(_ id: Int64, author: String, client: String? = nil, article: String = "a1", at minutes: Int64)
        -> CampaignIndex.Entry
    {
        CampaignIndex.Entry(commentId: id, authorKey: author, clientKey: client, articleId: article, atMillis: minutes * minute)
    }

    @Test func findsNearCopiesAndSummarizesTheirSources() {
        var index = CampaignIndex(windowMillis: 60 * Self.minute)
        index.insert(Self.spam, entry: Self.entry(1, author: "u1", client: "ip1", article: "a1", at: 0))
        index.insert(Self.spamVariant, entry: Self.entry(2, author: "u2", client: "ip1", article: "a2", at: 1))
        index.insert(Self.spam, entry: Self.entry(3, author: "u2", client: nil, article: "a2", at: 2))
        for (offset, comment) in CampaignCorpus.ordinaryComments.enumerated() {
            index.insert(CampaignCorpus.signature(comment)!, entry: Self.entry(100 + Int64(offset), author: "r\(offset)", at: 3))
        }
        let match = index.matches(Self.spamVariant, atMillis: 4 * Self.minute)
        #expect(match.memberIds == [1, 2, 3])
        #expect(match.distinctAuthors == 2)
        #expect(match.distinctClients == 1)
        #expect(match.distinctArticles == 2)
        #expect(match.campaignId == nil)
    }

    @Test func unrelatedTextMatchesNothing() {
        var index = CampaignIndex(windowMillis: 60 * Self.minute)
        index.insert(Self.spam, entry: Self.entry(1, author: "u1", at: 0))
        let loan = CampaignCorpus.signature("Pinjaman online cair 5 menit tanpa BI checking, hubungi WA 0813 2222 1111")!
        #expect(index.matches(loan, atMillis: Self.minute).entries.isEmpty)
    }

    @Test func matchesOnlyEntriesWithinTheWindow() {
        var index = CampaignIndex(windowMillis: 10 * Self.minute)
        index.insert(Self.spam, entry: Self.entry(1, author: "u1", at: 0))
        index.insert(Self.spam, entry: Self.entry(2, author: "u2", at: 5))
        #expect(index.matches(Self.spam, atMillis: 12 * Self.minute).memberIds == [2])
        #expect(index.matches(Self.spam, atMillis: 10 * Self.minute).memberIds == [1, 2])
    }

    @Test func campaignIdIsTheSmallestAssignedAmongMatches() {
        var index = CampaignIndex(windowMillis: 60 * Self.minute)
        for id in Int64(1)...4 {
            index.insert(Self.spam, entry: Self.entry(id, author: "u\(id)", at: id))
        }
        index.assign(campaignId: 9, to: [3, 4])
        index.assign(campaignId: 7, to: [2])
        index.assign(campaignId: 5, to: [404])
        let match = index.matches(Self.spam, atMillis: 5 * Self.minute)
        #expect(match.campaignId == 7)
        #expect(match.entries.map(\.campaignId) == [nil, 7, 9, 9])
        #expect(index.entry(commentId: 3)?.campaignId == 9)
    }

    @Test func evictBeforeDropsOldEntriesAndTheirBuckets() {
        var index = CampaignIndex(windowMillis: 60 * Self.minute)
        index.insert(Self.spam, entry: Self.entry(1, author: "u1", at: 0))
        index.insert(Self.spam, entry: Self.entry(2, author: "u2", at: 10))
        index.insert(CampaignCorpus.signature(CampaignCorpus.ordinaryComments[0])!, entry: Self.entry(3, author: "u3", at: 20))
        index.evict(before: 15 * Self.minute)
        #expect(index.count == 1)
        #expect(index.matches(Self.spam, atMillis: 20 * Self.minute).entries.isEmpty)
        #expect(index.buckets.count <= CampaignBanding.bandCount)
        index.assign(campaignId: 1, to: [1, 2])
        #expect(index.entry(commentId: 1) == nil)
    }

    @Test func insertDropsEntriesThatLeftTheWindow() {
        var index = CampaignIndex(windowMillis: 10 * Self.minute)
        index.insert(Self.spam, entry: Self.entry(1, author: "u1", at: 0))
        index.insert(Self.spam, entry: Self.entry(2, author: "u2", at: 5))
        index.insert(Self.spamVariant, entry: Self.entry(3, author: "u3", at: 11))
        #expect(index.count == 2)
        #expect(index.entry(commentId: 1) == nil)
    }

    @Test func keepsAtMostMaxEntriesDroppingTheOldest() {
        var index = CampaignIndex(windowMillis: 60 * Self.minute, maxEntries: 3)
        for id in Int64(1)...5 {
            index.insert(Self.spam, entry: Self.entry(id, author: "u\(id)", at: 0))
        }
        #expect(index.count == 3)
        #expect(index.matches(Self.spam, atMillis: 0).memberIds == [3, 4, 5])
    }
}

@Suite("Campaign lookups stay bounded")
struct CampaignLookupBoundTests {
    @Test func aLookupInAHugeCampaignReturnsItsNewestMembersWithItsId() throws {
        let normalizer = TextNormalizer()
        var index = CampaignIndex(windowMillis: 3_600_000, maxEntries: 10_000)
        let signature = try #require(
            CampaignSignature(normalizedText: normalizer.normalize("Daftar di situs88.com deposit 50rb langsung WD bonus new member").text))
        for n in 1...5_000 {
            index.insert(
                signature,
                entry: .init(
                    commentId: Int64(n), authorKey: "name:akun \(n)", clientKey: "c\(n)", articleId: "a\(n % 50)", atMillis: Int64(n),
                    campaignId: n > 3 ? 1 : nil))
        }
        let bounded = index.matches(signature, atMillis: 6_000, limit: 200)
        #expect(bounded.entries.count == 200)
        #expect(bounded.memberIds.min() == 4_801)
        #expect(bounded.campaignId == 1)
        #expect(bounded.isCampaign(minimumSources: 4, includingNew: "name:baru", clientKey: "c-new"))
        #expect(index.matches(signature, atMillis: 6_000).entries.count == 5_000)
    }
}
