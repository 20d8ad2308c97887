// The PostgreSQL store's hot queries go through an index on a database with thousands of rows,
// before and after ANALYZE, as the SQLite ones do (QueryPlanTests): a sequential scan of a table
// means a cost that grows with it.
import Foundation
import PostgresNIO
import SaringCore
import SaringStore
import SaringTestSupport
import Testing

@testable import SaringPostgres

@Suite("Query plans of the PostgreSQL store's hot queries")
struct PostgresQueryPlanTests {
    /// 20,000 comments on 3,000 articles by 1,500 authors, mostly published, with decisions,
    /// 2,000 bulk rejections deciding the rejected comments, 2,000 readers' reports (most resolved, as on a site that has run a while) and
    /// 20,000 address bans (a small table would rightly be read whole), 1,000 moderators' claims
    /// on pending comments, written by the server
    /// itself (generate_series).
    static let seed = """
        INSERT INTO articles (id, created_at, updated_at, brake_until)
            SELECT 'berita-' || a, 1, 1, CASE WHEN a % 50 = 0 THEN 9999999999999 END FROM generate_series(0, 2999) a;
        INSERT INTO authors (identity, name, standing, created_at, updated_at)
            SELECT CASE WHEN u % 3 = 0 THEN 'user:' || u ELSE 'name:pembaca ' || u END, 'Pembaca ' || u,
                   CASE WHEN u % 97 = 0 THEN 'banned' ELSE 'normal' END, 1, 1
            FROM generate_series(0, 1499) u;
        INSERT INTO comments (article_id, author_id, author_name, body, published_body, status, flagged, score,
                              created_at, updated_at, client_hash)
            SELECT 'berita-' || (n % 3000), n % 1500 + 1, 'Pembaca ' || (n % 1500), 'komentar ' || n, 'komentar ' || n,
                   CASE WHEN n % 20 < 16 THEN 'published' WHEN n % 20 < 19 THEN 'pending' ELSE 'rejected' END,
                   n % 50 = 0, n % 13, n, n, 'hash' || (n % 700)
            FROM generate_series(1, 20000) n;
        INSERT INTO decisions (comment_id, actor_kind, decided_by, action, status, created_at)
            SELECT id, 'policy', 'v', 'publish', status, created_at FROM comments;
        INSERT INTO batches (kind, moderator, description, created_at)
            SELECT 'bulk-reject', 'moderator ' || (b % 7), 'bulk: pattern ' || b, b FROM generate_series(1, 2000) b;
        INSERT INTO decisions (comment_id, actor_kind, decided_by, action, status, created_at, batch_id)
            SELECT id, 'moderator', 'moderator ' || (id % 7), 'reject', 'rejected', created_at + 1, id % 2000 + 1
            FROM comments WHERE status = 'rejected';
        INSERT INTO banned_clients (client_hash, author_id, created_at, expires_at)
            SELECT 'hash' || h, h % 1500 + 1, 1, 9999999999999 FROM generate_series(0, 19999) h;
        INSERT INTO reports (comment_id, reason, created_at, client_hash, resolved_at)
            SELECT n, 'spam', n, 'hash' || (n % 40), CASE WHEN n % 60 <> 0 THEN n END FROM generate_series(10, 20000, 10) n;
        UPDATE reports SET resolved_by = comment_id WHERE resolved_at IS NOT NULL;
        INSERT INTO rule_hits (comment_id, decision_id, rule_id, category, action, score, field, span_start, span_end)
            SELECT c.id, (SELECT min(d.id) FROM decisions d WHERE d.comment_id = c.id), 'kasar.umpatan', 'kasar', 'hold', 0, 'body', 0, 4
            FROM comments c WHERE c.id % 4 = 0;
        INSERT INTO page_versions (article_id, version) SELECT 'berita-' || a, a % 7 + 1 FROM generate_series(0, 2999) a;
        INSERT INTO claims (comment_id, moderator, claimed_at, expires_at)
            SELECT id, 'moderator ' || (id % 200), 1, 9999999999999 FROM comments WHERE status = 'pending' AND id % 3 = 0;
        """

