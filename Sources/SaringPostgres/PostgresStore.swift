import Foundation
import Logging
import PostgresNIO
import SaringCore
import SaringStore
import Synchronization

/// Saring's data on PostgreSQL, for several `saring serve` processes on one database. The same
/// behaviours as the SQLite store (``SaringStore``) behind the same ``CommentStore`` methods, with
/// the same schema written in PostgreSQL's terms (`Migrations/postgresql/`).
///
/// One instance per process: it owns a pool of connections (``PostgresClient``), which runs until
/// ``close()``.
public final class PostgresStore: CommentStore {
    let client: PostgresClient
    let address: PostgresAddress
    let logger: Logger
    let now: @Sendable () -> Date
    /// One transaction at a time per node. Four at once were faster (505–547 POST/s against 374)
    /// but failed whole batches when two of them met the same new article or author at once:
    /// that needs retrying the batch on a serialization or unique conflict first.
    let submissions = GroupCommit<(CommentDraft, Verdict), Comment>()
    /// How long a request waits for a connection (the server away, the pool exhausted) before
    /// ``StoreError/busy``: the HTTP answer is then 503 with Retry-After, not a hang.
    let waitLimit: Duration
    /// Takes from the shared rate-limit buckets, counted for their sweep.
    let rateTakes = Atomic<Int>(0)
    /// The rows of the policy versions this node recorded, by content hash, for its decisions.
    let policyVersionIds = Mutex<[String: Int64]>([:])
    private let running: Task<Void, Never>

    /// Connects lazily: the first query opens the first connection.
    ///
    /// - Parameters:
    ///   - maximumConnections: the pool's size (each node holds at most this many).
    ///   - waitLimit: how long a request waits for a connection before ``StoreError/busy``.
    ///   - now: the clock, injectable for tests.
    public init(
        address: PostgresAddress, maximumConnections: Int = 16, waitLimit: Duration = .seconds(10),
        now: @escaping @Sendable () -> Date = { Date() }, logger: Logger = Logger(label: "saring.postgres")
    ) {
        var configuration = PostgresClient.Configuration(
            host: address.host, port: address.port, username: address.user, password: address.password,
            database: address.database, tls: Self.tls(address.tls))
        configuration.options.maximumConnections = maximumConnections
        configuration.options.connectTimeout = .seconds(10)
        self.address = address
        self.waitLimit = waitLimit
        self.logger = logger
        self.now = now
        let client = PostgresClient(configuration: configuration, backgroundLogger: logger)
        self.client = client
        running = Task { await client.run() }
    }

    deinit { running.cancel() }

    /// Closes every connection; the store answers nothing afterwards.
    public func close() async {
        running.cancel()
        _ = await running.value
    }

    /// Runs `body` on the store and closes it before returning, whether `body` returned or threw
    /// (a close left to a detached task may not run before a command's process exits).
    public func closing<T>(after body: (PostgresStore) async throws -> T) async throws -> T {
        do {
            let result = try await body(self)
            await close()
            return result
        } catch {
            await close()
            throw error
        }
    }

    /// Migrates the database, runs `body` on the store, and closes it whether `body` returned or threw.
    public func migrated<T>(_ body: (PostgresStore) async throws -> T) async throws -> T {
        try await closing { store in
            try await store.migrate()
            return try await body(store)
        }
    }

    private static func tls(_ mode: PostgresAddress.TLSMode) -> PostgresClient.Configuration.TLS {
        switch mode {
        case .disable: .disable
        case .prefer: .prefer(.makeClientConfiguration())
        case .require: .require(.makeClientConfiguration())
        }
    }

    /// Whether the database answers a trivial read within `timeout` (the pool waits for a
    /// connection as long as the server is away; a health check must not).
    public func isReachable() async -> Bool {
        await Self.first(within: .seconds(3), otherwise: false) {
            (try? await self.scalar("SELECT count(*)::BIGINT FROM saring_migrations", as: Int64.self)) != nil
        }
    }

