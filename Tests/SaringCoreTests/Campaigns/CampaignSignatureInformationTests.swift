import Testing

@testable import SaringCore

@Suite("Campaign signature: only texts with enough information can be campaigns")
struct CampaignSignatureInformationTests {
    @Test(arguments: CampaignCorpus.stockReplies)
    func stockReplyHasNoSignature(_ reply: String) {
        #expect(CampaignCorpus.signature(reply) == nil)
    }

    @Test func condolenceFormulaHasNoSignatureEvenWithPrayerAdded() {
        #expect(CampaignCorpus.signature("Turut berduka cita, semoga almarhum husnul khotimah") == nil)
        #expect(
            CampaignCorpus.signature(
                "Innalillahi wa innailaihi rojiun. Turut berduka cita yang mendalam, semoga almarhum husnul "
                    + "khotimah, diampuni dosanya dan keluarga yang ditinggalkan diberi ketabahan. Aamiin 🤲"
            ) == nil
        )
    }

    @Test(arguments: CampaignCorpus.ordinaryComments)
    func ordinaryCommentHasASignature(_ comment: String) {
        #expect(CampaignCorpus.signature(comment) != nil)
    }

    @Test func emptyAndSymbolOnlyTextsHaveNoSignature() {
        for text in ["", " ", "🔥🔥🔥", "!!! ??? ...", "123 456 789", "a b c d e f g h"] {
            #expect(CampaignSignature(normalizedText: text) == nil, "\(text)")
        }
    }

    @Test func countsDistinctInformativeTokensOnly() throws {
        // butuh, modal, gacor, wa, number; "lagi", "di", "aja" are common, the repeats count once.
        let signature = try #require(
            CampaignSignature(normalizedText: "lagi butuh modal di gacor aja butuh modal wa 0812 3456", minimumInformativeTokens: 1)
        )
        #expect(signature.informativeTokenCount == 5)
    }

    @Test func contactDataCountsAsInformation() throws {
        // Numbers, a domain and a handle: without them only "promo" and "hubungi" would count.
        let signature = try #require(
            CampaignCorpus.signature("Promo hari ini, hubungi 0812 3456 7890 atau gacor88.com dan @admin_gacor")
        )
        #expect(signature.informativeTokenCount == 5)
    }

    @Test func minimumInformativeTokensIsTunable() {
        let text = CampaignCorpus.normalizer.normalize("Harga pertalite naik lagi, susah").text
        #expect(CampaignSignature(normalizedText: text) == nil)
        #expect(CampaignSignature(normalizedText: text, minimumInformativeTokens: 3)?.informativeTokenCount == 4)
    }
}
