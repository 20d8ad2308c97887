import Foundation
import SaringCore
import Testing

@testable import SaringStore

@Suite("Searching the queues, the rejected queue, threads, bans (the store)")
struct QueueSearchStoreTests {
    typealias Fixture = ModerationStoreTests

    @Test func openingWithoutCreatingRefusesAMissingFileAndLeavesNoneBehind() throws {
        let path = MigrationTests.temporaryDatabase()
        #expect(throws: StoreError.databaseMissing(path: path)) { try SaringStore(path: path, mode: .existingOnly) }
        #expect(!FileManager.default.fileExists(atPath: path))
        #expect(StoreError.databaseMissing(path: path).description == "no database at \(path)")
        _ = try SaringStore(path: path)
        #expect(FileManager.default.fileExists(atPath: path))
        _ = try SaringStore(path: path, mode: .existingOnly)
        _ = try SaringStore(path: ":memory:", mode: .existingOnly)
    }

    @Test func theRejectedQueueIsNewestFirstAndHoldsOnlyRejectedComments() async throws {
        let store = try Fixture.store()
        let old = try await Fixture.submit(store, "judi lama", status: .rejected)
        try await Fixture.submit(store, "menunggu")
        try await Fixture.submit(store, "terbit", status: .published)
        let new = try await Fixture.submit(store, "judi baru", status: .rejected)
        let items = try await store.queue(QueueFilter(kind: .rejected))
        #expect(items.map(\.comment.id) == [new.id, old.id])
        #expect(try await store.queueCount(QueueFilter(kind: .rejected)) == 2)
        // An auto-reject false positive is approved from there like any other comment.
        try await ModerationDesk(store: store, moderator: "sari").decide(
            old.id, .approve, reason: "bukan judi", expectedLastDecision: items[1].lastDecisionId)
        #expect(try await store.queue(QueueFilter(kind: .rejected)).map(\.comment.id) == [new.id])
    }

    @Test func authorNarrowsEveryQueueToThatAuthor() async throws {
        let store = try Fixture.store()
        let budi = try await Fixture.submit(store, "satu", author: "Budi")
        try await Fixture.submit(store, "dua", author: "Sari")
        let rejected = try await Fixture.submit(store, "tiga", status: .rejected, author: "Budi")
        let key = AuthorIdentity(moderatorInput: "Budi").key
        #expect(try await store.queue(QueueFilter(kind: .pending, authorIdentity: key)).map(\.comment.id) == [budi.id])
        #expect(try await store.queue(QueueFilter(kind: .rejected, authorIdentity: key)).map(\.comment.id) == [rejected.id])
        #expect(try await store.queue(QueueFilter(kind: .pending, authorIdentity: "name:nobody")).isEmpty)
    }

    @Test func textMatchesTheWrittenOrTheNormalizedTextCaselessly() async throws {
        let store = try Fixture.store()
        let styled = try await Fixture.submit(store, "main 𝗦𝗟𝗢𝗧 𝗚𝗔𝗖𝗢𝗥 di sini")
        let cyrillic = try await Fixture.submit(store, "Hаrgа naik")  // а: Cyrillic
        let plain = try await Fixture.submit(store, "Harga BBM")
        try await Fixture.submit(store, "komentar biasa")
        func ids(_ pattern: String) async throws -> [Int64] {
            try await store.queue(QueueFilter(kind: .pending, text: try TextSearch(pattern))).map(\.comment.id)
        }
        #expect(try await ids(#"slot\s*gacor"#) == [styled.id])
        #expect(try await ids("harga") == [cyrillic.id, plain.id])
        #expect(try await ids("BBM") == [plain.id])
        #expect(try await store.queueCount(QueueFilter(kind: .pending, text: try TextSearch("harga"))) == 2)
        let limited = try await store.search(QueueFilter(kind: .pending, text: try TextSearch("harga"), limit: 1))
        #expect(limited.items.map(\.comment.id) == [cyrillic.id])
        #expect(limited.total == 2)
    }

    @Test func aTextSearchOverItsBudgetSaysWhichCommentsItCouldNotDecide() async throws {
        let store = try Fixture.store()
        let costly = try await Fixture.submit(store, String(repeating: "a", count: 40) + "!")
        let short = try await Fixture.submit(store, "aaaa")
        let found = try await store.search(QueueFilter(kind: .pending, text: try TextSearch("^(a+)+$")))
        #expect(found.items.map(\.comment.id) == [short.id])
        #expect(found.total == 1)
        #expect(found.overBudget == [costly.id])
    }