    /// Opens one connection of its own and says why it cannot, in the server's words (no such
    /// database, password refused, nothing listening), or nil when it can. The pool retries a
    /// failing connection without end; an operator starting a node needs the reason at once.
    public func connectionProblem() async -> String? {
        let address = address
        var configuration = PostgresConnection.Configuration(
            host: address.host, port: address.port, username: address.user, password: address.password,
            database: address.database, tls: .disable)
        configuration.options.connectTimeout = .seconds(10)
        do {
            switch address.tls {
            case .disable: break
            case .prefer: configuration.tls = .prefer(try NIOSSLContext(configuration: .makeClientConfiguration()))
            case .require: configuration.tls = .require(try NIOSSLContext(configuration: .makeClientConfiguration()))
            }
            let connection = try await PostgresConnection.connect(configuration: configuration, id: 0, logger: logger)
            try? await connection.close()
            return nil
        } catch {
            return Self.describe(error)
        }
    }

    /// What `body` gives within `timeout`, else `fallback` (and `body` is cancelled).
    static func first<T: Sendable>(within timeout: Duration, otherwise fallback: T, _ body: @escaping @Sendable () async -> T) async -> T {
        await withTaskGroup(of: T.self) { group in
            group.addTask { await body() }
            group.addTask {
                try? await Task.sleep(for: timeout)
                return fallback
            }
            let answer = await group.next() ?? fallback
            group.cancelAll()
            return answer
        }
    }

    /// Runs one transaction on a leased connection. Only the wait for the connection is bounded
    /// (``waitLimit``, then ``StoreError/busy``): once a transaction has begun it is never cut
    /// short, so a comment answered "not stored" was never committed.
    ///
    /// Its last statement bumps the page versions of the articles it changed what readers see of
    /// (``PostgresHotQueries/bumpNotedPages``); `pages: false` leaves it out of transactions that
    /// never touch comments (rate limits).
    func transaction<T: Sendable>(pages: Bool = true, _ body: @escaping @Sendable (PostgresConnection) async throws -> T) async throws -> T {
        let lease = Lease()
        let client = client
        let logger = logger
        let waitLimit = waitLimit
        return try await withThrowingTaskGroup(of: T?.self) { group in
            group.addTask {
                try await Self.unwrapped {
                    try await client.withTransaction(logger: logger) { connection in
                        let mine = lease.state.withLock { state in
                            guard state == .waiting else { return false }
                            state = .leased
                            return true
                        }
                        guard mine else { throw StoreError.busy }
                        let result = try await body(connection)
                        if pages { try await connection.query(PostgresHotQueries.bumpNotedPages, logger: logger) }
                        return result
                    }
                }
            }
            group.addTask {
                try await Task.sleep(for: waitLimit)
                let gaveUp = lease.state.withLock { state in
                    guard state == .waiting else { return false }
                    state = .gaveUp
                    return true
                }
                if gaveUp { throw StoreError.busy }
                return nil
            }
            while let result = try await group.next() {
                if let result {
                    group.cancelAll()
                    return result
                }
            }
            throw StoreError.busy
        }
    }

    /// PostgresNIO wraps what a transaction's closure throws; the store's own refusals
    /// (``StoreError``) come out as they went in, so callers can tell a closed article from a
    /// lost connection. A failed commit or rollback stays wrapped: whether it committed is unknown.
    static func unwrapped<T>(_ body: () async throws -> T) async throws -> T {
        do {
            return try await body()
        } catch let error as PostgresTransactionError where error.commitError == nil && error.rollbackError == nil {
            if let closureError = error.closureError { throw closureError }
            throw error
        }
    }

    /// Whether the transaction got its connection in time; decided once, under a lock.
    private final class Lease: Sendable {
        enum State { case waiting, leased, gaveUp }
        let state = Mutex(State.waiting)
    }

