import Foundation
import GRDB
import SaringCore

/// What stands in for erased personal data and text: accepted by the schema's CHECKs and shown
/// as it is in the public list and to moderators.
public enum Erased {
    public static let placeholder = "[deleted]"
}

/// What `forget` erased, in counts only.
public struct ForgetOutcome: Sendable, Equatable {
    /// The author's new identity, `forgotten:N`.
    public var identity: String
    public var comments: Int
    /// Comments whose text was erased (with `comments: true`).
    public var textsErased: Int
    public var addressHashes: Int
    public var reports: Int

    public init(identity: String, comments: Int, textsErased: Int, addressHashes: Int, reports: Int) {
        self.identity = identity
        self.comments = comments
        self.textsErased = textsErased
        self.addressHashes = addressHashes
        self.reports = reports
    }
}

/// What `saring forget`, `saring purge` and retention in `saring serve` ask of a store: SQLite and
/// PostgreSQL erase the same things the same way.
public protocol ErasureStore: Sendable {
    /// Erases an author's personal data (see ``SaringStore/forget(_:comments:requestedBy:)``).
    func forget(_ identity: AuthorIdentity, comments eraseTexts: Bool, requestedBy: String) async throws -> ForgetOutcome
    /// How many rejected comments last decided before `cutoff` still have their text.
    func rejectedToErase(before cutoff: Date) async throws -> RetentionOutcome
    /// Erases the text of rejected comments last decided before `cutoff`, in chunks, each recorded.
    func eraseRejected(before cutoff: Date, requestedBy: String, chunk: Int) async throws -> RetentionOutcome
}

extension SaringStore: ErasureStore {}

extension SaringStore {
    /// Erases an author's personal data in one transaction: their name and e-mail address (the
    /// identity becomes `forgotten:N`), the name shown with each of their comments, the address
    /// hashes of their comments, of their address bans and of the reports made from those
    /// addresses, and every exact occurrence of their names and e-mail address in the decision
    /// history, batches, the moderators' log and report reasons. With `comments`, the text of
    /// their comments too (rows, threads and decision history stay). An erasure is recorded: who
    /// asked, when, what kind; never what was erased.
    ///
    /// - Throws: ``StoreError/authorNotFound(identity:)``.
    public func forget(_ identity: AuthorIdentity, comments eraseTexts: Bool, requestedBy: String) async throws -> ForgetOutcome {
        let millis = Timestamp.millis(now())
        return try await write { db in
            guard
                let author = try Row.fetchOne(
                    db, sql: "SELECT id, name, email, identity FROM authors WHERE identity = ?", arguments: [identity.key])
            else { throw StoreError.authorNotFound(identity: identity.key) }
            let authorId: Int64 = author[0]
            var secrets = Set(
                try String.fetchAll(db, sql: "SELECT DISTINCT author_name FROM comments WHERE author_id = ?", arguments: [authorId]))
            secrets.insert(author[1])
            if let email: String = author[2] {
                secrets.insert(email)
                secrets.insert(email.lowercased())
            }
            let key: String = author[3]
            if key.hasPrefix("user:") { secrets.insert(String(key.dropFirst(5))) }
            secrets.insert(key)
            let hashes = try String.fetchAll(db, sql: DataQueries.authorHashes, arguments: [authorId, authorId])
            let forgotten = "forgotten:\(authorId)"

            try db.execute(
                sql: "UPDATE authors SET identity = ?, name = ?, email = NULL, updated_at = ? WHERE id = ?",
                arguments: [forgotten, Erased.placeholder, millis, authorId])
            try db.execute(
                sql: "UPDATE comments SET author_name = ?, client_hash = NULL WHERE author_id = ?",
                arguments: [Erased.placeholder, authorId])
            let commentCount = db.changesCount
            var reports = 0
            for hash in hashes {
                try db.execute(sql: DataQueries.forgetReportsFrom, arguments: [hash])
                reports += db.changesCount
            }
            try db.execute(sql: "DELETE FROM banned_clients WHERE author_id = ?", arguments: [authorId])
            var texts = 0
            if eraseTexts {
                texts = try Self.eraseTexts(db, sql: "author_id = ? AND text_erased_at IS NULL", [authorId], at: millis)
            }
            try Self.scrub(db, secrets: secrets)
            try db.execute(
                sql: "INSERT INTO erasures (kind, author_id, comments, requested_by, created_at) VALUES (?, ?, ?, ?, ?)",
                arguments: [eraseTexts ? "author-and-comments" : "author", authorId, texts, requestedBy, millis])
            return ForgetOutcome(
                identity: forgotten, comments: commentCount, textsErased: texts, addressHashes: hashes.count, reports: reports)
        }
    }

    /// Replaces the body and published body of the selected comments with the placeholder and
    /// drops the spans of their rule hits (which pointed into the erased text); the hits stay for
    /// the rules' statistics. Returns how many comments.
    static func eraseTexts(_ db: Database, sql condition: String, _ arguments: StatementArguments, at millis: Int64) throws -> Int {
        try db.execute(
            sql: """
                UPDATE rule_hits SET span_start = NULL, span_end = NULL
                WHERE span_start IS NOT NULL AND comment_id IN (SELECT id FROM comments WHERE \(condition))
                """,
            arguments: arguments)
        var all: StatementArguments = [Erased.placeholder, Erased.placeholder, millis]
        all += arguments
        try db.execute(sql: "UPDATE comments SET body = ?, published_body = ?, text_erased_at = ? WHERE \(condition)", arguments: all)
        return db.changesCount
    }

    /// Every exact occurrence of the secrets (three characters or more) in the texts moderators and
    /// the system wrote about people: decision reasons, batch descriptions, author actions' reasons
    /// and report reasons. A rare operation: these tables are scanned.
    static func scrub(_ db: Database, secrets: Set<String>) throws {
        for secret in secrets where secret.unicodeScalars.count >= 3 {
            // Reasons are a JSON array: the secret as it is written inside a JSON string.
            let inJSON = String(JSONWriter.stringArray([secret]).dropFirst(2).dropLast(2))
            try db.execute(
                sql: "UPDATE decisions SET reasons = replace(reasons, ?, ?) WHERE instr(reasons, ?) > 0",
                arguments: [inJSON, Erased.placeholder, inJSON])
            try db.execute(
                sql: "UPDATE batches SET description = replace(description, ?, ?) WHERE instr(description, ?) > 0",
                arguments: [secret, Erased.placeholder, secret])
            try db.execute(
                sql: "UPDATE author_actions SET reason = replace(reason, ?, ?) WHERE instr(reason, ?) > 0",
                arguments: [secret, Erased.placeholder, secret])
            try db.execute(
                sql: "UPDATE reports SET reason = replace(reason, ?, ?) WHERE instr(reason, ?) > 0",
                arguments: [secret, Erased.placeholder, secret])
        }
    }
}
