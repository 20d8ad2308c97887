import Foundation
import SaringCore

/// What the public comment path asks of a store — articles, submitting a judged comment, an
/// article's page, one comment and its history — met alike by SQLite (``SaringStore``) and
/// PostgreSQL (`PostgresStore` in SaringPostgres). The store tests run every behaviour here on both.
/// The rest of ``SaringStore``'s methods (moderation, queues, tuning, data) join it as the
/// PostgreSQL store learns them.
/// A number per article that changes with every committed change to what readers see there,
/// checked by every node before it serves a page from memory (the PostgreSQL store; on SQLite
/// one process writes and invalidates its own cache).
public protocol PageVersions: Sendable {
    func pageVersion(of articleId: String) async throws -> Int64
}

public protocol CommentStore: Sendable {
    /// Creates or replaces an article's settings (from the CMS).
    func saveArticle(_ article: Article) async throws -> Article
    /// The article, or nil when nobody has commented on it or described it yet.
    func article(id: String) async throws -> Article?
    /// Stores a judged comment; returns only once it is committed (see ``SaringStore/submit(_:verdict:)``).
    func submit(_ draft: CommentDraft, verdict: Verdict) async throws -> Comment
    /// Published comments of an article, oldest first, after the comment id `afterId`.
    func publishedPage(articleId: String, afterId: Int64?, limit: Int) async throws -> CommentPage
    /// One comment in any status, or nil.
    func comment(id: Int64) async throws -> Comment?
    /// The decision history of a comment, oldest first.
    func decisions(commentId: Int64) async throws -> [Decision]
    /// Number of comments, by status.
    func commentCounts() async throws -> [CommentStatus: Int]
    /// Whether the database answers a trivial read (for health checks).
    func isReachable() async -> Bool
    /// Stores a reader's report on a published comment, hiding it after `hideAfter` distinct
    /// clients (see ``SaringStore/report(commentId:reason:clientHash:hideAfter:)``); returns the
    /// article when this report hid it.
    @discardableResult
    func report(commentId: Int64, reason: String, clientHash: String?, hideAfter: Int) async throws -> String?
    /// Open reports on a comment, oldest first.
    func openReports(commentId: Int64) async throws -> [String]
    /// Holds every new comment of the article until `until` (a brake against a flood).
    func engageBrake(articleId: String, until: Date) async throws
}

extension SaringStore: CommentStore {}
