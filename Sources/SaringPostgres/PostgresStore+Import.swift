import Dispatch
import Foundation
import Logging
import PostgresNIO
import SaringCore
import SaringStore
import Synchronization

// `saring import` on PostgreSQL: the same checks, ids and links as on SQLite (SaringCore's
// Importer), in one transaction on one connection: all or nothing.
extension PostgresStore: ImportStore {
    /// Stores every item `next` yields in one transaction, as ``SaringStore/importItems(judge:next:)``
    /// does on SQLite: into an empty database the file's ids are kept (and the id sequences moved
    /// past them), into a non-empty one every comment, decision and batch takes a new id.
    /// - Throws: ``ImportError`` naming the item; nothing is stored.
    public func importAll(judge: ImportJudge?, next: @escaping () throws -> ImportItem?) async throws -> ImportSummary {
        let millis = Timestamp.millis(now())
        let logger = logger
        let work = Unshared((judge, next))
        return try await client.withConnection { connection in
            try await connection.query("BEGIN", logger: logger)
            do {
                // The importer is synchronous (the SQLite store runs it inside its write); here it
                // runs on a thread of its own, waiting on each statement, so no task thread blocks.
                let summary = try await Self.onThreadOfItsOwn {
                    let (judge, next) = work.value
                    return try Importer.run(
                        into: PostgresImportRows(connection: connection, logger: logger), millis: millis, judge: judge, next: next
                    ) { error in
                        (error as? PSQLError).map(PostgresStore.describe)
                    }
                }
                for table in ["comments", "decisions", "batches"] {
                    // Past the kept ids, and never back from what other nodes have taken meanwhile.
                    try await connection.query(
                        PostgresQuery(
                            unsafeSQL: """
                                SELECT setval(pg_get_serial_sequence('\(table)', 'id'),
                                    greatest((SELECT coalesce(max(id), 0) FROM \(table)),
                                             coalesce(pg_sequence_last_value(pg_get_serial_sequence('\(table)', 'id')::regclass), 0)) + 1, false)
                                """), logger: logger)
                }
                try await connection.query(PostgresHotQueries.bumpNotedPages, logger: logger)
                try await connection.query("COMMIT", logger: logger)
                return summary
            } catch {
                _ = try? await connection.query("ROLLBACK", logger: logger)
                throw error
            }
        }
    }

    private static func onThreadOfItsOwn<T: Sendable>(_ body: @escaping @Sendable () throws -> T) async throws -> T {
        try await withCheckedThrowingContinuation { continuation in
            let thread = Thread { continuation.resume(with: Result { try body() }) }
            thread.stackSize = 8 << 20
            thread.start()
        }
    }
}

/// An import's rows on PostgreSQL, each statement awaited from the importer's own thread.
struct PostgresImportRows: ImportRows {
    let connection: PostgresConnection
    let logger: Logger
    /// Set by ``isEmpty()``: an id the file does not give then follows the highest stored one, as
    /// SQLite's rowid does, instead of a sequence that has not moved past the kept ids yet.
    var keptIds = false

    /// Waits for `query` and returns its rows.
    private func rows(_ query: PostgresQuery) throws -> [PostgresRow] {
        let (connection, logger) = (connection, logger)
        let done = DispatchSemaphore(value: 0)
        let outcome = Mutex<Result<[PostgresRow], any Error>?>(nil)
        Task {
            let result: Result<[PostgresRow], any Error>
            do {
                var rows: [PostgresRow] = []
                for try await row in try await connection.query(query, logger: logger) { rows.append(row) }
                result = .success(rows)
            } catch {
                result = .failure(error)
            }
            outcome.withLock { $0 = result }
            done.signal()
        }
        done.wait()
        return try outcome.withLock { $0! }.get()
    }

    private func id(_ query: PostgresQuery) throws -> Int64 {
        guard let row = try rows(query).first else { throw Importer<Self>.Problem(message: "the database gave no id") }
        return try row.decode(Int64.self)
    }

