import Foundation
import SaringFiles
import Testing

@testable import SaringCore

/// The policy pack in the repository is tested like code: it compiles, every example holds, and it
/// decides the product's headline cases.
@Suite("The shipped Policies/")
struct ShippedPolicyTests {
    static let folder = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent().appendingPathComponent("Policies").path

    static func judge(_ body: String) throws -> Verdict {
        let policy = try PolicyFolder.load(folder)
        return policy.judge(
            CommentDraft(articleId: "a", authorName: "Pembaca", authorEmail: nil, body: body, parentId: nil),
            context: JudgeContext(standing: .normal, approvedComments: 5))
    }

    @Test func compilesAndEveryExampleHolds() throws {
        let policy = try PolicyFolder.load(Self.folder)
        #expect(policy.ruleSpecs.count >= 20)
        for category in ["judol", "kasar", "sara", "pii", "link"] {
            #expect(policy.ruleSpecs.contains { $0.category == category }, "no \(category) rule")
        }
    }

    @Test(arguments: ["Main di 𝗦𝗟𝗢𝗧 𝗚𝗔𝗖𝗢𝗥 pasti maxwin", "s l o t g4c0r depo pulsa wd lancar"])
    func rejectsGamblingSpamInLookAlikes(_ body: String) throws {
        #expect(try Self.judge(body).status == .rejected)
    }

    @Test func theLearnedJudolRuleHoldsAPromotionThePatternsMissAndQuotesWholeWords() throws {
        let policy = try PolicyFolder.load(Self.folder)
        #expect(policy.ruleSpecs.contains { $0.id == "judol.model" && $0.category == "judol" })
        let verdict = try Self.judge("Alhamdulillah rezeki anak soleh, semalam dapat kemenangan beruntun di situs biru, modal kecil hasil besar")
        #expect(verdict.status == .pending)
        #expect(verdict.hits.map(\.ruleId) .allSatisfy { $0 == "judol.model" })
        let reason = try #require(verdict.reasons.first)
        #expect(reason.hasPrefix("judol.model (hold): Reads like an online-gambling promotion"), "\(reason)")
        #expect(reason.contains("weighed most: \""), "\(reason)")
    }

    @Test func leavesComplaintsAboutGamblingAlone() throws {
        #expect(try Self.judge("Pemerintah harus memberantas judi online, banyak yang bangkrut").status == .published)
        #expect(try Self.judge("yang komen slot gacor itu bot judol, tolong dihapus").hits.allSatisfy { $0.category != "judol" })
    }

    @Test(arguments: [
        "orang cina itu jorok dan pelit",
        "kresten itu pendusta semua",
        "cina.... memang licik dari dulu",
        "bubarkan ahmadiyah sekarang juga",
        "islam itu sesat, tinggalkan saja",
        "presiden turunan onta itu",
        "ulama dihina\\nbela penista agama terus",
        "quran itu kitab konyol",
        "cina itu harus diusir dari sini",
        "#UsirChina dari tanah air",
        "muhammad cuma mengaku nabi",
        "dasar nasrani kafir",
        "lapangan kerja cuma buat tka cina",
        "bubarkan pki sampai ke akarnya",
        "kok masih ada yang pilih penista agama",
        "orang itu penghina al-quran dan ulama",
        "sudah jelas haji itu penipuan",
        "mereka memang konsisten membela kekafiran",
        "tuhan tidak menolong, berhenti solat saja, tak ada gunanya",
    ])
    func holdsSaraAttacksForReview(_ body: String) throws {
        let verdict = try Self.judge(body)
        #expect(verdict.status == .pending, "\(verdict.reasons)")
        #expect(verdict.hits.contains { $0.category == "sara" })
    }

