import Foundation
import SaringCore
import SaringStore
import Testing

@Suite("saring review: header, why held, masked text, thread and author (the real binary on a pseudo-terminal)")
struct ReviewContextTests {
    @Test func theHeaderNamesTheDatabaseAndCountsTheOtherQueues() async throws {
        let fixture = try ReviewFixture()
        let first = try await fixture.comment("Satu")
        try await fixture.comment("Dua")
        try await fixture.store.submit(
            CommentDraft(articleId: "berita-42", authorName: "Citra", authorEmail: nil, body: "Agak kasar", parentId: nil),
            verdict: Verdict(status: .published, flagged: true, publishedBody: "Agak kasar", policyVersion: "test-policy"))
        let review = try fixture.review()
        try review.waitFor(showing(first))
        let header = review.screen.lines[0]
        #expect(header.hasPrefix(" saring review · pending · 2 left · flagged 1 "), "\(header)")
        #expect(!header.contains("reported"))  // an empty queue takes no room
        #expect(header.hasSuffix("/review.sqlite · as ana"), "\(header)")
        #expect(review.text.contains(/Comment  #\d+ · \d{4}-\d\d-\d\d \d\d:\d\d UTC \(just now\)/))
        review.send("q")
        #expect(try review.waitForExit() == 0)
    }

    @Test func leftLeavesOutSkippedCommentsAndFollowsWhatOthersDecide() async throws {
        let fixture = try ReviewFixture()
        let a = try await fixture.comment("Satu")
        let b = try await fixture.comment("Dua")
        let c = try await fixture.comment("Tiga")
        let review = try fixture.review()
        try review.waitFor(showing(a))
        #expect(review.screen.lines[0].contains("pending · 3 left"))
        review.send("s")
        try review.waitFor(showing(b))
        #expect(review.screen.lines[0].contains("pending · 2 left · 1 skipped"), "\(review.screen.lines[0])")
        // Another moderator (here: the store) decides the third meanwhile; the header follows.
        let item = try #require(try await fixture.store.queueItem(commentId: c))
        try await ModerationDesk(store: fixture.store, moderator: "budi").decide(c, .reject, expectedLastDecision: item.lastDecisionId)
        try review.waitUntil("the header to count 1 left") { $0.lines[0].contains("pending · 1 left · 1 skipped") }
        review.send("q")
        #expect(try review.waitForExit() == 0)
    }

    @Test func aCommentHeldByAPremoderatedArticleSaysSo() async throws {
        let fixture = try ReviewFixture()
        _ = try await fixture.store.saveArticle(Article(id: "berita-42", title: "Pemilu", premoderated: true))
        let id = try await fixture.store.submit(
            CommentDraft(articleId: "berita-42", authorName: "Ani", authorEmail: nil, body: "Komentar santun", parentId: nil),
            verdict: Verdict(status: .published, publishedBody: "Komentar santun", policyVersion: "test-policy")
        ).id
        let review = try fixture.review()
        try review.waitFor(showing(id))
        #expect(review.text.contains("Why      article is premoderated"))
        review.send("q")
        #expect(try review.waitForExit() == 0)
    }

    @Test func theMaskedTextReadersSeeIsShownUnderTheOriginal() async throws {
        let fixture = try ReviewFixture()
        let body = "Hubungi saya di 0812-3456-7890 ya"
        let hit = RuleHit(ruleId: "pii.phone", category: "pii", description: "Phone number", action: .mask, span: 16..<30)
        let id = try await fixture.store.submit(
            CommentDraft(articleId: "berita-42", authorName: "Ani", authorEmail: nil, body: body, parentId: nil),
            verdict: Verdict(
                status: .pending, hits: [hit], publishedBody: "Hubungi saya di *** ya", policyVersion: "test-policy",
                reasons: ["pii.phone (mask): Phone number", "held by test"])
        ).id
        let review = try fixture.review()
        try review.waitFor(showing(id))
        let text = review.text
        #expect(text.contains("Hubungi saya di [[0812-3456-7890]] ya"))
        #expect(text.contains("── readers would see (masked) ──"))
        #expect(text.contains("\nHubungi saya di *** ya"))
        #expect(text.contains("Why      held by test"))
        review.send("q")
        #expect(try review.waitForExit() == 0)
    }

