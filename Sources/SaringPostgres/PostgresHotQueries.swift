import PostgresNIO
import SaringCore
import SaringStore

/// The PostgreSQL store's queries that run on every comment or page, by name, so the test of
/// their plans (`PostgresQueryPlanTests`) checks the very text the store sends.
enum PostgresHotQueries {
    static func publishedPage(articleId: String, afterId: Int64, limit: Int64) -> PostgresQuery {
        """
        SELECT id, parent_id, author_name, published_body, created_at FROM comments
        WHERE article_id = \(articleId) AND status = 'published' AND id > \(afterId)
        ORDER BY id LIMIT \(limit)
        """
    }

    /// A judged comment and its policy decision, in one statement; returns both ids.
    static func storeComment(_ draft: CommentDraft, _ final: Verdict, authorId: Int64, at millis: Int64, policyVersionId: Int64?) -> PostgresQuery {
        """
        WITH stored AS (
            INSERT INTO comments (article_id, parent_id, author_id, author_name, body, published_body,
                                  status, flagged, score, created_at, updated_at, client_hash, campaign_id)
            VALUES (\(draft.articleId), \(draft.parentId), \(authorId), \(draft.authorName), \(draft.body),
                    \(final.publishedBody), \(final.status.rawValue), \(final.flagged), \(final.score), \(millis),
                    \(millis), \(draft.clientHash), \(final.campaign?.id))
            RETURNING id
        )
        INSERT INTO decisions (comment_id, actor_kind, decided_by, action, status, reasons, created_at, policy_version_id)
        SELECT id, \(Decision.Actor.policy.rawValue), \(final.policyVersion), \(final.action.rawValue), \(final.status.rawValue),
               \(JSONWriter.stringArray(final.reasons))::jsonb, \(millis), \(policyVersionId)
        FROM stored
        RETURNING comment_id, id
        """
    }

    /// One rule hit of a stored comment's decision.
    static func ruleHit(_ hit: RuleHit, commentId: Int64, decisionId: Int64) -> PostgresQuery {
        let (spanStart, spanEnd) = (hit.span.map { Int32($0.lowerBound) }, hit.span.map { Int32($0.upperBound) })
        return """
            INSERT INTO rule_hits (comment_id, decision_id, rule_id, category, action, score, field,
                                   span_start, span_end, shadow, description)
            VALUES (\(commentId), \(decisionId), \(hit.ruleId), \(hit.category), \(hit.action.rawValue), \(hit.score),
                    \(hit.field.rawValue), \(spanStart), \(spanEnd), \(hit.shadow), \(hit.description))
            """
    }

    /// An article's page version (0 until a change to its published comments is committed).
    static func pageVersion(_ articleId: String) -> PostgresQuery {
        "SELECT version FROM page_versions WHERE article_id = \(articleId)"
    }

    /// A write transaction's last statement: bumps the versions of the articles whose published
    /// comments it changed (noted by the trigger of migration 0003), in article order, so two
    /// transactions bumping the same articles take turns instead of deadlocking.
    static let bumpNotedPages: PostgresQuery = """
        INSERT INTO page_versions AS p (article_id, version)
        SELECT DISTINCT noted, 1::BIGINT
        FROM unnest(string_to_array(current_setting('saring.pages_touched', true), E'\\n')) AS noted
        WHERE noted <> '' ORDER BY noted
        ON CONFLICT (article_id) DO UPDATE SET version = p.version + 1
        """

    static func articleState(_ articleId: String) -> PostgresQuery {
        "SELECT is_open, premoderated, brake_until FROM articles WHERE id = \(articleId)"
    }

    /// The article's state, recording it first when it is new (the inserted row, or the stored
    /// one). No row when another transaction created it after this statement's snapshot.
    static func articleStateRecordingNew(_ articleId: String, at millis: Int64) -> PostgresQuery {
        """
        WITH recorded AS (
            INSERT INTO articles (id, created_at, updated_at) VALUES (\(articleId), \(millis), \(millis))
            ON CONFLICT (id) DO NOTHING RETURNING is_open, premoderated, brake_until
        )
        SELECT is_open, premoderated, brake_until FROM recorded
        UNION ALL
        SELECT is_open, premoderated, brake_until FROM articles WHERE id = \(articleId)
        LIMIT 1
        """
    }

