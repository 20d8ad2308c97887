import SaringCore

/// The rules of a moderator's approve, reject and undo, as pure checks over what the store read
/// inside the decision's transaction. Both stores (SQLite's ``ModerationDesk`` and the PostgreSQL
/// store) read the same facts and ask these, so the rules cannot drift apart between backends.
public enum DecisionRules {
    /// What a decision on one comment finds when it begins.
    public struct Facts: Sendable {
        public var commentId: Int64
        public var status: CommentStatus
        public var flagged: Bool
        /// The moderator's verdict the comment's state rests on (see ``SaringStore/standingVerdict``).
        public var standing: Decision?
        /// Another moderator holding an unexpired claim on it.
        public var claimant: String?
        /// The newest decision on it.
        public var latest: Decision?

        public init(
            commentId: Int64, status: CommentStatus, flagged: Bool, standing: Decision?, claimant: String?, latest: Decision?
        ) {
            self.commentId = commentId
            self.status = status
            self.flagged = flagged
            self.standing = standing
            self.claimant = claimant
            self.latest = latest
        }
    }

    /// Checks an approve or reject. Returns the standing decision when the verdict changes
    /// nothing (the same verdict again, the comment still as it left it), nil when it is to be
    /// recorded.
    ///
    /// - Throws: ``StoreError/claimedByOther(commentId:moderator:)``,
    ///   ``StoreError/decidedMeanwhile(commentId:by:action:)``, ``StoreError/overrideNeeded(commentId:by:action:)``.
    public static func check(
        _ facts: Facts, _ verdict: ModeratorVerdict, moderator: String, override: Bool, expectedLastDecision: Int64?
    ) throws -> Decision? {
        // A report may have hidden the comment since the same verdict: then it is not a no-op.
        if let standing = facts.standing, standing.action.rawValue == verdict.rawValue, facts.status == verdict.status, !facts.flagged {
            return standing
        }
        if let claimant = facts.claimant {
            throw StoreError.claimedByOther(commentId: facts.commentId, moderator: claimant)
        }
        if let expectedLastDecision, let latest = facts.latest, latest.id != expectedLastDecision {
            throw StoreError.decidedMeanwhile(commentId: facts.commentId, by: latest.decidedBy, action: latest.action.rawValue)
        }
        if let standing = facts.standing, standing.action.rawValue != verdict.rawValue, standing.decidedBy != moderator, !override {
            throw StoreError.overrideNeeded(commentId: facts.commentId, by: standing.decidedBy, action: standing.action.rawValue)
        }
        return nil
    }

    /// Checks taking back decision `decisionId` (`undone`, nil when there is none).
    ///
    /// - Parameters:
    ///   - undoneAlready: whether a decision undoes it already.
    ///   - latestId: the newest decision on its comment.
    /// - Throws: ``StoreError/cannotUndo(decisionId:reason:)``, ``StoreError/overrideNeeded(commentId:by:action:)``.
    public static func checkUndo(
        _ decisionId: Int64, undone: Decision?, undoneAlready: Bool, latestId: Int64?, moderator: String, override: Bool
    ) throws -> Decision {
        guard let undone else { throw StoreError.cannotUndo(decisionId: decisionId, reason: "no such decision") }
        guard undone.isModeratorVerdict else {
            throw StoreError.cannotUndo(decisionId: decisionId, reason: "only a moderator's approve or reject can be undone")
        }
        if undoneAlready { throw StoreError.cannotUndo(decisionId: decisionId, reason: "it was undone already") }
        guard latestId == decisionId else {
            throw StoreError.cannotUndo(decisionId: decisionId, reason: "comment \(undone.commentId) was decided again since")
        }
        if undone.decidedBy != moderator, !override {
            throw StoreError.overrideNeeded(commentId: undone.commentId, by: undone.decidedBy, action: undone.action.rawValue)
        }
        return undone
    }

    /// The state an undo returns a comment to: that of the decision before the undone one
    /// (`previousStatus` and `previousAction`), or pending when there was none.
    public static func restoredState(previousStatus: CommentStatus?, previousAction: DecisionAction?) -> (CommentStatus, Bool) {
        (previousStatus ?? .pending, previousAction == .flag)
    }
}
