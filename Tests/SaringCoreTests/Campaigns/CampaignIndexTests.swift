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

    /// What a lookup returns, the slow way: every entry in the window that shares a band's bucket
    /// with the text and agrees in enough slots — at each threshold, for texts from near-copies to
    /// strangers (the index gives up counting slots early; it must never give up on a match).
    @Test func aLookupReturnsExactlyTheBucketMatesAtOrAboveTheThreshold() throws {
        var generator = SeededRandom(seed: 20_261_204)
        let words = CampaignCorpus.ordinaryComments.joined(separator: " ").split(separator: " ").map(String.init)
        let base = CampaignCorpus.slotSpam.split(separator: " ").map(String.init)
        // Variants of one spam text with 0 to all of its words replaced, so similarities spread
        // from 1 down to 0.
        var texts: [String] = []
        for changed in 0...base.count {
            for _ in 0..<4 {
                var variant = base
                for position in base.indices.shuffled(using: &generator).prefix(changed) {
                    variant[position] = words.randomElement(using: &generator)!
                }
                texts.append(variant.joined(separator: " "))
            }
        }
        let signatures = texts.compactMap(CampaignCorpus.signature)
        #expect(signatures.count > 100)
        func keys(_ signature: CampaignSignature) -> Set<UInt64> {
            Set((0..<CampaignBanding.bandCount).map { CampaignBanding.key(band: $0, of: signature) })
        }
        for threshold in [0.3, 0.5, 0.71, 0.9] {
            var index = CampaignIndex(windowMillis: 60 * CampaignIndexTests.minute, similarityThreshold: threshold)
            for (offset, signature) in signatures.enumerated() {
                index.insert(signature, entry: CampaignIndexTests.entry(Int64(offset), author: "u\(offset)", at: 0))
            }
            for query in signatures.prefix(40) {
                let expected = signatures.indices.filter { candidate in
                    !keys(signatures[candidate]).isDisjoint(with: keys(query)) && signatures[candidate].similarity(to: query) >= threshold
                }
                #expect(index.matches(query, atMillis: CampaignIndexTests.minute).memberIds == expected.map(Int64.init), "threshold \(threshold)")
            }
        }
    }

    /// Signatures agreeing in their first band and in exactly k of the last slots, so the equal
    /// slots come late: a lookup must count on to the last block before it may give up.
    @Test func aMatchWhoseEqualSlotsComeLastIsFoundAtExactlyTheThreshold() {
        let query = CampaignSignature(slots: (0..<64).map { UInt32($0) }, informativeTokenCount: 10)
        for threshold in [0.5, 0.75] {
            let needed = Int((threshold * 64).rounded(.up))
            for equal in 3...64 {
                var slots = (0..<64).map { UInt32(1_001 + $0) }  // other low bits too: the sketch agrees only where the slots do
                for position in Array(0..<3) + Array((64 - (equal - 3))..<64) { slots[position] = UInt32(position) }
                let candidate = CampaignSignature(slots: slots, informativeTokenCount: 10)
                #expect(candidate.similarity(to: query) == Double(equal) / 64)
                var index = CampaignIndex(windowMillis: CampaignIndexTests.minute, similarityThreshold: threshold)
                index.insert(candidate, entry: CampaignIndexTests.entry(1, author: "u1", at: 0))
                #expect(index.matches(query, atMillis: 0).memberIds == (equal >= needed ? [1] : []), "\(equal) equal at \(threshold)")
            }
        }
    }
}

