import Foundation
import GRDB
import SaringCore

/// The state of one import: the ids given so far to the file's comments, decisions and batches.
/// Statements are kept prepared (`run`, `firstRow`): parsing the SQL again for each of a
/// million comments cost more than storing them.
struct Importer {
    struct Problem: Error { let message: String }

    let db: Database
    let millis: Int64
    let judge: ImportJudge?
    var summary = ImportSummary()
    var comments: [Int64: (id: Int64, articleId: String)] = [:]
    var decisions: [Int64: Int64] = [:]
    var batches: [Int64: Int64] = [:]
    var articles: Set<String> = []

    init(db: Database, millis: Int64, judge: ImportJudge?) {
        self.db = db
        self.millis = millis
        self.judge = judge
    }

    mutating func article(_ article: ExportRecord.ArticleRecord) throws {
        guard !articles.contains(article.id) else { return }
        do { try ArticleID.validate(article.id) } catch { throw Problem(message: "article.id: \(error.message)") }
        try text(article.title, "article.title", most: 500)
        try text(article.url, "article.url", most: 2000)
        try text(article.section, "article.section", most: 200)
        try db.run("""
                INSERT INTO articles (id, title, url, section, is_open, premoderated, created_at, updated_at)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?) ON CONFLICT(id) DO NOTHING
                """,
            [article.id, article.title, article.url, article.section, article.open, article.premoderated, millis, millis])
        if db.changesCount > 0 { summary.articlesCreated += 1 }
        articles.insert(article.id)
    }

