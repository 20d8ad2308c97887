import Foundation
import GRDB
import SaringCore
import Testing

@testable import SaringStore

/// Every hot query's plan, pinned on a database with thousands of rows, before and after
/// `ANALYZE` (a fresh site has no statistics; an old one may): each must go through an index to
/// the rows it needs. A full scan of a table (`SCAN comments`) means its cost grows with the
/// table, which is a bug however fast it is today.
@Suite("Query plans of the hot queries")
struct QueryPlanTests {
    /// 6,000 comments on 300 articles by 1,500 authors, mostly published, with pending, flagged,
    /// rejected, reported and campaign comments, address bans and braked articles.
    static func database() async throws -> SaringStore {
        let store = try SaringStore(path: MigrationTests.temporaryDatabase())
        try store.migrate()
        try await store.writer.write { db in
            for a in 0..<300 {
                try db.execute(
                    sql: "INSERT INTO articles (id, created_at, updated_at, brake_until) VALUES (?, 1, 1, ?)",
                    arguments: ["berita-\(a)", a % 50 == 0 ? 9_999_999_999_999 : nil])
            }
            for u in 0..<1_500 {
                try db.execute(
                    sql: "INSERT INTO authors (identity, name, standing, created_at, updated_at) VALUES (?, ?, ?, 1, 1)",
                    arguments: [u % 3 == 0 ? "user:\(u)" : "name:pembaca \(u)", "Pembaca \(u)", u % 97 == 0 ? "banned" : "normal"])
            }
            for n in 1...6_000 {
                let status = n % 20 < 16 ? "published" : n % 20 < 19 ? "pending" : "rejected"
                try db.execute(
                    sql: """
                        INSERT INTO comments (article_id, author_id, author_name, body, published_body, status, flagged, score,
                                              created_at, updated_at, client_hash, campaign_id)
                        VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
                        """,
                    arguments: [
                        "berita-\(n % 300)", n % 1_500 + 1, "Pembaca \(n % 1_500)", "komentar \(n)", "komentar \(n)", status,
                        n % 50 == 0, Double(n % 13), n, n, "hash\(n % 700)", n % 100 == 0 ? n / 1_000 * 1_000 + 100 : nil,
                    ])
                try db.execute(
                    sql: "INSERT INTO decisions (comment_id, actor_kind, decided_by, action, status, created_at) VALUES (?, 'policy', 'v', 'publish', ?, ?)",
                    arguments: [n, status, n])
                if n % 30 == 0 {
                    try db.execute(
                        sql: "INSERT INTO reports (comment_id, reason, created_at, client_hash, resolved_at) VALUES (?, 'spam', ?, ?, ?)",
                        arguments: [n, n, "hash\(n % 40)", n % 60 == 0 ? n : nil])
                }
            }
            // Moderators' decisions, some in batches, some undone.
            try db.execute(sql: "INSERT INTO batches (kind, moderator, description, created_at) VALUES ('bulk-reject', 'ana', 'spam', 1)")
            for n in stride(from: 7, through: 6_000, by: 25) {
                try db.execute(
                    sql: "INSERT INTO decisions (comment_id, actor_kind, decided_by, action, status, created_at, batch_id) VALUES (?, 'moderator', 'ana', 'reject', 'rejected', ?, ?)",
                    arguments: [n, n, n % 2 == 0 ? 1 : nil])
                if n % 3 == 0 {
                    try db.execute(
                        sql: "INSERT INTO decisions (comment_id, actor_kind, decided_by, action, status, created_at, undoes) VALUES (?, 'moderator', 'ana', 'hold', 'pending', ?, ?)",
                        arguments: [n, n, db.lastInsertedRowID])
                }
            }
            try db.execute(
                sql: "INSERT INTO policy_versions (version, files, rules, loaded_at) VALUES ('v', '[]', '[]', 1), ('w', '[]', '[]', 2)")
            for n in stride(from: 1, through: 6_000, by: 3) {
                try db.execute(
                    sql: "INSERT INTO rule_hits (comment_id, decision_id, rule_id, category, action, field, span_start, span_end) VALUES (?, ?, ?, 'judol', 'hold', 'body', 0, 4)",
                    arguments: [n, n, "rule.\(n % 40)"])
            }
            for day in 0..<400 {
                for rule in 0..<40 {
                    try db.execute(
                        sql: "INSERT INTO rule_timings (day, rule_id, version_id, runs, matches, nanos) VALUES (?, ?, 1, 10, 1, 5000)",
                        arguments: [day, "rule.\(rule)"])
                }
            }
            for u in stride(from: 0, to: 1_500, by: 97) {
                try db.execute(
                    sql: "INSERT INTO banned_clients (client_hash, author_id, created_at, expires_at) VALUES (?, ?, 1, 9999999999999)",
                    arguments: ["hash\(u % 700)", u + 1])
            }
        }
        return store
    }