    /// Runs `body` (one statement: a read, or an idempotent write) within ``waitLimit``, else
    /// ``StoreError/busy``.
    func bounded<T: Sendable>(_ body: @escaping @Sendable () async throws -> T) async throws -> T {
        let waitLimit = waitLimit
        return try await withThrowingTaskGroup(of: T?.self) { group in
            group.addTask { try await body() }
            group.addTask {
                try await Task.sleep(for: waitLimit)
                return nil
            }
            let first = try await group.next()!
            group.cancelAll()
            guard let first else { throw StoreError.busy }
            return first
        }
    }

    /// The first column of the first row of `query`, or nil.
    func scalar<T: PostgresDecodable & Sendable>(_ query: PostgresQuery, as type: T.Type) async throws -> T? {
        let rows = try await client.query(query, logger: logger)
        var result: T? = nil
        var found = false
        for try await row in rows where !found {
            result = try row.decode(T.self)
            found = true
        }
        return result
    }
}

// Each answer within the wait limit (``bounded(_:)``): a database that is away answers 503, not a hang.
extension PostgresStore {
    public func saveArticle(_ article: Article) async throws -> Article {
        try await bounded { try await self.saveArticleNow(article) }
    }

    public func article(id: String) async throws -> Article? {
        try await bounded { try await self.articleNow(id: id) }
    }

    public func publishedPage(articleId: String, afterId: Int64?, limit: Int) async throws -> CommentPage {
        try await bounded { try await self.publishedPageNow(articleId: articleId, afterId: afterId, limit: limit) }
    }

    public func comment(id: Int64) async throws -> Comment? {
        try await bounded { try await self.commentNow(id: id) }
    }

    public func decisions(commentId: Int64) async throws -> [Decision] {
        try await bounded { try await self.decisionsNow(commentId: commentId) }
    }

    @discardableResult
    public func report(commentId: Int64, reason: String, clientHash: String?, hideAfter: Int) async throws -> String? {
        try await transaction { db in
            try await Self.report(db, commentId: commentId, reason: reason, clientHash: clientHash, hideAfter: hideAfter, at: Timestamp.millis(self.now()), logger: self.logger)
        }
    }

    public func openReports(commentId: Int64) async throws -> [String] {
        try await bounded { try await self.openReportsNow(commentId: commentId) }
    }

    public func engageBrake(articleId: String, until: Date) async throws {
        try await bounded { try await self.engageBrakeNow(articleId: articleId, until: until) }
    }

    public func commentCounts() async throws -> [CommentStatus: Int] {
        try await bounded { try await self.commentCountsNow() }
    }
}

extension PostgresStore {
    private func saveArticleNow(_ article: Article) async throws -> Article {
        let millis = Timestamp.millis(now())
        try await client.query(
            """
            INSERT INTO articles (id, title, url, section, is_open, premoderated, created_at, updated_at)
            VALUES (\(article.id), \(article.title), \(article.url), \(article.section), \(article.isOpen),
                    \(article.premoderated), \(millis), \(millis))
            ON CONFLICT (id) DO UPDATE SET title = excluded.title, url = excluded.url, section = excluded.section,
                is_open = excluded.is_open, premoderated = excluded.premoderated, updated_at = excluded.updated_at
            """, logger: logger)
        return article
    }

    private func articleNow(id: String) async throws -> Article? {
        let rows = try await client.query(
            "SELECT id, title, url, section, is_open, premoderated FROM articles WHERE id = \(id)", logger: logger)
        for try await (id, title, url, section, isOpen, premoderated) in rows.decode(
            (String, String?, String?, String?, Bool, Bool).self)
        {
            return Article(id: id, title: title, url: url, section: section, isOpen: isOpen, premoderated: premoderated)
        }
        return nil
    }