    static func visibleParent(_ parentId: Int64, articleId: String) -> PostgresQuery {
        "SELECT 1::BIGINT FROM comments WHERE id = \(parentId) AND article_id = \(articleId) AND status = 'published'"
    }

    /// Articles braked now (at most 1,000, soonest to end first), from the partial index of braked
    /// articles (once the table has statistics; see PostgresQueryPlanTests).
    static func brakedArticles(at millis: Int64) -> PostgresQuery {
        "SELECT id, brake_until FROM articles WHERE brake_until IS NOT NULL AND brake_until > \(millis) ORDER BY brake_until LIMIT 1000"
    }

    // Export (PostgresStore+Export), run by a person but pinned all the same: a chunk's cost must
    // not grow with the table.

    /// The first comment created at or after a time: where an export `--since` starts.
    /// Left alone, the planner answers `min(id)` by walking the primary key from id 1 until a row
    /// is new enough; fenced (`OFFSET 0`), it reads only the comments that new, by their index.
    static func firstCommentSince(_ millis: Int64) -> PostgresQuery {
        "SELECT min(id) FROM (SELECT id FROM comments WHERE created_at >= \(millis) ORDER BY created_at OFFSET 0) AS newer"
    }

    /// The next chunk of an export: every column of a line but the decisions, by id after `after`.
    static func exportComments(_ filter: ExportFilter, after: Int64, limit: Int64) -> PostgresQuery {
        var binds = PostgresBindings()
        func bound(_ value: some PostgresDynamicTypeEncodable) -> String {
            binds.append(value)
            return "$\(binds.count)"
        }
        var conditions = ["c.id > \(bound(after))"]
        if let articleId = filter.articleId { conditions.append("c.article_id = \(bound(articleId))") }
        if let since = filter.since { conditions.append("c.created_at >= \(bound(Timestamp.millis(since)))") }
        if !filter.statuses.isEmpty { conditions.append("c.status = ANY(\(bound(filter.statuses.map(\.rawValue))))") }
        let sql = """
            SELECT c.id, c.parent_id, c.article_id, a.title, a.url, a.section, a.is_open, a.premoderated,
                   au.identity, au.name, au.email, au.standing, c.author_name, c.body, c.published_body, c.status,
                   c.flagged, c.score, c.campaign_id, c.created_at, c.updated_at, c.text_erased_at
            FROM comments c JOIN articles a ON a.id = c.article_id JOIN authors au ON au.id = c.author_id
            WHERE \(conditions.joined(separator: " AND ")) ORDER BY c.id LIMIT \(bound(limit))
            """
        return PostgresQuery(unsafeSQL: sql, binds: binds)
    }

    /// The decision histories of a chunk of comments whose ids lie close together (an export
    /// without filters), by a range of decisions_by_comment; the list keeps out what lies between.
    static func exportDecisions(from first: Int64, through last: Int64, of commentIds: [Int64]) -> PostgresQuery {
        """
        SELECT id, comment_id, actor_kind, decided_by, action, status, reasons::TEXT, created_at, undoes, batch_id
        FROM decisions WHERE comment_id BETWEEN \(first) AND \(last) AND comment_id = ANY(\(commentIds)) ORDER BY comment_id, id
        """
    }

    /// One comment's decision history, for a chunk whose ids lie far apart (a filtered export).
    static func exportDecisions(of commentId: Int64) -> PostgresQuery {
        """
        SELECT id, comment_id, actor_kind, decided_by, action, status, reasons::TEXT, created_at, undoes, batch_id
        FROM decisions WHERE comment_id = \(commentId) ORDER BY id
        """
    }

    /// A batch a decision belongs to.
    static func exportBatch(_ id: Int64) -> PostgresQuery {
        "SELECT id, kind, moderator, description, previous_standing, created_at, undone_at, undone_by FROM batches WHERE id = \(id)"
    }

    // Forgetting an author (PostgresStore+Erasure): each reads the author's own rows.

    /// The author to forget, locked.
    static func forgottenAuthor(_ identity: String) -> PostgresQuery {
        "SELECT id, name, email, identity FROM authors WHERE identity = \(identity) FOR UPDATE"
    }

