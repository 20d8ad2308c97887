import Foundation
import GRDB
import SaringCore

extension SaringStore {
    /// Creates or replaces an article's settings (from the CMS).
    public func saveArticle(_ article: Article) async throws -> Article {
        let millis = Timestamp.millis(now())
        try await write { db in
            try db.execute(
                sql: """
                    INSERT INTO articles (id, title, url, section, is_open, premoderated, created_at, updated_at)
                    VALUES (?, ?, ?, ?, ?, ?, ?, ?)
                    ON CONFLICT(id) DO UPDATE SET title = excluded.title, url = excluded.url,
                        section = excluded.section, is_open = excluded.is_open,
                        premoderated = excluded.premoderated, updated_at = excluded.updated_at
                    """,
                arguments: [
                    article.id, article.title, article.url, article.section, article.isOpen, article.premoderated,
                    millis, millis,
                ])
        }
        return article
    }

    /// The article, or nil when nobody has commented on it or described it yet.
    public func article(id: String) async throws -> Article? {
        try await read { db in
            try Row.fetchOne(db, sql: "SELECT * FROM articles WHERE id = ?", arguments: [id]).map { row in
                Article(
                    id: row["id"], title: row["title"], url: row["url"], section: row["section"],
                    isOpen: row["is_open"], premoderated: row["premoderated"])
            }
        }
    }

    /// Stores a reader's report on a published comment for the moderators' queue. A client's
    /// repeated reports of one comment count once. When `hideAfter` distinct clients have reported
    /// it (0: never), the comment is held until a moderator decides.
    ///
    /// - Returns: the comment's article when this report hid it (its public page changed), else nil.
    /// - Throws: ``StoreError/commentNotFound(id:)`` when there is no published comment with that id
    ///   (readers cannot see, and so cannot report, held or rejected ones).
    @discardableResult
    public func report(commentId: Int64, reason: String, clientHash: String? = nil, hideAfter: Int = 0) async throws -> String? {
        let millis = Timestamp.millis(now())
        return try await write { db in
            guard let articleId = try String.fetchOne(
                db, sql: "SELECT article_id FROM comments WHERE id = ? AND status = 'published'", arguments: [commentId])
            else { throw StoreError.commentNotFound(id: commentId) }
            try db.execute(
                sql: "INSERT OR IGNORE INTO reports (comment_id, reason, created_at, client_hash) VALUES (?, ?, ?, ?)",
                arguments: [commentId, reason, millis, clientHash])
            guard hideAfter > 0, db.changesCount > 0 else { return nil }
            let clients = try Int.fetchOne(db, sql: HotQueries.openReportClients, arguments: [commentId]) ?? 0
            guard clients >= hideAfter else { return nil }
            try db.execute(
                sql: "UPDATE comments SET status = 'pending', updated_at = ? WHERE id = ?", arguments: [millis, commentId])
            _ = try Self.appendDecision(
                db, commentId: commentId, actor: .system, decidedBy: "reports", action: .hold, status: .pending,
                reasons: ["hidden after reports from \(clients) different readers; waits for a moderator"], at: millis)
            return articleId
        }
    }

    /// Open reports on a comment, oldest first.
    public func openReports(commentId: Int64) async throws -> [String] {
        try await read { db in
            try String.fetchAll(
                db, sql: "SELECT reason FROM reports WHERE comment_id = ? AND resolved_at IS NULL ORDER BY id",
                arguments: [commentId])
        }
    }
}