    @Test func tShowsTheThreadAndCTheAuthorsNewestComments() async throws {
        let fixture = try ReviewFixture()
        let root = try await fixture.comment("Harga BBM naik lagi.", author: "Ani", status: .published)
        let sibling = try await fixture.comment("Setuju, berat.", author: "Eko", parent: root, status: .published)
        let older = try await fixture.comment("Dulu juga begitu", author: "Budi Santoso", status: .rejected)
        let id = try await fixture.comment("Main slot \u{1B}[2J saja", author: "Budi Santoso", parent: root)
        let review = try fixture.review()
        try review.waitFor(showing(id))
        review.send("t")
        try review.waitFor("Thread of #\(id): 3 comments, first comment first")
        var text = review.text
        #expect(text.contains("  #\(root) published"))
        #expect(text.contains("    #\(sibling) published"))
        #expect(text.contains("▶   #\(id) pending"))
        #expect(text.contains("Budi Santoso Main slot ␛[2J saja"))
        #expect(text.contains("any key: back to the comment"))
        review.send("x")
        try review.waitFor(showing(id))
        #expect(try await fixture.status(id) == .pending)  // x decided nothing

        review.send("c")
        try review.waitFor("Newest comments by Budi Santoso: 2 comments, newest first")
        text = review.text
        #expect(text.contains("▶ #\(id) pending"))
        #expect(text.contains("  #\(older) rejected"))
        #expect(!text.contains("#\(sibling) "))
        review.send("a")  // any key goes back first; it does not approve
        try review.waitFor(showing(id))
        #expect(try await fixture.status(id) == .pending)
        review.send("?")
        try review.waitFor("the author's newest comments, in any status")
        review.send("q")
        review.send("q")
        #expect(try review.waitForExit() == 0)
    }

    @Test func theRejectedQueueWithATextSearchFindsAFalsePositiveToApprove() async throws {
        let fixture = try ReviewFixture()
        try await fixture.comment("Judi merusak", status: .rejected)
        let wanted = try await fixture.comment("Jadwal slot tayang berita", status: .rejected)
        try await fixture.comment("slot gacor", status: .pending)
        let review = try fixture.review(["--kind", "rejected", "--text", "slot"])
        try review.waitFor(showing(wanted))
        #expect(review.screen.lines[0].hasPrefix(" saring review · rejected · 1 left · text /slot/"), "\(review.screen.lines[0])")
        review.send("a")
        try review.waitFor("Nothing to review in the rejected queue.")
        review.send("q")
        #expect(try review.waitForExit() == 0)
        #expect(try await fixture.status(wanted) == .published)
    }

    /// Comments the pattern could not decide are not silently "no match": the header counts them.
    @Test func aTextSearchOverItsBudgetSaysHowManyItCouldNotDecide() async throws {
        let fixture = try ReviewFixture()
        try await fixture.comment(String(repeating: "a", count: 40) + "!")
        let short = try await fixture.comment("aaaa")
        let review = try fixture.review(["--text", "^(a+)+$"])
        try review.waitFor(showing(short))
        #expect(review.screen.lines[0].hasPrefix(" saring review · pending · 1 left · 1 over budget "), "\(review.screen.lines[0])")
        review.send("q")
        #expect(try review.waitForExit() == 0)
    }

    @Test func anUnknownArticleIsNamedBeforeTheScreenOpens() async throws {
        let fixture = try ReviewFixture()
        try await fixture.comment("Satu")
        let review = try fixture.review(["--article", "berita-404"])
        #expect(try review.waitForExit() == 1)
        #expect(review.screen.flatText.contains("Error: no article berita-404"))
    }
}