    /// The names an author's comments were shown with.
    static func namesShown(ofAuthor authorId: Int64) -> PostgresQuery {
        "SELECT DISTINCT author_name FROM comments WHERE author_id = \(authorId)"
    }

    /// The address hashes an author's comments came from and their address bans hold.
    static func addressHashes(ofAuthor authorId: Int64) -> PostgresQuery {
        """
        SELECT client_hash FROM comments WHERE author_id = \(authorId) AND client_hash IS NOT NULL
        UNION SELECT client_hash FROM banned_clients WHERE author_id = \(authorId)
        """
    }

    /// Reports made from one address lose it.
    static func forgetReportsFrom(_ clientHash: String) -> PostgresQuery {
        "UPDATE reports SET client_hash = NULL WHERE client_hash = \(clientHash) RETURNING 1"
    }

    /// An author's comments whose text is still there.
    static func unerasedComments(ofAuthor authorId: Int64) -> PostgresQuery {
        "SELECT id FROM comments WHERE author_id = \(authorId) AND text_erased_at IS NULL"
    }

    /// Rejected comments whose text is still there, last decided before a time (retention),
    /// oldest first, locked for erasing; rows another node is erasing are left to it.
    static func rejectedToErase(before millis: Int64, limit: Int64) -> PostgresQuery {
        """
        SELECT id FROM comments WHERE status = 'rejected' AND text_erased_at IS NULL AND updated_at < \(millis)
        ORDER BY updated_at LIMIT \(limit) FOR UPDATE SKIP LOCKED
        """
    }

    /// How many comments retention would erase, and when the oldest was decided.
    static func rejectedToEraseCount(before millis: Int64) -> PostgresQuery {
        """
        SELECT count(*)::BIGINT, min(updated_at) FROM comments
        WHERE status = 'rejected' AND text_erased_at IS NULL AND updated_at < \(millis)
        """
    }

    // The tuning window (PostgresStore+Tuning): each starts from the window's comments.

    /// The rule hits on the window's comments.
    /// (Each lateral part is fenced with `OFFSET 0`: pulled up into a join, the planner would
    /// read a whole table of hits or decisions and hash it against the window.)
    static func windowHits(since millis: Int64) -> PostgresQuery {
        """
        SELECT c.id, h.rule_id, h.shadow, h.action, h.score, h.no_span FROM comments c CROSS JOIN LATERAL (
            SELECT rule_id, shadow, action, score, span_start IS NULL AS no_span FROM rule_hits WHERE rule_hits.comment_id = c.id OFFSET 0
        ) h WHERE c.created_at >= \(millis)
        """
    }

    /// A comment's moderator approvals and rejections that still count (not undo entries, not
    /// undone), as a lateral part joined to `comments c`.
    private static let standingVerdicts = """
        CROSS JOIN LATERAL (
            SELECT action, id FROM decisions WHERE decisions.comment_id = c.id AND actor_kind = 'moderator' AND undoes IS NULL
                AND action IN ('approve', 'reject') AND NOT EXISTS (SELECT 1 FROM decisions u WHERE u.undoes = decisions.id) OFFSET 0
        ) d
        """

    /// Moderators' approvals and rejections on the window's comments that still count.
    static func windowVerdicts(since millis: Int64) -> PostgresQuery {
        "SELECT c.id, d.action, d.id FROM comments c \(unescaped: standingVerdicts) WHERE c.created_at >= \(millis)"
    }

    /// `policy train --from-db`: the moderators' verdicts that stand on the window's comments,
    /// with the text, erased texts left out.
    static func moderatorLabels(since millis: Int64) -> PostgresQuery {
        "SELECT c.id, c.body, d.action, d.id FROM comments c \(unescaped: standingVerdicts) WHERE c.created_at >= \(millis) AND c.text_erased_at IS NULL"
    }

    /// The window's comments with the status the policy gave each on arrival.
    static func windowComments(since millis: Int64) -> PostgresQuery {
        """
        SELECT c.id, c.status, c.flagged, c.author_id, c.author_name, c.campaign_id, c.body,
            (SELECT d.status FROM decisions d WHERE d.comment_id = c.id AND d.actor_kind = 'policy' ORDER BY d.id LIMIT 1)
        FROM comments c WHERE c.created_at >= \(millis)
        """
    }