    static let queries: [(String, PostgresQuery)] = [
        ("article page", PostgresHotQueries.publishedPage(articleId: "berita-17", afterId: 0, limit: 51)),
        ("article page, later", PostgresHotQueries.publishedPage(articleId: "berita-17", afterId: 15_000, limit: 51)),
        ("article state", PostgresHotQueries.articleState("berita-17")),
        ("page version", PostgresHotQueries.pageVersion("berita-17")),
        ("article state, recording a new one", PostgresHotQueries.articleStateRecordingNew("berita-17", at: 5)),
        ("author with the address's ban", PostgresHotQueries.authorWithAddressBan("name:pembaca 17", clientHash: "hash14", at: 5)),
        ("visible parent", PostgresHotQueries.visibleParent(1_234, articleId: "berita-1234")),
        ("author by identity", PostgresHotQueries.authorByIdentity("name:pembaca 17")),
        ("published by author", PostgresHotQueries.publishedByAuthor(18, upTo: 3)),
        ("address ban", PostgresHotQueries.addressBan("hash14", at: 5)),
        ("comment", PostgresHotQueries.comment(4_321)),
        ("decisions of a comment", PostgresHotQueries.decisions(4_321)),
        ("campaign member", PostgresHotQueries.campaignMember(4_321)),
        ("reported comment", PostgresHotQueries.reportedComment(4_321)),
        ("open report clients", PostgresHotQueries.openReportClients(4_320)),
        ("decision by id", PostgresHotQueries.decision(4_321)),
        ("latest decision", PostgresHotQueries.latestDecision(4_321)),
        ("standing verdict", PostgresHotQueries.standingVerdict(4_321)),
        ("decided comment", PostgresHotQueries.decidedComment(4_321)),
        ("queue comment", PostgresHotQueries.queueComment(4_321)),
        ("campaign feed", PostgresHotQueries.feedComments(after: 19_000, limit: 1_000)),
        ("batch", PostgresHotQueries.batch(3)),
        ("comments of a batch", PostgresHotQueries.batchCommentIds(3)),
        ("other claimant", PostgresHotQueries.otherClaimant(4_323, besides: "moderator 1", at: 5)),
        ("undo of a decision", PostgresHotQueries.undoOf(4_321)),
        ("decision before", PostgresHotQueries.decisionBefore(20_500, commentId: 4_321)),
        ("resolve reports", PostgresHotQueries.resolveReports(of: 4_320, by: 4_321, at: 5)),
        ("reopen reports", PostgresHotQueries.reopenReports(resolvedBy: 4_320)),
        ("drop claims", PostgresHotQueries.dropClaims(on: 4_323)),
        ("release a claim", PostgresHotQueries.releaseClaim(4_323, of: "moderator 123")),
        ("release claims", PostgresHotQueries.releaseClaims(of: "moderator 123")),
        ("locked author", PostgresHotQueries.lockedAuthor("name:pembaca 17")),
        ("pending of an author", PostgresHotQueries.pendingOfAuthor(18)),
        ("ban recent addresses", PostgresHotQueries.banRecentAddresses(of: 18, at: 5, until: 10)),
        ("published article", PostgresHotQueries.publishedArticle(of: 4_321)),
        ("lift address bans", PostgresHotQueries.liftAddressBans(of: 18)),
        ("braked articles", PostgresHotQueries.brakedArticles(at: 5)),
        (
            "next unclaimed of a queue",
            PostgresStore.queueQuery(QueueFilter(kind: .pending), select: "comments.id", limit: 20, unclaimedFor: "moderator 3", at: 5, excluding: [5, 25])
        ),
        ("still in its queue", PostgresStore.queueQuery(QueueFilter(kind: .pending), select: "comments.id", limit: nil, only: 4_322, ordered: false)),
        ("renew claims", PostgresHotQueries.renewClaims(of: "moderator 123", at: 5, until: 10)),
        ("thread", PostgresHotQueries.thread(of: 4_321, limit: 200)),
        ("author's newest", PostgresHotQueries.authorRecent("name:pembaca 17", limit: 20)),
        ("export: first comment since", PostgresHotQueries.firstCommentSince(15_000)),
        ("export: a chunk", PostgresHotQueries.exportComments(ExportFilter(), after: 10_000, limit: 100)),
        (
            "export: a chunk, filtered",
            PostgresHotQueries.exportComments(ExportFilter(articleId: "berita-17", since: Date(timeIntervalSince1970: 1), statuses: [.rejected]), after: 10_000, limit: 100)
        ),
        ("export: decisions of a chunk", PostgresHotQueries.exportDecisions(from: 10_001, through: 10_100, of: Array(10_001...10_100))),
        ("export: decisions of a comment", PostgresHotQueries.exportDecisions(of: 10_017)),
        ("export: a batch", PostgresHotQueries.exportBatch(17)),
        ("retention: what to erase", PostgresHotQueries.rejectedToErase(before: 19_000, limit: 500)),
        ("retention: how many", PostgresHotQueries.rejectedToEraseCount(before: 19_000)),
        ("forget: the author", PostgresHotQueries.forgottenAuthor("name:pembaca 17")),
        ("forget: names shown", PostgresHotQueries.namesShown(ofAuthor: 18)),
        ("forget: address hashes", PostgresHotQueries.addressHashes(ofAuthor: 18)),
        ("forget: reports from an address", PostgresHotQueries.forgetReportsFrom("hash14")),
        ("forget: texts still there", PostgresHotQueries.unerasedComments(ofAuthor: 18)),
        ("tuning: the window's comments", PostgresHotQueries.windowComments(since: 19_500)),
        ("tuning: the window's hits", PostgresHotQueries.windowHits(since: 19_500)),
        ("tuning: the window's verdicts", PostgresHotQueries.windowVerdicts(since: 19_500)),
        ("training: the moderators' labels", PostgresHotQueries.moderatorLabels(since: 19_500)),
        ("replay: a chunk", PostgresHotQueries.replayChunk(after: 10_000, since: Int64.min, articleId: nil, count: 4096, firstComments: 3)),
        ("replay: a chunk of a window", PostgresHotQueries.replayChunk(after: 19_000, since: 19_001, articleId: nil, count: 4096, firstComments: 0)),
        (
            "replay: a chunk of an article",
            PostgresHotQueries.replayChunk(after: 0, since: Int64.min, articleId: "berita-17", count: 4096, firstComments: 3)
        ),
        ("replay: the newest", PostgresHotQueries.replayNewest(after: 0, since: Int64.min, articleId: nil, limit: 500)),
        ("replay: the newest of an article", PostgresHotQueries.replayNewest(after: 0, since: Int64.min, articleId: "berita-17", limit: 3)),
        ("queue count: pending", PostgresStore.queueQuery(QueueFilter(kind: .pending), select: "count(*)::BIGINT", limit: nil, ordered: false)),
        (
            "queue count: pending without the skipped",
            PostgresStore.queueQuery(QueueFilter(kind: .pending), select: "count(*)::BIGINT", limit: nil, excluding: [5, 25, 45], ordered: false)
        ),
        (
            "queue count: pending of an article",
            PostgresStore.queueQuery(QueueFilter(kind: .pending, articleId: "berita-17"), select: "count(*)::BIGINT", limit: nil, ordered: false)
        ),
    ] + queues.map { name, filter in ("queue: \(name)", PostgresStore.queueQuery(filter, select: "comments.id", limit: 51)) }
        + QueueKind.allCases.map { ("queue depth: \($0)", PostgresStore.queueDepthQuery($0, cap: 10_000)) }

