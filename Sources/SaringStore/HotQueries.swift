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
}