    /// The rules' measured costs since a day (days since the epoch).
    static func ruleTimingsSince(day: Int32) -> PostgresQuery {
        """
        SELECT rule_id, sum(runs)::BIGINT, sum(matches)::BIGINT, sum(nanos)::BIGINT FROM rule_timings WHERE day >= \(day) GROUP BY rule_id
        """
    }

    // `saring policy replay` (PostgresStore+Replay), as SaringStore+Replay reads it.

    /// The id before the newest `limit` comments of a replay's scope after `afterId`.
    static func replayNewest(after afterId: Int64, since millis: Int64, articleId: String?, limit: Int64) -> PostgresQuery {
        if let articleId {
            return """
                SELECT id FROM comments WHERE article_id = \(articleId) AND id > \(afterId) AND created_at + 0 >= \(millis)
                ORDER BY id DESC LIMIT 1 OFFSET \(limit - 1)
                """
        }
        return "SELECT id FROM comments WHERE id > \(afterId) AND created_at + 0 >= \(millis) ORDER BY id DESC LIMIT 1 OFFSET \(limit - 1)"
    }

    /// One chunk of a replay, in id order after a cursor, with the author's e-mail and identity,
    /// the article's premoderation and (up to `firstComments`) how many of the author's comments
    /// before it are published. The comments are read first by id (`created_at + 0` keeps the
    /// time index out: the cursor already stands at the window's start); each lateral part is
    /// fenced with `OFFSET 0` so it stays a lookup per comment instead of a hashed table.
    static func replayChunk(after afterId: Int64, since millis: Int64, articleId: String?, count: Int64, firstComments: Int64) -> PostgresQuery {
        var binds = PostgresBindings()
        func bound(_ value: some PostgresDynamicTypeEncodable) -> String {
            binds.append(value)
            return "$\(binds.count)"
        }
        let article = articleId.map { "article_id = \(bound($0)) AND " } ?? ""
        let sql = """
            SELECT c.id, c.article_id, c.author_id, c.author_name, a.email, c.body, c.created_at, a.identity, r.premoderated, f.firsts
            FROM (
                SELECT id, article_id, author_id, author_name, body, created_at FROM comments
                WHERE \(article)id > \(bound(afterId)) AND created_at + 0 >= \(bound(millis)) ORDER BY id LIMIT \(bound(count))
            ) c
            CROSS JOIN LATERAL (SELECT email, identity FROM authors WHERE authors.id = c.author_id OFFSET 0) a
            CROSS JOIN LATERAL (SELECT premoderated FROM articles WHERE articles.id = c.article_id OFFSET 0) r
            CROSS JOIN LATERAL (
                SELECT count(*)::BIGINT AS firsts FROM (
                    SELECT 1 FROM comments p WHERE p.author_id = c.author_id AND p.status = 'published' AND p.id < c.id LIMIT \(bound(firstComments))
                ) AS earlier
            ) f
            ORDER BY c.id
            """
        return PostgresQuery(unsafeSQL: sql, binds: binds)
    }

    static func authorByIdentity(_ identity: String) -> PostgresQuery {
        "SELECT id, standing, name FROM authors WHERE identity = \(identity)"
    }

    /// A known author with, in the same lookup, whose ban covers the comment's address now.
    static func authorWithAddressBan(_ identity: String, clientHash: String?, at millis: Int64) -> PostgresQuery {
        """
        SELECT a.id, a.standing, a.name, (
            SELECT banned.name FROM banned_clients b JOIN authors banned ON banned.id = b.author_id
            WHERE b.client_hash = \(clientHash) AND b.expires_at > \(millis) LIMIT 1
        ) FROM authors a WHERE a.identity = \(identity)
        """
    }

    /// An author's published comments, counted only as far as first-comment review looks.
    static func publishedByAuthor(_ authorId: Int64, upTo limit: Int64) -> PostgresQuery {
        """
        SELECT count(*)::BIGINT FROM (SELECT 1 FROM comments WHERE author_id = \(authorId) AND status = 'published'
        LIMIT \(limit)) AS firsts
        """
    }

