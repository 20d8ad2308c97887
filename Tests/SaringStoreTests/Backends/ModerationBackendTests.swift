// One suite, both backends: a moderator's queues, decisions, undo and claims behave the same on
// SQLite and on PostgreSQL, under the rules of DecisionRules.
import Foundation
import SaringCore
import SaringPostgres
import SaringStore
import SaringTestSupport
import Synchronization
import Testing

@Suite("Moderation, on SQLite and PostgreSQL")
struct ModerationBackendTests {
    typealias Fixture = CommentStoreTests

    /// A clock the test moves: claims expire without waiting.
    final class Clock: Sendable {
        let millis = Mutex<Int64>(1_780_000_000_000)
        func now() -> Date { Date(timeIntervalSince1970: Double(millis.withLock { $0 }) / 1000) }
        func advance(seconds: Int64) { millis.withLock { $0 += seconds * 1000 } }
    }

    /// Stores `count` distinct comments held for review, on two articles; returns their ids.
    static func held(_ store: any ModerationStore, _ count: Int, from first: Int = 0) async throws -> [Int64] {
        var ids: [Int64] = []
        for n in first..<(first + count) {
            let draft = Fixture.draft(n, article: n % 3 == 2 ? "berita-2" : "berita-1")
            var verdict = Fixture.verdict(draft, .pending)
            verdict.score = Double(n % 4) / 4
            verdict.reasons = ["kasar.umpatan (hold): matched"]
            verdict.hits = [RuleHit(ruleId: "kasar.umpatan", category: "kasar", description: "umpatan", action: .hold, score: 0.5, span: 0..<4)]
            ids.append(try await store.submit(draft, verdict: verdict).id)
        }
        return ids
    }

    @Test(arguments: StoreBackend.allCases)
    func theQueueListsHeldCommentsInOrderWithEverythingAModeratorNeeds(_ backend: StoreBackend) async throws {
        try await backend.withStore { store in
            let ids = try await Self.held(store, 9)
            let published = Fixture.draft(40)
            _ = try await store.submit(published, verdict: Fixture.verdict(published))
            let all = try await store.queue(QueueFilter(kind: .pending, limit: 50))
            #expect(all.map(\.comment.id) == ids)
            let item = try #require(all.first)
            #expect(item.comment.body == Fixture.draft(0).body)
            #expect(item.author.name == Fixture.draft(0).authorName)
            #expect(item.author.pending >= 1)
            #expect(item.hits.map(\.ruleId) == ["kasar.umpatan"])
            #expect(item.hits.first?.span == 0..<4)
            #expect(item.policyVersion == "v-test")
            #expect(item.decisions.count == 1)
            #expect(item.lastDecisionId == item.decisions.first?.id)
            #expect(item.claimedBy == nil)

            var page = QueueFilter(kind: .pending, limit: 4)
            page.afterId = ids[3]
            #expect(try await store.queue(page).map(\.comment.id) == Array(ids[4..<8]))
            #expect(try await store.queue(QueueFilter(kind: .pending, articleId: "berita-2")).map(\.comment.id) == ids.enumerated().filter { $0.offset % 3 == 2 }.map(\.element))
            let byScore = try await store.queue(QueueFilter(kind: .pending, byScore: true)).map(\.comment.score)
            #expect(byScore == byScore.sorted(by: >))
            let author = Fixture.draft(1).authorIdentity.key
            #expect(try await store.queue(QueueFilter(kind: .pending, authorIdentity: author)).allSatisfy { $0.author.identity == author })
            #expect(try await store.queue(QueueFilter(kind: .rejected)).isEmpty)
            #expect(try await store.queueItem(commentId: ids[0] + 10_000) == nil)
            #expect(try await store.author(Fixture.draft(1).authorIdentity)?.name == Fixture.draft(1).authorName)
            #expect(try await store.author(AuthorIdentity(name: "Tak Pernah Menulis", email: nil)) == nil)
            #expect(try await store.queueDepths(cap: 100) == [.pending: 9, .flagged: 0, .reported: 0, .rejected: 0])
            #expect(try await store.queueDepths(cap: 4)[.pending] == 4)
        }
    }

