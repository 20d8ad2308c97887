import PostgresNIO
import SaringCore

/// A hot query's shape: its SQL text with placeholders, the same for every execution (the named
/// query in ``PostgresHotQueries`` binds every value; none is written into the text).
protocol PreparedShape {
    /// The statement's name on the connection (short: PostgreSQL keeps 63 bytes of a name).
    static var name: String { get }
    static var sql: String { get }
}

/// One of the hot queries run as a prepared statement: PostgreSQL parses and plans its shape once
/// per connection instead of for every comment or page. PostgresNIO prepares it on first use.
struct Prepared<Shape: PreparedShape>: PostgresPreparedStatement {
    typealias Row = PostgresRow
    static var name: String { Shape.name }
    static var sql: String { Shape.sql }

    let binds: PostgresBindings

    init(_ query: PostgresQuery) {
        assert(query.sql == Shape.sql, "\(Shape.self) runs another text than its shape")
        binds = query.binds
    }

    func makeBindings() -> PostgresBindings { binds }
    func decodeRow(_ row: PostgresRow) -> PostgresRow { row }
}

/// The shapes of the queries every comment or page runs, taken from the very functions that
/// build them (with placeholder values), so the text prepared is the text pinned by the plan tests.
enum PreparedShapes {
    enum ArticleState: PreparedShape {
        static let name = "saring_article_state"
        static let sql = PostgresHotQueries.articleStateRecordingNew("x", at: 0).sql
    }

    enum KnownAuthor: PreparedShape {
        static let name = "saring_known_author"
        static let sql = PostgresHotQueries.authorWithAddressBan("x", clientHash: nil, at: 0).sql
    }

    enum StoredComment: PreparedShape {
        static let name = "saring_store_comment"
        static let sql = PostgresHotQueries.storeComment(
            CommentDraft(articleId: "x", authorName: "x", authorEmail: nil, body: "x", parentId: nil),
            Verdict(status: .published, publishedBody: "x", policyVersion: "x"), authorId: 0, at: 0,
            policyVersionId: nil
        ).sql
    }

    enum RuleHit: PreparedShape {
        static let name = "saring_rule_hit"
        static let sql = PostgresHotQueries.ruleHit(
            SaringCore.RuleHit(ruleId: "x", category: "x", description: "x", action: .hold), commentId: 0, decisionId: 0
        ).sql
    }

    enum PageVersion: PreparedShape {
        static let name = "saring_page_version"
        static let sql = PostgresHotQueries.pageVersion("x").sql
    }

    enum PublishedPage: PreparedShape {
        static let name = "saring_published_page"
        static let sql = PostgresHotQueries.publishedPage(articleId: "x", afterId: 0, limit: 1).sql
    }
}
