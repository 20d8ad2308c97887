import Foundation
import GRDB
import SaringCore

extension ModerationDesk {
    /// Texts any real pattern leaves alone at least one of; one that matches them all (or the empty
    /// text) would take the whole queue.
    public static let probeTexts = ["a", "Z", "7", "!", " ", "berita hari ini", "\u{1F600}"]

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
        let millis = Timestamp.millis(store.now())
        let moderator = moderator
        let reasons = Self.reasons(plan, reason)
        let ids = plan.matches.map(\.comment.id)
        return try await store.write { db in
            var batchId: Int64?
            var decided: [Int64] = []
            var skipped: [Int64] = []
            var articles = Set<String>()
            for id in ids {
                guard let row = try Row.fetchOne(db, sql: "SELECT article_id, status FROM comments WHERE id = ?", arguments: [id]),
                    plan.expectedStatus == nil || row["status"] == plan.expectedStatus?.rawValue, row["status"] != "rejected",
                    try SaringStore.otherClaimant(db, commentId: id, moderator: moderator, at: millis) == nil
                else {
                    skipped.append(id)
                    continue
                }
                if batchId == nil {
                    batchId = try SaringStore.insertBatch(
                        db, kind: .bulkReject, moderator: moderator, description: plan.selection.description, at: millis)
                }
                if row["status"] == "published" { articles.insert(row["article_id"]) }
                _ = try SaringStore.recordVerdict(db, commentId: id, .reject, moderator: moderator, reasons: reasons, batchId: batchId, at: millis)
                decided.append(id)
            }
            return BulkOutcome(batchId: batchId, decided: decided, skipped: skipped, articleIds: articles)
        }
    }

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

extension QueueKind {
    /// The status every comment of the queue has, when there is one.
    var status: CommentStatus? {
        switch self {
        case .pending: .pending
        case .flagged: .published
        case .reported, .rejected: nil
        }
    }
}
