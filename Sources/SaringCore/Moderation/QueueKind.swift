import Foundation

/// The moderators' queues.
public enum QueueKind: String, Sendable, CaseIterable {
    /// Held for review (status pending).
    case pending
    /// Published but flagged by a rule, for post-moderation.
    case flagged
    /// With open reader reports, whatever their status.
    case reported
}

/// Which comments a queue command looks at.
public struct QueueFilter: Sendable, Equatable {
    public var kind: QueueKind
    public var articleId: String?
    /// Only comments created at or after this time.
    public var since: Date?
    /// Highest score first instead of oldest first.
    public var byScore: Bool
    public var limit: Int
    /// Only comments after this id (the cursor of the moderators' API; oldest-first order).
    public var afterId: Int64? = nil

    public init(kind: QueueKind = .pending, articleId: String? = nil, since: Date? = nil, byScore: Bool = false, limit: Int = 50) {
        self.kind = kind
        self.articleId = articleId
        self.since = since
        self.byScore = byScore
        self.limit = limit
    }
}