    static func addressBan(_ clientHash: String, at millis: Int64) -> PostgresQuery {
        """
        SELECT a.name FROM banned_clients b JOIN authors a ON a.id = b.author_id
        WHERE b.client_hash = \(clientHash) AND b.expires_at > \(millis) LIMIT 1
        """
    }

    static func comment(_ id: Int64) -> PostgresQuery {
        """
        SELECT c.id, c.article_id, c.parent_id, c.author_name, a.email, c.body, c.published_body, c.status,
               c.flagged, c.score, c.created_at, c.client_hash, c.campaign_id
        FROM comments c JOIN authors a ON a.id = c.author_id WHERE c.id = \(id)
        """
    }

    /// A decision's columns, in the order `PostgresStore.decision(from:)` reads them.
    static let decisionColumns = """
        id, comment_id, actor_kind, decided_by, action, status, reasons::text, created_at, batch_id, undoes, policy_version_id
        """

    static func decisions(_ commentId: Int64) -> PostgresQuery {
        "SELECT \(unescaped: decisionColumns) FROM decisions WHERE comment_id = \(commentId) ORDER BY id"
    }

    static func decision(_ id: Int64) -> PostgresQuery {
        "SELECT \(unescaped: decisionColumns) FROM decisions WHERE id = \(id)"
    }

    /// The newest decision on a comment.
    static func latestDecision(_ commentId: Int64) -> PostgresQuery {
        "SELECT \(unescaped: decisionColumns) FROM decisions WHERE comment_id = \(commentId) ORDER BY id DESC LIMIT 1"
    }

    /// The moderator's verdict a comment's state rests on: the newest approve or reject not undone.
    static func standingVerdict(_ commentId: Int64) -> PostgresQuery {
        """
        SELECT \(unescaped: decisionColumns) FROM decisions d
        WHERE d.comment_id = \(commentId) AND d.actor_kind = 'moderator' AND d.undoes IS NULL AND d.action IN ('approve', 'reject')
            AND NOT EXISTS (SELECT 1 FROM decisions u WHERE u.undoes = d.id)
        ORDER BY d.id DESC LIMIT 1
        """
    }

    /// The comment a moderator decides on, its row locked: decisions and claims on one comment
    /// take turns across every node.
    static func decidedComment(_ id: Int64) -> PostgresQuery {
        "SELECT article_id, status, flagged FROM comments WHERE id = \(id) FOR UPDATE"
    }

    /// ``comment(_:)`` and the author's id (column 13), for a moderator's view of it.
    static func queueComment(_ id: Int64) -> PostgresQuery {
        """
        SELECT c.id, c.article_id, c.parent_id, c.author_name, a.email, c.body, c.published_body, c.status,
               c.flagged, c.score, c.created_at, c.client_hash, c.campaign_id, c.author_id
        FROM comments c JOIN authors a ON a.id = c.author_id WHERE c.id = \(id)
        """
    }

    /// ``comment(_:)``'s columns, in a query on `comments` alone (a queue's selection).
    static let queueCommentColumns = """
        comments.id, comments.article_id, comments.parent_id, comments.author_name,
        (SELECT email FROM authors WHERE authors.id = comments.author_id), comments.body, comments.published_body,
        comments.status, comments.flagged, comments.score, comments.created_at, comments.client_hash, comments.campaign_id
        """

    /// A campaign's comments not rejected yet, oldest first.
    static func campaignComments(_ campaignId: Int64) -> PostgresQuery {
        """
        SELECT \(unescaped: queueCommentColumns) FROM comments WHERE campaign_id = \(campaignId) AND status <> 'rejected'
        ORDER BY id
        """
    }

    static let currentBans: PostgresQuery = """
        SELECT a.identity, a.name, x.moderator, x.reason, x.created_at
        FROM authors a JOIN author_actions x ON x.id = (SELECT max(y.id) FROM author_actions y WHERE y.author_id = a.id)
        WHERE a.standing = 'banned'
        ORDER BY x.id DESC
        """

    static func batch(_ id: Int64) -> PostgresQuery {
        "SELECT kind, moderator, description, created_at, undone_at, undone_by FROM batches WHERE id = \(id)"
    }

