/// The queries every request runs, by name, so a test can pin their plans (`EXPLAIN QUERY PLAN`
/// on a database with thousands of rows): a query whose cost grows with the table is a bug.
enum HotQueries {
    /// An article's public page: the article's own published comments after a cursor, only the
    /// columns readers see, in the order ``SaringStore/publishedPage(articleId:afterId:limit:)``
    /// reads them.
    static let publishedPage = """
        SELECT id, parent_id, author_name, published_body, created_at FROM comments
        WHERE article_id = ? AND status = 'published' AND id > ?
        ORDER BY id LIMIT ?
        """

    /// An author's published comments on submit, counted up to the number first-comment
    /// premoderation reviews (the second argument): a prolific author must not cost more per comment.
    static let publishedByAuthor = """
        SELECT count(*) FROM (SELECT 1 FROM comments WHERE author_id = ? AND status = 'published' LIMIT ?)
        """

    /// An author's record on submit (id, standing, name: columns read by position).
    static let authorByIdentity = "SELECT id, standing, name FROM authors WHERE identity = ?"

    /// Whether the submitting address is under a ban of an anonymous author.
    static let addressBan = """
        SELECT a.name FROM banned_clients b JOIN authors a ON a.id = b.author_id
        WHERE b.client_hash = ? AND b.expires_at > ? LIMIT 1
        """

    static let articleState = "SELECT is_open, premoderated, brake_until FROM articles WHERE id = ?"

    static let visibleParent = "SELECT 1 FROM comments WHERE id = ? AND article_id = ? AND status = 'published'"

    /// Open reports of a comment from distinct clients (for hiding after N).
    static let openReportClients = """
        SELECT count(DISTINCT coalesce(client_hash, 'report:' || id)) FROM reports
        WHERE comment_id = ? AND resolved_at IS NULL
        """

    static let campaignComments = """
        SELECT \(SaringStore.commentColumns) FROM comments WHERE campaign_id = ? AND status <> 'rejected' ORDER BY id
        """

    /// `IS NOT NULL` spelled out: SQLite uses the partial index only when the query says so itself;
    /// no ORDER BY, which would lead it to walk the whole table in id order (the caller sorts).
    /// A ban of an anonymous author: the distinct addresses of its 200 newest comments, 20 at most.
    static let banAuthorAddresses = """
        INSERT OR REPLACE INTO banned_clients (client_hash, author_id, created_at, expires_at)
        SELECT DISTINCT client_hash, ?, ?, ? FROM (
            SELECT client_hash FROM comments WHERE author_id = ? AND client_hash IS NOT NULL
            ORDER BY id DESC LIMIT 200)
        LIMIT 20
        """

    static let liftAddressBans = "DELETE FROM banned_clients WHERE author_id = ?"

    static let brakedArticles = "SELECT id, brake_until FROM articles WHERE brake_until IS NOT NULL AND brake_until > ?"

    /// The newest decision on a comment.
    static let latestDecision = "SELECT * FROM decisions WHERE comment_id = ? ORDER BY id DESC LIMIT 1"

    /// The moderator's verdict a comment's state rests on: the newest approve or reject not undone.
    static let standingVerdict = """
        SELECT * FROM decisions d
        WHERE d.comment_id = ? AND d.actor_kind = 'moderator' AND d.undoes IS NULL AND d.action IN ('approve', 'reject')
            AND NOT EXISTS (SELECT 1 FROM decisions u WHERE u.undoes = d.id)
        ORDER BY d.id DESC LIMIT 1
        """

    /// The decisions of a batch, oldest first.
    static let batchDecisions = "SELECT * FROM decisions WHERE batch_id = ? ORDER BY id"

    /// The reports a decision resolved (reopened by its undo).
    static let reportsResolvedBy = "UPDATE reports SET resolved_at = NULL, resolved_by = NULL WHERE resolved_by = ?"
}

/// What a moderator opens beside a comment, and lists: run by a person, not per request, but
/// pinned with the hot queries all the same (a review screen runs them on a live site).
extension HotQueries {
    /// A thread: the root comment and its replies, depth-first in id order (the reply index).
    static let thread = """
        WITH RECURSIVE thread(id, depth, path) AS (
            SELECT id, 0, printf('%012d', id) FROM comments WHERE id = ?
            UNION ALL
            SELECT c.id, t.depth + 1, t.path || '/' || printf('%012d', c.id)
            FROM comments c JOIN thread t ON c.parent_id = t.id
            WHERE c.parent_id IS NOT NULL AND t.depth < 50
        )
        SELECT id, depth FROM thread ORDER BY path LIMIT ?
        """

    /// An author's newest comments, in any status.
    static let authorRecent = """
        SELECT \(SaringStore.commentColumns) FROM comments
        WHERE comments.author_id = (SELECT id FROM authors WHERE identity = ?)
        ORDER BY comments.id DESC LIMIT ?
        """
}

