import Testing

@testable import SaringCore

/// The arithmetic of `saring policy stats` on a window built by hand.
@Suite("Rule health and misses")
struct RuleHealthTests {
    static func item(_ id: Int64, author: Int64, campaign: Int64? = nil, _ body: String, status: CommentStatus = .rejected) -> TuningWindow.Item {
        TuningWindow.Item(
            id: id, status: status, flagged: false, authorId: author, authorName: "Pembaca \(author)", campaignId: campaign, body: body,
            policyStatus: .published)
    }

    @Test func limitHitsAreCountedApartAndDoNotCountAsHitsOrAnswers() {
        let window = TuningWindow(
            hits: [
                .init(commentId: 1, ruleId: "x.slow", shadow: false, action: "hold", limitExceeded: true),
                .init(commentId: 1, ruleId: "x.slow", shadow: false, action: "hold", limitExceeded: true),
                .init(commentId: 2, ruleId: "x.slow", shadow: false, action: "hold", limitExceeded: false),
                .init(commentId: 2, ruleId: "x.slow", shadow: false, action: "hold", limitExceeded: false),
            ],
            answers: [1: .approved, 2: .rejected], items: [], timings: ["x.slow": .init(runs: 4, matches: 1, nanos: 10_000)],
            rulesInForce: [RuleSummary(id: "x.slow", category: "x", description: "d", action: "hold", shadow: false, fields: ["body"], file: "x.yaml", line: 2)],
            versionInForce: "v")
        let health = RuleHealth.of(window)
        #expect(health.count == 1)
        #expect(health[0].limitHits == 1)
        #expect(health[0].hits == 1)
        #expect(health[0].approved == 0)
        #expect(health[0].rejected == 1)
        #expect(health[0].precision == 1)
        #expect(health[0].microsPerRun == 2.5)
        #expect(RuleHealth.neverFiring(health).isEmpty)
    }

    @Test func aShadowRuleIsReadyWithEnoughAgreeingAnswers() {
        let hits = (1...6).map { TuningWindow.Hit(commentId: Int64($0), ruleId: "t.trial", shadow: true, action: "reject", limitExceeded: false) }
        var answers: [Int64: TuningWindow.Answer] = [:]
        for id in 1...5 { answers[Int64(id)] = .rejected }
        let summary = RuleSummary(id: "t.trial", category: "t", description: "d", action: "reject", shadow: true, fields: ["body"], file: "t.yaml", line: 2)
        let ready = RuleHealth.of(TuningWindow(hits: hits, answers: answers, items: [], timings: [:], rulesInForce: [summary], versionInForce: "v"))
        #expect(ready[0].readiness == "ready")
        #expect(ready[0].shadowPrecision == 1)
        answers[6] = .approved
        let notReady = RuleHealth.of(TuningWindow(hits: hits, answers: answers, items: [], timings: [:], rulesInForce: [summary], versionInForce: "v"))
        #expect(notReady[0].readiness == "not ready")
        let few = RuleHealth.of(TuningWindow(hits: hits, answers: [1: .rejected], items: [], timings: [:], rulesInForce: [summary], versionInForce: "v"))
        #expect(few[0].readiness == "too few answers")
    }

    @Test func missesAreGroupedByCampaignAuthorAndSharedPhrase() {
        let misses = [
            Self.item(1, author: 7, campaign: 1, "Investasi bodong berkedok koperasi simpan pinjam, jangan percaya."),
            Self.item(2, author: 8, campaign: 1, "Koperasi simpan pinjam abal-abal menjanjikan bunga tinggi setiap bulan."),
            Self.item(3, author: 9, "Pinjol ilegal meneror nasabah lewat pesan singkat tengah malam."),
            Self.item(4, author: 9, "Tagihan pinjol ilegal datang bertubi-tubi ke kontak keluarga."),
        ]
        let groups = MissGroup.of(misses, phrases: Phrases()).map { "\($0.kind) \($0.key) \($0.count) \($0.commentIds)" }
        #expect(groups.contains("campaign 1 2 [1, 2]"))
        #expect(groups.contains("author Pembaca 9 2 [3, 4]"))
        #expect(groups.contains("phrase koperasi simpan pinjam 2 [1, 2]"))
        #expect(groups.contains("phrase pinjol ilegal 2 [3, 4]"))
        // The parts of a phrase that add no comments are left out.
        #expect(!groups.contains("phrase simpan pinjam 2 [1, 2]") && !groups.contains("phrase koperasi 2 [1, 2]"))
    }
}
