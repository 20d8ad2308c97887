import Foundation
import SaringCore
import SaringStore
import Testing

@Suite("saring review: which queue (the real binary on a pseudo-terminal)")
struct ReviewQueueOptionTests {
    @Test func theFlaggedQueueShowsPublishedFlaggedCommentsAndApproveClearsTheFlag() async throws {
        let fixture = try ReviewFixture()
        _ = try await fixture.comment("Menunggu moderasi")
        let flagged = try await fixture.store.submit(
            CommentDraft(
                articleId: "berita-42", authorName: "Citra", authorEmail: nil, body: "Agak kasar tapi terbit", parentId: nil),
            verdict: Verdict(
                status: .published, flagged: true, publishedBody: "Agak kasar tapi terbit", policyVersion: "test-policy")
        ).id
        let review = try fixture.review(["--kind", "flagged"])
        try review.waitFor(showing(flagged))
        #expect(review.text.contains("· flagged ·"))
        review.send("a")
        try review.waitFor("Nothing to review in the flagged queue.")
        review.send("q")
        #expect(try review.waitForExit() == 0)
        let comment = try #require(try await fixture.store.comment(id: flagged))
        #expect(comment.status == .published)
        #expect(!comment.flagged)
    }

    @Test func articleLimitsTheQueueToOneArticle() async throws {
        let fixture = try ReviewFixture()
        _ = try await fixture.comment("Di artikel lain", article: "lain-1")
        let wanted = try await fixture.comment("Di artikel ini", article: "ini-2")
        let review = try fixture.review(["--article", "ini-2"])
        try review.waitFor(showing(wanted))
        #expect(review.text.contains("pending · 1 left · article ini-2"))
        review.send("s")
        try review.waitFor("Nothing to review in the pending queue for article ini-2.")
        review.send("q")
        #expect(try review.waitForExit() == 0)
    }

    @Test func undoWorksFromTheEmptyScreen() async throws {
        let fixture = try ReviewFixture()
        let id = try await fixture.comment("Satu-satunya")
        let review = try fixture.review()
        try review.waitFor(showing(id))
        review.send("r1")
        try review.waitFor("Nothing to review")
        review.send("u")
        try review.waitFor(showing(id))
        #expect(try await fixture.status(id) == .pending)
        #expect(try await fixture.store.queueItem(commentId: id)?.claimedBy == "ana")
        review.send("q")
        #expect(try review.waitForExit() == 0)
    }

    @Test(arguments: [
        (["--kind", "spam"], "--kind"),
        (["--lease-seconds", "0"], "--lease-seconds must be 1-3600"),
        (["--since", "soon"], "--since must be an age"),
    ])
    func refusesBadOptions(arguments: [String], message: String) throws {
        let fixture = try ReviewFixture()
        let result = try CLI.run(["review", "--db", fixture.path] + arguments)
        #expect(result.status == 64)
        #expect(result.stderr.contains(message))
    }
}
