import Foundation
import Logging
import PostgresNIO
import SaringCore
import SaringStore

// `saring forget`, `saring purge` and retention on PostgreSQL: the same erasures as on SQLite
// (SaringStore+Forget, SaringStore+Retention), each in one transaction.
extension PostgresStore: ErasureStore {
    /// Erases an author's personal data, as ``SaringStore/forget(_:comments:requestedBy:)`` does,
    /// with the author's row locked so a ban or a comment of theirs on another node waits for it.
    public func forget(_ identity: AuthorIdentity, comments eraseTexts: Bool, requestedBy: String) async throws -> ForgetOutcome {
        let millis = Timestamp.millis(now())
        let logger = logger
        return try await transaction { db in
            guard
                let (authorId, name, email, key) = try await Self.first(
                    db.query(PostgresHotQueries.forgottenAuthor(identity.key), logger: logger),
                    as: (Int64, String, String?, String).self)
            else { throw StoreError.authorNotFound(identity: identity.key) }
            var secrets: Set<String> = [name, key]
            for try await shown in try await db.query(PostgresHotQueries.namesShown(ofAuthor: authorId), logger: logger).decode(String.self) {
                secrets.insert(shown)
            }
            if let email {
                secrets.insert(email)
                secrets.insert(email.lowercased())
            }
            if key.hasPrefix("user:") { secrets.insert(String(key.dropFirst(5))) }
            var hashes: [String] = []
            for try await hash in try await db.query(PostgresHotQueries.addressHashes(ofAuthor: authorId), logger: logger).decode(String.self) {
                hashes.append(hash)
            }
            let forgotten = "forgotten:\(authorId)"
            try await db.query(
                "UPDATE authors SET identity = \(forgotten), name = \(Erased.placeholder), email = NULL, updated_at = \(millis) WHERE id = \(authorId)",
                logger: logger)
            let comments = try await Self.count(
                db,
                "UPDATE comments SET author_name = \(Erased.placeholder), client_hash = NULL WHERE author_id = \(authorId) RETURNING 1",
                logger)
            var reports = 0
            for hash in hashes {
                reports += try await Self.count(db, PostgresHotQueries.forgetReportsFrom(hash), logger)
            }
            try await db.query("DELETE FROM banned_clients WHERE author_id = \(authorId)", logger: logger)
            let texts = eraseTexts ? try await Self.eraseTexts(db, ofAuthor: authorId, at: millis, logger) : 0
            try await Self.scrub(db, secrets: secrets, logger)
            let kind = eraseTexts ? "author-and-comments" : "author"
            try await db.query(
                """
                INSERT INTO erasures (kind, author_id, comments, requested_by, created_at)
                VALUES (\(kind), \(authorId), \(Int64(texts)), \(requestedBy), \(millis))
                """, logger: logger)
            return ForgetOutcome(identity: forgotten, comments: comments, textsErased: texts, addressHashes: hashes.count, reports: reports)
        }
    }

    public func rejectedToErase(before cutoff: Date) async throws -> RetentionOutcome {
        let query = PostgresHotQueries.rejectedToEraseCount(before: Timestamp.millis(cutoff))
        return try await bounded {
            let found = try await Self.first(self.client.query(query, logger: self.logger), as: (Int64, Int64?).self)
            return RetentionOutcome(comments: Int(found?.0 ?? 0), oldest: found?.1.map(Timestamp.date))
        }
    }

