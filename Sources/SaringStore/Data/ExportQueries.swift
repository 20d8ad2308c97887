/// The SQL of export, import, forgetting and retention, by name, so the query-plan tests pin
/// each one (see `HotQueries`).
enum DataQueries {
    /// Every column of an export line but the decisions, in id order (parents before replies).
    /// The table is walked by rowid: an index on `article_id` or `created_at` would need a sort of
    /// everything selected, and the export must run in constant memory on any database. The `+`
    /// keeps the planner off those indexes; `since` starts the walk at the first comment that new.
    static func exportComments(article: Bool, since: Bool, statuses: Int) -> String {
        var conditions = ["c.id > ?"]
        if article { conditions.append("+c.article_id = ?") }
        if since { conditions.append("c.created_at >= ?") }
        if statuses > 0 { conditions.append("+c.status IN (\(Array(repeating: "?", count: statuses).joined(separator: ", ")))") }
        return """
            SELECT c.id, c.parent_id, c.article_id, a.title, a.url, a.section, a.is_open, a.premoderated,
                   au.identity, au.name, au.email, au.standing, c.author_name, c.body, c.published_body, c.status,
                   c.flagged, c.score, c.campaign_id, c.created_at, c.updated_at, c.text_erased_at
            FROM comments c JOIN articles a ON a.id = c.article_id JOIN authors au ON au.id = c.author_id
            WHERE \(conditions.joined(separator: " AND ")) ORDER BY c.id
            """
    }

    /// The first comment created at or after a time: where an export `--since` starts its walk.
    /// Left alone, SQLite answers `min(id)` by walking the table from id 1 until a row is new
    /// enough; the index reads only the comments that new.
    static let firstCommentSince = "SELECT min(id) FROM comments INDEXED BY comments_by_created WHERE created_at >= ?"

    /// One comment's decision history.
    static let exportDecisions = """
        SELECT id, actor_kind, decided_by, action, status, reasons, created_at, undoes, batch_id
        FROM decisions WHERE comment_id = ? ORDER BY id
        """

    /// A batch a decision belongs to. (Joined to the decisions, a tiny batches table after ANALYZE
    /// was scanned for every decision.)
    static let exportBatch = """
        SELECT id, kind, moderator, description, previous_standing, created_at, undone_at, undone_by FROM batches WHERE id = ?
        """

    /// Rejected comments whose text is still there, last decided before a time (retention).
    static let rejectedToErase = """
        SELECT id FROM comments WHERE status = 'rejected' AND text_erased_at IS NULL AND updated_at < ?
        ORDER BY updated_at LIMIT ?
        """

    /// How many comments retention would erase.
    static let rejectedToEraseCount = """
        SELECT count(*), min(updated_at) FROM comments WHERE status = 'rejected' AND text_erased_at IS NULL AND updated_at < ?
        """

    /// The address hashes an author's comments came from and their address bans hold.
    static let authorHashes = """
        SELECT client_hash FROM comments WHERE author_id = ? AND client_hash IS NOT NULL
        UNION SELECT client_hash FROM banned_clients WHERE author_id = ?
        """

    /// Reports made from one address.
    static let forgetReportsFrom = "UPDATE reports SET client_hash = NULL WHERE client_hash = ?"
}