    /// The hot queries, with what each plan must show (`a|b`: either), and the scans allowed: only
    /// of a partial index that holds exactly the queue asked for, of a recursive query's own rows,
    /// or (for the list of bans, named as such) of the moderators' action log.
    static var queries: [(name: String, sql: String, uses: [String], scans: [String])] {
        func queue(_ filter: QueueFilter, moderator: String? = nil, excluding: Set<Int64> = []) -> String {
            SaringStore.queueQuery(filter, select: "comments.id", now: 1, moderator: moderator, excluding: excluding).0 + " LIMIT 50"
        }
        func count(_ filter: QueueFilter, excluding: Set<Int64> = []) -> String {
            SaringStore.queueQuery(filter, select: "count(*)", now: 1, moderator: nil, excluding: excluding, ordered: false).0
        }
        return [
            ("article page", HotQueries.publishedPage, ["comments_by_article_status (article_id=? AND status=? AND id>?)"], []),
            ("published by author", HotQueries.publishedByAuthor, ["comments_by_author (author_id=? AND status=?)"], []),
            ("author by identity", HotQueries.authorByIdentity, ["(identity=?)"], []),
            ("address ban", HotQueries.addressBan, ["PRIMARY KEY (client_hash=?)"], []),
            ("article state", HotQueries.articleState, ["PRIMARY KEY (id=?)"], []),
            ("visible parent", HotQueries.visibleParent, ["(rowid=?)|(id=?)"], []),
            ("open report clients", HotQueries.openReportClients, ["(comment_id=?)"], []),
            ("campaign comments", HotQueries.campaignComments, ["comments_by_campaign (campaign_id=?)"], []),
            ("braked articles", HotQueries.brakedArticles, ["articles_braked (brake_until>?)"], []),
            ("ban an author's addresses", HotQueries.banAuthorAddresses, ["(author_id=?"], []),
            ("lift address bans", HotQueries.liftAddressBans, ["banned_clients_by_author (author_id=?)"], []),
            ("pending queue", queue(QueueFilter(kind: .pending)), ["comments_by_status (status=?)"], []),
            ("pending queue by score", queue(QueueFilter(kind: .pending, byScore: true)), ["comments_by_status_score (status=?)"], []),
            ("flagged queue", queue(QueueFilter(kind: .flagged)), ["comments_flagged_queue (flagged=? AND status=?)"], []),
            ("reported queue", queue(QueueFilter(kind: .reported)), ["(rowid=?)|(id=?)", "reports_open"], ["reports_open"]),
            ("claim next", queue(QueueFilter(kind: .pending), moderator: "ana"), ["comments_by_status (status=?)", "claims"], []),
            ("latest decision", HotQueries.latestDecision, ["decisions_by_comment (comment_id=?)"], []),
            ("standing verdict", HotQueries.standingVerdict, ["decisions_by_comment (comment_id=?)", "decisions_undone_once (undoes=?)"], []),
            ("batch decisions", HotQueries.batchDecisions, ["decisions_by_batch (batch_id=?)"], []),
            ("reports resolved by", HotQueries.reportsResolvedBy, ["reports_by_resolving_decision (resolved_by=?)"], []),
            ("rejected queue", queue(QueueFilter(kind: .rejected)), ["comments_by_status (status=?)"], []),
            ("rejected queue by score", queue(QueueFilter(kind: .rejected, byScore: true)), ["comments_by_status_score (status=?)"], []),
            ("rejected queue count", count(QueueFilter(kind: .rejected)), ["(status=?)"], []),
            (
                "an author's pending comments", queue(QueueFilter(kind: .pending, authorIdentity: "name:pembaca 7")),
                ["comments_by_author (author_id=? AND status=?)|comments_by_status (status=?)", "(identity=?)"], []
            ),
            (
                "an author's rejected comments", queue(QueueFilter(kind: .rejected, authorIdentity: "name:pembaca 7")),
                ["comments_by_author (author_id=? AND status=?)|comments_by_status (status=?)", "(identity=?)"], []
            ),
            (
                "an author's reported comments", queue(QueueFilter(kind: .reported, authorIdentity: "name:pembaca 7")),
                ["(identity=?)"], ["reports_open"]
            ),
            (
                "what is left without the skipped", count(QueueFilter(kind: .pending), excluding: [5, 25, 45]),
                ["(status=?)"], []
            ),
            ("a comment's thread", HotQueries.thread, ["comments_by_parent (parent_id=?)"], ["thread", "t"]),
            ("an author's newest comments", HotQueries.authorRecent, ["comments_by_author (author_id=?)", "(identity=?)"], []),
            ("current bans", HotQueries.currentBans, ["authors_banned", "author_actions_by_author (author_id=?)"], ["authors_banned"]),
            ("export", DataQueries.exportComments(article: false, since: false, statuses: 0), ["(rowid>?)", "a USING", "au USING"], []),
            (
                "export of an article, since, by status", DataQueries.exportComments(article: true, since: true, statuses: 2),
                ["(rowid>?)", "a USING", "au USING"], []
            ),
            ("export: the first comment since", DataQueries.firstCommentSince, ["comments_by_created (created_at>?)"], []),
            ("export: a comment's decisions", DataQueries.exportDecisions, ["decisions_by_comment (comment_id=?)"], []),
            ("export: a decision's batch", DataQueries.exportBatch, ["(rowid=?)"], []),
            ("retention: what to erase", DataQueries.rejectedToErase, ["comments_rejected_unerased (status=? AND updated_at<?)"], []),
            ("retention: how many", DataQueries.rejectedToEraseCount, ["comments_rejected_unerased (status=? AND updated_at<?)"], []),
            ("forget: an author's addresses", DataQueries.authorHashes, ["(author_id=?)", "banned_clients_by_author (author_id=?)"], []),
            ("forget: reports from an address", DataQueries.forgetReportsFrom, ["reports_by_client (client_hash=?)"], []),
            // The metrics' queue depths, read every few seconds: bounded counts through each queue's index.
            ("pending depth", SaringStore.queueDepthQuery(.pending), ["(status=?)|comments_pending_by_score"], ["comments_pending_by_score"]),
            ("flagged depth", SaringStore.queueDepthQuery(.flagged), ["comments_flagged"], ["comments_flagged_published", "comments_flagged"]),
            ("reported depth", SaringStore.queueDepthQuery(.reported), ["reports_open"], ["reports_open", "reports_open_by_comment"]),
            ("rejected depth", SaringStore.queueDepthQuery(.rejected), ["(status=?)"], []),
            // `saring policy stats` and `suggest`: a window of comments through their time index.
            ("window hits", HotQueries.windowHits, ["comments_by_created (created_at>?)", "rule_hits_by_comment (comment_id=?)"], []),
            (
                "window verdicts", HotQueries.windowVerdicts,
                ["comments_by_created (created_at>?)", "decisions_by_comment (comment_id=?)", "decisions_undone_once (undoes=?)"], []
            ),
            (
                "training labels", HotQueries.moderatorLabels,
                ["comments_by_created (created_at>?)", "decisions_by_comment (comment_id=?)", "decisions_undone_once (undoes=?)"], []
            ),
            ("window comments", HotQueries.windowComments, ["comments_by_created (created_at>?)", "decisions_by_comment (comment_id=?)"], []),
            ("rule timings since", HotQueries.ruleTimingsSince, ["PRIMARY KEY (day>?)"], []),
            ("latest policy version", HotQueries.latestPolicyVersion, ["policy_versions_by_loaded"], ["policy_versions_by_loaded"]),
            // `saring policy replay`: chunks in id order after a cursor, for the whole table or one article.
            ("replay chunk", HotQueries.replayChunk, ["(rowid>?)", "(rowid=?)|(id=?)", "PRIMARY KEY (id=?)"], []),
            ("replay article chunk", HotQueries.replayArticleChunk, ["(article_id=?", "(rowid=?)|(id=?)", "PRIMARY KEY (id=?)"], []),
            ("replay window start", HotQueries.replayFirstSince, ["comments_by_created (created_at>?)"], []),
            ("published before", HotQueries.publishedByAuthorBefore, ["comments_by_author (author_id=? AND status=? AND rowid<?)"], []),
        ]
    }

