import Foundation
import PostgresNIO
import SaringCore
import SaringStore
import Synchronization

extension PostgresStore {
    /// Stores a judged comment as the SQLite store does (see ``SaringStore/submit(_:verdict:)``):
    /// article, author, comment, decision and rule hits in one transaction, with what outranks the
    /// policy (closed or premoderated article, banned author or address, first comments) read
    /// inside it. Comments arriving together share a transaction, each in its own savepoint, and
    /// each caller is answered only after that transaction has committed.
    public func submit(_ draft: CommentDraft, verdict: Verdict) async throws -> Comment {
        try await submissions.submit((draft, verdict)) { batch in try await self.commitSubmissions(batch) }
    }

    /// Writes one judged comment inside the caller's transaction.
    ///
    /// - Parameter policyVersionId: the recorded row of the verdict's policy version, if any.
    static func insert(
        _ db: PostgresConnection, _ draft: CommentDraft, verdict: Verdict, at millis: Int64, policyVersionId: Int64? = nil, logger: Logger
    ) async throws -> Comment {
        // One round trip for the article's state, recording a new article. When another node's
        // transaction created it meanwhile, this statement's snapshot sees neither row: asked again.
        var state = try await first(
            db.execute(Prepared<PreparedShapes.ArticleState>(PostgresHotQueries.articleStateRecordingNew(draft.articleId, at: millis)), logger: logger),
            as: (Bool, Bool, Int64?).self)
        if state == nil {
            state = try await first(db.query(PostgresHotQueries.articleState(draft.articleId), logger: logger), as: (Bool, Bool, Int64?).self)
        }
        guard let (isOpen, premoderated, brakeUntil) = state else { throw StoreError.articleClosed(articleId: draft.articleId) }
        guard isOpen else { throw StoreError.articleClosed(articleId: draft.articleId) }
        if let parentId = draft.parentId {
            // Only to what readers can see: a reply must not reveal that a hidden comment exists.
            let visible = try await first(
                db.query(PostgresHotQueries.visibleParent(parentId, articleId: draft.articleId), logger: logger), as: Int64.self)
            guard visible != nil else { throw StoreError.parentNotFound(parentId: parentId, articleId: draft.articleId) }
        }
        let (authorId, storedStanding, knownBan) = try await author(db, draft, at: millis, logger: logger)
        var standing = AuthorStanding(rawValue: storedStanding) ?? .normal
        var judged = verdict
        if verdict.firstCommentsReviewed > 0, standing != .trusted {
            // Counted only as far as it matters, so a prolific author costs no more than a new one.
            let approved = try await first(
                db.query(PostgresHotQueries.publishedByAuthor(authorId, upTo: Int64(verdict.firstCommentsReviewed)), logger: logger),
                as: Int64.self) ?? 0
            judged = verdict.applying(author: JudgeContext(standing: standing, approvedComments: Int(approved)))
        }
        var addressBannedWith: String? = nil
        if standing != .banned, standing != .trusted, !draft.authorIdentity.isVerified, let clientHash = draft.clientHash {
            // A known author's lookup brought the address's ban along; a new one's asks.
            switch knownBan {
            case .some(let known): addressBannedWith = known
            case .none:
                addressBannedWith = try await first(
                    db.query(PostgresHotQueries.addressBan(clientHash, at: millis), logger: logger), as: String.self)
            }
            if addressBannedWith != nil { standing = .banned }
        }
        let braked = brakeUntil.map { $0 > millis } ?? false
        var final = judged.applying(premoderated: premoderated, standing: standing, braked: braked)
        if let name = addressBannedWith, let last = final.reasons.indices.last, final.reasons[last] == "author is banned" {
            final.reasons[last] = "posted from an address banned with author \(name)"
        }

        // The comment and its first decision in one statement.
        let (commentId, decisionId) = try await first(
            db.execute(
                Prepared<PreparedShapes.StoredComment>(
                    PostgresHotQueries.storeComment(draft, final, authorId: authorId, at: millis, policyVersionId: policyVersionId)),
                logger: logger), as: (Int64, Int64).self)!
        for hit in final.hits {
            _ = try await db.execute(
                Prepared<PreparedShapes.RuleHit>(PostgresHotQueries.ruleHit(hit, commentId: commentId, decisionId: decisionId)), logger: logger)
        }
        if let campaign = final.campaign { try await tagCampaign(db, campaign, at: millis, logger: logger) }
        return Comment(stored: commentId, draft: draft, verdict: final, at: Timestamp.date(millis))
    }

