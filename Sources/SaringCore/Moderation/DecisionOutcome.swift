/// What a moderator's decision did: the comment's state after it, and whether anything changed
/// (deciding what the comment already is, by any moderator, changes nothing and is not an error).
public struct DecisionOutcome: Sendable, Equatable {
    /// The decision that stands: the new one, or the earlier one the request repeated.
    public var decision: Decision
    public var changed: Bool
    public var articleId: String
    public var status: CommentStatus
    public var flagged: Bool

    public init(decision: Decision, changed: Bool, articleId: String, status: CommentStatus, flagged: Bool) {
        self.decision = decision
        self.changed = changed
        self.articleId = articleId
        self.status = status
        self.flagged = flagged
    }
}