    static func plan(_ store: SaringStore, _ sql: String) async throws -> [String] {
        try await store.read { db in
            // Placeholders are bound to NULL: the plan depends on the SQL, not on the values.
            let count = sql.filter { $0 == "?" }.count
            return try Row.fetchAll(
                db, sql: "EXPLAIN QUERY PLAN " + sql, arguments: StatementArguments(Array(repeating: nil as String?, count: count))
            ).map { $0["detail"] }
        }
    }

    static func check(_ store: SaringStore, statistics: String) async throws {
        for query in Self.queries {
            let details = try await Self.plan(store, query.sql)
            for needed in query.uses {
                let choices = needed.split(separator: "|").map(String.init)
                #expect(details.contains { detail in choices.contains { detail.contains($0) } }, "\(query.name) (\(statistics)): \(details)")
            }
            let scans = details.filter { detail in
                detail.hasPrefix("SCAN ") && !detail.contains("(subquery") && !detail.contains("CONSTANT ROW")
                    && !query.scans.contains {
                        detail.hasSuffix("USING INDEX \($0)") || detail.hasSuffix("USING COVERING INDEX \($0)") || detail == "SCAN \($0)"
                    }
            }
            #expect(scans.isEmpty, "\(query.name) (\(statistics)) scans a table: \(details)")
        }
    }

