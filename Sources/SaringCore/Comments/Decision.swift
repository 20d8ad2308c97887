import Foundation

/// One entry of a comment's append-only decision history.
public struct Decision: Sendable, Equatable {
    public enum Actor: String, Sendable, Codable {
        case policy
        case moderator
        case system
    }

    public var id: Int64
    public var commentId: Int64
    public var actor: Actor
    /// The policy version for `.policy`, the moderator's name for `.moderator`.
    public var decidedBy: String
    public var action: DecisionAction
    /// The comment's status after this decision.
    public var status: CommentStatus
    public var reasons: [String]
    public var createdAt: Date
    /// The batch (bulk rejection or ban) it was part of.
    public var batchId: Int64?
    /// For an undo: the decision it took back.
    public var undoes: Int64?
    /// For a policy decision: the recorded policy version's row (`saring policy show`), if recorded.
    public var policyVersionId: Int64? = nil

    public init(
        id: Int64, commentId: Int64, actor: Actor, decidedBy: String, action: DecisionAction,
        status: CommentStatus, reasons: [String], createdAt: Date, batchId: Int64? = nil, undoes: Int64? = nil
    ) {
        self.id = id
        self.commentId = commentId
        self.actor = actor
        self.decidedBy = decidedBy
        self.action = action
        self.status = status
        self.reasons = reasons
        self.createdAt = createdAt
        self.batchId = batchId
        self.undoes = undoes
    }

    /// A moderator's approve or reject that still counts: not an undo entry.
    public var isModeratorVerdict: Bool { actor == .moderator && undoes == nil && (action == .approve || action == .reject) }
}