    /// What `saring queue` and `saring review` count: what is left of a queue without the comments
    /// a moderator skipped, a text search that names what it could not decide, each queue's
    /// count, and the articles braked now.
    @Test(arguments: StoreBackend.allCases)
    func aSearchCountsWhatIsLeftAndTheSummaryCountsEachQueue(_ backend: StoreBackend) async throws {
        try await backend.withStore { store in
            let ids = try await Self.held(store, 6)
            var styled = Fixture.draft(50)
            styled.body = "Main di 𝗦𝗟𝗢𝗧 𝗚𝗔𝗖𝗢𝗥 sekarang, pasti menang"
            let spam = try await store.submit(styled, verdict: Fixture.verdict(styled, .pending))
            var costly = Fixture.draft(51)
            costly.body = String(repeating: "a", count: 40) + "!"
            let overBudget = try await store.submit(costly, verdict: Fixture.verdict(costly, .pending))

            let left = try await store.search(QueueFilter(kind: .pending, limit: 2), excluding: [ids[0], ids[2]])
            #expect(left.items.map(\.comment.id) == [ids[1], ids[3]])
            #expect(left.total == 6)
            #expect(left.overBudget.isEmpty)
            let found = try await store.search(QueueFilter(kind: .pending, text: try TextSearch(#"slot\s*gacor"#)), excluding: [])
            #expect(found.items.map(\.comment.id) == [spam.id])
            #expect(found.total == 1)
            let costlySearch = try await store.search(QueueFilter(kind: .pending, text: try TextSearch("^(a+)+$")), excluding: [])
            #expect(costlySearch.items.isEmpty)
            #expect(costlySearch.overBudget == [overBudget.id])

            _ = try await store.decide(ids[1], .reject, by: "dewi", reason: "kasar", override: false, expectedLastDecision: nil)
            #expect(try await store.queueSummary(QueueFilter(kind: .pending)) == [.pending: 7, .flagged: 0, .reported: 0, .rejected: 1])
            let onArticle = ids.enumerated().filter { $0.offset % 3 == 2 }.count
            #expect(try await store.queueSummary(QueueFilter(kind: .pending, articleId: "berita-2"))[.pending] == onArticle)
            let texts = try await store.queueSummary(QueueFilter(kind: .pending, text: try TextSearch("gacor")))
            #expect(texts == [.pending: 1, .flagged: 0, .reported: 0, .rejected: 0])

            #expect(try await store.brakedArticles().isEmpty)
            let until = Date(timeIntervalSince1970: (Date().timeIntervalSince1970 + 600).rounded())
            try await store.engageBrake(articleId: "berita-2", until: until)
            try await store.engageBrake(articleId: "berita-1", until: Date().addingTimeInterval(-60))
            let braked = try await store.brakedArticles()
            #expect(braked.map(\.articleId) == ["berita-2"])
            #expect(braked.first?.until == until)
        }
    }

    @Test(arguments: StoreBackend.allCases)
    func aDecisionPublishesOrRejectsAndRepeatingItChangesNothing(_ backend: StoreBackend) async throws {
        try await backend.withStore { store in
            let ids = try await Self.held(store, 3)
            let approved = try await store.decide(ids[0], .approve, by: "dewi", reason: "wajar", override: false, expectedLastDecision: nil)
            #expect(approved.changed)
            #expect(approved.status == .published)
            #expect(approved.articleId == "berita-1")
            #expect(approved.decision.reasons == ["wajar"])
            #expect(try await store.comment(id: ids[0])?.status == .published)
            #expect(try await store.publishedPage(articleId: "berita-1", afterId: nil, limit: 10).comments.map(\.id) == [ids[0]])
            let again = try await store.decide(ids[0], .approve, by: "dewi", reason: nil, override: false, expectedLastDecision: nil)
            #expect(!again.changed)
            #expect(again.decision.id == approved.decision.id)
            let rejected = try await store.decide(ids[1], .reject, by: "dewi", reason: nil, override: false, expectedLastDecision: nil)
            #expect(rejected.status == .rejected)
            #expect(try await store.queue(QueueFilter(kind: .rejected)).map(\.comment.id) == [ids[1]])
            #expect(try await store.queue(QueueFilter(kind: .pending)).map(\.comment.id) == [ids[2]])
            let history = try await store.decisions(commentId: ids[0])
            #expect(history.map(\.action) == [.hold, .approve])
            #expect(history.last?.decidedBy == "dewi")
            #expect(history.last?.actor == .moderator)
            await #expect(throws: StoreError.commentNotFound(id: ids[2] + 500)) {
                try await store.decide(ids[2] + 500, .approve, by: "dewi", reason: nil, override: false, expectedLastDecision: nil)
            }
        }
    }

    @Test(arguments: StoreBackend.allCases)
    func changingAnotherModeratorsDecisionNeedsOverrideAndAStaleViewIsRefused(_ backend: StoreBackend) async throws {
        try await backend.withStore { store in
            let ids = try await Self.held(store, 2)
            let seen = try #require(try await store.queueItem(commentId: ids[0])).lastDecisionId
            _ = try await store.decide(ids[0], .reject, by: "dewi", reason: nil, override: false, expectedLastDecision: seen)
            await #expect(throws: StoreError.overrideNeeded(commentId: ids[0], by: "dewi", action: "reject")) {
                try await store.decide(ids[0], .approve, by: "budi", reason: nil, override: false, expectedLastDecision: nil)
            }
            await #expect(throws: StoreError.decidedMeanwhile(commentId: ids[0], by: "dewi", action: "reject")) {
                try await store.decide(ids[0], .approve, by: "budi", reason: nil, override: true, expectedLastDecision: seen)
            }
            let overridden = try await store.decide(ids[0], .approve, by: "budi", reason: nil, override: true, expectedLastDecision: nil)
            #expect(overridden.changed && overridden.status == .published)
            // Changing one's own decision needs no override.
            _ = try await store.decide(ids[1], .approve, by: "dewi", reason: nil, override: false, expectedLastDecision: nil)
            #expect(try await store.decide(ids[1], .reject, by: "dewi", reason: nil, override: false, expectedLastDecision: nil).status == .rejected)
        }
    }