    @Test func everyHotQueryUsesAnIndexWithoutStatistics() async throws {
        try await Self.check(try await Self.database(), statistics: "no statistics")
    }

    @Test func everyHotQueryUsesAnIndexAfterAnalyze() async throws {
        let store = try await Self.database()
        try await store.writer.write { db in try db.execute(sql: "ANALYZE") }
        try await Self.check(store, statistics: "after ANALYZE")
    }

    /// An export walks the table in id order and never sorts: its memory stays constant however
    /// many comments it writes.
    @Test func theExportNeverSorts() async throws {
        let store = try await Self.database()
        for (article, since, statuses) in [(false, false, 0), (true, false, 0), (false, true, 1), (true, true, 3)] {
            let details = try await Self.plan(store, DataQueries.exportComments(article: article, since: since, statuses: statuses))
            #expect(!details.contains { $0.contains("TEMP B-TREE") }, "\(details)")
        }
    }

    @Test func queueDepthsAreExactUnderTheirCapAndStopAtIt() async throws {
        let store = try await Self.database()
        let exact = try await store.queueDepths(cap: 10_000)
        #expect(exact[.pending] == 900 && exact[.rejected] == 300, "\(exact)")
        #expect(exact[.pending] == (try await store.queueCount(QueueFilter(kind: .pending))))
        #expect(exact[.reported] == (try await store.queueCount(QueueFilter(kind: .reported))))
        #expect(exact[.flagged] == (try await store.queueCount(QueueFilter(kind: .flagged))))
        let capped = try await store.queueDepths(cap: 100)
        #expect(capped[.pending] == 100 && capped[.rejected] == 100)
    }

    /// The page that was the bug: served from the article's own rows whatever else the table holds.
    @Test func theArticlePageReadsOnlyItsOwnArticle() async throws {
        let store = try await Self.database()
        let page = try await store.publishedPage(articleId: "berita-7", afterId: nil, limit: 50)
        let expected = (1...6_000).filter { $0 % 300 == 7 && $0 % 20 < 16 }.prefix(50).map(Int64.init)
        #expect(page.comments.map(\.id) == Array(expected))
        #expect(page.comments.allSatisfy { $0.body == "komentar \($0.id)" && $0.authorName == "Pembaca \($0.id % 1_500)" })
    }
}
