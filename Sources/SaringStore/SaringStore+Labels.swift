import Foundation
import GRDB
import SaringCore

/// A comment a moderator judged, as a training example: its text as written and whether it stands
/// rejected.
public struct ModeratorLabel: Sendable, Equatable {
    public var commentId: Int64
    public var body: String
    public var rejected: Bool
}

extension SaringStore {
    /// Comments a moderator approved or rejected since `since`, labeled by where they stand now (a
    /// decision undone since then no longer labels its comment: it is back in the queue), oldest
    /// first. A batch job for `policy train --from-db`, not a hot query: it reads the decisions of
    /// the period once.
    public func moderatorLabels(since: Date?) async throws -> [ModeratorLabel] {
        try await read { db in
            let rows = try Row.fetchCursor(
                db,
                sql: """
                    SELECT id, body, status FROM comments
                    WHERE id IN (
                        SELECT comment_id FROM decisions
                        WHERE actor_kind = 'moderator' AND action IN ('approve', 'reject') AND created_at >= ?)
                      AND status IN ('published', 'rejected')
                    ORDER BY id
                    """,
                arguments: [since.map(Timestamp.millis) ?? Int64.min])
            var labels: [ModeratorLabel] = []
            while let row = try rows.next() {
                labels.append(ModeratorLabel(commentId: row[0], body: row[1], rejected: (row[2] as String) == "rejected"))
            }
            return labels
        }
    }
}
