/// Refusals by the store that the caller should turn into a precise message.
public enum StoreError: Error, Equatable, CustomStringConvertible {
    case articleClosed(articleId: String)
    /// A reply's parent does not exist in the same article.
    case parentNotFound(parentId: Int64, articleId: String)
    case commentNotFound(id: Int64)
    case cannotOpen(path: String, message: String)
    /// Opening without creating, and there is no file at `path`.
    case databaseMissing(path: String)
    /// Someone decided on the comment after the moderator looked at it.
    case decidedMeanwhile(commentId: Int64, by: String, action: String)
    /// Another moderator holds an unexpired claim on the comment.
    case claimedByOther(commentId: Int64, moderator: String)
    case authorNotFound(identity: String)
    /// Another moderator decided the comment; changing that needs `override`.
    case overrideNeeded(commentId: Int64, by: String, action: String)
    case batchNotFound(id: Int64)
    /// Another moderator made the batch; undoing it needs `override`.
    case batchOfAnother(id: Int64, by: String)
    case batchAlreadyUndone(id: Int64, by: String)
    /// A ban that was asked to reject a comment of someone else.
    case notTheAuthorsComment(commentId: Int64)
    /// Undo of a decision that is no longer the newest on its comment, or not a moderator's.
    case cannotUndo(decisionId: Int64, reason: String)
    /// Another connection held the database longer than the busy timeout; nothing was written.
    case busy
    /// A policy-version prefix that names more than one recorded version.
    case ambiguousVersion(String, matches: [String])

    public var description: String {
        switch self {
        case .articleClosed(let articleId): "article \(articleId) is closed for comments"
        case .parentNotFound(let parentId, let articleId): "comment \(parentId) does not exist in article \(articleId)"
        case .commentNotFound(let id): "comment \(id) does not exist"
        case .cannotOpen(let path, let message): "cannot open database \(path): \(message)"
        case .databaseMissing(let path): "no database at \(path)"
        case .decidedMeanwhile(let id, let by, let action):
            "comment \(id) was decided meanwhile by \(by) (\(action)); your decision was not recorded"
        case .claimedByOther(let id, let moderator): "comment \(id) is being reviewed by \(moderator)"
        case .authorNotFound(let identity): "no author \(identity)"
        case .overrideNeeded(let id, let by, let action):
            "comment \(id) was already \(action == "approve" ? "approved" : action == "reject" ? "rejected" : action) by \(by); changing another moderator's decision needs override"
        case .batchNotFound(let id): "no batch \(id)"
        case .batchOfAnother(let id, let by): "batch \(id) was made by \(by); undoing another moderator's batch needs override"
        case .batchAlreadyUndone(let id, let by): "batch \(id) was already undone by \(by)"
        case .notTheAuthorsComment(let id): "comment \(id) is not by the banned author"
        case .cannotUndo(let id, let reason): "cannot undo decision \(id): \(reason)"
        case .busy: "the database stayed locked by another connection past the busy timeout"
        case .ambiguousVersion(let name, let matches):
            "policy version \(name) is ambiguous: it starts \(matches.joined(separator: ", ")); give more characters"
        }
    }
}