    @Test(arguments: StoreBackend.allCases)
    func anUndoRestoresTheStateBeforeAndReopensTheReportsItResolved(_ backend: StoreBackend) async throws {
        try await backend.withStore { store in
            let draft = Fixture.draft(7)
            let comment = try await store.submit(draft, verdict: Fixture.verdict(draft))
            try await store.report(commentId: comment.id, reason: "menghina", clientHash: "a1", hideAfter: 0)
            #expect(try await store.queue(QueueFilter(kind: .reported)).map(\.comment.id) == [comment.id])
            let rejected = try await store.decide(comment.id, .reject, by: "dewi", reason: nil, override: false, expectedLastDecision: nil)
            #expect(try await store.queue(QueueFilter(kind: .reported)).isEmpty)
            #expect(try await store.openReports(commentId: comment.id).isEmpty)
            await #expect(throws: StoreError.overrideNeeded(commentId: comment.id, by: "dewi", action: "reject")) {
                try await store.undo(decision: rejected.decision.id, by: "budi", override: false)
            }
            let undone = try await store.undo(decision: rejected.decision.id, by: "dewi", override: false)
            #expect(undone.status == .published)
            #expect(undone.decision.undoes == rejected.decision.id)
            #expect(try await store.comment(id: comment.id)?.status == .published)
            #expect(try await store.openReports(commentId: comment.id) == ["menghina"])
            #expect(try await store.queue(QueueFilter(kind: .reported)).map(\.comment.id) == [comment.id])
            await #expect(throws: StoreError.cannotUndo(decisionId: rejected.decision.id, reason: "it was undone already")) {
                try await store.undo(decision: rejected.decision.id, by: "dewi", override: false)
            }
            let policyDecision = try #require(try await store.decisions(commentId: comment.id).first)
            await #expect(throws: StoreError.cannotUndo(decisionId: policyDecision.id, reason: "only a moderator's approve or reject can be undone")) {
                try await store.undo(decision: policyDecision.id, by: "dewi", override: false)
            }
            await #expect(throws: StoreError.cannotUndo(decisionId: 99_999, reason: "no such decision")) {
                try await store.undo(decision: 99_999, by: "dewi", override: false)
            }
        }
    }

    @Test(arguments: StoreBackend.allCases)
    func aClaimKeepsAnotherModeratorOffUntilItIsReleasedOrRunsOut(_ backend: StoreBackend) async throws {
        let clock = Clock()
        try await backend.withStore(now: { clock.now() }) { store in
            let ids = try await Self.held(store, 2)
            let claimed = try #require(try await store.claim(commentId: ids[0], moderator: "dewi", lease: .seconds(60)))
            #expect(claimed.claimedBy == "dewi")
            #expect(try await store.claim(commentId: ids[0], moderator: "budi", lease: .seconds(60)) == nil)
            await #expect(throws: StoreError.claimedByOther(commentId: ids[0], moderator: "dewi")) {
                try await store.decide(ids[0], .approve, by: "budi", reason: nil, override: false, expectedLastDecision: nil)
            }
            // Renewing one's own claim is allowed.
            #expect(try await store.claim(commentId: ids[0], moderator: "dewi", lease: .seconds(60)) != nil)
            try await store.releaseClaims(moderator: "dewi", commentId: ids[0])
            #expect(try await store.claim(commentId: ids[0], moderator: "budi", lease: .seconds(30))?.claimedBy == "budi")
            clock.advance(seconds: 31)
            #expect(try await store.queueItem(commentId: ids[0])?.claimedBy == nil)
            #expect(try await store.claim(commentId: ids[0], moderator: "dewi", lease: .seconds(30))?.claimedBy == "dewi")
            // A decision releases every claim on the comment.
            _ = try await store.decide(ids[0], .approve, by: "dewi", reason: nil, override: false, expectedLastDecision: nil)
            #expect(try await store.claim(commentId: ids[0], moderator: "budi", lease: .seconds(30)) != nil)
            #expect(try await store.claim(commentId: ids[1] + 900, moderator: "budi", lease: .seconds(30)) == nil)
            try await store.releaseClaims(moderator: "budi", commentId: nil)
            #expect(try await store.queueItem(commentId: ids[0])?.claimedBy == nil)
        }
    }

    /// What `saring review` asks of a store: the next unclaimed comment, claims kept alive while
    /// the screen is open, a comment's thread and the author's newest comments.
    @Test(arguments: StoreBackend.allCases)
    func reviewersClaimTheNextCommentInTurnAndReadItsThreadAndItsAuthor(_ backend: StoreBackend) async throws {
        let clock = Clock()
        try await backend.withStore(now: { clock.now() }) { store in
            let ids = try await Self.held(store, 5)
            let first = try #require(try await store.claimNext(moderator: "dewi", filter: QueueFilter(kind: .pending), lease: .seconds(30), skipping: []))
            #expect(first.comment.id == ids[0])
            #expect(first.claimedBy == "dewi")
            let second = try #require(try await store.claimNext(moderator: "budi", filter: QueueFilter(kind: .pending), lease: .seconds(30), skipping: []))
            #expect(second.comment.id == ids[1])
            // Asking again gives dewi her own claim back; skipping it, the next free one.
            #expect(try await store.claimNext(moderator: "dewi", filter: QueueFilter(kind: .pending), lease: .seconds(30), skipping: [])?.comment.id == ids[0])
            #expect(try await store.claimNext(moderator: "dewi", filter: QueueFilter(kind: .pending), lease: .seconds(30), skipping: [ids[0]])?.comment.id == ids[2])
            #expect(try await store.queueCount(QueueFilter(kind: .pending), excluding: [ids[0], ids[2]]) == 3)
            // Held on berita-1: 0, 1, 3, 4; with a text search too, the first free one is 3.
            var onArticle = QueueFilter(kind: .pending, articleId: "berita-1")
            onArticle.text = try TextSearch(".")
            #expect(try await store.claimNext(moderator: "agus", filter: onArticle, lease: .seconds(30), skipping: [])?.comment.id == ids[3])
            // A decided comment is not offered; nothing is left for a moderator once others hold the rest.
            _ = try await store.decide(ids[3], .approve, by: "agus", reason: nil, override: false, expectedLastDecision: nil)
            #expect(try await store.claimNext(moderator: "sari", filter: QueueFilter(kind: .pending), lease: .seconds(30), skipping: [])?.comment.id == ids[4])
            #expect(try await store.claimNext(moderator: "tono", filter: QueueFilter(kind: .pending), lease: .seconds(30), skipping: []) == nil)

            // Renewed, budi's claim outlives its first lease; not renewed, dewi's runs out.
            clock.advance(seconds: 20)
            try await store.renewClaims(moderator: "budi", lease: .seconds(30))
            clock.advance(seconds: 20)
            #expect(try await store.queueItem(commentId: ids[1])?.claimedBy == "budi")
            #expect(try await store.queueItem(commentId: ids[0])?.claimedBy == nil)
            try await store.renewClaims(moderator: "dewi", lease: .seconds(30))
            #expect(try await store.queueItem(commentId: ids[0])?.claimedBy == nil)

            // A thread: the first comment, its replies in order, a reply to a reply under it.
            let root = Fixture.draft(20, article: "berita-9")
            let top = try await store.submit(root, verdict: Fixture.verdict(root))
            let reply = Fixture.draft(21, article: "berita-9", parent: top.id)
            let answer = try await store.submit(reply, verdict: Fixture.verdict(reply))
            let deeper = Fixture.draft(22, article: "berita-9", parent: answer.id)
            let deep = try await store.submit(deeper, verdict: Fixture.verdict(deeper, .pending))
            let later = Fixture.draft(23, article: "berita-9", parent: top.id)
            let other = try await store.submit(later, verdict: Fixture.verdict(later))
            let thread = try await store.thread(of: deep.id, limit: 50)
            #expect(thread.map(\.comment.id) == [top.id, answer.id, deep.id, other.id])
            #expect(thread.map(\.depth) == [0, 1, 2, 1])
            #expect(thread.first?.comment.body == root.body)
            #expect(try await store.thread(of: top.id, limit: 2).map(\.comment.id) == [top.id, answer.id])

            // Readers.name(n % 6): drafts 2 and 20 are by one reader.
            let author = Fixture.draft(2).authorIdentity.key
            #expect(try await store.recentComments(ofAuthor: author, limit: 5).map(\.id) == [top.id, ids[2]])
            #expect(try await store.recentComments(ofAuthor: author, limit: 1).map(\.id) == [top.id])
            #expect(try await store.recentComments(ofAuthor: "name:tidak ada", limit: 5).isEmpty)
        }
    }

    /// `saring export` reads in chunks: every comment comes once, in id order, with its history,
    /// whether the chunk's ids lie close together or far apart.
    @Test(arguments: StoreBackend.allCases)
    func anExportWritesEveryCommentOnceWithItsHistoryAcrossChunks(_ backend: StoreBackend) async throws {
        try await backend.withStore { store in
            let ids = try await Self.held(store, 230)
            for id in [ids[10], ids[200]] {
                _ = try await store.decide(id, .reject, by: "dewi", reason: "kasar", override: false, expectedLastDecision: nil)
            }
            let exporter = store
            var all: [ExportRecord] = []
            #expect(try await exporter.export(ExportFilter()) { all.append($0) } == 230)
            #expect(all.map(\.id) == ids)
            #expect(all.map(\.decisions.count) == ids.map { [ids[10], ids[200]].contains($0) ? 2 : 1 })
            #expect(all[10].decisions.last?.by == "dewi" && all[10].decisions.last?.reasons == ["kasar"])
            var onArticle: [Int64] = []
            try await exporter.export(ExportFilter(articleId: "berita-2")) { onArticle.append($0.id) }
            #expect(onArticle == ids.enumerated().filter { $0.offset % 3 == 2 }.map(\.element))
            var rejected: [ExportRecord] = []
            try await exporter.export(ExportFilter(statuses: [.rejected])) { rejected.append($0) }
            #expect(rejected.map(\.id) == [ids[10], ids[200]])
            #expect(rejected.map(\.decisions.count) == [2, 2])
        }
    }

    /// The policy history on both stores: a folder loaded again is the same row, its uses widen
    /// the first and last judging times, rule costs add up, and a version is found by hash, unique
    /// prefix or `#id`.
    @Test(arguments: StoreBackend.allCases)
    func thePolicyHistoryKeepsEachVersionAndWhenItJudged(_ backend: StoreBackend) async throws {
        try await backend.withStore { store in
            let history = store
            let rules = "rules:\n  - id: kasar.tahan\n    description: Held for a look\n    words: [anjir]\n    action: hold\n    examples:\n      match: [\"anjir lah\"]\n"
            let source = PolicySource(files: [.init(name: "kasar.yaml", text: rules)])
            let policy = try PolicyCompiler.compile(source).get()
            let id = try await history.recordPolicyVersion(source, policy)
            #expect(try await history.recordPolicyVersion(source, policy) == id)
            let cost = [policy.version: [RuleTimingSample(ruleId: "kasar.tahan", runs: 4, matches: 1, nanos: 900)]]
            try await history.recordPolicyUse(uses: [policy.version: 1_000...2_000], timings: cost, at: Date())
            try await history.recordPolicyUse(uses: [policy.version: 500...1_500, "0000000000000000": 1...2], timings: cost, at: Date())
            let record = try #require(try await history.policyVersion(String(policy.version.prefix(6))))
            #expect(record.id == id)
            #expect(record.firstUsedAt == Timestamp.date(500) && record.lastUsedAt == Timestamp.date(2_000))
            #expect(record.files == source.files)
            #expect(record.rules.map(\.id) == ["kasar.tahan"])
            #expect(try await history.policyVersions().map(\.version) == [policy.version])
            #expect(try await history.policyVersion("#\(id)")?.version == policy.version)
            #expect(try await history.policyVersion("abc") == nil)
            #expect(try await history.policyVersion("#\(id + 5)") == nil)
        }
    }

    @Test(arguments: StoreBackend.allCases)
    func moderatorsClaimingOneCommentAtOnceNeverBothGetIt(_ backend: StoreBackend) async throws {
        try await backend.withStore { store in
            let ids = try await Self.held(store, 12)
            let moderators = ["dewi", "budi", "sari", "agus"]
            for id in ids {
                let winners = try await withThrowingTaskGroup(of: String?.self) { group in
                    for moderator in moderators {
                        group.addTask { try await store.claim(commentId: id, moderator: moderator, lease: .seconds(60)) == nil ? nil : moderator }
                    }
                    var won: [String] = []
                    for try await winner in group { if let winner { won.append(winner) } }
                    return won
                }
                #expect(winners.count == 1, "comment \(id) claimed by \(winners)")
                #expect(try await store.queueItem(commentId: id)?.claimedBy == winners.first)
            }
        }
    }
}

