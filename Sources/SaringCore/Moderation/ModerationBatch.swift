import Foundation

/// Many decisions made as one: a bulk rejection, or a ban with the comments it rejected. A batch
/// is undone as a whole (`saring undo --batch ID`).
public struct ModerationBatch: Sendable, Equatable {
    public enum Kind: String, Sendable {
        case bulkReject = "bulk-reject"
        case ban
    }

    public var id: Int64
    public var kind: Kind
    public var moderator: String
    public var description: String
    public var createdAt: Date
    public var undoneAt: Date?
    public var undoneBy: String?
    /// The comments it decided.
    public var commentIds: [Int64]

    public init(
        id: Int64, kind: Kind, moderator: String, description: String, createdAt: Date, undoneAt: Date?, undoneBy: String?,
        commentIds: [Int64]
    ) {
        self.id = id
        self.kind = kind
        self.moderator = moderator
        self.description = description
        self.createdAt = createdAt
        self.undoneAt = undoneAt
        self.undoneBy = undoneBy
        self.commentIds = commentIds
    }
}

/// What a ban did: its batch (nil when the author was banned already) and the comments it rejected.
public struct BanOutcome: Sendable, Equatable {
    public var batchId: Int64?
    public var rejected: [Int64]
    /// Articles whose public pages changed (a rejected comment was published).
    public var articleIds: Set<String>

    public init(batchId: Int64?, rejected: [Int64], articleIds: Set<String>) {
        self.batchId = batchId
        self.rejected = rejected
        self.articleIds = articleIds
    }
}

/// What undoing a batch did: the comments back as they were before it, and those decided since,
/// left as they are.
public struct BatchUndoOutcome: Sendable, Equatable {
    public var restored: [Int64]
    public var decidedSince: [Int64]
    public var articleIds: Set<String>

    public init(restored: [Int64], decidedSince: [Int64], articleIds: Set<String>) {
        self.restored = restored
        self.decidedSince = decidedSince
        self.articleIds = articleIds
    }
}
