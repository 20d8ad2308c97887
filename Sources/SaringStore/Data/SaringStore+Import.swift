import Foundation
import GRDB
import SaringCore

/// What `saring import` loads into: every item of a file in one transaction.
public protocol ImportStore: Sendable {
    /// ``SaringStore/importItems(judge:next:)``, on whichever database the store keeps.
    func importAll(judge: ImportJudge?, next: @escaping () throws -> ImportItem?) async throws -> ImportSummary
}

extension SaringStore: ImportStore {
    public func importAll(judge: ImportJudge?, next: @escaping () throws -> ImportItem?) async throws -> ImportSummary {
        try importItems(judge: judge, next: next)
    }
}

extension SaringStore {
    /// Stores every item `next` yields in one write transaction: all or nothing. The first item
    /// refused (by its checks, by the schema, or thrown by `next` itself) rolls everything back.
    ///
    /// Into an empty database (no comment, decision or batch) the file's ids are kept, so an export
    /// of it gives the same lines; into a non-empty one every comment, decision and batch gets a new
    /// id and the file's links (parentId, undoes, batches, campaignId) are rewritten to them.
    ///
    /// - Parameters:
    ///   - judge: when given, each comment is judged again: it takes the verdict's status, masked
    ///     text and score, and a policy decision with its rule hits follows the file's history.
    ///   - next: the next item, nil at the end; throws ``ImportError`` for a bad one.
    /// - Throws: ``ImportError`` naming the item.
    public func importItems(judge: ImportJudge? = nil, next: () throws -> ImportItem?) throws -> ImportSummary {
        let millis = Timestamp.millis(now())
        return try writer.write { db in
            try Importer.run(into: SQLiteImportRows(db: db), millis: millis, judge: judge, next: next) { error in
                (error as? DatabaseError).map { $0.message ?? "\($0)" }
            }
        }
    }
}

/// An import's rows in SQLite, through prepared statements (`run`, `firstRow`): parsing the SQL
/// again for each of a million comments cost more than storing them.
struct SQLiteImportRows: ImportRows {
    let db: Database

    func isEmpty() throws -> Bool {
        try Bool.fetchOne(
            db, sql: "SELECT NOT EXISTS (SELECT 1 FROM comments) AND NOT EXISTS (SELECT 1 FROM decisions) AND NOT EXISTS (SELECT 1 FROM batches)")
            ?? false
    }

    func insertArticle(_ article: ExportRecord.ArticleRecord, at millis: Int64) throws -> Bool {
        try db.run("""
                INSERT INTO articles (id, title, url, section, is_open, premoderated, created_at, updated_at)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?) ON CONFLICT(id) DO NOTHING
                """,
            [article.id, article.title, article.url, article.section, article.open, article.premoderated, millis, millis])
        return db.changesCount > 0
    }

    func author(identity: String) throws -> (id: Int64, standing: String)? {
        try db.firstRow("SELECT id, standing FROM authors WHERE identity = ?", [identity]).map { ($0[0], $0[1]) }
    }

    func insertAuthor(_ author: ExportRecord.AuthorRecord, at millis: Int64) throws -> Int64 {
        try db.run("INSERT INTO authors (identity, name, email, standing, created_at, updated_at) VALUES (?, ?, ?, ?, ?, ?)",
            [author.identity, author.name, author.email, author.standing, millis, millis])
        return db.lastInsertedRowID
    }

    func insertComment(_ row: ImportedComment) throws -> Int64 {
        try db.run("""
                INSERT INTO comments (id, article_id, parent_id, author_id, author_name, body, published_body, status, flagged,
                                      score, created_at, updated_at, campaign_id, text_erased_at)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
                """,
            [
                row.id, row.articleId, row.parentId, row.authorId, row.authorName, row.body, row.publishedBody, row.status.rawValue,
                row.flagged, row.score, row.createdAt, row.updatedAt, row.campaignId, row.textErasedAt,
            ])
        return db.lastInsertedRowID
    }

    func insertDecision(_ row: ImportedDecision) throws -> Int64 {
        try db.run("""
                INSERT INTO decisions (id, comment_id, actor_kind, decided_by, action, status, reasons, created_at, batch_id, undoes)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
                """,
            [
                row.id, row.commentId, row.actor, row.by, row.action, row.status, JSONWriter.stringArray(row.reasons), row.at, row.batchId,
                row.undoes,
            ])
        return db.lastInsertedRowID
    }

    func insertHit(_ hit: RuleHit, commentId: Int64, decisionId: Int64) throws {
        try db.run("""
                INSERT INTO rule_hits (comment_id, decision_id, rule_id, category, action, score, field,
                                       span_start, span_end, shadow, description)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
                """,
            [
                commentId, decisionId, hit.ruleId, hit.category, hit.action, hit.score, hit.field, hit.span?.lowerBound,
                hit.span?.upperBound, hit.shadow, hit.description,
            ])
    }

    func insertBatch(_ row: ImportedBatch, authorId: Int64?) throws -> Int64 {
        try db.run("""
                INSERT INTO batches (id, kind, moderator, description, author_id, previous_standing, created_at, undone_at, undone_by)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)
                """,
            [row.id, row.kind, row.by, row.description, authorId, row.previousStanding, row.createdAt, row.undoneAt, row.undoneBy])
        return db.lastInsertedRowID
    }
}