extension ModerationBackendTests {
    @Test(arguments: StoreBackend.allCases)
    func aBanRejectsTheAuthorsPendingCommentsAsOneBatchThatCanBeUndone(_ backend: StoreBackend) async throws {
        try await backend.withStore { store in
            // Reader 1's comments (every sixth draft is by the same reader), from one address.
            var drafts = [1, 7, 13].map { Fixture.draft($0, client: "alamat-1") }
            drafts.append(Fixture.draft(2, client: "alamat-2"))
            var ids: [Int64] = []
            for (n, draft) in drafts.enumerated() {
                ids.append(try await store.submit(draft, verdict: Fixture.verdict(draft, n == 1 ? .published : .pending)).id)
            }
            let author = drafts[0].authorIdentity
            await #expect(throws: StoreError.notTheAuthorsComment(commentId: ids[3])) {
                try await store.ban(author, by: "dewi", reason: "judol", addressBan: .seconds(3600), alsoRejecting: ids[3])
            }
            let ban = try await store.ban(author, by: "dewi", reason: "judol", addressBan: .seconds(3600), alsoRejecting: ids[1])
            let batchId = try #require(ban.batchId)
            #expect(ban.rejected.sorted() == [ids[0], ids[1], ids[2]])
            #expect(ban.articleIds == ["berita-1"])
            #expect(try await store.comment(id: ids[3])?.status == .pending)
            #expect(try await store.decisions(commentId: ids[0]).last?.reasons == ["author banned: judol"])
            #expect(try await store.author(author)?.standing == .banned)
            #expect(try await store.currentBans().map(\.identity) == [author.key])
            #expect(try await store.currentBans().first?.moderator == "dewi")
            // A new anonymous comment from the banned address is rejected on arrival.
            var other = Fixture.draft(3, client: "alamat-1")
            other.authorName = "Nama Baru Sekali"
            let arrived = try await store.submit(other, verdict: Fixture.verdict(other))
            #expect(arrived.status == .rejected)
            #expect(arrived.reasons.last?.hasPrefix("posted from an address banned with author") == true, "\(arrived.reasons)")
            // Known by now, the same reader is still caught by the address.
            var again = Fixture.draft(9, client: "alamat-1")
            again.authorName = "Nama Baru Sekali"
            let second = try await store.submit(again, verdict: Fixture.verdict(again))
            #expect(second.status == .rejected)
            #expect(second.reasons.last?.hasPrefix("posted from an address banned with author") == true, "\(second.reasons)")
            // Banning again finds nothing more to do.
            #expect(try await store.ban(author, by: "budi", reason: nil, addressBan: .seconds(3600), alsoRejecting: nil).batchId == nil)
            await #expect(throws: StoreError.batchOfAnother(id: batchId, by: "dewi")) {
                try await store.undo(batch: batchId, by: "budi", override: false)
            }
            // A comment decided since the ban is left as it is.
            _ = try await store.decide(ids[2], .approve, by: "budi", reason: nil, override: true, expectedLastDecision: nil)
            let undone = try await store.undo(batch: batchId, by: "dewi", override: false)
            #expect(undone.restored == [ids[0], ids[1]])
            #expect(undone.decidedSince == [ids[2]])
            #expect(undone.articleIds == ["berita-1"])
            #expect(try await store.comment(id: ids[0])?.status == .pending)
            #expect(try await store.comment(id: ids[1])?.status == .published)
            #expect(try await store.author(author)?.standing == .normal)
            #expect(try await store.currentBans().isEmpty)
            await #expect(throws: StoreError.batchAlreadyUndone(id: batchId, by: "dewi")) {
                try await store.undo(batch: batchId, by: "dewi", override: false)
            }
            await #expect(throws: StoreError.batchNotFound(id: batchId + 50)) {
                try await store.undo(batch: batchId + 50, by: "dewi", override: false)
            }
            await #expect(throws: StoreError.authorNotFound(identity: "name:tak ada")) {
                try await store.ban(AuthorIdentity(name: "tak ada", email: nil), by: "dewi", reason: nil, addressBan: .zero, alsoRejecting: nil)
            }
        }
    }

    @Test(arguments: StoreBackend.allCases)
    func trustAndUnbanChangeStandingOnlyWhenTheyMeanSomething(_ backend: StoreBackend) async throws {
        try await backend.withStore { store in
            let draft = Fixture.draft(4, client: "alamat-4")
            _ = try await store.submit(draft, verdict: Fixture.verdict(draft, .pending))
            let author = draft.authorIdentity
            #expect(try await store.unban(author, by: "dewi", reason: nil) == false)
            #expect(try await store.trust(author, by: "dewi", reason: "penulis tetap") == true)
            #expect(try await store.trust(author, by: "dewi", reason: nil) == false)
            #expect(try await store.author(author)?.standing == .trusted)
            _ = try await store.ban(author, by: "dewi", reason: nil, addressBan: .seconds(600), alsoRejecting: nil)
            #expect(try await store.unban(author, by: "budi", reason: "salah orang") == true)
            #expect(try await store.author(author)?.standing == .normal)
            // The address ban went with it.
            var other = Fixture.draft(5, client: "alamat-4")
            other.authorName = "Pembaca Lain Lagi"
            #expect(try await store.submit(other, verdict: Fixture.verdict(other)).status == .published)
        }
    }

    @Test(arguments: StoreBackend.allCases)
    func aBulkRejectionTakesWhatThePatternMatchesSkippingOthersClaimsAndUndoesAsOne(_ backend: StoreBackend) async throws {
        try await backend.withStore { store in
            var ids: [Int64] = []
            for n in 0..<8 {
                var draft = Fixture.draft(20 + n, article: "berita-\(n % 2)")
                if n % 3 == 0 { draft.body += " cek situs gacor88 sekarang" }
                ids.append(try await store.submit(draft, verdict: Fixture.verdict(draft, .pending)).id)
            }
            _ = try await store.claim(commentId: ids[3], moderator: "budi", lease: .seconds(60))
            let selection = BulkSelection.matching(pattern: "gacor\\d+", filter: QueueFilter(kind: .pending))
            let plan = try await store.plan(selection, except: [ids[6]], moderator: "dewi")
            #expect(plan.matches.map(\.comment.id) == [ids[0]])
            #expect(plan.excepted == [ids[6]])
            #expect(plan.matches.first?.spans.count == 1)
            let wide = try await store.plan(selection, except: [], moderator: "dewi")
            #expect(wide.matches.map(\.comment.id) == [ids[0], ids[6]])
            await #expect(throws: BulkSelectionError.self) { try await store.plan(.matching(pattern: ".*", filter: QueueFilter()), except: [], moderator: "dewi") }
            // Budi claims one after the plan was made: it is skipped, not taken from him.
            _ = try await store.claim(commentId: ids[6], moderator: "budi", lease: .seconds(60))
            let done = try await store.reject(wide, by: "dewi", reason: nil)
            #expect(done.decided == [ids[0]])
            #expect(done.skipped == [ids[6]])
            let batchId = try #require(done.batchId)
            #expect(try await store.decisions(commentId: ids[0]).last?.reasons == ["bulk: gacor\\d+"])
            #expect(try await store.decisions(commentId: ids[0]).last?.batchId == batchId)
            let undone = try await store.undo(batch: batchId, by: "dewi", override: false)
            #expect(undone.restored == [ids[0]])
            #expect(try await store.comment(id: ids[0])?.status == .pending)
        }
    }
}