    /// Queries an index scan alone does not vouch for: walking the primary key in order with a
    /// filter also "uses an index", over the whole table.
    static let requiredIndexes = [
        "comments of a batch": "decisions_by_batch",
        "page version": "page_versions_pkey",
        "author with the address's ban": "banned_clients_pkey",
        "campaign feed": "comments_pkey",
        "other claimant": "claims_pkey",
        "undo of a decision": "decisions_undone_once",
        "decision before": "decisions_by_comment",
        "resolve reports": "reports_open",
        "reopen reports": "reports_by_resolving_decision",
        "drop claims": "claims_pkey",
        "release claims": "claims_by_moderator",
        "pending of an author": "comments_by_author",
        "ban recent addresses": "comments_by_author",
        "lift address bans": "banned_clients_by_author",
        "braked articles": "articles_braked",
        "renew claims": "claims_by_moderator",
        "thread": "comments_by_parent",
        "author's newest": "comments_by_author",
        "export: first comment since": "comments_by_created",
        "export: decisions of a chunk": "decisions_by_comment",
        "export: decisions of a comment": "decisions_by_comment",
        "retention: what to erase": "comments_rejected_unerased",
        "tuning: the window's comments": "comments_by_created",
        "tuning: the window's hits": "comments_by_created",
        "tuning: the window's verdicts": "comments_by_created",
        "training: the moderators' labels": "comments_by_created",
        "retention: how many": "comments_rejected_unerased",
        "replay: a chunk": "comments_by_author",
        "replay: a chunk of a window": "comments_pkey",
        "replay: a chunk of an article": "comments_by_article_status",
        "replay: the newest": "comments_pkey",
        "replay: the newest of an article": "comments_by_article_status",
        "forget: names shown": "comments_by_author",
        "forget: address hashes": "comments_by_author",
        "forget: reports from an address": "reports_by_client",
        "forget: texts still there": "comments_by_author",
    ]

