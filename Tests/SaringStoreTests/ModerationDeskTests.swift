import Foundation
import GRDB
import SaringCore
import Testing

@testable import SaringStore

/// The moderation use cases: the rules every edge (terminal, scripts, HTTP) goes through.
@Suite("Moderation use cases")
struct ModerationDeskTests {
    typealias Fixture = ModerationStoreTests

    static func desks(_ store: SaringStore) -> (ana: ModerationDesk, budi: ModerationDesk) {
        (ModerationDesk(store: store, moderator: "ana"), ModerationDesk(store: store, moderator: "budi"))
    }

    @Test func changingAnotherModeratorsDecisionNeedsOverrideButOnesOwnDoesNot() async throws {
        let store = try Fixture.store()
        let (ana, budi) = Self.desks(store)
        let comment = try await Fixture.submit(store, "apakah ini iklan atau bukan")
        try await ana.decide(comment.id, .approve)
        // Ana changes her mind: no override needed.
        #expect(try await ana.decide(comment.id, .reject, reason: "ternyata iklan").changed)
        await #expect(throws: StoreError.overrideNeeded(commentId: comment.id, by: "ana", action: "reject")) {
            try await budi.decide(comment.id, .approve)
        }
        #expect(try await store.comment(id: comment.id)?.status == .rejected)
        let overridden = try await budi.decide(comment.id, .approve, override: true)
        #expect(overridden.changed && overridden.status == .published)
        #expect(try await store.decisions(commentId: comment.id).map(\.action.rawValue) == ["hold", "approve", "reject", "approve"])
    }

    @Test func decidingTheSameAgainIsANoOpForAnyModerator() async throws {
        let store = try Fixture.store()
        let (ana, budi) = Self.desks(store)
        let comment = try await Fixture.submit(store, "komentar yang sudah disetujui")
        let first = try await ana.decide(comment.id, .approve)
        let again = try await ana.decide(comment.id, .approve)
        let byBudi = try await budi.decide(comment.id, .approve)
        #expect(!again.changed && !byBudi.changed)
        #expect(again.decision.id == first.decision.id && byBudi.decision.decidedBy == "ana")
        #expect(try await store.decisions(commentId: comment.id).count == 2)
    }

    @Test func aNoOpStillNeedsTheCommentAsItWasLeft() async throws {
        let store = try Fixture.store()
        let (ana, budi) = Self.desks(store)
        let comment = try await Fixture.submit(store, "komentar yang nanti dilaporkan", status: .published)
        try await ana.decide(comment.id, .approve)
        // Reports hide it again afterwards: approving it again is a real decision, and agrees with Ana's.
        for client in ["k1", "k2"] { try await store.report(commentId: comment.id, reason: "kasar", clientHash: client, hideAfter: 2) }
        #expect(try await store.comment(id: comment.id)?.status == .pending)
        let outcome = try await budi.decide(comment.id, .approve)
        #expect(outcome.changed && outcome.status == .published)
    }

    @Test func undoReopensExactlyTheReportsItsDecisionResolved() async throws {
        // One clock that never moves: every decision and report shares a millisecond, so matching by
        // time (the old way) would reopen the earlier reports too.
        let store = try Fixture.store(clock: ModerationStoreTests.TestClock())
        let (ana, budi) = Self.desks(store)
        let comment = try await Fixture.submit(store, "komentar yang dilaporkan dua kali", status: .published)
        try await store.report(commentId: comment.id, reason: "spam")
        try await ana.decide(comment.id, .approve)
        try await store.report(commentId: comment.id, reason: "menghina")
        let rejection = try await budi.decide(comment.id, .reject, override: true)
        #expect(try await store.queue(QueueFilter(kind: .reported)).isEmpty)
        try await budi.undo(decision: rejection.decision.id)
        let reported = try await store.queue(QueueFilter(kind: .reported))
        #expect(reported.map(\.comment.id) == [comment.id])
        #expect(reported.first?.reports == ["menghina"])
        #expect(try await store.comment(id: comment.id)?.status == .published)
    }

    @Test func undoRules() async throws {
        let store = try Fixture.store()
        let (ana, budi) = Self.desks(store)
        let comment = try await Fixture.submit(store, "komentar untuk dibatalkan")
        let decision = try await ana.decide(comment.id, .reject)
        await #expect(throws: StoreError.overrideNeeded(commentId: comment.id, by: "ana", action: "reject")) {
            try await budi.undo(decision: decision.decision.id)
        }
        let undo = try await ana.undo(decision: decision.decision.id)
        #expect(undo.status == .pending && undo.decision.undoes == decision.decision.id)
        await #expect(throws: StoreError.cannotUndo(decisionId: decision.decision.id, reason: "it was undone already")) {
            try await ana.undo(decision: decision.decision.id)
        }
        await #expect(throws: StoreError.self) { try await ana.undo(decision: undo.decision.id) }
        // After the undo, nobody's verdict stands: Budi decides without override.
        #expect(try await budi.decide(comment.id, .approve).changed)
    }

    @Test func aBanIsOneBatchWithTheShownCommentAndItsUndoRestoresEverything() async throws {
        let store = try Fixture.store()
        let (ana, budi) = Self.desks(store)
        let pending = try await Fixture.submit(store, "promo slot satu", author: "Penjudi")
        let laterApproved = try await Fixture.submit(store, "promo slot dua", author: "Penjudi")
        let shown = try await Fixture.submit(store, "promo slot tiga", status: .published, author: "Penjudi", flagged: true)
        let someoneElse = try await Fixture.submit(store, "komentar pembaca lain", author: "Sari")
        // Budi has one of them on screen: the ban takes it anyway.
        _ = try await store.claim(commentId: pending.id, moderator: "budi", lease: .seconds(300))
        await #expect(throws: StoreError.notTheAuthorsComment(commentId: someoneElse.id)) {
            try await ana.ban(AuthorIdentity(moderatorInput: "penjudi"), alsoRejecting: someoneElse.id)
        }
        let ban = try await ana.ban(AuthorIdentity(moderatorInput: "penjudi"), reason: "judol", alsoRejecting: shown.id)
        let batchId = try #require(ban.batchId)
        #expect(ban.rejected == [pending.id, laterApproved.id, shown.id])
        #expect(ban.articleIds == ["a1"])
        #expect(try await store.author(AuthorIdentity(moderatorInput: "Penjudi"))?.standing == .banned)
        #expect(try await ana.batch(batchId)?.commentIds == [pending.id, laterApproved.id, shown.id])
        // Banning again changes nothing and opens no batch.
        #expect(try await ana.ban(AuthorIdentity(moderatorInput: "Penjudi")).batchId == nil)

        try await budi.decide(laterApproved.id, .approve, override: true)
        await #expect(throws: StoreError.batchOfAnother(id: batchId, by: "ana")) { try await budi.undo(batch: batchId) }
        let undo = try await ana.undo(batch: batchId)
        #expect(undo.restored == [pending.id, shown.id] && undo.decidedSince == [laterApproved.id])
        #expect(try await store.comment(id: pending.id)?.status == .pending)
        let restoredShown = try #require(try await store.comment(id: shown.id))
        #expect(restoredShown.status == .published && restoredShown.flagged)
        #expect(try await store.comment(id: laterApproved.id)?.status == .published)
        #expect(try await store.author(AuthorIdentity(moderatorInput: "Penjudi"))?.standing == .normal)
        await #expect(throws: StoreError.batchAlreadyUndone(id: batchId, by: "ana")) { try await ana.undo(batch: batchId) }
        await #expect(throws: StoreError.batchNotFound(id: 999)) { try await ana.undo(batch: 999) }
    }

    @Test func unbanAndTrustSayWhetherAnythingChanged() async throws {
        let store = try Fixture.store()
        let (ana, _) = Self.desks(store)
        try await Fixture.submit(store, "komentar pertama saya", author: "Rina")
        let rina = AuthorIdentity(moderatorInput: "rina")
        #expect(try await !ana.unban(rina))
        #expect(try await ana.trust(rina))
        #expect(try await !ana.trust(rina))
        #expect(try await store.author(rina)?.standing == .trusted)
        await #expect(throws: StoreError.authorNotFound(identity: "name:siapa")) { try await ana.trust(AuthorIdentity(moderatorInput: "siapa")) }
    }

    @Test(arguments: ["", "   ", ".*", "^", "(?s).", "[\\s\\S]", "a|.", "x?"])
    func bulkPatternsThatWouldTakeEverythingAreRefused(_ pattern: String) async throws {
        let store = try Fixture.store()
        try await Fixture.submit(store, "komentar biasa saja")
        await #expect(throws: BulkSelectionError.self) {
            try await ModerationDesk(store: store, moderator: "ana").plan(.matching(pattern: pattern, filter: QueueFilter()))
        }
        #expect(try await store.queueCount(QueueFilter()) == 1)
    }

    @Test func aBulkRejectionIsOneBatchWithExceptionsAndCommentsOverBudgetNamed() async throws {
        let store = try Fixture.store()
        let (ana, budi) = Self.desks(store)
        let spam = [
            try await Fixture.submit(store, "daftar slot gacor sekarang", author: "A1"),
            try await Fixture.submit(store, "slot gacor maxwin hari ini", author: "A2"),
            try await Fixture.submit(store, "link slot gacor terpercaya", author: "A3"),
        ]
        let ordinary = try await Fixture.submit(store, "pemerintah harus transparan soal anggaran", author: "B1")
        let heavy = try await Fixture.submit(store, "qz" + String(repeating: "ab", count: 3_000) + "!", author: "B2")
        let plan = try await ana.plan(.matching(pattern: "slot\\s*gacor|qz(a|ab|b)+$", filter: QueueFilter()), except: [spam[2].id])
        #expect(plan.matches.map(\.comment.id) == [spam[0].id, spam[1].id])
        #expect(plan.excepted == [spam[2].id])
        #expect(plan.overBudget == [heavy.id])
        #expect(plan.matches.first?.spans == [7..<17])
        let outcome = try await ana.reject(plan)
        let batchId = try #require(outcome.batchId)
        #expect(outcome.decided == [spam[0].id, spam[1].id])
        #expect(try await store.comment(id: ordinary.id)?.status == .pending)
        #expect(try await store.comment(id: spam[2].id)?.status == .pending)
        #expect(try await store.decisions(commentId: spam[0].id).last?.batchId == batchId)
        // Undo of the batch by someone else needs override; by its author it restores both.
        await #expect(throws: StoreError.batchOfAnother(id: batchId, by: "ana")) { try await budi.undo(batch: batchId) }
        #expect(try await budi.undo(batch: batchId, override: true).restored == [spam[0].id, spam[1].id])
        #expect(try await store.queueCount(QueueFilter()) == 5)
    }

    @Test func aCampaignIsRejectedAsOneBatch() async throws {
        let store = try Fixture.store()
        let (ana, _) = Self.desks(store)
        var members: [Int64] = []
        for n in 0..<3 {
            let comment = try await Fixture.submit(store, "kunjungi situs kami nomor \(n)", status: .published, author: "C\(n)")
            members.append(comment.id)
        }
        let campaign = members[0]
        let tag = CampaignTag(id: campaign, members: members)
        try await store.writer.write { db in try SaringStore.tagCampaign(db, tag, at: 0) }
        await #expect(throws: BulkSelectionError.unknownCampaign(campaign + 1)) { try await ana.plan(.campaign(campaign + 1)) }
        let plan = try await ana.plan(.campaign(campaign))
        let outcome = try await ana.reject(plan)
        #expect(outcome.decided == members && outcome.articleIds == ["a1"])
        #expect(try await store.decisions(commentId: members[0]).last?.reasons == ["spam campaign #\(campaign)"])
    }
}
