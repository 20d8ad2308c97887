// The hot queries PostgreSQL prepares once per connection keep one text whatever their values
// (every value bound, none written in), or a prepared shape would run with another query's binds.
import Foundation
import PostgresNIO
import SaringCore
import Testing

@testable import SaringPostgres

@Suite("Prepared query shapes")
struct PreparedShapeTests {
    @Test func everyShapeIsTheTextOfItsQueryWhateverTheValues() {
        var draft = CommentDraft(
            articleId: "berita-17", authorName: "Siti Rahmawati", authorEmail: "siti@example.com", body: "Harga cabai naik lagi.", parentId: 42)
        draft.clientHash = "hash14"
        var verdict = Verdict(status: .pending, flagged: true, score: 3, publishedBody: "Harga cabai naik lagi.", policyVersion: "v1", reasons: ["a", "b"])
        verdict.campaign = CampaignTag(id: 7, members: [3])
        let hit = RuleHit(
            ruleId: "kasar.umpatan", category: "kasar", description: "Profanity", action: .score, score: 2, field: .author, span: 3..<9,
            shadow: true)
        let cases: [(String, String)] = [
            (PreparedShapes.ArticleState.sql, PostgresHotQueries.articleStateRecordingNew("berita-17", at: 1_234).sql),
            (PreparedShapes.KnownAuthor.sql, PostgresHotQueries.authorWithAddressBan("name:siti", clientHash: "hash14", at: 5).sql),
            (PreparedShapes.StoredComment.sql, PostgresHotQueries.storeComment(draft, verdict, authorId: 9, at: 5, policyVersionId: 3).sql),
            (PreparedShapes.RuleHit.sql, PostgresHotQueries.ruleHit(hit, commentId: 1, decisionId: 2).sql),
            (PreparedShapes.PageVersion.sql, PostgresHotQueries.pageVersion("berita-17").sql),
            (PreparedShapes.PublishedPage.sql, PostgresHotQueries.publishedPage(articleId: "berita-17", afterId: 15_000, limit: 101).sql),
        ]
        for (shape, query) in cases { #expect(shape == query) }
        let names = [
            PreparedShapes.ArticleState.name, PreparedShapes.KnownAuthor.name, PreparedShapes.StoredComment.name, PreparedShapes.RuleHit.name,
            PreparedShapes.PageVersion.name, PreparedShapes.PublishedPage.name,
        ]
        #expect(Set(names).count == names.count)
        #expect(names.allSatisfy { $0.utf8.count <= 63 })
    }
}
