// One suite, both backends: what the public comment path asks of a store behaves the same on
// SQLite and on PostgreSQL.
import Foundation
import SaringCore
import SaringStore
import SaringTestSupport
import Testing

@Suite("The comment store, on SQLite and PostgreSQL")
struct CommentStoreTests {
    static func draft(_ n: Int, article: String = "berita-1", parent: Int64? = nil, client: String? = nil) -> CommentDraft {
        // Distinct ordinary comments; every sixth one by the same reader (first-comment tests).
        var draft = CommentDraft(
            articleId: article, authorName: Readers.name(n % 6), authorEmail: nil, body: Readers.comment(n), parentId: parent)
        draft.clientHash = client
        return draft
    }

    static func verdict(_ draft: CommentDraft, _ status: CommentStatus = .published) -> Verdict {
        Verdict(status: status, publishedBody: draft.body, policyVersion: "v-test")
    }

    @Test(arguments: StoreBackend.allCases)
    func aSubmittedCommentIsStoredWithItsDecisionAndReadBack(_ backend: StoreBackend) async throws {
        try await backend.withStore { store in
            let draft = Self.draft(0, client: "c0ffee")
            var verdict = Self.verdict(draft, .pending)
            verdict.score = 0.5
            verdict.reasons = ["kasar.umpatan (hold): matched \"anjir\""]
            verdict.hits = [
                RuleHit(ruleId: "kasar.umpatan", category: "kasar", description: "umpatan", action: .hold, score: 0.5, field: .body, span: 3..<8),
                RuleHit(ruleId: "judol.model", category: "judol", description: "model", action: .reject, score: 0, field: .body, span: nil, shadow: true),
            ]
            let stored = try await store.submit(draft, verdict: verdict)
            #expect(stored.status == .pending)
            #expect(stored.reasons == verdict.reasons)
            let read = try #require(try await store.comment(id: stored.id))
            #expect(read.body == draft.body)
            #expect(read.authorName == draft.authorName)
            #expect(read.status == .pending)
            #expect(read.score == 0.5)
            #expect(read.clientHash == "c0ffee")
            #expect(read.articleId == "berita-1")
            let decisions = try await store.decisions(commentId: stored.id)
            #expect(decisions.count == 1)
            #expect(decisions.first?.action == .hold)
            #expect(decisions.first?.actor == .policy)
            #expect(decisions.first?.decidedBy == "v-test")
            #expect(decisions.first?.reasons == verdict.reasons)
            #expect(try await store.comment(id: stored.id + 1000) == nil)
            #expect(try await store.commentCounts() == [.pending: 1])
        }
    }

    @Test(arguments: StoreBackend.allCases)
    func pagesListOnlyTheArticlesPublishedCommentsWithoutRepeatOrGap(_ backend: StoreBackend) async throws {
        try await backend.withStore { store in
            var published: [Int64] = []
            for n in 0..<25 {
                let article = n % 5 == 4 ? "berita-2" : "berita-1"
                let draft = Self.draft(n, article: article)
                let comment = try await store.submit(draft, verdict: Self.verdict(draft, n % 7 == 3 ? .rejected : .published))
                if article == "berita-1", comment.status == .published { published.append(comment.id) }
            }
            var seen: [Int64] = []
            var after: Int64? = nil
            repeat {
                let page = try await store.publishedPage(articleId: "berita-1", afterId: after, limit: 6)
                #expect(page.comments.count <= 6)
                seen += page.comments.map(\.id)
                after = page.nextAfterId
            } while after != nil
            #expect(seen == published)
            let first = try await store.publishedPage(articleId: "berita-1", afterId: nil, limit: 100)
            #expect(first.nextAfterId == nil)
            #expect(first.comments.first?.body == Self.draft(0).body)
            #expect(try await store.publishedPage(articleId: "tidak-ada", afterId: nil, limit: 10).comments.isEmpty)
        }
    }

