import Testing

@testable import SaringCore

@Suite("Campaign signature: the variations spammers make keep texts similar")
struct CampaignSignatureNearDuplicateTests {
    static let threshold = CampaignIndex(windowMillis: 1).similarityThreshold

    static let slotVariants: [(String, String)] = [
        (
            "changed numbers",
            "Lagi butuh modal? Main di GACOR88 aja, deposit 50rb langsung dapat bonus new member 150%, "
                + "maxwin tiap hari dan withdraw cepat. Daftar sekarang di gacor88.com atau chat WA 0857-1111-2029"
        ),
        (
            "a dropped word",
            "Lagi butuh modal? Main di GACOR88 aja, deposit 25rb dapat bonus new member 100%, "
                + "maxwin tiap hari dan withdraw cepat. Daftar sekarang di gacor88.com atau chat WA 0812-3456-7890"
        ),
        (
            "an added word",
            "Lagi butuh modal bosku? Main di GACOR88 aja, deposit 25rb langsung dapat bonus new member 100%, "
                + "maxwin tiap hari dan withdraw cepat. Daftar sekarang di gacor88.com atau chat WA 0812-3456-7890"
        ),
        (
            "a swapped word",
            "Lagi butuh modal? Main di GACOR88 aja, deposit 25rb langsung dapat bonus new member 100%, "
                + "jackpot tiap hari dan withdraw cepat. Daftar sekarang di gacor88.com atau chat WA 0812-3456-7890"
        ),
        (
            "punctuation dropped",
            "lagi butuh modal main di gacor88 aja deposit 25rb langsung dapat bonus new member 100 maxwin "
                + "tiap hari dan withdraw cepat daftar sekarang di gacor88.com atau chat wa 081234567890"
        ),
        (
            "emoji added",
            "🔥🔥 Lagi butuh modal? 💰 Main di GACOR88 aja, deposit 25rb langsung dapat bonus new member 100%, "
                + "maxwin tiap hari 🎰 dan withdraw cepat. Daftar sekarang di gacor88.com atau chat WA 0812-3456-7890 🔥"
        ),
        (
            "math-bold letters and leetspeak",
            "𝗟𝗮𝗴𝗶 𝗯𝘂𝘁𝘂𝗵 𝗺𝗼𝗱𝗮𝗹? Main di G4C0R88 aja, dep0sit 25rb langsung dapat b0nus new member 100%, "
                + "maxw1n tiap hari dan withdraw cepat. Daftar sekarang di gacor88.com atau chat WA 0812-3456-7890"
        ),
        (
            "one look-alike letter the normalizer keeps",
            "Lagi butuh modal? Main di GACOR88 aja, deposit 25rb langsung dapat bonus new member 100%, "
                + "maxwin tiap hari dan withdraw cepat. Daftar sekarang di gacor88.com atau chat WA 0812-3456-7890 ñ"
        ),
        (
            "another site name",
            "Lagi butuh modal? Main di SLOTMAXWIN aja, deposit 25rb langsung dapat bonus new member 100%, "
                + "maxwin tiap hari dan withdraw cepat. Daftar sekarang di slotmaxwin.vip atau chat WA 0812-3456-7890"
        ),
    ]

    @Test(arguments: slotVariants)
    func gamblingSpamVariantStaysAboveThreshold(_ change: String, _ variant: String) throws {
        let original = try #require(CampaignCorpus.signature(CampaignCorpus.slotSpam))
        let changed = try #require(CampaignCorpus.signature(variant))
        #expect(changed.similarity(to: original) >= Self.threshold, "\(change)")
    }

    /// A ten-word loan spam: one changed word still leaves two thirds of the features.
    static let loanVariants = [
        "Pinjaman online cair 10 menit tanpa BI checking, kontak WA 0813 2222 1111",
        "Pinjaman online cair 5 menit tanpa BI checking, hubungi WA 0813 9999 1234",
        "Pinjaman online cair 5 menit tanpa BI checking hubungi WA 0813 2222 1111 sekarang",
        "Pinjaman cair 5 menit tanpa BI checking, hubungi WA 0813 2222 1111",
        "Pinjaman online langsung cair 5 menit tanpa BI checking!! hubungi WA 0813-2222-1111 💸💸",
    ]

    @Test(arguments: loanVariants)
    func shortLoanSpamWithOneChangeStaysAboveThreshold(_ variant: String) throws {
        let original = try #require(
            CampaignCorpus.signature("Pinjaman online cair 5 menit tanpa BI checking, hubungi WA 0813 2222 1111")
        )
        let changed = try #require(CampaignCorpus.signature(variant))
        #expect(changed.similarity(to: original) >= Self.threshold)
    }

    @Test func identicalTextIsFullySimilar() throws {
        let signature = try #require(CampaignCorpus.signature(CampaignCorpus.slotSpam))
        #expect(signature.similarity(to: signature) == 1)
    }

    @Test func similarityIsSymmetric() throws {
        let original = try #require(CampaignCorpus.signature(CampaignCorpus.slotSpam))
        let changed = try #require(CampaignCorpus.signature(Self.slotVariants[3].1))
        #expect(original.similarity(to: changed) == changed.similarity(to: original))
    }

    @Test func sameTextGivesTheSameSignatureFromSeparateNormalizersAndCalls() throws {
        let text = Self.slotVariants[6].1
        let first = try #require(CampaignSignature(normalizedText: TextNormalizer().normalize(text).text))
        let second = try #require(CampaignSignature(normalizedText: TextNormalizer().normalize(text).text))
        #expect(first == second)
    }

    /// Pins the fixed seeds: a signature must mean the same in every process and version, so a
    /// change here is a deliberate, breaking change.
    @Test func signatureSlotsAreFixedAcrossProcesses() throws {
        let signature = try #require(CampaignSignature(normalizedText: "lagi butuh modal main di gacor88 wa 0812"))
        #expect(signature.slots.prefix(4) == [20_740_732, 195_143_849, 82_628_637, 142_762_618])
    }
}
