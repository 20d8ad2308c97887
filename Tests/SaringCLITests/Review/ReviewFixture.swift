// A database with comments in the moderation queue, written through the real store, and a way to
// start `saring review` on it.
import Foundation
import SaringCore
import SaringStore

struct ReviewFixture {
    let folder: URL
    let path: String
    let store: SaringStore

    init() throws {
        folder = try CLI.temporaryFolder()
        path = folder.appendingPathComponent("review.sqlite").path
        store = try SaringStore(path: path)
        try store.migrate()
    }

    /// A rule that matched `text` in the comment.
    struct Match {
        var rule: String
        var text: String
        var description = "Test rule"
        var action = "hold"
        var score = 1.0
    }

    /// Submits a comment as the policy judged it: held (pending) unless `status` says otherwise,
    /// with a hit for each match, its span found in `body`.
    @discardableResult
    func comment(
        _ body: String, author: String = "Budi Santoso", email: String? = nil, article: String = "berita-42",
        parent: Int64? = nil, status: CommentStatus = .pending, matches: [Match] = []
    ) async throws -> Int64 {
        let hits = matches.map { match -> RuleHit in
            let range = body.range(of: match.text)!
            let start = body.unicodeScalars.distance(from: body.startIndex, to: range.lowerBound)
            let end = body.unicodeScalars.distance(from: body.startIndex, to: range.upperBound)
            return RuleHit(
                ruleId: match.rule, category: String(match.rule.prefix { $0 != "." }), description: match.description,
                action: HitAction(rawValue: match.action) ?? .hold, score: match.score, field: .body, span: start..<end)
        }
        let verdict = Verdict(
            status: status, score: hits.reduce(0) { $0 + $1.score }, hits: hits, publishedBody: body,
            policyVersion: "test-policy", reasons: hits.isEmpty ? [] : ["held by test"])
        let draft = CommentDraft(articleId: article, authorName: author, authorEmail: email, body: body, parentId: parent)
        return try await store.submit(draft, verdict: verdict).id
    }

    func article(_ id: String = "berita-42", title: String) async throws {
        _ = try await store.saveArticle(Article(id: id, title: title))
    }

    /// Starts `saring review` as `moderator` on this database in a pseudo-terminal.
    func review(
        as moderator: String = "ana", _ arguments: [String] = [], width: Int = 80, height: Int = 24, noColor: Bool = true
    ) throws -> PseudoTerminal {
        try PseudoTerminal(
            ["review", "--db", path, "--as", moderator] + arguments, width: width, height: height, noColor: noColor)
    }

    /// The moderator decisions on a comment, oldest first.
    func moderatorDecisions(_ id: Int64) async throws -> [Decision] {
        try await store.decisions(commentId: id).filter { $0.actor == .moderator }
    }

    func status(_ id: Int64) async throws -> CommentStatus? {
        try await store.comment(id: id)?.status
    }
}
