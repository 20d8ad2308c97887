import Foundation
import SaringCore

/// What the moderators' HTTP API asks of a store — queues, one comment's whole story, a
/// moderator's approve/reject and its undo, claims, bans, bulk rejection and batches — met alike
/// by SQLite (through ``ModerationDesk``) and PostgreSQL, with the rules of ``DecisionRules`` on
/// both, and one suite of tests run on both.
public protocol ModerationStore: CommentStore {
    /// The first `filter.limit` comments of a queue, in its order (see ``SaringStore/queue(_:)``).
    func queue(_ filter: QueueFilter) async throws -> [QueueItem]
    /// A queue's first `filter.limit` items, how many it holds leaving out `excluding`, and the
    /// comments a text search could not decide within its match budget (see ``SaringStore/search(_:excluding:)``).
    func search(_ filter: QueueFilter, excluding: Set<Int64>) async throws -> QueueSearch
    /// How many comments each queue holds, within the filter's article, author, age and text.
    func queueSummary(_ filter: QueueFilter) async throws -> [QueueKind: Int]
    /// Articles whose brake holds new comments now, with when it ends, by article id.
    func brakedArticles() async throws -> [(articleId: String, until: Date)]
    /// How many comments a queue holds, leaving out `excluding` (the ones a moderator skipped).
    func queueCount(_ filter: QueueFilter, excluding: Set<Int64>) async throws -> Int
    /// Claims the first comment of a queue that no other moderator holds, leaving out `skipping`
    /// (see ``SaringStore/claimNext(moderator:filter:lease:skipping:)``).
    func claimNext(moderator: String, filter: QueueFilter, lease: Duration, skipping: Set<Int64>) async throws -> QueueItem?
    /// Extends every unexpired claim of `moderator` by a lease from now (the review screen, while open).
    func renewClaims(moderator: String, lease: Duration) async throws
    /// The thread a comment belongs to, from its first comment down, with depths, at most `limit`.
    func thread(of commentId: Int64, limit: Int) async throws -> [ThreadEntry]
    /// An author's newest comments in any status, newest first.
    func recentComments(ofAuthor identity: String, limit: Int) async throws -> [Comment]
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
    /// Bans an author as one batch (see ``ModerationDesk/ban(_:reason:addressBan:alsoRejecting:)``).
    func ban(
        _ identity: AuthorIdentity, by moderator: String, reason: String?, addressBan: Duration, alsoRejecting shown: Int64?
    ) async throws -> BanOutcome
    /// Lifts a ban and the address bans that came with it; whether the standing changed.
    func unban(_ identity: AuthorIdentity, by moderator: String, reason: String?) async throws -> Bool
    /// Trusts an author; whether the standing changed.
    func trust(_ identity: AuthorIdentity, by moderator: String, reason: String?) async throws -> Bool
    /// Comments of a queue for bulk clean-up, without claims by other moderators, oldest first.
    func bulkCandidates(_ filter: QueueFilter, moderator: String) async throws -> [Comment]
    /// The comments of a campaign not rejected yet, oldest first.
    func campaignComments(_ campaignId: Int64) async throws -> [Comment]
    /// Rejects what a plan found as one batch (see ``ModerationDesk/reject(_:reason:)``).
    func reject(_ plan: BulkPlan, by moderator: String, reason: String?) async throws -> BulkOutcome
    /// Undoes a batch as a whole (see ``ModerationDesk/undo(batch:override:)``).
    func undo(batch batchId: Int64, by moderator: String, override: Bool) async throws -> BatchUndoOutcome
    /// One batch with the comments it decided, or nil.
    func batch(_ id: Int64) async throws -> ModerationBatch?
    /// How many comments each queue holds, each counted up to `cap` (for the metrics' gauges).
    func queueDepths(cap: Int) async throws -> [QueueKind: Int]
}

/// Everything the CLI asks of a site's database — moderation, export, erasure, the policy history,
/// tuning and training labels — which SQLite and PostgreSQL both keep.
public typealias SiteStore = ModerationStore & ExportStore & ErasureStore & PolicyHistoryStore & TuningStore & LabelStore & ReplayStore & ImportStore