    private func publishedPageNow(articleId: String, afterId: Int64?, limit: Int) async throws -> CommentPage {
        let rows = try await client.execute(
            Prepared<PreparedShapes.PublishedPage>(
                PostgresHotQueries.publishedPage(articleId: articleId, afterId: afterId ?? 0, limit: Int64(limit + 1))),
            logger: logger)
        var comments: [PublishedComment] = []
        comments.reserveCapacity(limit)
        var more = false
        for try await (id, parentId, name, body, created) in rows.decode((Int64, Int64?, String, String, Int64).self) {
            guard comments.count < limit else {
                more = true
                continue
            }
            comments.append(PublishedComment(id: id, parentId: parentId, authorName: name, body: body, createdAt: Timestamp.date(created)))
        }
        return CommentPage(comments: comments, nextAfterId: more ? comments.last?.id : nil)
    }

    private func commentNow(id: Int64) async throws -> Comment? {
        for try await row in try await client.query(PostgresHotQueries.comment(id), logger: logger) { return try Self.comment(from: row) }
        return nil
    }

    private func decisionsNow(commentId: Int64) async throws -> [Decision] {
        var result: [Decision] = []
        for try await row in try await client.query(PostgresHotQueries.decisions(commentId), logger: logger) {
            result.append(try Self.decision(from: row))
        }
        return result
    }

    private func engageBrakeNow(articleId: String, until: Date) async throws {
        try await client.query(
            "UPDATE articles SET brake_until = \(Timestamp.millis(until)) WHERE id = \(articleId)", logger: logger)
    }

    private func commentCountsNow() async throws -> [CommentStatus: Int] {
        let rows = try await client.query("SELECT status, count(*)::BIGINT FROM comments GROUP BY status", logger: logger)
        var counts: [CommentStatus: Int] = [:]
        for try await (status, count) in rows.decode((String, Int64).self) {
            if let status = CommentStatus(rawValue: status) { counts[status] = Int(count) }
        }
        return counts
    }
}

extension PostgresStore {
    /// As the SQLite store: published comments only (readers see no others), a client's repeated
    /// reports of one comment count once, and after `hideAfter` distinct clients the comment is
    /// held (a decision of the system) until a moderator decides. The comment's row is locked
    /// first, so two nodes counting reports at once cannot both miss the threshold.
    static func report(
        _ db: PostgresConnection, commentId: Int64, reason: String, clientHash: String?, hideAfter: Int, at millis: Int64, logger: Logger
    ) async throws -> String? {
        guard
            let articleId = try await first(
                db.query(PostgresHotQueries.reportedComment(commentId), logger: logger),
                as: String.self)
        else { throw StoreError.commentNotFound(id: commentId) }
        let inserted = try await first(
            db.query(
                """
                INSERT INTO reports (comment_id, reason, created_at, client_hash) VALUES (\(commentId), \(reason), \(millis), \(clientHash))
                ON CONFLICT DO NOTHING RETURNING id
                """, logger: logger), as: Int64.self)
        guard hideAfter > 0, inserted != nil else { return nil }
        let clients = try await first(
            db.query(PostgresHotQueries.openReportClients(commentId), logger: logger), as: Int64.self) ?? 0
        guard clients >= Int64(hideAfter) else { return nil }
        try await db.query("UPDATE comments SET status = 'pending', updated_at = \(millis) WHERE id = \(commentId)", logger: logger)
        _ = try await appendDecision(
            db, commentId: commentId, actor: .system, decidedBy: "reports", action: .hold, status: .pending,
            reasons: ["hidden after reports from \(clients) different readers; waits for a moderator"], at: millis, logger: logger)
        return articleId
    }

    private func openReportsNow(commentId: Int64) async throws -> [String] {
        let rows = try await client.query(
            "SELECT reason FROM reports WHERE comment_id = \(commentId) AND resolved_at IS NULL ORDER BY id", logger: logger)
        var reasons: [String] = []
        for try await reason in rows.decode(String.self) { reasons.append(reason) }
        return reasons
    }
}

extension PostgresStore: PageVersions {
    public func pageVersion(of articleId: String) async throws -> Int64 {
        try await bounded {
            let rows = try await self.client.execute(Prepared<PreparedShapes.PageVersion>(PostgresHotQueries.pageVersion(articleId)), logger: self.logger)
            return try await Self.first(rows, as: Int64.self) ?? 0
        }
    }
}
