import Testing

@testable import SaringCore

@Suite("Campaign signature: different readers on the same topic stay apart")
struct CampaignSignatureDistinctTests {
    @Test func ordinaryCommentsOnTheSameTopicsArePairwiseBelowThreshold() throws {
        let threshold = CampaignIndex(windowMillis: 1).similarityThreshold
        let signatures = try CampaignCorpus.ordinaryComments.map { try #require(CampaignCorpus.signature($0)) }
        var highest = 0.0
        for first in signatures.indices {
            for second in signatures.indices where second > first {
                let similarity = signatures[first].similarity(to: signatures[second])
                #expect(similarity < threshold, "\(CampaignCorpus.ordinaryComments[first]) / \(CampaignCorpus.ordinaryComments[second])")
                highest = max(highest, similarity)
            }
        }
        // Far below, not just below: topic words alone must not approach the threshold.
        #expect(highest < 0.25)
    }

    @Test func anotherSpamMessageIsNotTheSameCampaign() throws {
        let slot = try #require(CampaignCorpus.signature(CampaignCorpus.slotSpam))
        let loan = try #require(CampaignCorpus.signature("Pinjaman online cair 5 menit tanpa BI checking, hubungi WA 0813 2222 1111"))
        #expect(slot.similarity(to: loan) < 0.2)
    }
}