    /// The comments a batch decided, in the order it decided them.
    static func batchCommentIds(_ id: Int64) -> PostgresQuery {
        "SELECT comment_id FROM decisions WHERE batch_id = \(id) ORDER BY id"
    }

    /// The campaign feed: comments after an id, by the primary key (each author by its key too:
    /// a join could hash the whole authors table).
    static func feedComments(after id: Int64, limit: Int64) -> PostgresQuery {
        """
        SELECT c.id, c.article_id, (SELECT a.identity FROM authors a WHERE a.id = c.author_id), c.client_hash, c.body,
               c.campaign_id, c.created_at
        FROM comments c WHERE c.id > \(id) ORDER BY c.id LIMIT \(limit)
        """
    }

    static func reportedComment(_ id: Int64) -> PostgresQuery {
        "SELECT article_id FROM comments WHERE id = \(id) AND status = 'published' FOR UPDATE"
    }

    /// Open reports of a comment from distinct clients (for hiding after N).
    static func openReportClients(_ commentId: Int64) -> PostgresQuery {
        """
        SELECT count(DISTINCT coalesce(client_hash, 'report:' || id))::BIGINT FROM reports
        WHERE comment_id = \(commentId) AND resolved_at IS NULL
        """
    }

    static func campaignMember(_ id: Int64) -> PostgresQuery {
        "SELECT status, flagged, campaign_id FROM comments WHERE id = \(id) FOR UPDATE"
    }

    // A moderator's decisions, undos and claims (PostgresStore+Moderation).

    /// Another moderator's live claim on a comment.
    static func otherClaimant(_ commentId: Int64, besides moderator: String, at millis: Int64) -> PostgresQuery {
        "SELECT moderator FROM claims WHERE comment_id = \(commentId) AND expires_at > \(millis) AND moderator <> \(moderator)"
    }

    /// The decision that undid a decision, if any.
    static func undoOf(_ decisionId: Int64) -> PostgresQuery {
        "SELECT id FROM decisions WHERE undoes = \(decisionId)"
    }

    /// The state of a comment before a decision on it: the decision just before it.
    static func decisionBefore(_ decisionId: Int64, commentId: Int64) -> PostgresQuery {
        "SELECT status, action FROM decisions WHERE comment_id = \(commentId) AND id < \(decisionId) ORDER BY id DESC LIMIT 1"
    }

    /// A comment's open reports, resolved by a moderator's decision.
    static func resolveReports(of commentId: Int64, by decisionId: Int64, at millis: Int64) -> PostgresQuery {
        "UPDATE reports SET resolved_at = \(millis), resolved_by = \(decisionId) WHERE comment_id = \(commentId) AND resolved_at IS NULL"
    }

    /// The reports a decision resolved, open again when it is undone.
    static func reopenReports(resolvedBy decisionId: Int64) -> PostgresQuery {
        "UPDATE reports SET resolved_at = NULL, resolved_by = NULL WHERE resolved_by = \(decisionId)"
    }

    static func dropClaims(on commentId: Int64) -> PostgresQuery {
        "DELETE FROM claims WHERE comment_id = \(commentId)"
    }

    static func releaseClaim(_ commentId: Int64, of moderator: String) -> PostgresQuery {
        "DELETE FROM claims WHERE moderator = \(moderator) AND comment_id = \(commentId)"
    }

    /// A claim taken, or renewed by its holder, unless another moderator holds it unexpired;
    /// returns the holder when it was taken.
    static func takeClaim(_ commentId: Int64, by moderator: String, at millis: Int64, until expires: Int64) -> PostgresQuery {
        """
        INSERT INTO claims (comment_id, moderator, claimed_at, expires_at) VALUES (\(commentId), \(moderator), \(millis), \(expires))
        ON CONFLICT (comment_id) DO UPDATE SET moderator = excluded.moderator, claimed_at = excluded.claimed_at,
            expires_at = excluded.expires_at
        WHERE claims.moderator = excluded.moderator OR claims.expires_at <= \(millis)
        RETURNING moderator
        """
    }

    /// A moderator's unexpired claims extended (the review screen, while it is open).
    static func renewClaims(of moderator: String, at millis: Int64, until expires: Int64) -> PostgresQuery {
        "UPDATE claims SET expires_at = \(expires) WHERE moderator = \(moderator) AND expires_at > \(millis)"
    }