    @Test(arguments: [
        "Warga Tionghoa di Singkawang merayakan Cap Go Meh bersama umat muslim dengan damai.",
        "Sejarah mencatat orang Cina sudah berdagang di Nusantara sejak abad ke-7.",
        "Nabi Muhammad melarang umatnya berbuat zalim kepada tetangga yang berbeda agama.",
        "Allah tidak menyukai orang yang sombong dan suka menghina sesama.",
        "Dalam Al-Quran ada kisah kaum yang membantai para nabi, itu pelajaran bagi kita.",
        "Kafir dalam bahasa Arab artinya orang yang menutupi kebenaran, istilah ini dibahas di kajian tafsir.",
        "Pemerintah resmi membubarkan HTI pada 2017 lewat Perppu Ormas.",
        "Pedagang keturunan Arab di Pekalongan sudah turun-temurun berjualan batik.",
        "Restoran Cina di ujung jalan itu masakannya enak, harganya juga murah.",
        "Islam melarang ajaran sesat dan mengajak berdakwah dengan santun.",
        "Umat Buddha di Myanmar merayakan Waisak dengan tenang.",
        "Pengungsi Rohingya tiba di Aceh dan ditampung warga desa.",
        "Kerukunan antar umat beragama di desa kami terjaga sejak dulu.",
        "Koruptor harus dihukum seberat-beratnya, apa pun agamanya.",
        "Ribuan jemaah umroh ditipu biro perjalanan, polisi memburu pemiliknya.",
        "Jangan menghina Al-Quran, hormati keyakinan orang lain.",
        "Perempuan yang sedang haid berhenti sholat sampai suci.",
        "Pemerintah komunis di Vietnam membuka investasi asing.",
        "Bubarkan saja DPR kalau kerjanya cuma tidur.",
    ])
    func leavesRespectfulTalkAboutReligionAndEthnicityPublished(_ body: String) throws {
        let verdict = try Self.judge(body)
        #expect(verdict.status == .published, "\(verdict.reasons)")
        #expect(verdict.hits.isEmpty, "\(verdict.reasons)")
    }

    @Test(arguments: [
        ("dasar pecundang, kerjanya cuma nyinyir", "***, kerjanya cuma nyinyir"),
        ("sialan lu, antre dong", "*** lu, antre dong"),
        ("politik busuk begini bikin muak", "politik *** begini bikin muak"),
    ])
    func masksInsultsAddedForKasar(_ body: String, _ published: String) throws {
        let verdict = try Self.judge(body)
        #expect(verdict.status == .published)
        #expect(verdict.publishedBody == published)
    }

    @Test(arguments: [
        "Warga Cibubur Udik mengeluhkan jalan rusak yang tak kunjung diperbaiki.",
        "Buah mangga yang busuk sebaiknya langsung dibuang.",
        "Saya merasa bodoh karena lupa membawa KTP ke kelurahan.",
        "Angka tiga belas dianggap angka sial oleh sebagian orang.",
        "Buaya muara muncul di sungai dekat permukiman warga.",
        "Di neraka jahanam orang zalim mendapat balasan, kata penceramah itu.",
    ])
    func leavesOrdinaryUsesOfInsultWordsUnmasked(_ body: String) throws {
        let verdict = try Self.judge(body)
        #expect(verdict.hits.isEmpty, "\(verdict.reasons)")
        #expect(verdict.publishedBody == body)
    }

    /// Every SARA and kasar rule needs a literal, so the prefilter skips it on most comments.
    @Test func everySaraAndKasarRuleIsPrefiltered() throws {
        let policy = try PolicyFolder.load(Self.folder)
        let costs = policy.profile(["komentar biasa"]).filter { $0.ruleId.hasPrefix("sara.") || $0.ruleId.hasPrefix("kasar.") }
        #expect(costs.count >= 18)
        for cost in costs {
            #expect(cost.prefiltered, "\(cost.ruleId) has no literal for the prefilter")
        }
    }

    /// The pack's big alternations run branch by branch, and on every example of every rule (a
    /// few hundred ordinary and hostile texts) the branches fire exactly where the whole does.
    @Test func bigAlternationsRunAsBranchesThatAgreeWithTheWholePattern() throws {
        let policy = try PolicyFolder.load(Self.folder)
        let split = policy.rules.filter { $0.branches != nil }
        #expect(split.contains { $0.spec.id == "sara.serangan-agama" })
        #expect(split.count >= 5)
        let texts = policy.rules.flatMap { $0.spec.mustMatch + $0.spec.mustNotMatch }
        #expect(texts.count > 500)
        let scratch = MatchScratch()
        for rule in split {
            guard case .pattern(let whole) = rule.matcher, let branches = rule.branches else { continue }
            for example in texts {
                var text = FieldText(example, normalizer: policy.normalizer).text(for: rule.spec.target)
                text.withUTF8 { bytes in
                    let fires = !whole.matches(in: bytes, scratch: scratch).ranges.isEmpty
                    let branchFires = branches.contains { !$0.pattern.matches(in: bytes, scratch: scratch).ranges.isEmpty }
                    #expect(fires == branchFires, "\(rule.spec.id) on \"\(example)\"")
                }
            }
        }
    }

    @Test func masksProfanityAndPhoneNumbersButNotInnocentWords() throws {
        let verdict = try Self.judge("Dasar b4ngs4t, hubungi 0812-3456-7890. Bangsa ini butuh kontrol di pantai.")
        #expect(verdict.status == .published)
        #expect(verdict.publishedBody == "Dasar ***, hubungi ***. Bangsa ini butuh kontrol di pantai.")
    }
}