    /// The id a row is stored with: the file's, else the next after the highest when ids are kept
    /// (as SQLite's rowid), else the sequence's. A number or SQL of ours, never text from the file.
    private func idSQL(_ id: Int64?, _ table: String) -> String {
        if let id { return String(id) }
        return keptIds ? "(SELECT coalesce(max(id), 0) + 1 FROM \(table))" : "DEFAULT"
    }

    mutating func isEmpty() throws -> Bool {
        keptIds = try rows(
            "SELECT NOT EXISTS (SELECT 1 FROM comments) AND NOT EXISTS (SELECT 1 FROM decisions) AND NOT EXISTS (SELECT 1 FROM batches)"
        ).first?.decode(Bool.self) ?? false
        return keptIds
    }

    func insertArticle(_ article: ExportRecord.ArticleRecord, at millis: Int64) throws -> Bool {
        try !rows(
            """
            INSERT INTO articles (id, title, url, section, is_open, premoderated, created_at, updated_at)
            VALUES (\(article.id), \(article.title), \(article.url), \(article.section), \(article.open), \(article.premoderated), \(millis), \(millis))
            ON CONFLICT (id) DO NOTHING RETURNING 1::BIGINT
            """
        ).isEmpty
    }

    func author(identity: String) throws -> (id: Int64, standing: String)? {
        try rows(PostgresHotQueries.authorByIdentity(identity)).first.map { row in
            let (id, standing, _) = try row.decode((Int64, String, String).self)
            return (id, standing)
        }
    }

    func insertAuthor(_ author: ExportRecord.AuthorRecord, at millis: Int64) throws -> Int64 {
        try id(
            """
            INSERT INTO authors (identity, name, email, standing, created_at, updated_at)
            VALUES (\(author.identity), \(author.name), \(author.email), \(author.standing), \(millis), \(millis)) RETURNING id
            """)
    }

    func insertComment(_ row: ImportedComment) throws -> Int64 {
        try id(
            """
            INSERT INTO comments (id, article_id, parent_id, author_id, author_name, body, published_body, status, flagged, score,
                                  created_at, updated_at, campaign_id, text_erased_at)
            VALUES (\(unescaped: idSQL(row.id, "comments")), \(row.articleId), \(row.parentId), \(row.authorId), \(row.authorName),
                    \(row.body), \(row.publishedBody), \(row.status.rawValue), \(row.flagged), \(row.score), \(row.createdAt),
                    \(row.updatedAt), \(row.campaignId), \(row.textErasedAt))
            RETURNING id
            """)
    }

    func insertDecision(_ row: ImportedDecision) throws -> Int64 {
        try id(
            """
            INSERT INTO decisions (id, comment_id, actor_kind, decided_by, action, status, reasons, created_at, batch_id, undoes)
            VALUES (\(unescaped: idSQL(row.id, "decisions")), \(row.commentId), \(row.actor), \(row.by), \(row.action), \(row.status),
                    \(JSONWriter.stringArray(row.reasons))::jsonb, \(row.at), \(row.batchId), \(row.undoes))
            RETURNING id
            """)
    }

    func insertHit(_ hit: RuleHit, commentId: Int64, decisionId: Int64) throws {
        let (spanStart, spanEnd) = (hit.span.map { Int64($0.lowerBound) }, hit.span.map { Int64($0.upperBound) })
        _ = try rows(
            """
            INSERT INTO rule_hits (comment_id, decision_id, rule_id, category, action, score, field, span_start, span_end, shadow, description)
            VALUES (\(commentId), \(decisionId), \(hit.ruleId), \(hit.category), \(hit.action.rawValue), \(hit.score),
                    \(hit.field.rawValue), \(spanStart), \(spanEnd), \(hit.shadow), \(hit.description))
            """)
    }

    func insertBatch(_ row: ImportedBatch, authorId: Int64?) throws -> Int64 {
        try id(
            """
            INSERT INTO batches (id, kind, moderator, description, author_id, previous_standing, created_at, undone_at, undone_by)
            VALUES (\(unescaped: idSQL(row.id, "batches")), \(row.kind), \(row.by), \(row.description), \(authorId),
                    \(row.previousStanding), \(row.createdAt), \(row.undoneAt), \(row.undoneBy))
            RETURNING id
            """)
    }
}
