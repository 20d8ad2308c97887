import Foundation
import SaringCore

/// What the moderators' HTTP API asks of a store — queues, one comment's whole story, a
/// moderator's approve/reject and its undo, claims, current bans — met alike by SQLite (through
/// ``ModerationDesk``) and PostgreSQL, with the rules of ``DecisionRules`` on both. Bans, bulk
/// rejection and batches stay SQLite's until the PostgreSQL store learns them.
public protocol ModerationStore: CommentStore {
    /// The first `filter.limit` comments of a queue, in its order (see ``SaringStore/queue(_:)``).
    func queue(_ filter: QueueFilter) async throws -> [QueueItem]
    /// Everything about one comment for a moderator, or nil.
    func queueItem(commentId: Int64) async throws -> QueueItem?
    /// The hits recorded for a comment, across its policy decisions, oldest first.
    func hits(commentId: Int64) async throws -> [RuleHit]
    /// An author's name, standing and comment counts, or nil for an author never seen.
    func author(_ identity: AuthorIdentity) async throws -> AuthorSummary?
    /// A moderator's approve or reject (see ``ModerationDesk/decide(_:_:reason:override:expectedLastDecision:)``).
    func decide(
        _ commentId: Int64, _ verdict: ModeratorVerdict, by moderator: String, reason: String?, override: Bool,
        expectedLastDecision: Int64?
    ) async throws -> DecisionOutcome
    /// Takes back a moderator's approve or reject (see ``ModerationDesk/undo(decision:override:)``).
    func undo(decision decisionId: Int64, by moderator: String, override: Bool) async throws -> DecisionOutcome
    /// Claims one comment for `moderator` unless another holds an unexpired claim on it; nil then,
    /// or when there is no such comment.
    func claim(commentId: Int64, moderator: String, lease: Duration) async throws -> QueueItem?
    /// Releases `moderator`'s claim on a comment (all of their claims when nil).
    func releaseClaims(moderator: String, commentId: Int64?) async throws
    /// Authors banned now, newest ban first.
    func currentBans() async throws -> [BanRecord]
}

extension SaringStore: ModerationStore {
    public func decide(
        _ commentId: Int64, _ verdict: ModeratorVerdict, by moderator: String, reason: String?, override: Bool,
        expectedLastDecision: Int64?
    ) async throws -> DecisionOutcome {
        try await ModerationDesk(store: self, moderator: moderator).decide(
            commentId, verdict, reason: reason, override: override, expectedLastDecision: expectedLastDecision)
    }

    public func undo(decision decisionId: Int64, by moderator: String, override: Bool) async throws -> DecisionOutcome {
        try await ModerationDesk(store: self, moderator: moderator).undo(decision: decisionId, override: override)
    }
}
