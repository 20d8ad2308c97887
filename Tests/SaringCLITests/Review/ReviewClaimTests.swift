import Foundation
import SaringCore
import SaringStore
import Testing

@Suite("saring review: claims between moderators (the real binary on pseudo-terminals)")
struct ReviewClaimTests {
    @Test func twoReviewersAtOnceGetDifferentComments() async throws {
        let fixture = try ReviewFixture()
        let ids = try await (1...2).asyncMap { n in try await fixture.comment("Komentar \(n)", author: "Pembaca \(n)") }
        let ana = try fixture.review(as: "ana")
        let bob = try fixture.review(as: "bob")
        let isShowingAComment: (ScreenEmulator) -> Bool = { screen in ids.contains { screen.text.contains(showing($0)) } }
        try ana.waitUntil("ana to show a comment", isShowingAComment)
        try bob.waitUntil("bob to show a comment", isShowingAComment)
        let anaSees = ids.filter { ana.text.contains(showing($0)) }
        let bobSees = ids.filter { bob.text.contains(showing($0)) }
        #expect(anaSees.count == 1)
        #expect(bobSees.count == 1)
        #expect(Set(anaSees + bobSees) == Set(ids))

        // With bob holding the other one, ana's queue is empty after her decision.
        ana.send("a")
        try ana.waitFor("Nothing to review in the pending queue.")
        #expect(ana.text.contains("1 more comment is on other moderators' screens."))
        ana.send("q")
        bob.send("q")
        #expect(try ana.waitForExit() == 0)
        #expect(try bob.waitForExit() == 0)
        #expect(try await fixture.moderatorDecisions(anaSees[0]).map(\.decidedBy) == ["ana"])
        #expect(try await fixture.moderatorDecisions(bobSees[0]).isEmpty)
    }

    @Test func theClaimOfAKilledReviewerExpiresAndAnotherReviewerGetsTheComment() async throws {
        let fixture = try ReviewFixture()
        let id = try await fixture.comment("Satu-satunya komentar")
        let ana = try fixture.review(as: "ana", ["--lease-seconds", "1"])
        try ana.waitFor(showing(id))
        let bob = try fixture.review(as: "bob", ["--lease-seconds", "1"])
        try bob.waitFor("Nothing to review")

        // Renewed while ana's screen is open: still hers after more than one lease.
        try await Task.sleep(for: .milliseconds(1500))
        #expect(try await fixture.store.queueItem(commentId: id)?.claimedBy == "ana")

        ana.signal(SIGKILL)
        _ = try ana.waitForExit()
        try bob.waitFor(showing(id), timeout: .seconds(20))
        bob.send("a")
        try bob.waitFor("approved #\(id)")
        bob.send("q")
        #expect(try bob.waitForExit() == 0)
        #expect(try await fixture.moderatorDecisions(id).map(\.decidedBy) == ["bob"])
    }

    @Test func quittingReleasesTheClaimAtOnce() async throws {
        let fixture = try ReviewFixture()
        let id = try await fixture.comment("Komentar")
        let ana = try fixture.review(as: "ana")
        try ana.waitFor(showing(id))
        #expect(try await fixture.store.queueItem(commentId: id)?.claimedBy == "ana")
        ana.send("q")
        #expect(try ana.waitForExit() == 0)
        #expect(try await fixture.store.queueItem(commentId: id)?.claimedBy == nil)
    }

    @Test func aTerminationSignalRestoresTheTerminalAndReleasesTheClaim() async throws {
        let fixture = try ReviewFixture()
        let id = try await fixture.comment("Komentar")
        let ana = try fixture.review(as: "ana")
        try ana.waitFor(showing(id))
        ana.signal(SIGTERM)
        #expect(try ana.waitForExit() == 128 + SIGTERM)
        let output = String(decoding: ana.output, as: UTF8.self)
        let leftAlternateScreen = try #require(output.range(of: "\u{1B}[?1049l", options: .backwards))
        let enteredAlternateScreen = try #require(output.range(of: "\u{1B}[?1049h"))
        #expect(enteredAlternateScreen.lowerBound < leftAlternateScreen.lowerBound)
        #expect(output[leftAlternateScreen.lowerBound...].contains("reviewed pending: 0 approved"))
        #expect(try await fixture.store.queueItem(commentId: id)?.claimedBy == nil)
    }
}
