import Foundation
import GRDB
import SaringCore

// What a moderator looks at beside a comment: its thread and the author's other comments.
extension SaringStore {
    /// The thread a comment belongs to, from its first comment down, depth-first, in any status
    /// (a moderator's view), at most `limit` comments.
    public func thread(of commentId: Int64, limit: Int = 200) async throws -> [ThreadEntry] {
        try await read { db in
            var root = commentId
            // Up to the thread's first comment; a reply's parent always exists (foreign key).
            for _ in 0..<50 {
                guard let parent = try Int64.fetchOne(db, sql: "SELECT parent_id FROM comments WHERE id = ?", arguments: [root])
                else { break }
                root = parent
            }
            return try Row.fetchAll(db, sql: HotQueries.thread, arguments: [root, limit]).compactMap { row in
                try Row.fetchOne(db, sql: "SELECT \(Self.commentColumns) FROM comments WHERE id = ?", arguments: [row["id"]])
                    .map { ThreadEntry(comment: Self.comment(from: $0), depth: row["depth"]) }
            }
        }
    }

    /// The author's newest comments in any status, newest first.
    public func recentComments(ofAuthor identity: String, limit: Int = 20) async throws -> [Comment] {
        try await read { db in
            try Row.fetchAll(db, sql: HotQueries.authorRecent, arguments: [identity, limit]).map(Self.comment(from:))
        }
    }
}
