/// What one entry of the decision history did. A policy publishes, holds, rejects or flags; a
/// moderator approves or rejects (an undo records the state it returns to).
public enum DecisionAction: String, Sendable, Codable, CaseIterable {
    case publish
    case hold
    case reject
    case flag
    case approve
    case unflag

    /// The action that leaves a comment with this status (published and flagged is `flag`).
    public init(status: CommentStatus, flagged: Bool) {
        self = switch status {
        case .published: flagged ? .flag : .publish
        case .pending: .hold
        case .rejected: .reject
        }
    }

    /// `approved`, `rejected`, … for messages.
    public var pastTense: String {
        switch self {
        case .publish: "published"
        case .hold: "held"
        case .reject: "rejected"
        case .flag: "flagged"
        case .approve: "approved"
        case .unflag: "unflagged"
        }
    }
}