    /// The author's id and standing, recording a new author. Two nodes meeting a new author at
    /// once both land on the one row: the second insert waits for the first and finds it.
    /// - Returns: also, for a known author, the name of the author whose ban covers the comment's
    ///   address (`.some(nil)`: none), read in the same statement; `nil` for a new author.
    static func author(_ db: PostgresConnection, _ draft: CommentDraft, at millis: Int64, logger: Logger) async throws
        -> (Int64, String, String??)
    {
        let identity = draft.authorIdentity.key
        if let (id, standing, name, bannedWith) = try await first(
            db.execute(
                Prepared<PreparedShapes.KnownAuthor>(PostgresHotQueries.authorWithAddressBan(identity, clientHash: draft.clientHash, at: millis)),
                logger: logger),
            as: (Int64, String, String, String?).self)
        {
            if name != draft.authorName {
                try await db.query(
                    "UPDATE authors SET name = \(draft.authorName), updated_at = \(millis) WHERE id = \(id)", logger: logger)
            }
            return (id, standing, .some(bannedWith))
        }
        if let (id, standing) = try await first(
            db.query(
                """
                INSERT INTO authors (identity, name, email, created_at, updated_at)
                VALUES (\(identity), \(draft.authorName), \(draft.authorEmail), \(millis), \(millis))
                ON CONFLICT (identity) DO NOTHING RETURNING id, standing
                """, logger: logger), as: (Int64, String).self)
        {
            return (id, standing, nil)
        }
        let (id, standing) = try await first(
            db.query("SELECT id, standing FROM authors WHERE identity = \(identity)", logger: logger), as: (Int64, String).self)!
        return (id, standing, nil)
    }

    /// Appends one entry to the decision history and returns its id.
    static func appendDecision(
        _ db: PostgresConnection, commentId: Int64, actor: Decision.Actor, decidedBy: String, action: DecisionAction,
        status: CommentStatus, reasons: [String], at millis: Int64, policyVersionId: Int64? = nil, logger: Logger
    ) async throws -> Int64 {
        let reasonsJSON = JSONWriter.stringArray(reasons)
        return try await first(
            db.query(
                """
                INSERT INTO decisions (comment_id, actor_kind, decided_by, action, status, reasons, created_at, policy_version_id)
                VALUES (\(commentId), \(actor.rawValue), \(decidedBy), \(action.rawValue), \(status.rawValue),
                        \(reasonsJSON)::jsonb, \(millis), \(policyVersionId))
                RETURNING id
                """, logger: logger), as: Int64.self)!
    }

    /// Marks the earlier members of a campaign found with this comment, flagging the published ones.
    static func tagCampaign(_ db: PostgresConnection, _ campaign: CampaignTag, at millis: Int64, logger: Logger) async throws {
        for member in campaign.members {
            guard
                let (status, flagged, campaignId) = try await first(
                    db.query(PostgresHotQueries.campaignMember(member), logger: logger),
                    as: (String, Bool, Int64?).self),
                campaignId == nil
            else { continue }
            try await db.query("UPDATE comments SET campaign_id = \(campaign.id) WHERE id = \(member)", logger: logger)
            if status == "published", !flagged {
                try await db.query("UPDATE comments SET flagged = TRUE, updated_at = \(millis) WHERE id = \(member)", logger: logger)
                _ = try await appendDecision(
                    db, commentId: member, actor: .system, decidedBy: "campaigns", action: .flag, status: .published,
                    reasons: ["part of spam campaign #\(campaign.id), found after it was published"], at: millis, logger: logger)
            }
        }
    }

    /// The first row of `rows` decoded as `type`, or nil; the rest is drained, so the connection is
    /// ready for the next statement of the transaction.
    static func first<Rows: AsyncSequence, each Column: PostgresDecodable>(_ rows: Rows, as type: (repeat each Column).Type) async throws
        -> (repeat each Column)? where Rows.Element == PostgresRow
    {
        var result: (repeat each Column)? = nil
        var found = false
        for try await row in rows where !found {
            result = try row.decode(type, context: .default)
            found = true
        }
        return result
    }

    /// One column of the first row of `rows`, or nil.
    static func first<Rows: AsyncSequence, Column: PostgresDecodable>(_ rows: Rows, as type: Column.Type) async throws -> Column?
    where Rows.Element == PostgresRow {
        var result: Column? = nil
        var found = false
        for try await row in rows where !found {
            result = try row.decode(Column.self)
            found = true
        }
        return result
    }
}

extension PostgresStore {
    /// One batch of judged comments in one transaction (see ``GroupCommit``), each in a savepoint
    /// of its own, so a refused one rolls back alone. One transaction at a time per node; several
    /// nodes commit side by side.
    func commitSubmissions(_ batch: [(CommentDraft, Verdict)]) async throws -> [Result<Comment, any Error>] {
        let millis = Timestamp.millis(now())
        let logger = logger
        let versionIds = policyVersionIds.withLock { $0 }
        return try await transaction { db in
            var results: [Result<Comment, any Error>] = []
            for (draft, verdict) in batch {
                try await db.query("SAVEPOINT comment", logger: logger)
                do {
                    let comment = try await PostgresStore.insert(
                        db, draft, verdict: verdict, at: millis, policyVersionId: versionIds[verdict.policyVersion], logger: logger)
                    try await db.query("RELEASE SAVEPOINT comment", logger: logger)
                    results.append(.success(comment))
                } catch {
                    try await db.query("ROLLBACK TO SAVEPOINT comment", logger: logger)
                    results.append(.failure(error))
                }
            }
            return results
        }
    }
}