@Suite("Moderation across two PostgreSQL nodes")
struct TwoNodeModerationTests {
    @Test func moderatorsOnTwoNodesNeverClaimOrDecideTheSameCommentBoth() async throws {
        try await PostgresScratch.withDatabaseAddress { address in
            let one = PostgresStore(address: address)
            let two = PostgresStore(address: address)
            try await one.migrate()
            let ids = try await ModerationBackendTests.held(one, 16)
            for (n, id) in ids.enumerated() {
                async let first = one.claim(commentId: id, moderator: "dewi", lease: .seconds(60))
                async let second = two.claim(commentId: id, moderator: "budi", lease: .seconds(60))
                let (a, b) = try await (first, second)
                #expect((a == nil) != (b == nil), "comment \(id): both or neither claimed")
                let holder = a == nil ? "budi" : "dewi"
                let other = holder == "dewi" ? "budi" : "dewi"
                let (mine, theirs) = holder == "dewi" ? (one, two) : (two, one)
                await #expect(throws: StoreError.claimedByOther(commentId: id, moderator: holder)) {
                    try await theirs.decide(id, .reject, by: other, reason: nil, override: false, expectedLastDecision: nil)
                }
                let verdict: ModeratorVerdict = n.isMultiple(of: 2) ? .approve : .reject
                _ = try await mine.decide(id, verdict, by: holder, reason: nil, override: false, expectedLastDecision: nil)
                #expect(try await theirs.comment(id: id)?.status == verdict.status)
            }
            #expect(try await two.queue(QueueFilter(kind: .pending)).isEmpty)
            await one.close()
            await two.close()
        }
    }
}
