import Foundation
import SaringCore
import SaringFiles
import Testing

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

    @Test func masksProfanityAndPhoneNumbersButNotInnocentWords() throws {
        let verdict = try Self.judge("Dasar b4ngs4t, hubungi 0812-3456-7890. Bangsa ini butuh kontrol di pantai.")
        #expect(verdict.status == .published)
        #expect(verdict.publishedBody == "Dasar ***, hubungi ***. Bangsa ini butuh kontrol di pantai.")
    }
}
