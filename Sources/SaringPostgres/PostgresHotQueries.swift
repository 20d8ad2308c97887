import PostgresNIO

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

    static func articleState(_ articleId: String) -> PostgresQuery {
        "SELECT is_open, premoderated, brake_until FROM articles WHERE id = \(articleId)"
    }

    static func visibleParent(_ parentId: Int64, articleId: String) -> PostgresQuery {
        "SELECT 1::BIGINT FROM comments WHERE id = \(parentId) AND article_id = \(articleId) AND status = 'published'"
    }

    static func authorByIdentity(_ identity: String) -> PostgresQuery {
        "SELECT id, standing, name FROM authors WHERE identity = \(identity)"
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

    static func decisions(_ commentId: Int64) -> PostgresQuery {
        """
        SELECT id, comment_id, actor_kind, decided_by, action, status, reasons::text, created_at,
               batch_id, undoes, policy_version_id
        FROM decisions WHERE comment_id = \(commentId) ORDER BY id
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
}
