import Foundation
import GRDB
import SaringCore

/// A comment a moderator judged, as a training example: its text as written and whether the
/// moderator's standing verdict rejected it.
public struct ModeratorLabel: Sendable, Equatable {
    public var commentId: Int64
    public var body: String
    public var rejected: Bool

    public init(commentId: Int64, body: String, rejected: Bool) {
        self.commentId = commentId
        self.body = body
        self.rejected = rejected
    }
}

/// What `saring policy train --from-db` reads: the moderators' standing verdicts as labels.
public protocol LabelStore: Sendable {
    func moderatorLabels(since: Date?) async throws -> [ModeratorLabel]
}

extension SaringStore: LabelStore {}

extension SaringStore {
    /// Comments posted since `since` that a moderator approved or rejected, labeled by the newest
    /// moderator verdict that was not undone (an undone one teaches nothing: the comment went back
    /// to where it was), oldest first. Erased texts (`forget --comments`, retention) are left out:
    /// their placeholder is not what anyone wrote. A batch job for `policy train --from-db`.
    public func moderatorLabels(since: Date?) async throws -> [ModeratorLabel] {
        try await read { db in
            let rows = try Row.fetchCursor(
                db, sql: HotQueries.moderatorLabels, arguments: [since.map(Timestamp.millis) ?? Int64.min])
            // Newest verdict per comment; sorted by id here rather than by SQLite, which would sort
            // the whole window in a temporary B-tree.
            var newest: [Int64: (decision: Int64, label: ModeratorLabel)] = [:]
            while let row = try rows.next() {
                let commentId: Int64 = row[0]
                let decisionId: Int64 = row[3]
                if let known = newest[commentId], known.decision > decisionId { continue }
                newest[commentId] = (decisionId, ModeratorLabel(commentId: commentId, body: row[1], rejected: (row[2] as String) == "reject"))
            }
            return newest.values.map(\.label).sorted { $0.commentId < $1.commentId }
        }
    }
}
