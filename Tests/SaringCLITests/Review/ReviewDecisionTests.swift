import Foundation
import SaringCore
import SaringStore
import Testing

/// The meta row that says which comment is on screen.
func showing(_ id: Int64) -> String { "Comment  #\(id) ·" }

@Suite("saring review: deciding (the real binary on a pseudo-terminal)")
struct ReviewDecisionTests {
    @Test func approveRecordsTheDecisionAndShowsTheNextComment() async throws {
        let fixture = try ReviewFixture()
        try await fixture.article(title: "Harga BBM naik lagi")
        let first = try await fixture.comment("Bagus sekali artikelnya, terima kasih.")
        let second = try await fixture.comment("Setuju dengan penulis.", author: "Citra")
        let review = try fixture.review()
        try review.waitFor(showing(first))
        #expect(review.text.contains("Harga BBM naik lagi (berita-42)"))
        #expect(review.text.contains("2 left"))

        review.send("a")
        try review.waitFor(showing(second))
        #expect(review.text.contains("approved #\(first)"))
        #expect(review.text.contains("1 left"))
        review.send("q")
        #expect(try review.waitForExit() == 0)

        #expect(try await fixture.status(first) == .published)
        let decisions = try await fixture.moderatorDecisions(first)
        #expect(decisions.map(\.action.rawValue) == ["approve"])
        #expect(decisions.first?.decidedBy == "ana")
        #expect(try await fixture.status(second) == .pending)
    }

    @Test func rejectRecordsTheReasonChosenFromTheList() async throws {
        let fixture = try ReviewFixture()
        let spam = try await fixture.comment(
            "Main slot gacor di sini", matches: [.init(rule: "judol.keywords", text: "slot gacor", action: "reject")])
        let review = try fixture.review()
        try review.waitFor(showing(spam))
        review.send("r")
        try review.waitFor("2 judi online")
        review.send("2")
        try review.waitFor("rejected #\(spam) (judi online)")
        review.send("q")
        #expect(try review.waitForExit() == 0)

        #expect(try await fixture.status(spam) == .rejected)
        let decisions = try await fixture.moderatorDecisions(spam)
        #expect(decisions.map(\.action.rawValue) == ["reject"])
        #expect(decisions.first?.reasons == ["judi online"])
    }

    @Test func rejectRecordsATypedReason() async throws {
        let fixture = try ReviewFixture()
        let id = try await fixture.comment("Beli followers murah di toko kami")
        let review = try fixture.review()
        try review.waitFor(showing(id))
        review.send("rt")
        try review.waitFor("Reason:")
        review.send("jualan followerz\u{7F}s")
        try review.waitFor("Reason: jualan followers")
        review.send("\r")
        try review.waitFor("rejected #\(id) (jualan followers)")
        review.send("q")
        #expect(try review.waitForExit() == 0)
        #expect(try await fixture.moderatorDecisions(id).first?.reasons == ["jualan followers"])
    }

    @Test func escapeCancelsARejectAndNothingIsRecorded() async throws {
        let fixture = try ReviewFixture()
        let id = try await fixture.comment("Komentar biasa saja")
        let review = try fixture.review()
        try review.waitFor(showing(id))
        review.send("r")
        try review.waitFor("Esc cancel")
        review.send("\u{1B}")
        try review.waitFor("reject cancelled; nothing changed")
        review.send("q")
        #expect(try review.waitForExit() == 0)
        #expect(try await fixture.status(id) == .pending)
        #expect(try await fixture.moderatorDecisions(id).isEmpty)
    }

    @Test func skipLeavesTheCommentPendingAndFreeForOthers() async throws {
        let fixture = try ReviewFixture()
        let first = try await fixture.comment("Pertama")
        let second = try await fixture.comment("Kedua", author: "Citra")
        let review = try fixture.review()
        try review.waitFor(showing(first))
        review.send("s")
        try review.waitFor(showing(second))
        #expect(review.text.contains("skipped #\(first)"))

        // Released at once: another moderator gets it while this screen is still open.
        let other = try await fixture.store.claimNext(moderator: "bob", filter: QueueFilter(), lease: .seconds(60))
        #expect(other?.comment.id == first)
        review.send("q")
        #expect(try review.waitForExit() == 0)
        #expect(try await fixture.status(first) == .pending)
        #expect(try await fixture.moderatorDecisions(first).isEmpty)
    }

    @Test func undoTakesBackTheLastDecisionAndShowsTheCommentAgain() async throws {
        let fixture = try ReviewFixture()
        let first = try await fixture.comment("Pertama")
        let second = try await fixture.comment("Kedua", author: "Citra")
        let review = try fixture.review()
        try review.waitFor(showing(first))
        review.send("a")
        try review.waitFor(showing(second))
        #expect(try await fixture.status(first) == .published)

        review.send("u")
        try review.waitFor(showing(first))
        #expect(review.text.contains("undid approve of #\(first)"))
        #expect(try await fixture.status(first) == .pending)
        let actions = try await fixture.moderatorDecisions(first).map(\.action.rawValue)
        #expect(actions == ["approve", "hold"])

        // It is ours again: decide it differently.
        review.send("r\r")
        try review.waitFor("rejected #\(first)")
        review.send("q")
        #expect(try review.waitForExit() == 0)
        #expect(try await fixture.status(first) == .rejected)
        #expect(try await fixture.status(second) == .pending)
    }