    /// Erases the text of rejected comments last decided before `cutoff`, `chunk` at a time, each
    /// chunk one transaction recorded as an erasure. Rows another node is erasing at that moment
    /// are skipped (`SKIP LOCKED`), so nodes running retention together never wait on each other.
    public func eraseRejected(before cutoff: Date, requestedBy: String, chunk: Int) async throws -> RetentionOutcome {
        let cutoffMillis = Timestamp.millis(cutoff)
        let oldest = try await rejectedToErase(before: cutoff).oldest
        let logger = logger
        var total = 0
        while true {
            let millis = Timestamp.millis(now())
            let erased = try await transaction { db in
                var ids: [Int64] = []
                let rows = try await db.query(PostgresHotQueries.rejectedToErase(before: cutoffMillis, limit: Int64(chunk)), logger: logger)
                for try await id in rows.decode(Int64.self) { ids.append(id) }
                guard !ids.isEmpty else { return 0 }
                let count = try await Self.eraseTexts(db, ids: ids, at: millis, logger)
                try await db.query(
                    """
                    INSERT INTO erasures (kind, comments, requested_by, created_at) VALUES ('retention', \(Int64(count)), \(requestedBy), \(millis))
                    """, logger: logger)
                return count
            }
            total += erased
            if erased < chunk { break }
        }
        return RetentionOutcome(comments: total, oldest: total > 0 ? oldest : nil)
    }

    /// The texts of an author's comments not erased yet (see ``eraseTexts(_:ids:at:_:)``).
    private static func eraseTexts(_ db: PostgresConnection, ofAuthor authorId: Int64, at millis: Int64, _ logger: Logger) async throws -> Int {
        var ids: [Int64] = []
        let rows = try await db.query(PostgresHotQueries.unerasedComments(ofAuthor: authorId), logger: logger)
        for try await id in rows.decode(Int64.self) { ids.append(id) }
        return ids.isEmpty ? 0 : try await eraseTexts(db, ids: ids, at: millis, logger)
    }

    /// The placeholder for the texts of these comments; their hits lose their spans (which pointed
    /// into the text) and stay for the rules' statistics.
    private static func eraseTexts(_ db: PostgresConnection, ids: [Int64], at millis: Int64, _ logger: Logger) async throws -> Int {
        try await db.query(
            "UPDATE rule_hits SET span_start = NULL, span_end = NULL WHERE span_start IS NOT NULL AND comment_id = ANY(\(ids))", logger: logger)
        return try await count(
            db,
            """
            UPDATE comments SET body = \(Erased.placeholder), published_body = \(Erased.placeholder), text_erased_at = \(millis)
            WHERE id = ANY(\(ids)) RETURNING 1
            """, logger)
    }

    /// Every exact occurrence of the secrets (three characters or more) in what moderators and the
    /// system wrote about people, as on SQLite. Decision reasons are JSON: the secret is replaced
    /// as it is written inside a JSON string, in the text of the list, and the list parsed again.
    private static func scrub(_ db: PostgresConnection, secrets: Set<String>, _ logger: Logger) async throws {
        for secret in secrets.sorted() where secret.unicodeScalars.count >= 3 {
            let inJSON = String(JSONWriter.stringArray([secret]).dropFirst(2).dropLast(2))
            try await db.query(
                """
                UPDATE decisions SET reasons = replace(reasons::TEXT, \(inJSON), \(Erased.placeholder))::JSONB
                WHERE strpos(reasons::TEXT, \(inJSON)) > 0
                """, logger: logger)
            try await db.query(
                "UPDATE batches SET description = replace(description, \(secret), \(Erased.placeholder)) WHERE strpos(description, \(secret)) > 0",
                logger: logger)
            try await db.query(
                "UPDATE author_actions SET reason = replace(reason, \(secret), \(Erased.placeholder)) WHERE strpos(reason, \(secret)) > 0",
                logger: logger)
            try await db.query(
                "UPDATE reports SET reason = replace(reason, \(secret), \(Erased.placeholder)) WHERE strpos(reason, \(secret)) > 0",
                logger: logger)
        }
    }

    /// How many rows a statement ending in `RETURNING 1` touched.
    private static func count(_ db: PostgresConnection, _ query: PostgresQuery, _ logger: Logger) async throws -> Int {
        var count = 0
        for try await _ in try await db.query(query, logger: logger) { count += 1 }
        return count
    }
}
