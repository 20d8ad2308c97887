import Foundation

/// The moderators' queues.
public enum QueueKind: String, Sendable, CaseIterable {
    /// Held for review (status pending).
    case pending
    /// Published but flagged by a rule, for post-moderation.
    case flagged
    /// With open reader reports, whatever their status.
    case reported
    /// Rejected, by a policy or a moderator: where auto-reject false positives are found and
    /// approved. Newest first, as a false positive matters while the discussion is still on.
    case rejected
}

/// Which comments a queue command looks at.
public struct QueueFilter: Sendable, Equatable {
    public var kind: QueueKind
    public var articleId: String?
    /// Only comments created at or after this time.
    public var since: Date?
    /// Only comments of this author (an ``AuthorIdentity/key``).
    public var authorIdentity: String?
    /// Only comments whose text matches (see ``TextSearch``).
    public var text: TextSearch?
    /// Highest score first instead of oldest first (newest first for ``QueueKind/rejected``).
    public var byScore: Bool
    public var limit: Int
    /// Only comments after this id (the cursor of the moderators' API; oldest-first order).
    public var afterId: Int64? = nil

    public init(
        kind: QueueKind = .pending, articleId: String? = nil, since: Date? = nil, authorIdentity: String? = nil,
        text: TextSearch? = nil, byScore: Bool = false, limit: Int = 50
    ) {
        self.kind = kind
        self.articleId = articleId
        self.since = since
        self.authorIdentity = authorIdentity
        self.text = text
        self.byScore = byScore
        self.limit = limit
    }
}
