import Foundation
import SaringCore
import Testing

@Suite("Judging by policy")
struct PolicyJudgeTests {
    static let policy = try! PolicyFixtures.compile(PolicyFixtures.pack)

    static func judge(_ body: String, author: String = "Pembaca", context: JudgeContext = JudgeContext(), policy: Policy = policy) -> Verdict {
        policy.judge(PolicyFixtures.draft(body, author: author), context: context)
    }

    @Test func publishesCleanComment() {
        let verdict = Self.judge("Semoga banjirnya cepat surut, tetap semangat warga Jakarta.")
        #expect(verdict.status == .published)
        #expect(verdict.hits.isEmpty)
        #expect(verdict.policyVersion == Self.policy.version)
    }

    @Test func rejectsGamblingSpamInLookAlikeLetters() {
        let verdict = Self.judge("Ayo main di 𝗦𝗟𝗢𝗧 𝗚𝗔𝗖𝗢𝗥 pasti untung")
        #expect(verdict.status == .rejected)
        #expect(verdict.hits.map(\.ruleId) == ["judol.keywords"])
        #expect(verdict.reasons.first == "judol.keywords (reject): Online-gambling spam keywords")
    }

    /// The server normalizes a body once and hands it to the judge: the verdict is the one the
    /// judge gives normalizing it itself, and a normalization of another text is not used.
    @Test func aBodyNormalizedAlreadyGivesTheSameVerdict() {
        let normalizer = TextNormalizer()
        for body in [
            "Semoga banjirnya cepat surut, tetap semangat warga Jakarta.", "Ayo main di 𝗦𝗟𝗢𝗧 𝗚𝗔𝗖𝗢𝗥 pasti untung",
            "Dasar B4NGS4T kau, bangsa ini malu", "goblok bangsat, main slot gacor", "ga\ncor hari ini, wd 50rb",
        ] {
            let draft = PolicyFixtures.draft(body)
            let reference = Self.policy.judge(draft)
            let shared = Self.policy.judge(draft, normalizedBody: normalizer.normalize(body))
            #expect(shared == reference, "\(body)")
            let other = Self.policy.judge(draft, normalizedBody: normalizer.normalize("teks lain yang bersih"))
            #expect(other == reference, "\(body)")
        }
    }

    @Test func looksAtAuthorNameWhenTheRuleSaysSo() {
        let verdict = Self.judge("halo semua", author: "situs judi resmi")
        #expect(verdict.status == .rejected)
        #expect(verdict.hits.first?.field == .author)
    }

    @Test func masksProfanityExactlyWhereItWasTyped() {
        let verdict = Self.judge("Dasar B4NGS4T kau, bangsa ini malu")
        #expect(verdict.status == .published)
        #expect(verdict.publishedBody == "Dasar *** kau, bangsa ini malu")
        #expect(verdict.hits.first?.span == 6..<13)
    }

    @Test func rejectOutranksHoldFlagAndMaskWhateverTheOrder() {
        let body = "goblok bangsat, main slot gacor"
        #expect(Self.judge(body).status == .rejected)
        let reversed = try! PolicyFixtures.compile(
            Dictionary(uniqueKeysWithValues: PolicyFixtures.pack.map { ("z-\(100 - $0.key.count)-\($0.key)", $0.value) }))
        #expect(Self.judge(body, policy: reversed).status == .rejected)
    }

    @Test func flagKeepsCommentPublished() {
        let verdict = Self.judge("goblok banget sih")
        #expect(verdict.status == .published)
        #expect(verdict.flagged)
        #expect(verdict.action == .flag)
    }

    @Test func scoresAddUpAgainstThresholds() {
        #expect(Self.judge("dasar kafir").status == .published)
        #expect(Self.judge("dasar kafir").score == 3)
        // 3 + 3 = 6 ≥ hold-at 5 (default), < reject-at 10.
        let both = Self.judge("dasar kafir, usir mereka")
        #expect(both.status == .pending)
        #expect(both.score == 6)
        // A rule's score counts once however often it matches.
        #expect(Self.judge("kafir kafir kafir kafir").score == 3)
    }

