import Foundation
import SaringCore

/// Where an import writes, one row at a time, inside the one transaction the store holds open
/// for it. An id given as nil is the database's to choose.
public protocol ImportRows {
    /// Whether the database holds no comment, decision or batch (the file's ids are then kept).
    mutating func isEmpty() throws -> Bool
    /// Stores the article unless one of its id is there; true when it was stored.
    mutating func insertArticle(_ article: ExportRecord.ArticleRecord, at millis: Int64) throws -> Bool
    /// The stored author of an identity, with their standing.
    mutating func author(identity: String) throws -> (id: Int64, standing: String)?
    mutating func insertAuthor(_ author: ExportRecord.AuthorRecord, at millis: Int64) throws -> Int64
    mutating func insertComment(_ row: ImportedComment) throws -> Int64
    mutating func insertDecision(_ row: ImportedDecision) throws -> Int64
    mutating func insertHit(_ hit: RuleHit, commentId: Int64, decisionId: Int64) throws
    mutating func insertBatch(_ row: ImportedBatch, authorId: Int64?) throws -> Int64
}

/// A comments row as an import writes it.
public struct ImportedComment {
    public var id: Int64?
    public var articleId: String
    public var parentId: Int64?
    public var authorId: Int64
    public var authorName: String
    public var body: String
    public var publishedBody: String
    public var status: CommentStatus
    public var flagged: Bool
    public var score: Double
    public var createdAt: Int64
    public var updatedAt: Int64
    public var campaignId: Int64?
    public var textErasedAt: Int64?
}

/// A decisions row as an import writes it.
public struct ImportedDecision {
    public var id: Int64?
    public var commentId: Int64
    public var actor: String
    public var by: String
    public var action: String
    public var status: String
    public var reasons: [String]
    public var at: Int64
    public var batchId: Int64?
    public var undoes: Int64?
}

/// A batches row as an import writes it.
public struct ImportedBatch {
    public var id: Int64?
    public var kind: String
    public var by: String
    public var description: String
    public var previousStanding: String?
    public var createdAt: Int64
    public var undoneAt: Int64?
    public var undoneBy: String?
}

/// The state of one import: the ids given so far to the file's comments, decisions and batches.
/// The checks and the id mapping are the same whatever database `Rows` writes to.
public struct Importer<Rows: ImportRows> {
    public struct Problem: Error {
        public let message: String
        public init(message: String) { self.message = message }
    }

    var rows: Rows
    let millis: Int64
    let judge: ImportJudge?
    var summary = ImportSummary()
    var comments: [Int64: (id: Int64, articleId: String)] = [:]
    var decisions: [Int64: Int64] = [:]
    var batches: [Int64: Int64] = [:]
    var articles: Set<String> = []

    init(rows: Rows, millis: Int64, judge: ImportJudge?) {
        self.rows = rows
        self.millis = millis
        self.judge = judge
    }

    /// Stores every item `next` yields through `rows`; the caller's transaction makes it all or
    /// nothing. `refusal` names what the database itself refused (its error, as a message).
    /// - Throws: ``ImportError`` naming the item.
    public static func run(
        into rows: Rows, millis: Int64, judge: ImportJudge?, next: () throws -> ImportItem?, refusal: (any Error) -> String?
    ) throws -> ImportSummary {
        var importer = Importer(rows: rows, millis: millis, judge: judge)
        importer.summary.keptIds = try importer.rows.isEmpty()
        while let item = try next() {
            do {
                switch item.content {
                case .article(let article): try importer.article(article)
                case .comment(let record): try importer.comment(record)
                }
            } catch let error as ImportError {
                throw error
            } catch let problem as Problem {
                throw ImportError(source: item.source, message: problem.message)
            } catch {
                guard let message = refusal(error) else { throw error }
                throw ImportError(source: item.source, message: "the database refused it: \(message)")
            }
        }
        return importer.summary
    }

    mutating func article(_ article: ExportRecord.ArticleRecord) throws {
        guard !articles.contains(article.id) else { return }
        do { try ArticleID.validate(article.id) } catch { throw Problem(message: "article.id: \(error.message)") }
        try text(article.title, "article.title", most: 500)
        try text(article.url, "article.url", most: 2000)
        try text(article.section, "article.section", most: 200)
        if try rows.insertArticle(article, at: millis) { summary.articlesCreated += 1 }
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
        let commentId = try rows.insertComment(
            ImportedComment(
                id: summary.keptIds ? record.id : nil, articleId: record.article.id, parentId: parent, authorId: authorId,
                authorName: record.authorName, body: record.body, publishedBody: final.publishedBody, status: final.status,
                flagged: final.flagged, score: final.score, createdAt: created, updatedAt: updated, campaignId: campaign,
                textErasedAt: erased))
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
            for hit in verdict.hits { try rows.insertHit(hit, commentId: commentId, decisionId: decisionId) }
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
        if let known = try rows.author(identity: author.identity) {
            return (known.id, AuthorStanding(rawValue: known.standing) ?? .normal)
        }
        let id = try rows.insertAuthor(author, at: millis)
        summary.authorsCreated += 1
        return (id, standing)
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
        let id = try rows.insertBatch(
            ImportedBatch(
                id: summary.keptIds ? batch.id : nil, kind: batch.kind, by: batch.by, description: batch.description,
                previousStanding: batch.previousStanding, createdAt: created, undoneAt: undone, undoneBy: batch.undoneBy),
            authorId: batch.kind == "ban" ? authorId : nil)
        batches[batch.id] = id
        return id
    }

    @discardableResult
    mutating func insertDecision(
        id: Int64? = nil, commentId: Int64, actor: String, by: String, action: String, status: String, reasons: [String], at: Int64,
        batchId: Int64? = nil, undoes: Int64? = nil
    ) throws -> Int64 {
        try rows.insertDecision(
            ImportedDecision(
                id: id, commentId: commentId, actor: actor, by: by, action: action, status: status, reasons: reasons, at: at,
                batchId: batchId, undoes: undoes))
    }
}
