import Foundation
import GRDB
import SaringCore
import Testing

@testable import SaringStore

/// First-comment premoderation is decided on the author's record as the writing transaction sees
/// it, not on a read made before it.
@Suite("First-comment premoderation in the store")
struct FirstCommentsTests {
    static func draft(_ author: String) -> CommentDraft {
        CommentDraft(articleId: "a1", authorName: author, authorEmail: nil, body: "halo", parentId: nil)
    }

    static func verdict(reviewing first: Int) -> Verdict {
        var verdict = Verdict(status: .published, publishedBody: "halo", policyVersion: "test")
        verdict.firstCommentsReviewed = first
        return verdict
    }

    @Test func holdsANewAuthorsCommentAndSaysWhy() async throws {
        let store = try SchemaInvariantTests.store()
        let comment = try await store.submit(Self.draft("Budi"), verdict: Self.verdict(reviewing: 2))
        #expect(comment.status == .pending)
        let decision = try #require(try await store.decisions(commentId: comment.id).first)
        #expect(decision.action == .hold)
        #expect(decision.reasons == ["settings.first-comments (hold): author has 0 published comments; the first 2 are reviewed"])
        let hits = try await store.writer.read { db in try String.fetchAll(db, sql: "SELECT rule_id FROM rule_hits") }
        #expect(hits == ["settings.first-comments"])
    }

    @Test func publishesOnceEnoughOfTheAuthorsCommentsArePublished() async throws {
        let store = try SchemaInvariantTests.store()
        for _ in 0..<2 { _ = try await store.submit(Self.draft("Budi"), verdict: Self.verdict(reviewing: 0)) }
        #expect(try await store.submit(Self.draft("Budi"), verdict: Self.verdict(reviewing: 2)).status == .published)
        #expect(try await store.submit(Self.draft("Budi"), verdict: Self.verdict(reviewing: 3)).status == .published)
        #expect(try await store.submit(Self.draft("Budi"), verdict: Self.verdict(reviewing: 5)).status == .pending)
        #expect(try await store.submit(Self.draft("Sari"), verdict: Self.verdict(reviewing: 1)).status == .pending)
    }

    /// The standing is the one the transaction reads: trusting an author takes effect on the next comment.
    @Test func skipsATrustedAuthor() async throws {
        let store = try SchemaInvariantTests.store()
        #expect(try await store.submit(Self.draft("Budi"), verdict: Self.verdict(reviewing: 2)).status == .pending)
        try await store.writer.write { db in try db.execute(sql: "UPDATE authors SET standing = 'trusted'") }
        #expect(try await store.submit(Self.draft("Budi"), verdict: Self.verdict(reviewing: 2)).status == .published)
    }

    @Test func keepsAStricterVerdict() {
        var rejected = Self.verdict(reviewing: 2)
        rejected.status = .rejected
        #expect(rejected.applying(author: JudgeContext()).status == .rejected)
        var flagged = Self.verdict(reviewing: 2)
        flagged.flagged = true
        let held = flagged.applying(author: JudgeContext(approvedComments: 1))
        #expect(held.status == .pending && !held.flagged)
        #expect(flagged.applying(author: JudgeContext(approvedComments: 2)) == flagged)
    }
}
