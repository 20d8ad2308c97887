import Foundation
import SaringCore
import Synchronization
import Testing

@testable import SaringStore

@Suite("Moderation in the store")
struct ModerationStoreTests {
    /// A clock tests move by hand.
    final class TestClock: Sendable {
        private let current = Mutex(Date(timeIntervalSince1970: 1_800_000_000))
        var now: Date { current.withLock { $0 } }
        func advance(_ seconds: TimeInterval) { current.withLock { $0 = $0.addingTimeInterval(seconds) } }
    }

    static func store(clock: TestClock = TestClock()) throws -> SaringStore {
        let path = FileManager.default.temporaryDirectory.appendingPathComponent("saring-mod-\(UUID().uuidString).sqlite").path
        let store = try SaringStore(path: path, now: { clock.now })
        try store.migrate()
        return store
    }

    @discardableResult
    static func submit(
        _ store: SaringStore, _ body: String, status: CommentStatus = .pending, author: String = "Budi", article: String = "a1",
        score: Double = 0, flagged: Bool = false
    ) async throws -> SaringCore.Comment {
        let draft = CommentDraft(articleId: article, authorName: author, authorEmail: nil, body: body, parentId: nil)
        let hits = [RuleHit(ruleId: "judol.keywords", category: "judol", description: "Gambling", action: .hold, span: 0..<3)]
        return try await store.submit(
            draft, verdict: Verdict(status: status, flagged: flagged, score: score, hits: hits, publishedBody: body, policyVersion: "v1"))
    }

    @Test func twoModeratorsClaimingAtOnceGetDisjointComments() async throws {
        let store = try Self.store()
        for n in 0..<40 { try await Self.submit(store, "komentar \(n)") }
        let filter = QueueFilter(kind: .pending)
        async let first = Self.claimAll(store, moderator: "sari", filter: filter)
        async let second = Self.claimAll(store, moderator: "budi", filter: filter)
        let (a, b) = try await (first, second)
        #expect(Set(a).isDisjoint(with: Set(b)))
        #expect(Set(a).union(b).count == 40)
    }

    static func claimAll(_ store: SaringStore, moderator: String, filter: QueueFilter) async throws -> [Int64] {
        var claimed: [Int64] = []
        while let item = try await store.claimNext(moderator: moderator, filter: filter, lease: .seconds(300), skipping: Set(claimed)) {
            claimed.append(item.comment.id)
        }
        return claimed
    }

    @Test func claimOfAVanishedReviewerExpires() async throws {
        let clock = TestClock()
        let store = try Self.store(clock: clock)
        let comment = try await Self.submit(store, "satu-satunya")
        #expect(try await store.claimNext(moderator: "sari", filter: QueueFilter(), lease: .seconds(60))?.comment.id == comment.id)
        #expect(try await store.claimNext(moderator: "budi", filter: QueueFilter(), lease: .seconds(60)) == nil)
        clock.advance(30)
        try await store.renewClaims(moderator: "sari", lease: .seconds(60))
        clock.advance(45)
        #expect(try await store.claimNext(moderator: "budi", filter: QueueFilter(), lease: .seconds(60)) == nil)
        clock.advance(20)
        #expect(try await store.claimNext(moderator: "budi", filter: QueueFilter(), lease: .seconds(60))?.comment.id == comment.id)
    }