    @Test func shadowRuleIsRecordedButChangesNothing() {
        let verdict = Self.judge("kaum pribumi")
        #expect(verdict.status == .published)
        #expect(verdict.hits.map(\.ruleId) == ["sara.trial"])
        #expect(verdict.hits.first?.shadow == true)
        #expect(verdict.reasons.isEmpty)
    }

    static func policy(settings: String) -> Policy {
        try! PolicyFixtures.compile(PolicyFixtures.pack.merging(["settings.yaml": settings]) { $1 })
    }

    @Test func holdsCommentsWithTooManyLinks() {
        let policy = Self.policy(settings: "links:\n  max: 1\n")
        #expect(Self.judge("lihat https://example.com", policy: policy).status == .published)
        let verdict = Self.judge("lihat https://a.example.com dan www.b.net dan c.xyz/promo", policy: policy)
        #expect(verdict.status == .pending)
        #expect(verdict.hits.map(\.ruleId) == ["settings.links"])
    }

    @Test func enforcesLengthLimits() {
        let policy = Self.policy(settings: "length:\n  min: 3\n  max: 20\n  action: reject\n")
        #expect(Self.judge("ok", policy: policy).status == .rejected)
        #expect(Self.judge("cukup panjang", policy: policy).status == .published)
        #expect(Self.judge(String(repeating: "panjang ", count: 5), policy: policy).status == .rejected)
    }

    @Test func flagsShouting() {
        let policy = Self.policy(settings: "shouting:\n  max-caps-ratio: 0.7\n  min-letters: 10\n")
        #expect(Self.judge("PEMERINTAH HARUS BERTINDAK SEKARANG", policy: policy).flagged)
        #expect(!Self.judge("PEMERINTAH harus bertindak sekarang", policy: policy).flagged)
        #expect(!Self.judge("OK SIAP", policy: policy).flagged)
    }

    @Test func premoderatesAnAuthorsFirstCommentsUnlessTrusted() {
        let policy = Self.policy(settings: "first-comments:\n  hold: 2\n")
        #expect(Self.judge("halo", context: JudgeContext(approvedComments: 0), policy: policy).status == .pending)
        #expect(Self.judge("halo", context: JudgeContext(approvedComments: 1), policy: policy).status == .pending)
        #expect(Self.judge("halo", context: JudgeContext(approvedComments: 2), policy: policy).status == .published)
        #expect(Self.judge("halo", context: JudgeContext(standing: .trusted), policy: policy).status == .published)
    }

    @Test func catastrophicPatternSendsCommentToReviewQuickly() throws {
        let policy = try PolicyFixtures.compile([
            "slow.yaml": """
                rules:
                  - id: slow.backtrack
                    description: A pattern with catastrophic backtracking
                    pattern: '(a+)+$'
                    match: raw
                    action: reject
                    examples: {match: ["aaa"]}
                """
        ])
        let verdict = Self.judge(String(repeating: "a", count: 50_000) + "!", policy: policy)
        #expect(verdict.status == .pending)
        #expect(verdict.reasons.contains { $0.contains("slow.backtrack: match limit exceeded") })
    }
}

@Suite("unless")
struct UnlessTests {
    static let policy = try! PolicyFixtures.compile([
        "judol.yaml": """
            rules:
              - id: judol.keywords
                description: Gambling keywords
                words: [slot gacor, maxwin]
                unless:
                  words: [judol, spam]
                action: reject
                examples:
                  match: ["main slot gacor"]
                  no-match: ["komen slot gacor itu spam"]
            """
    ])

    @Test func ruleStandsDownWhenItsExceptionAlsoMatches() {
        let judge = { (body: String) in Self.policy.judge(PolicyFixtures.draft(body), context: JudgeContext()).status }
        #expect(judge("main slot gacor pasti maxwin") == .rejected)
        #expect(judge("yang komen maxwin itu SPAM semua") == .published)
        #expect(judge("berita tentang judol hari ini") == .published)
    }

    @Test func brokenExceptionIsReportedWithTheRule() {
        let problems = PolicyFixtures.diagnostics([
            "a.yaml": "rules:\n  - id: a.r\n    description: d\n    words: [x]\n    unless: {pattern: 'a(b'}\n    action: flag\n    examples: {match: [x]}\n"
        ])
        #expect(problems.first?.message.hasPrefix("'unless' does not compile") == true)
        #expect(problems.first?.ruleId == "a.r")
    }
}