extension ModerationStore {
    /// Finds what a bulk rejection would take, writing nothing (see ``ModerationDesk/plan(_:except:)``).
    ///
    /// - Throws: ``BulkSelectionError`` for an empty, invalid or match-everything pattern, or a
    ///   campaign without comments.
    public func plan(_ selection: BulkSelection, except: Set<Int64>, moderator: String) async throws -> BulkPlan {
        switch selection {
        case .campaign(let id):
            let comments = try await campaignComments(id)
            guard !comments.isEmpty else { throw BulkSelectionError.unknownCampaign(id) }
            let kept = comments.filter { !except.contains($0.id) }
            return BulkPlan(
                selection: selection, matches: kept.map { .init(comment: $0, spans: []) }, overBudget: [],
                excepted: comments.map(\.id).filter(except.contains), expectedStatus: nil)
        case .matching(let pattern, let filter):
            let regex = try ModerationDesk.bulkPattern(pattern)
            guard filter.kind != .rejected else { throw BulkSelectionError.rejectedQueue }
            let normalizer = TextNormalizer()
            let scratch = MatchScratch()
            var matches: [BulkPlan.Match] = []
            var overBudget: [Int64] = []
            var excepted: [Int64] = []
            for comment in try await bulkCandidates(filter, moderator: moderator) {
                let normalized = normalizer.normalize(comment.body)
                var text = normalized.text
                let result = text.withUTF8 { regex.matches(in: $0, scratch: scratch) }
                guard case .matched(let ranges) = result else {
                    overBudget.append(comment.id)
                    continue
                }
                if !ranges.isEmpty {
                    if except.contains(comment.id) {
                        excepted.append(comment.id)
                        continue
                    }
                    matches.append(.init(comment: comment, spans: ranges.map { normalized.originalScalarRange(forNormalizedUTF8: $0) }))
                }
            }
            return BulkPlan(
                selection: selection, matches: matches, overBudget: overBudget, excepted: excepted,
                expectedStatus: filter.kind.status)
        }
    }
}

extension SaringStore: ModerationStore {
    public func decide(
        _ commentId: Int64, _ verdict: ModeratorVerdict, by moderator: String, reason: String?, override: Bool,
        expectedLastDecision: Int64?
    ) async throws -> DecisionOutcome {
        try await SQLiteDesk(store: self, moderator: moderator).decide(
            commentId, verdict, reason: reason, override: override, expectedLastDecision: expectedLastDecision)
    }

    public func undo(decision decisionId: Int64, by moderator: String, override: Bool) async throws -> DecisionOutcome {
        try await SQLiteDesk(store: self, moderator: moderator).undo(decision: decisionId, override: override)
    }

    public func ban(
        _ identity: AuthorIdentity, by moderator: String, reason: String?, addressBan: Duration, alsoRejecting shown: Int64?
    ) async throws -> BanOutcome {
        try await SQLiteDesk(store: self, moderator: moderator).ban(identity, reason: reason, addressBan: addressBan, alsoRejecting: shown)
    }

    public func unban(_ identity: AuthorIdentity, by moderator: String, reason: String?) async throws -> Bool {
        try await SQLiteDesk(store: self, moderator: moderator).unban(identity, reason: reason)
    }

    public func trust(_ identity: AuthorIdentity, by moderator: String, reason: String?) async throws -> Bool {
        try await SQLiteDesk(store: self, moderator: moderator).trust(identity, reason: reason)
    }

    public func reject(_ plan: BulkPlan, by moderator: String, reason: String?) async throws -> BulkOutcome {
        try await SQLiteDesk(store: self, moderator: moderator).reject(plan, reason: reason)
    }

    public func undo(batch batchId: Int64, by moderator: String, override: Bool) async throws -> BatchUndoOutcome {
        try await SQLiteDesk(store: self, moderator: moderator).undo(batch: batchId, override: override)
    }

    public func batch(_ id: Int64) async throws -> ModerationBatch? {
        try await read { db in try Self.batch(db, id: id) }
    }
}
