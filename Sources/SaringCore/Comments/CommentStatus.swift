/// Where a comment stands: visible to readers, held for a moderator, or refused.
public enum CommentStatus: String, Sendable, Codable, CaseIterable {
    case published
    case pending
    case rejected
}