    @Test func decisionOnACommentDecidedMeanwhileIsRefused() async throws {
        let store = try Self.store()
        let comment = try await Self.submit(store, "rebutan")
        let seenBySari = try #require(try await store.queueItem(commentId: comment.id))
        let seenByBudi = try #require(try await store.queueItem(commentId: comment.id))
        try await ModerationDesk(store: store, moderator: "budi").decide(comment.id, .approve, reason: nil, expectedLastDecision: seenByBudi.lastDecisionId)
        await #expect(throws: StoreError.decidedMeanwhile(commentId: comment.id, by: "budi", action: "approve")) {
            try await ModerationDesk(store: store, moderator: "sari").decide(comment.id, .reject, reason: "spam", expectedLastDecision: seenBySari.lastDecisionId)
        }
        #expect(try await store.comment(id: comment.id)?.status == .published)
        #expect(try await store.decisions(commentId: comment.id).map(\.action.rawValue) == ["hold", "approve"])
    }

    @Test func decisionOnACommentClaimedByAnotherIsRefused() async throws {
        let store = try Self.store()
        let comment = try await Self.submit(store, "sedang ditinjau")
        _ = try await store.claimNext(moderator: "sari", filter: QueueFilter(), lease: .seconds(300))
        await #expect(throws: StoreError.claimedByOther(commentId: comment.id, moderator: "sari")) {
            try await ModerationDesk(store: store, moderator: "budi").decide(comment.id, .approve, reason: nil, expectedLastDecision: nil)
        }
    }

    @Test func moderatorDecisionOverridesPolicyAndPublicListFollows() async throws {
        let store = try Self.store()
        let comment = try await Self.submit(store, "ditahan dulu")
        #expect(try await store.publishedPage(articleId: "a1", afterId: nil, limit: 10).comments.isEmpty)
        try await ModerationDesk(store: store, moderator: "sari").decide(comment.id, .approve, reason: "aman", expectedLastDecision: nil)
        #expect(try await store.publishedPage(articleId: "a1", afterId: nil, limit: 10).comments.map(\.id) == [comment.id])
        let last = try #require(try await store.decisions(commentId: comment.id).last)
        #expect(last.actor == .moderator && last.decidedBy == "sari" && last.reasons == ["aman"])
    }

    @Test func undoRestoresThePreviousStatusAsANewHistoryEntry() async throws {
        let store = try Self.store()
        let comment = try await Self.submit(store, "salah klik")
        let decision = try await ModerationDesk(store: store, moderator: "sari").decide(comment.id, .reject, reason: nil, expectedLastDecision: nil).decision
        try await ModerationDesk(store: store, moderator: "sari").undo(decision: decision.id)
        #expect(try await store.comment(id: comment.id)?.status == .pending)
        #expect(try await store.decisions(commentId: comment.id).map(\.action.rawValue) == ["hold", "reject", "hold"])
        let again = try await ModerationDesk(store: store, moderator: "budi").decide(comment.id, .approve, reason: nil, expectedLastDecision: nil).decision
        await #expect(throws: StoreError.self) { try await ModerationDesk(store: store, moderator: "sari").undo(decision: decision.id) }
        try await ModerationDesk(store: store, moderator: "budi").undo(decision: again.id)
        #expect(try await store.comment(id: comment.id)?.status == .pending)
    }

    @Test func banRejectsPendingCommentsAndTheNextOnArrival() async throws {
        let store = try Self.store()
        let held = try await Self.submit(store, "promo satu", author: "Spammer")
        // Someone else is looking at it: the ban still rejects it.
        _ = try await store.claimNext(moderator: "sari", filter: QueueFilter(), lease: .seconds(300))
        let published = try await Self.submit(store, "promo dua", status: .published, author: "Spammer")
        let other = try await Self.submit(store, "komentar biasa", author: "Sari")
        let rejected = try await ModerationDesk(store: store, moderator: "budi").ban(AuthorIdentity(moderatorInput: "spammer"), reason: "judol").rejected
        #expect(rejected == [held.id])
        #expect(try await store.comment(id: held.id)?.status == .rejected)
        #expect(try await store.comment(id: published.id)?.status == .published)
        #expect(try await store.comment(id: other.id)?.status == .pending)
        let next = try await Self.submit(store, "promo tiga", status: .published, author: "SPAMMER")
        #expect(next.status == .rejected)
        try await ModerationDesk(store: store, moderator: "budi").unban(AuthorIdentity(moderatorInput: "Spammer"), reason: nil)
        #expect(try await Self.submit(store, "maaf", status: .published, author: "Spammer").status == .published)
        await #expect(throws: StoreError.authorNotFound(identity: "name:nobody")) {
            try await ModerationDesk(store: store, moderator: "budi").ban(AuthorIdentity(moderatorInput: "nobody"), reason: nil)
        }
    }

    @Test func queuesHoldPendingFlaggedAndReportedComments() async throws {
        let clock = TestClock()
        let store = try Self.store(clock: clock)
        let low = try await Self.submit(store, "skor rendah", score: 1)
        let high = try await Self.submit(store, "skor tinggi", article: "a2", score: 7)
        let flagged = try await Self.submit(store, "ditandai", status: .published, flagged: true)
        let reported = try await Self.submit(store, "dilaporkan", status: .published)
        try await store.report(commentId: reported.id, reason: "kasar")
        clock.advance(7200)
        let recent = try await Self.submit(store, "baru saja")

        #expect(try await store.queue(QueueFilter(kind: .pending)).map(\.comment.id) == [low.id, high.id, recent.id])
        #expect(try await store.queue(QueueFilter(kind: .pending, byScore: true)).map(\.comment.id) == [high.id, low.id, recent.id])
        #expect(try await store.queue(QueueFilter(kind: .pending, articleId: "a2")).map(\.comment.id) == [high.id])
        #expect(try await store.queue(QueueFilter(kind: .pending, since: clock.now.addingTimeInterval(-3600))).map(\.comment.id) == [recent.id])
        #expect(try await store.queue(QueueFilter(kind: .flagged)).map(\.comment.id) == [flagged.id])
        let reportedItems = try await store.queue(QueueFilter(kind: .reported))
        #expect(reportedItems.map(\.comment.id) == [reported.id])
        #expect(reportedItems.first?.reports == ["kasar"])
        #expect(reportedItems.first?.ruleIds == ["judol.keywords"])
        #expect(reportedItems.first?.hits.first?.description == "Gambling")
        #expect(try await store.queueCount(QueueFilter(kind: .pending)) == 3)

        // Deciding takes a comment out of its queue and resolves its reports.
        try await ModerationDesk(store: store, moderator: "sari").decide(reported.id, .approve, reason: nil, expectedLastDecision: nil)
        try await ModerationDesk(store: store, moderator: "sari").decide(flagged.id, .approve, reason: nil, expectedLastDecision: nil)
        #expect(try await store.queue(QueueFilter(kind: .reported)).isEmpty)
        #expect(try await store.queue(QueueFilter(kind: .flagged)).isEmpty)
    }

    @Test func bulkDecisionSkipsCommentsThatChangedMeanwhile() async throws {
        let store = try Self.store()
        let a = try await Self.submit(store, "spam a")
        let b = try await Self.submit(store, "spam b")
        let budi = ModerationDesk(store: store, moderator: "budi")
        let plan = try await budi.plan(.matching(pattern: "spam", filter: QueueFilter(kind: .pending)))
        #expect(plan.matches.map(\.comment.id) == [a.id, b.id])
        try await ModerationDesk(store: store, moderator: "sari").decide(b.id, .approve)
        let result = try await budi.reject(plan, reason: "bulk")
        #expect(result.decided == [a.id])
        #expect(result.skipped == [b.id])
        #expect(try await store.comment(id: b.id)?.status == .published)
    }
}