    @Test func whatIsLeftLeavesOutSkippedCommentsAndTheSummaryCountsEachQueue() async throws {
        let store = try Fixture.store()
        let a = try await Fixture.submit(store, "satu")
        try await Fixture.submit(store, "dua")
        try await Fixture.submit(store, "tiga", status: .published, flagged: true)
        let reported = try await Fixture.submit(store, "empat", status: .published)
        try await store.report(commentId: reported.id, reason: "spam")
        try await Fixture.submit(store, "lima", status: .rejected)
        #expect(try await store.queueCount(QueueFilter(kind: .pending), excluding: [a.id]) == 1)
        let summary = try await store.queueSummary(QueueFilter())
        #expect(summary == [.pending: 2, .flagged: 1, .reported: 1, .rejected: 1])
        let scoped = try await store.queueSummary(QueueFilter(articleId: "nowhere"))
        #expect(scoped.values.allSatisfy { $0 == 0 })
    }

    @Test func aThreadRunsFromItsFirstCommentDownInAnyStatus() async throws {
        let store = try Fixture.store()
        func post(_ body: String, parent: Int64?, status: CommentStatus = .published) async throws -> Int64 {
            let draft = CommentDraft(articleId: "a1", authorName: "Ani", authorEmail: nil, body: body, parentId: parent)
            return try await store.submit(draft, verdict: Verdict(status: status, publishedBody: body, policyVersion: "v1")).id
        }
        let root = try await post("akar", parent: nil)
        let first = try await post("balasan 1", parent: root)
        let other = try await post("utas lain", parent: nil)
        let second = try await post("balasan 2", parent: root)
        let deep = try await post("balasan 1.1", parent: first, status: .pending)
        let thread = try await store.thread(of: deep)
        #expect(thread.map(\.comment.id) == [root, first, deep, second])
        #expect(thread.map(\.depth) == [0, 1, 2, 1])
        #expect(try await store.thread(of: other).map(\.comment.id) == [other])
        #expect(try await store.thread(of: root, limit: 2).count == 2)
    }

    @Test func anAuthorsNewestCommentsComeInAnyStatusNewestFirst() async throws {
        let store = try Fixture.store()
        let one = try await Fixture.submit(store, "satu", author: "Budi")
        try await Fixture.submit(store, "lain", author: "Sari")
        let two = try await Fixture.submit(store, "dua", status: .rejected, author: "Budi")
        let three = try await Fixture.submit(store, "tiga", status: .published, author: "Budi")
        let key = AuthorIdentity(moderatorInput: "Budi").key
        #expect(try await store.recentComments(ofAuthor: key).map(\.id) == [three.id, two.id, one.id])
        #expect(try await store.recentComments(ofAuthor: key, limit: 2).map(\.id) == [three.id, two.id])
        #expect(try await store.recentComments(ofAuthor: "name:nobody").isEmpty)
    }

    @Test func currentBansListWhoBannedWhomWhenAndWhyAndForgetLiftedOnes() async throws {
        let clock = ModerationStoreTests.TestClock()
        let store = try Fixture.store(clock: clock)
        try await Fixture.submit(store, "satu", author: "Budi")
        try await Fixture.submit(store, "dua", author: "Sari")
        try await ModerationDesk(store: store, moderator: "ana").ban(AuthorIdentity(moderatorInput: "Budi"), reason: "judol")
        clock.advance(60)
        try await ModerationDesk(store: store, moderator: "eko").ban(AuthorIdentity(moderatorInput: "Sari"), reason: nil)
        var bans = try await store.currentBans()
        #expect(bans.map(\.name) == ["Sari", "Budi"])
        #expect(bans[1].moderator == "ana")
        #expect(bans[1].reason == "judol")
        #expect(bans[1].identity == "name:budi")
        #expect(bans[0].since.timeIntervalSince(bans[1].since) == 60)
        try await ModerationDesk(store: store, moderator: "eko").unban(AuthorIdentity(moderatorInput: "Sari"), reason: "salah")
        bans = try await store.currentBans()
        #expect(bans.map(\.name) == ["Budi"])
    }

    /// The pattern runs outside the write lock; the claims still never overlap.
    @Test func twoModeratorsClaimingWithATextSearchGetDisjointMatchingComments() async throws {
        let store = try Fixture.store()
        var matching: Set<Int64> = []
        for n in 0..<60 {
            let comment = try await Fixture.submit(store, n % 2 == 0 ? "slot gacor \(n)" : "komentar biasa \(n)")
            if n % 2 == 0 { matching.insert(comment.id) }
        }
        let filter = QueueFilter(kind: .pending, text: try TextSearch(#"slot\s*gacor"#))
        async let first = Fixture.claimAll(store, moderator: "sari", filter: filter)
        async let second = Fixture.claimAll(store, moderator: "budi", filter: filter)
        let (a, b) = try await (first, second)
        #expect(Set(a).isDisjoint(with: b))
        #expect(Set(a + b) == matching)
    }
}