/// The list of bans, run by a person (`saring bans`), pinned with the hot queries all the same.
extension HotQueries {
    /// Current bans with the action that made each one: the banned authors through their partial
    /// index (its cost grows with the bans in force, not with authors or the action log), each with
    /// its newest action.
    static let currentBans = """
        SELECT a.identity, a.name, x.moderator, x.reason, x.created_at
        FROM authors a JOIN author_actions x ON x.id = (SELECT max(y.id) FROM author_actions y WHERE y.author_id = a.id)
        WHERE a.standing = 'banned'
        ORDER BY x.id DESC
        """
}

/// What `saring policy stats` reads over a time window (`created_at >= ?`): each through the
/// comments' time index to the rows of the window, whatever the table holds before it.
extension HotQueries {
    /// The version loaded last, without its files (stats need its rules; the files of the shipped
    /// folder, model included, are ~170 KB): `saring policy show` reads those.
    static let latestPolicyVersion = """
        SELECT id, version, '[]' AS files, rules, loaded_at, first_used_at, last_used_at FROM policy_versions
        ORDER BY loaded_at DESC, id DESC LIMIT 1
        """

    /// The rule hits on the window's comments.
    static let windowHits = """
        SELECT h.comment_id, h.rule_id, h.shadow, h.action, h.score, h.span_start IS NULL
        FROM comments c CROSS JOIN rule_hits h ON h.comment_id = c.id
        WHERE c.created_at >= ?
        """

    /// Moderators' approvals and rejections on the window's comments that still count (not undo
    /// entries, not undone), with their ids: a comment's newest one is its standing verdict. The
    /// comments lead (CROSS JOIN): ordered by decision id, SQLite walked every decision instead.
    static let windowVerdicts = """
        SELECT d.comment_id, d.action, d.id FROM comments c CROSS JOIN decisions d ON d.comment_id = c.id
        WHERE c.created_at >= ? AND d.actor_kind = 'moderator' AND d.undoes IS NULL AND d.action IN ('approve', 'reject')
            AND NOT EXISTS (SELECT 1 FROM decisions u WHERE u.undoes = d.id)
        """

    /// `policy train --from-db`: the window's moderator verdicts that stand (not undone), with the
    /// text, erased texts left out.
    static let moderatorLabels = """
        SELECT c.id, c.body, d.action, d.id FROM comments c CROSS JOIN decisions d ON d.comment_id = c.id
        WHERE c.created_at >= ? AND c.text_erased_at IS NULL AND d.actor_kind = 'moderator' AND d.undoes IS NULL
            AND d.action IN ('approve', 'reject') AND NOT EXISTS (SELECT 1 FROM decisions u WHERE u.undoes = d.id)
        """

    /// The window's comments: what grouping misses and suggesting rules read.
    static let windowComments = """
        SELECT c.id, c.status, c.flagged, c.author_id, c.author_name, c.campaign_id, c.body,
            (SELECT d.status FROM decisions d WHERE d.comment_id = c.id AND d.actor_kind = 'policy' ORDER BY d.id LIMIT 1)
        FROM comments c WHERE c.created_at >= ?
        """

    /// The rules' measured costs since a day (days since the epoch), through the table's key.
    static let ruleTimingsSince = """
        SELECT rule_id, sum(runs), sum(matches), sum(nanos) FROM rule_timings WHERE day >= ? GROUP BY rule_id
        """

    /// One chunk of the comments `saring policy replay` judges again, in id order after a cursor,
    /// with the author's e-mail and the article's premoderation.
    static let replayChunk = """
        SELECT c.id, c.article_id, c.author_id, c.author_name, a.email, c.body, c.created_at, a.identity, r.premoderated
        FROM comments c JOIN authors a ON a.id = c.author_id JOIN articles r ON r.id = c.article_id
        WHERE c.id > ? AND +c.created_at >= ?
        ORDER BY c.id LIMIT ?
        """

    /// The first comment of a replay's window, read off the window's own index entries: left to
    /// itself SQLite answered `min(id)` by walking the table in id order from its first row.
    static let replayFirstSince = "SELECT min(id) FROM comments INDEXED BY comments_by_created WHERE created_at >= ?"

    /// The same, for one article (through its own comments).
    static let replayArticleChunk = """
        SELECT c.id, c.article_id, c.author_id, c.author_name, a.email, c.body, c.created_at, a.identity, r.premoderated
        FROM comments c JOIN authors a ON a.id = c.author_id JOIN articles r ON r.id = c.article_id
        WHERE c.article_id = ? AND c.id > ? AND +c.created_at >= ?
        ORDER BY c.id LIMIT ?
        """

    /// An author's published comments before a comment, counted up to a cap (first-comment
    /// premoderation as it stood when the comment arrived).
    static let publishedByAuthorBefore = """
        SELECT count(*) FROM (SELECT 1 FROM comments WHERE author_id = ? AND status = 'published' AND id < ? LIMIT ?)
        """
}