    mutating func comment(_ record: ExportRecord) throws {
        try article(record.article)
        guard comments[record.id] == nil else { throw Problem(message: "comment id \(record.id) appears twice in the file") }
        guard let status = CommentStatus(rawValue: record.status) else {
            throw Problem(message: "status must be published, pending or rejected, got '\(record.status)'")
        }
        try name(record.authorName, "authorName")
        try body(record.body, "body")
        if record.textErasedAt == nil { try body(record.publishedBody, "publishedBody") }
        guard record.score.isFinite else { throw Problem(message: "score must be a number") }
        let created = try time(record.createdAt, "createdAt")
        var updated = try time(record.updatedAt, "updatedAt")
        let erased = try record.textErasedAt.map { try time($0, "textErasedAt") }
        var parent: Int64? = nil
        if let parentId = record.parentId {
            guard let known = comments[parentId] else {
                throw Problem(message: "parentId \(parentId) is not a comment earlier in the file")
            }
            guard known.articleId == record.article.id else {
                throw Problem(message: "parentId \(parentId) is a comment of another article (\(known.articleId))")
            }
            parent = known.id
        }
        let (authorId, standing) = try author(record.author)

        var final = (status: status, publishedBody: record.publishedBody, flagged: record.flagged, score: record.score)
        var verdict: Verdict? = nil
        if let judge, erased == nil {
            let identity = record.author.identity
            let draft = CommentDraft(
                articleId: record.article.id, authorName: record.authorName, authorEmail: record.author.email, body: record.body,
                parentId: parent, verifiedUserId: identity.hasPrefix("user:") ? String(identity.dropFirst(5)) : nil)
            let judged = judge(draft, standing)
            if judged.status != status { summary.changedByJudge += 1 }
            final = (judged.status, judged.publishedBody, judged.flagged, judged.score)
            verdict = judged
            // Decided now: retention counts from the decision, not from the file's last change.
            updated = millis
        }
        let campaign: Int64? = summary.keptIds ? record.campaignId : record.campaignId.flatMap { comments[$0]?.id }
        try db.run("""
                INSERT INTO comments (id, article_id, parent_id, author_id, author_name, body, published_body, status, flagged,
                                      score, created_at, updated_at, campaign_id, text_erased_at)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
                """,
            [
                summary.keptIds ? record.id : nil, record.article.id, parent, authorId, record.authorName, record.body,
                final.publishedBody, final.status.rawValue, final.flagged, final.score, created, updated, campaign, erased,
            ])
        let commentId = db.lastInsertedRowID
        comments[record.id] = (commentId, record.article.id)
        for entry in record.decisions { try decision(entry, commentId: commentId, authorId: authorId) }
        if record.decisions.isEmpty, verdict == nil {
            try insertDecision(
                commentId: commentId, actor: "system", by: "import",
                action: DecisionAction(status: status, flagged: record.flagged).rawValue,
                status: status.rawValue, reasons: ["imported"], at: millis)
        }
        if let verdict {
            let decisionId = try insertDecision(
                commentId: commentId, actor: "policy", by: verdict.policyVersion, action: verdict.action.rawValue,
                status: verdict.status.rawValue, reasons: ["judged on import"] + verdict.reasons, at: millis)
            for hit in verdict.hits {
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
        }
        summary.comments += 1
    }

    /// The author's id and standing: the one of that identity already stored, else a new one.
    mutating func author(_ author: ExportRecord.AuthorRecord) throws -> (Int64, AuthorStanding) {
        let prefixes = ["user:", "email:", "name:", "forgotten:"]
        guard let prefix = prefixes.first(where: { author.identity.hasPrefix($0) }), author.identity.count > prefix.count,
            !author.identity.unicodeScalars.contains(where: { $0.properties.generalCategory == .control }),
            author.identity.unicodeScalars.count <= 300
        else {
            throw Problem(message: "author.identity must be user:ID, email:ADDRESS, name:NAME or forgotten:N, got '\(author.identity)'")
        }
        guard let standing = AuthorStanding(rawValue: author.standing) else {
            throw Problem(message: "author.standing must be normal, trusted or banned, got '\(author.standing)'")
        }
        try name(author.name, "author.name")
        try text(author.email, "author.email", most: 254)
        if let row = try db.firstRow("SELECT id, standing FROM authors WHERE identity = ?", [author.identity]) {
            return (row[0], AuthorStanding(rawValue: row[1]) ?? .normal)
        }
        try db.run("INSERT INTO authors (identity, name, email, standing, created_at, updated_at) VALUES (?, ?, ?, ?, ?, ?)",
            [author.identity, author.name, author.email, standing.rawValue, millis, millis])
        summary.authorsCreated += 1
        return (db.lastInsertedRowID, standing)
    }

    mutating func decision(_ entry: ExportRecord.DecisionRecord, commentId: Int64, authorId: Int64) throws {
        guard Decision.Actor(rawValue: entry.actor) != nil else {
            throw Problem(message: "decision \(entry.id): actor must be policy, moderator or system, got '\(entry.actor)'")
        }
        guard DecisionAction(rawValue: entry.action) != nil else {
            throw Problem(message: "decision \(entry.id): unknown action '\(entry.action)'")
        }
        guard CommentStatus(rawValue: entry.status) != nil else {
            throw Problem(message: "decision \(entry.id): status must be published, pending or rejected, got '\(entry.status)'")
        }
        guard decisions[entry.id] == nil else { throw Problem(message: "decision id \(entry.id) appears twice in the file") }
        let at = try time(entry.at, "decision \(entry.id) at")
        var undoes: Int64? = nil
        if let undone = entry.undoes {
            guard let known = decisions[undone] else {
                throw Problem(message: "decision \(entry.id) undoes \(undone), which is not a decision earlier in the file")
            }
            undoes = known
        }
        var batchId: Int64? = nil
        if let batch = entry.batch { batchId = try self.batch(batch, authorId: authorId) }
        // With a judge, policy decisions take new ids between the file's: the file's are not kept.
        decisions[entry.id] = try insertDecision(
            id: summary.keptIds && judge == nil ? entry.id : nil, commentId: commentId, actor: entry.actor, by: entry.by,
            action: entry.action,
            status: entry.status, reasons: entry.reasons, at: at, batchId: batchId, undoes: undoes)
    }

    mutating func batch(_ batch: ExportRecord.BatchRecord, authorId: Int64) throws -> Int64 {
        if let known = batches[batch.id] { return known }
        guard batch.kind == "ban" || batch.kind == "bulk-reject" else {
            throw Problem(message: "batch \(batch.id): kind must be ban or bulk-reject, got '\(batch.kind)'")
        }
        let created = try time(batch.createdAt, "batch \(batch.id) createdAt")
        let undone = try batch.undoneAt.map { try time($0, "batch \(batch.id) undoneAt") }
        try db.run("""
                INSERT INTO batches (id, kind, moderator, description, author_id, previous_standing, created_at, undone_at, undone_by)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)
                """,
            [
                summary.keptIds ? batch.id : nil, batch.kind, batch.by, batch.description, batch.kind == "ban" ? authorId : nil,
                batch.previousStanding, created, undone, batch.undoneBy,
            ])
        batches[batch.id] = db.lastInsertedRowID
        return db.lastInsertedRowID
    }

    @discardableResult
    func insertDecision(
        id: Int64? = nil, commentId: Int64, actor: String, by: String, action: String, status: String, reasons: [String], at: Int64,
        batchId: Int64? = nil, undoes: Int64? = nil
    ) throws -> Int64 {
        try db.run("""
                INSERT INTO decisions (id, comment_id, actor_kind, decided_by, action, status, reasons, created_at, batch_id, undoes)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
                """,
            [id, commentId, actor, by, action, status, JSONWriter.stringArray(reasons), at, batchId, undoes])
        return db.lastInsertedRowID
    }
}
