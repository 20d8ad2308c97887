import Foundation
import GRDB
import SaringCore

/// One page of an article's published comments.
public struct CommentPage: Sendable, Equatable {
    public var comments: [PublishedComment]
    /// The id to continue after, or nil on the last page.
    public var nextAfterId: Int64?

    public init(comments: [PublishedComment], nextAfterId: Int64?) {
        self.comments = comments
        self.nextAfterId = nextAfterId
    }
}

extension SaringStore {
    /// Published comments of an article, oldest first, after the comment id `afterId`.
    /// Keyset pagination on the id: pages never repeat or skip a comment, whatever is posted meanwhile.
    public func publishedPage(articleId: String, afterId: Int64?, limit: Int) async throws -> CommentPage {
        try await read { db in
            // Only the columns readers see, read by position from one reused row: looking columns up
            // by name (lower-casing each name) cost more than the query itself.
            let rows = try Row.fetchCursor(
                db.cachedStatement(sql: HotQueries.publishedPage), arguments: [articleId, afterId ?? 0, limit + 1])
            var comments: [PublishedComment] = []
            comments.reserveCapacity(limit)
            var more = false
            while let row = try rows.next() {
                guard comments.count < limit else {
                    more = true
                    break
                }
                comments.append(
                    PublishedComment(
                        id: row[0], parentId: row[1], authorName: row[2], body: row[3], createdAt: Timestamp.date(row[4])))
            }
            return CommentPage(comments: comments, nextAfterId: more ? comments.last?.id : nil)
        }
    }

    /// One comment in any status, or nil.
    public func comment(id: Int64) async throws -> Comment? {
        try await read { db in
            try Row.fetchOne(db, sql: "SELECT \(Self.commentColumns) FROM comments WHERE id = ?", arguments: [id])
                .map(Self.comment(from:))
        }
    }

    /// The decision history of a comment, oldest first.
    public func decisions(commentId: Int64) async throws -> [Decision] {
        try await read { db in try Self.decisions(db, commentId: commentId) }
    }

    static func decisions(_ db: Database, commentId: Int64) throws -> [Decision] {
        try Row.fetchAll(
            db, sql: "SELECT * FROM decisions WHERE comment_id = ? ORDER BY id", arguments: [commentId]
        ).map(Self.decision(from:))
    }

    /// Number of comments in the database, by status.
    public func commentCounts() async throws -> [CommentStatus: Int] {
        try await read { db in
            var counts: [CommentStatus: Int] = [:]
            for row in try Row.fetchAll(db, sql: "SELECT status, count(*) AS n FROM comments GROUP BY status") {
                if let status = CommentStatus(rawValue: row["status"]) { counts[status] = row["n"] }
            }
            return counts
        }
    }

    static let commentColumns = """
        comments.id, comments.article_id, comments.parent_id, comments.author_name,
        (SELECT email FROM authors WHERE authors.id = comments.author_id) AS author_email,
        comments.body, comments.published_body, comments.status, comments.flagged, comments.score, comments.created_at,
        comments.client_hash, comments.campaign_id
        """

    static func comment(from row: Row) -> Comment {
        var comment = Comment(
            id: row["id"], articleId: row["article_id"], parentId: row["parent_id"], authorName: row["author_name"],
            authorEmail: row["author_email"], body: row["body"], publishedBody: row["published_body"],
            status: CommentStatus(rawValue: row["status"]) ?? .pending, flagged: row["flagged"], score: row["score"],
            createdAt: Timestamp.date(row["created_at"]))
        comment.clientHash = row["client_hash"]
        comment.campaignId = row["campaign_id"]
        return comment
    }
}