    @Test(arguments: StoreBackend.allCases)
    func aClosedArticleRefusesAndAPremoderatedOneHolds(_ backend: StoreBackend) async throws {
        try await backend.withStore { store in
            _ = try await store.saveArticle(Article(id: "tutup", title: "Sidang DPR", isOpen: false))
            _ = try await store.saveArticle(Article(id: "moderasi", title: "Pilkada", url: "https://berita.example/pilkada", premoderated: true))
            await #expect(throws: StoreError.articleClosed(articleId: "tutup")) {
                _ = try await store.submit(Self.draft(1, article: "tutup"), verdict: Self.verdict(Self.draft(1)))
            }
            let held = try await store.submit(Self.draft(2, article: "moderasi"), verdict: Self.verdict(Self.draft(2, article: "moderasi")))
            #expect(held.status == .pending)
            let article = try #require(try await store.article(id: "moderasi"))
            #expect(article.title == "Pilkada" && article.url == "https://berita.example/pilkada" && article.premoderated && article.isOpen)
            // Saving again replaces the settings; the article's comments stay.
            _ = try await store.saveArticle(Article(id: "moderasi", title: "Pilkada 2026"))
            #expect(try await store.article(id: "moderasi") == Article(id: "moderasi", title: "Pilkada 2026"))
            #expect(try await store.comment(id: held.id)?.status == .pending)
            #expect(try await store.article(id: "tidak-ada") == nil)
            #expect(try await store.commentCounts() == [.pending: 1])
        }
    }

    @Test(arguments: StoreBackend.allCases)
    func aReplyNeedsAVisibleParentInTheSameArticle(_ backend: StoreBackend) async throws {
        try await backend.withStore { store in
            let parent = try await store.submit(Self.draft(0), verdict: Self.verdict(Self.draft(0)))
            let hidden = try await store.submit(Self.draft(1), verdict: Self.verdict(Self.draft(1), .pending))
            let reply = try await store.submit(Self.draft(2, parent: parent.id), verdict: Self.verdict(Self.draft(2)))
            #expect(reply.parentId == parent.id)
            #expect(try await store.publishedPage(articleId: "berita-1", afterId: nil, limit: 10).comments.last?.parentId == parent.id)
            await #expect(throws: StoreError.parentNotFound(parentId: hidden.id, articleId: "berita-1")) {
                _ = try await store.submit(Self.draft(3, parent: hidden.id), verdict: Self.verdict(Self.draft(3)))
            }
            await #expect(throws: StoreError.parentNotFound(parentId: parent.id, articleId: "berita-2")) {
                _ = try await store.submit(Self.draft(4, article: "berita-2", parent: parent.id), verdict: Self.verdict(Self.draft(4)))
            }
        }
    }

    /// Group commit: many at once, each answered only with its own committed comment; a refused one
    /// among them (closed article) fails alone.
    @Test(arguments: StoreBackend.allCases)
    func concurrentSubmissionsAreEachStoredAndARefusedOneFailsAlone(_ backend: StoreBackend) async throws {
        try await backend.withStore { store in
            _ = try await store.saveArticle(Article(id: "tutup", isOpen: false))
            let results = await withTaskGroup(of: (Int, Result<SaringCore.Comment, any Error>).self) { group in
                for n in 0..<200 {
                    group.addTask {
                        let draft = Self.draft(n, article: n == 77 ? "tutup" : "berita-\(n % 10)")
                        do {
                            return (n, .success(try await store.submit(draft, verdict: Self.verdict(draft))))
                        } catch {
                            return (n, .failure(error))
                        }
                    }
                }
                var all: [(Int, Result<SaringCore.Comment, any Error>)] = []
                for await result in group { all.append(result) }
                return all
            }
            var ids = Set<Int64>()
            for (n, result) in results {
                switch result {
                case .success(let comment):
                    #expect(n != 77)
                    #expect(comment.body == Self.draft(n).body)
                    ids.insert(comment.id)
                    #expect(try await store.comment(id: comment.id)?.body == comment.body)
                case .failure(let error):
                    #expect(n == 77, "\(error)")
                    #expect(error as? StoreError == .articleClosed(articleId: "tutup"))
                }
            }
            #expect(ids.count == 199)
            #expect(try await store.commentCounts() == [.published: 199])
        }
    }

    /// A client's repeated reports count once; after two distinct clients the comment is held and
    /// leaves the page; only published comments can be reported.
    @Test(arguments: StoreBackend.allCases)
    func reportsFromDistinctReadersHideACommentUntilAModeratorDecides(_ backend: StoreBackend) async throws {
        try await backend.withStore { store in
            let comment = try await store.submit(Self.draft(0), verdict: Self.verdict(Self.draft(0)))
            let held = try await store.submit(Self.draft(1), verdict: Self.verdict(Self.draft(1), .pending))
            #expect(try await store.report(commentId: comment.id, reason: "iklan terselubung", clientHash: "aa11", hideAfter: 2) == nil)
            #expect(try await store.report(commentId: comment.id, reason: "iklan lagi", clientHash: "aa11", hideAfter: 2) == nil)
            #expect(try await store.comment(id: comment.id)?.status == .published)
            #expect(try await store.report(commentId: comment.id, reason: "menghina", clientHash: "bb22", hideAfter: 2) == "berita-1")
            #expect(try await store.comment(id: comment.id)?.status == .pending)
            #expect(try await store.openReports(commentId: comment.id) == ["iklan terselubung", "menghina"])
            let history = try await store.decisions(commentId: comment.id)
            #expect(history.last?.actor == .system && history.last?.action == .hold)
            #expect(history.last?.reasons == ["hidden after reports from 2 different readers; waits for a moderator"])
            #expect(try await store.publishedPage(articleId: "berita-1", afterId: nil, limit: 10).comments.isEmpty)
            await #expect(throws: StoreError.commentNotFound(id: held.id)) {
                try await store.report(commentId: held.id, reason: "spam", clientHash: "cc33", hideAfter: 2)
            }
            await #expect(throws: StoreError.commentNotFound(id: comment.id)) {
                try await store.report(commentId: comment.id, reason: "spam", clientHash: "dd44", hideAfter: 2)
            }
        }
    }

    @Test(arguments: StoreBackend.allCases)
    func firstCommentsOfANewAuthorAreHeldOnTheRecordTheTransactionReads(_ backend: StoreBackend) async throws {
        try await backend.withStore { store in
            func verdict(_ draft: CommentDraft, reviewing first: Int) -> Verdict {
                var verdict = Self.verdict(draft)
                verdict.firstCommentsReviewed = first
                return verdict
            }
            let first = try await store.submit(Self.draft(0), verdict: verdict(Self.draft(0), reviewing: 2))
            #expect(first.status == .pending)
            #expect(try await store.decisions(commentId: first.id).first?.reasons
                == ["settings.first-comments (hold): author has 0 published comments; the first 2 are reviewed"])
            for n in [6, 12] { _ = try await store.submit(Self.draft(n), verdict: Self.verdict(Self.draft(n))) }
            #expect(try await store.submit(Self.draft(18), verdict: verdict(Self.draft(18), reviewing: 2)).status == .published)
            #expect(try await store.submit(Self.draft(24), verdict: verdict(Self.draft(24), reviewing: 5)).status == .pending)
        }
    }
}