    /// A comment's whole thread, from its first comment down, in reading order (each reply after
    /// its parent, replies oldest first), at most `limit`; 50 levels up and down at most.
    static func thread(of commentId: Int64, limit: Int64) -> PostgresQuery {
        // Each level carries its comments' columns, read as the replies are found through
        // comments_by_parent: joined to the comments afterwards, the planner (before statistics)
        // would hash the whole table.
        """
        WITH RECURSIVE up(id, parent_id, hops) AS (
            SELECT id, parent_id, 0 FROM comments WHERE id = \(commentId)
            UNION ALL
            SELECT c.id, c.parent_id, up.hops + 1 FROM comments c JOIN up ON c.id = up.parent_id WHERE up.hops < 50
        ), thread AS (
            SELECT 0 AS depth, lpad(c.id::TEXT, 19, '0') AS path, c.id, c.article_id, c.parent_id, c.author_name, c.author_id,
                   c.body, c.published_body, c.status, c.flagged, c.score, c.created_at, c.client_hash, c.campaign_id
            FROM comments c WHERE c.id = (SELECT id FROM up ORDER BY hops DESC LIMIT 1)
            UNION ALL
            SELECT thread.depth + 1, thread.path || '/' || lpad(c.id::TEXT, 19, '0'), c.id, c.article_id, c.parent_id, c.author_name,
                   c.author_id, c.body, c.published_body, c.status, c.flagged, c.score, c.created_at, c.client_hash, c.campaign_id
            FROM comments c JOIN thread ON c.parent_id = thread.id
            WHERE c.parent_id IS NOT NULL AND thread.depth < 50
        )
        SELECT id, article_id, parent_id, author_name, (SELECT email FROM authors WHERE authors.id = thread.author_id), body,
               published_body, status, flagged, score, created_at, client_hash, campaign_id, depth::BIGINT
        FROM thread ORDER BY path LIMIT \(limit)
        """
    }

    /// An author's newest comments in any status, newest first.
    static func authorRecent(_ identity: String, limit: Int64) -> PostgresQuery {
        """
        SELECT \(unescaped: queueCommentColumns) FROM comments
        WHERE comments.author_id = (SELECT id FROM authors WHERE identity = \(identity))
        ORDER BY comments.id DESC LIMIT \(limit)
        """
    }

    static func releaseClaims(of moderator: String) -> PostgresQuery {
        "DELETE FROM claims WHERE moderator = \(moderator)"
    }

    // Bans (PostgresStore+Bans).

    /// An author's row, locked: bans, unbans and trust of one author take turns across nodes.
    static func lockedAuthor(_ identity: String) -> PostgresQuery {
        "SELECT id, standing FROM authors WHERE identity = \(identity) FOR UPDATE"
    }

    /// An author's held comments, locked, for a ban to reject.
    static func pendingOfAuthor(_ authorId: Int64) -> PostgresQuery {
        "SELECT id FROM comments WHERE author_id = \(authorId) AND status = 'pending' ORDER BY id FOR UPDATE"
    }

    /// Bans the addresses of an author's latest 200 comments (at most 20 of them).
    static func banRecentAddresses(of authorId: Int64, at millis: Int64, until expires: Int64) -> PostgresQuery {
        """
        INSERT INTO banned_clients (client_hash, author_id, created_at, expires_at)
        SELECT DISTINCT client_hash, \(authorId), \(millis), \(expires) FROM (
            SELECT client_hash FROM comments WHERE author_id = \(authorId) AND client_hash IS NOT NULL
            ORDER BY id DESC LIMIT 200) AS recent
        LIMIT 20
        ON CONFLICT (client_hash, author_id) DO UPDATE SET created_at = excluded.created_at, expires_at = excluded.expires_at
        """
    }

    /// The article of a comment while it is published (its page changes when a ban rejects it).
    static func publishedArticle(of commentId: Int64) -> PostgresQuery {
        "SELECT article_id FROM comments WHERE id = \(commentId) AND status = 'published'"
    }

    static func liftAddressBans(of authorId: Int64) -> PostgresQuery {
        "DELETE FROM banned_clients WHERE author_id = \(authorId)"
    }
}
