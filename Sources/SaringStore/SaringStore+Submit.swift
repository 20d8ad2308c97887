import Foundation
import GRDB
import SaringCore

extension SaringStore {
    /// Stores a judged comment: creates its article on first use, records the author, the comment,
    /// the decision and the rule hits in one transaction. What outranks the policy (a closed or
    /// premoderated article, a banned author) and what depends on the author's record (first-comment
    /// premoderation, ``Verdict/applying(author:)``) are read inside that transaction, so no
    /// decision rests on a read made before it.
    ///
    /// Submissions arriving together share one transaction (group commit, see ``GroupCommit``);
    /// each still returns only once its comment is committed, and one refused comment does not
    /// affect the others.
    ///
    /// - Returns: the stored comment with its final status and the reasons of its final decision.
    /// - Throws: ``StoreError/articleClosed(articleId:)``, ``StoreError/parentNotFound(parentId:articleId:)``.
    public func submit(_ draft: CommentDraft, verdict: Verdict) async throws -> Comment {
        try await submissions.submit((draft, verdict)) { batch in try await self.commitSubmissions(batch) }
    }

    /// Writes one judged comment inside the caller's transaction.
    ///
    /// - Parameter policyVersionId: the recorded row of the verdict's policy version, if any.
    static func insert(
        _ db: Database, _ draft: CommentDraft, verdict: Verdict, at millis: Int64, policyVersionId: Int64? = nil
    ) throws -> Comment {
        try db.run(
            "INSERT INTO articles (id, created_at, updated_at) VALUES (?, ?, ?) ON CONFLICT(id) DO NOTHING",
            [draft.articleId, millis, millis])
        // Columns by position (is_open, premoderated, brake_until): a lookup by name lower-cases it.
        let article = try db.firstRow(HotQueries.articleState, [draft.articleId])!
        guard article[0] as Bool else { throw StoreError.articleClosed(articleId: draft.articleId) }
        if let parentId = draft.parentId {
            // Only to what readers can see: a reply must not reveal that a hidden comment exists.
            let exists = try db.firstRow(HotQueries.visibleParent, [parentId, draft.articleId]) != nil
            guard exists else { throw StoreError.parentNotFound(parentId: parentId, articleId: draft.articleId) }
        }
        let (authorId, storedStanding) = try Self.author(db, draft, at: millis)
        var standing = AuthorStanding(rawValue: storedStanding) ?? .normal
        var judged = verdict
        if verdict.firstCommentsReviewed > 0, standing != .trusted {
            // Counted only as far as it matters, so a prolific author costs no more than a new one.
            let approved = try Int.fetchOne(
                db.cachedStatement(sql: HotQueries.publishedByAuthor), arguments: [authorId, verdict.firstCommentsReviewed]) ?? 0
            judged = verdict.applying(author: JudgeContext(standing: standing, approvedComments: approved))
        }
        var addressBannedWith: String? = nil
        if standing != .banned, standing != .trusted, !draft.authorIdentity.isVerified, let clientHash = draft.clientHash {
            addressBannedWith = try db.firstRow(HotQueries.addressBan, [clientHash, millis])?[0]
            if addressBannedWith != nil { standing = .banned }
        }
        let braked = (article[2] as Int64?).map { $0 > millis } ?? false
        var final = judged.applying(premoderated: article[1], standing: standing, braked: braked)
        if let name = addressBannedWith, let last = final.reasons.indices.last, final.reasons[last] == "author is banned" {
            final.reasons[last] = "posted from an address banned with author \(name)"
        }

        try db.run("""
                INSERT INTO comments (article_id, parent_id, author_id, author_name, body, published_body,
                                      status, flagged, score, created_at, updated_at, client_hash, campaign_id)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
                """,
            [
                draft.articleId, draft.parentId, authorId, draft.authorName, draft.body,
                final.publishedBody, final.status.rawValue, final.flagged, final.score, millis, millis,
                draft.clientHash, final.campaign?.id,
            ])
        let commentId = db.lastInsertedRowID
        let decisionId = try Self.appendDecision(
            db, commentId: commentId, actor: .policy, decidedBy: final.policyVersion, action: final.action,
            status: final.status, reasons: final.reasons, at: millis, policyVersionId: policyVersionId)
        for hit in final.hits {
            try db.run("""
                    INSERT INTO rule_hits (comment_id, decision_id, rule_id, category, action, score, field,
                                           span_start, span_end, shadow, description)
                    VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
                    """,
                [
                    commentId, decisionId, hit.ruleId, hit.category, hit.action, hit.score, hit.field,
                    hit.span?.lowerBound, hit.span?.upperBound, hit.shadow, hit.description,
                ])
        }
        if let campaign = final.campaign { try tagCampaign(db, campaign, at: millis) }
        return Comment(stored: commentId, draft: draft, verdict: final, at: Timestamp.date(millis))
    }

    /// The author's id and standing, recording a new author. The row is rewritten only when the
    /// display name changed: rewriting an unchanged row dirtied one more page, at a random place
    /// in the table, for every comment.
    static func author(_ db: Database, _ draft: CommentDraft, at millis: Int64) throws -> (Int64, String) {
        if let known = try db.firstRow(HotQueries.authorByIdentity, [draft.authorIdentity.key]) {
            let id: Int64 = known[0]
            if (known[2] as String) != draft.authorName {
                try db.run("UPDATE authors SET name = ?, updated_at = ? WHERE id = ?", [draft.authorName, millis, id])
            }
            return (id, known[1])
        }
        let created = try db.firstRow("""
                INSERT INTO authors (identity, name, email, created_at, updated_at) VALUES (?, ?, ?, ?, ?)
                RETURNING id, standing
                """,
            [draft.authorIdentity.key, draft.authorName, draft.authorEmail, millis, millis])!
        return (created[0], created[1])
    }

    /// Appends one entry to the decision history and returns its id.
    static func appendDecision(
        _ db: Database, commentId: Int64, actor: Decision.Actor, decidedBy: String, action: DecisionAction,
        status: CommentStatus, reasons: [String], at millis: Int64, policyVersionId: Int64? = nil
    ) throws -> Int64 {
        let reasonsJSON = JSONWriter.stringArray(reasons)
        try db.run("""
                INSERT INTO decisions (comment_id, actor_kind, decided_by, action, status, reasons, created_at, policy_version_id)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?)
                """,
            [commentId, actor.rawValue, decidedBy, action, status.rawValue, reasonsJSON, millis, policyVersionId])
        return db.lastInsertedRowID
    }
}
