import Foundation
import SaringCore

/// The moderation use cases, for one moderator, on either backend: the terminal, scripts and the
/// HTTP API all come through here or through the same ``ModerationStore`` methods, so they can
/// never disagree. Each use case is one transaction of the store (SQLite's in `SQLiteDesk`,
/// PostgreSQL's in its store), under ``DecisionRules``.
///
/// The rules: a moderator's decision overrides the policy; changing another moderator's decision
/// needs `override` (changing one's own does not); deciding what the comment already is is a
/// no-op; a comment another moderator holds a claim on is theirs to decide; a decision made
/// against a history that has grown since is refused.
public struct ModerationDesk: Sendable {
    public let store: any ModerationStore
    /// Recorded in every decision this desk makes.
    public let moderator: String

    public init(store: any ModerationStore, moderator: String) {
        self.store = store
        self.moderator = moderator
    }

    /// Approves or rejects a comment.
    ///
    /// - Parameters:
    ///   - override: change a decision another moderator made.
    ///   - expectedLastDecision: the newest decision id the moderator saw; refused when the history
    ///     has grown since.
    /// - Throws: ``StoreError/commentNotFound(id:)``, ``StoreError/claimedByOther(commentId:moderator:)``,
    ///   ``StoreError/decidedMeanwhile(commentId:by:action:)``, ``StoreError/overrideNeeded(commentId:by:action:)``.
    @discardableResult
    public func decide(
        _ commentId: Int64, _ verdict: ModeratorVerdict, reason: String? = nil, override: Bool = false,
        expectedLastDecision: Int64? = nil
    ) async throws -> DecisionOutcome {
        try await store.decide(
            commentId, verdict, by: moderator, reason: reason, override: override, expectedLastDecision: expectedLastDecision)
    }

    /// Takes back a moderator's approve or reject: the comment returns to the state before it (a
    /// new entry of the history; nothing is erased) and the reports it resolved reopen.
    ///
    /// - Parameter override: take back another moderator's decision.
    /// - Throws: ``StoreError/cannotUndo(decisionId:reason:)`` when it is not a moderator's verdict,
    ///   was undone already, or the comment was decided since; ``StoreError/overrideNeeded(commentId:by:action:)``.
    @discardableResult
    public func undo(decision decisionId: Int64, override: Bool = false) async throws -> DecisionOutcome {
        try await store.undo(decision: decisionId, by: moderator, override: override)
    }

    /// Claims one comment for this moderator for `lease` (renewing a claim they hold).
    ///
    /// - Throws: ``StoreError/claimedByOther(commentId:moderator:)``, ``StoreError/commentNotFound(id:)``.
    public func claim(_ commentId: Int64, lease: Duration) async throws -> QueueItem {
        if let item = try await store.claim(commentId: commentId, moderator: moderator, lease: lease) { return item }
        guard let item = try await store.queueItem(commentId: commentId) else { throw StoreError.commentNotFound(id: commentId) }
        throw StoreError.claimedByOther(commentId: commentId, moderator: item.claimedBy ?? "another moderator")
    }

    /// Releases this moderator's claim on a comment (all of their claims when nil).
    public func release(_ commentId: Int64? = nil) async throws {
        try await store.releaseClaims(moderator: moderator, commentId: commentId)
    }

    /// Bans an author, as one batch: their new comments are rejected on arrival, every pending
    /// comment of theirs is rejected now (even one another moderator has on screen), and so is
    /// `alsoRejecting` — the comment the moderator was looking at — when it is theirs.
    ///
    /// - Parameter addressBan: a ban of an anonymous author also refuses new anonymous comments
    ///   from the addresses it posted from (its 20 newest) for this long; unban lifts it.
    /// - Returns: the batch (nil when the author was banned already and nothing was to reject).
    /// - Throws: ``StoreError/authorNotFound(identity:)``, ``StoreError/notTheAuthorsComment(commentId:)``.
    @discardableResult
    public func ban(
        _ identity: AuthorIdentity, reason: String? = nil, addressBan: Duration = .seconds(48 * 3600), alsoRejecting shown: Int64? = nil
    ) async throws -> BanOutcome {
        try await store.ban(identity, by: moderator, reason: reason, addressBan: addressBan, alsoRejecting: shown)
    }