    @Test func banAsksFirstThenRejectsEveryPendingCommentOfTheAuthor() async throws {
        let fixture = try ReviewFixture()
        let spam = try await (1...3).asyncMap { n in
            try await fixture.comment("Slot gacor nomor \(n)", author: "Spammer", email: "spam@example.com")
        }
        let innocent = try await fixture.comment("Artikel yang bagus", author: "Citra")
        let review = try fixture.review()
        try review.waitFor(showing(spam[0]))
        #expect(review.text.contains("Spammer <spam@example.com>"))

        review.send("b")
        try review.waitFor("Ban Spammer because:")
        review.send("q")
        try review.waitFor("ban cancelled; nothing changed")
        review.send("b")
        try review.waitFor("Ban Spammer because:")
        review.send("2")
        try review.waitFor("Ban Spammer and reject their 3 pending comments (judi online)? y/N")
        review.send("n")
        try review.waitFor("ban cancelled; nothing changed")
        #expect(try await fixture.status(spam[0]) == .pending)

        // A `y` typed together with the `b` and the reason is not an answer: the question was not on screen yet.
        review.send("b2y")
        try review.waitFor("y/N")
        try await Task.sleep(for: .milliseconds(200))
        #expect(try await fixture.status(spam[0]) == .pending)
        review.send("y")
        try review.waitFor(showing(innocent))
        #expect(review.text.contains("banned Spammer; rejected 3 pending"))
        review.send("q")
        #expect(try review.waitForExit() == 0)

        for id in spam { #expect(try await fixture.status(id) == .rejected) }
        #expect(try await fixture.store.decisions(commentId: spam[1]).last?.reasons == ["author banned: judi online"])
        #expect(try await fixture.status(innocent) == .pending)
        let author = try await fixture.store.author(AuthorIdentity(name: "Spammer", email: "spam@example.com"))
        #expect(author?.standing == .banned)
    }

    @Test func undoOfABanRestoresTheAuthorAndTheirComments() async throws {
        let fixture = try ReviewFixture()
        let spam = try await fixture.comment("Satu", author: "Spammer")
        let more = try await fixture.comment("Dua", author: "Spammer")
        let review = try fixture.review()
        try review.waitFor(showing(spam))
        review.send("b")
        try review.waitFor("because:")
        review.send("\r")
        try review.waitFor("y/N")
        review.send("y")
        try review.waitFor("banned Spammer")
        review.send("u")
        try review.waitFor(showing(spam))
        #expect(review.text.contains("undid ban of Spammer; 2 comments back"))
        review.send("q")
        #expect(try review.waitForExit() == 0)
        #expect(try await fixture.status(spam) == .pending)
        #expect(try await fixture.status(more) == .pending)
        #expect(try await fixture.store.author(AuthorIdentity(name: "Spammer", email: nil))?.standing == .normal)
    }

    @Test func aDecisionOnACommentDecidedMeanwhileIsRefusedWithAMessage() async throws {
        let fixture = try ReviewFixture()
        let id = try await fixture.comment("Komentar")
        let review = try fixture.review()
        try review.waitFor(showing(id))
        // Another moderator decides it behind this screen's back (after the claim is gone).
        try await fixture.store.releaseClaims(moderator: "ana")
        try await ModerationDesk(store: fixture.store, moderator: "bob").decide(id, .reject, reason: "spam", expectedLastDecision: nil)

        review.send("a")
        try review.waitUntil("the refusal") {
            $0.flatText.contains("comment \(id) was decided meanwhile by bob (reject); your decision was not recorded")
        }
        review.send("q")
        #expect(try review.waitForExit() == 0)
        #expect(try await fixture.status(id) == .rejected)
        #expect(try await fixture.store.decisions(commentId: id).filter { $0.decidedBy == "ana" }.isEmpty)
    }

    @Test func aDoublePressDecidesOnlyTheCommentThatWasOnScreen() async throws {
        let fixture = try ReviewFixture()
        let first = try await fixture.comment("Pertama")
        let second = try await fixture.comment("Kedua", author: "Citra")
        let review = try fixture.review()
        try review.waitFor(showing(first))
        review.send("aa")
        try review.waitFor(showing(second))
        try review.waitFor("ignored")
        review.send("q")
        #expect(try review.waitForExit() == 0)
        #expect(try await fixture.status(first) == .published)
        #expect(try await fixture.status(second) == .pending)
    }
}

extension Sequence {
    func asyncMap<T>(_ transform: (Element) async throws -> T) async rethrows -> [T] {
        var result: [T] = []
        for element in self { result.append(try await transform(element)) }
        return result
    }
}