    /// Queries held to their index only once the table has statistics: without them the planner
    /// takes a third of the rows to pass a range condition (a third of all articles braked, when 2%
    /// are; a third of the comments newer than `--since` or in a tuning window) and rightly reads a
    /// small table whole.
    /// Autovacuum analyzes a table as it grows, and these run per command, not per request.
    static let plannedWithStatisticsOnly: Set<String> = [
        "braked articles", "export: first comment since", "tuning: the window's comments", "tuning: the window's hits",
        "tuning: the window's verdicts", "training: the moderators' labels",
    ]

    /// What moderators list: each queue's first page, and with the filters the API takes.
    static let queues: [(String, QueueFilter)] = {
        var cursor = QueueFilter(kind: .pending)
        cursor.afterId = 15_000
        var rejectedCursor = QueueFilter(kind: .rejected)
        rejectedCursor.afterId = 5_000
        return [
            ("pending", QueueFilter(kind: .pending)), ("flagged", QueueFilter(kind: .flagged)),
            ("reported", QueueFilter(kind: .reported)), ("rejected", QueueFilter(kind: .rejected)),
            ("pending of an article", QueueFilter(kind: .pending, articleId: "berita-17")),
            ("pending of an author", QueueFilter(kind: .pending, authorIdentity: "name:pembaca 17")),
            ("pending by score", QueueFilter(kind: .pending, byScore: true)),
            ("pending after a cursor", cursor), ("rejected after a cursor", rejectedCursor),
        ]
    }()

    @Test func everyHotQueryUsesAnIndexBeforeAndAfterAnalyze() async throws {
        try await PostgresScratch.withDatabase { (url: String) in
            let store = PostgresStore(address: try PostgresAddress(url))
            try await store.migrate()
            // autovacuum off for these tables, so "before ANALYZE" stays without statistics.
            for table in ["articles", "authors", "comments", "decisions", "banned_clients", "batches", "reports", "claims", "rule_hits", "page_versions"] {
                try PostgresScratch.psql(url, "ALTER TABLE \(table) SET (autovacuum_enabled = false)")
            }
            try PostgresScratch.psql(url, Self.seed)
            for analyzed in [false, true] {
                if analyzed { try PostgresScratch.psql(url, "ANALYZE") }
                for (name, query) in Self.queries where analyzed || !Self.plannedWithStatisticsOnly.contains(name) {
                    let plan = try await Self.explain(store, query)
                    #expect(!plan.contains("Seq Scan"), "\(name) (\(analyzed ? "after" : "before") ANALYZE) scans a table:\n\(plan)")
                    #expect(plan.contains("Index"), "\(name): \(plan)")
                    if let index = Self.requiredIndexes[name] {
                        #expect(plan.contains(index), "\(name) (\(analyzed ? "after" : "before") ANALYZE) does not use \(index):\n\(plan)")
                    }
                }
            }
            await store.close()
        }
    }

    static func explain(_ store: PostgresStore, _ query: PostgresQuery) async throws -> String {
        let rows = try await store.client.query(PostgresQuery(unsafeSQL: "EXPLAIN " + query.sql, binds: query.binds))
        var lines: [String] = []
        for try await line in rows.decode(String.self) { lines.append(line) }
        return lines.joined(separator: "\n")
    }
}