    /// Lifts a ban (and the address bans that came with it); a no-op for an author not banned.
    ///
    /// - Returns: whether the standing changed.
    @discardableResult
    public func unban(_ identity: AuthorIdentity, reason: String? = nil) async throws -> Bool {
        try await store.unban(identity, by: moderator, reason: reason)
    }

    /// Trusts an author: their comments skip first-comment premoderation (rules still apply).
    ///
    /// - Returns: whether the standing changed.
    @discardableResult
    public func trust(_ identity: AuthorIdentity, reason: String? = nil) async throws -> Bool {
        try await store.trust(identity, by: moderator, reason: reason)
    }

    /// Finds what a bulk rejection would take, writing nothing: the comments of the selection
    /// (without those claimed by other moderators, and without `except`), with the spans a pattern
    /// matched, and the comments on which the pattern ran out of its match budget.
    ///
    /// - Throws: ``BulkSelectionError`` for an empty, invalid or match-everything pattern, or a
    ///   campaign without comments.
    public func plan(_ selection: BulkSelection, except: Set<Int64> = []) async throws -> BulkPlan {
        try await store.plan(selection, except: except, moderator: moderator)
    }

    /// Rejects what `plan` found, as one batch in one transaction; comments that changed since
    /// they were listed, or that another moderator has claimed meanwhile, are skipped.
    @discardableResult
    public func reject(_ plan: BulkPlan, reason: String? = nil) async throws -> BulkOutcome {
        try await store.reject(plan, by: moderator, reason: reason)
    }

    /// Undoes a batch as a whole, in one transaction: every decision of it that is still the newest
    /// on its comment is taken back (the reports it resolved reopen); comments decided since are
    /// left as they are and listed. Undoing a ban also restores the author's standing before it
    /// (unless someone changed it since) and lifts the address bans it set.
    ///
    /// - Parameter override: undo another moderator's batch.
    /// - Throws: ``StoreError/batchNotFound(id:)``, ``StoreError/batchAlreadyUndone(id:by:)``,
    ///   ``StoreError/batchOfAnother(id:by:)``.
    @discardableResult
    public func undo(batch batchId: Int64, override: Bool = false) async throws -> BatchUndoOutcome {
        try await store.undo(batch: batchId, by: moderator, override: override)
    }

    /// One batch with the comments it decided, or nil.
    public func batch(_ id: Int64) async throws -> ModerationBatch? {
        try await store.batch(id)
    }
}

// What both stores' implementations share.
extension ModerationDesk {
    /// The description of a ban's batch.
    public static func banDescription(_ identity: AuthorIdentity, _ reason: String?) -> String {
        "ban of \(identity.key)" + (reason.map { ": \($0)" } ?? "")
    }

    /// The reason a ban gives on each comment it rejects.
    public static func banReasons(_ reason: String?) -> [String] {
        ["author banned" + (reason.map { ": \($0)" } ?? "")]
    }

    /// Texts any real pattern leaves alone at least one of; one that matches them all (or the empty
    /// text) would take the whole queue.
    public static let probeTexts = ["a", "Z", "7", "!", " ", "berita hari ini", "\u{1F600}"]

    /// What a bulk rejection's decisions give as their reason.
    public static func reasons(_ plan: BulkPlan, _ reason: String?) -> [String] {
        switch (reason, plan.selection) {
        case (let reason?, _): [reason]
        case (nil, .matching(let pattern, _)): ["bulk: \(pattern)"]
        case (nil, .campaign(let id)): ["spam campaign #\(id)"]
        }
    }

    /// Checks a bulk pattern before anything is read (for a command's argument check).
    ///
    /// - Throws: ``BulkSelectionError``.
    public static func checkBulkPattern(_ pattern: String) throws {
        _ = try bulkPattern(pattern)
    }

    /// Compiles a bulk pattern, refusing one that would take everything.
    public static func bulkPattern(_ pattern: String) throws -> PCRE2Pattern {
        guard !pattern.trimmingCharacters(in: .whitespaces).isEmpty else { throw BulkSelectionError.emptyPattern }
        let regex: PCRE2Pattern
        do { regex = try PCRE2Pattern(pattern) } catch {
            throw BulkSelectionError.invalidPattern(message: error.message, offset: error.offset)
        }
        func takes(_ text: String) -> Bool { !regex.matches(text).ranges.isEmpty }
        if takes("") || probeTexts.allSatisfy(takes) {
            throw BulkSelectionError.matchesEverything(pattern: pattern)
        }
        return regex
    }
}
