import Foundation
import GRDB
import SaringCore
import Testing

@testable import SaringStore

/// The schema itself refuses states the code must never create.
@Suite("Schema invariants")
struct SchemaInvariantTests {
    static func store() throws -> SaringStore {
        let store = try SaringStore(path: ":memory:")
        try store.migrate()
        return store
    }

    static func draft(_ article: String, parent: Int64? = nil) -> CommentDraft {
        CommentDraft(articleId: article, authorName: "Budi", authorEmail: nil, body: "halo", parentId: parent)
    }

    static let published = Verdict(status: .published, publishedBody: "halo", policyVersion: "test")

    @Test func decisionHistoryIsAppendOnly() async throws {
        let store = try Self.store()
        let comment = try await store.submit(Self.draft("a1"), verdict: Self.published)
        #expect(throws: DatabaseError.self) {
            try store.writer.write { db in try db.execute(sql: "UPDATE decisions SET action = 'reject'") }
        }
        #expect(throws: DatabaseError.self) {
            try store.writer.write { db in try db.execute(sql: "DELETE FROM decisions") }
        }
        #expect(try await store.decisions(commentId: comment.id).count == 1)
    }

    /// An erasure may rewrite a decision's reasons (keeping how many there are), nothing else.
    @Test func decisionHistoryAllowsOnlyTheRewritingOfReasons() async throws {
        let store = try Self.store()
        let verdict = Verdict(status: .published, publishedBody: "halo", policyVersion: "test", reasons: ["banned with author Budi"])
        let comment = try await store.submit(Self.draft("a1"), verdict: verdict)
        let other = try await store.submit(Self.draft("a1"), verdict: verdict)
        try await store.writer.write { db in
            try db.execute(sql: #"UPDATE decisions SET reasons = '["banned with author [deleted]"]' WHERE comment_id = \#(comment.id)"#)
            // Rows the changes below point at exist: each is refused by the trigger, not by a foreign key.
            try db.execute(sql: "INSERT INTO policy_versions (id, version, files, rules, loaded_at) VALUES (7, 'v7', '[]', '[]', 1)")
            try db.execute(sql: "INSERT INTO batches (id, kind, moderator, description, created_at) VALUES (5, 'bulk-reject', 'ana', 'spam', 1)")
        }
        for change in [
            #"reasons = '["a", "b"]'"#, "status = 'rejected'", "decided_by = 'lain'", "created_at = 0", "comment_id = \(other.id)",
            "batch_id = 5", "policy_version_id = 7",
        ] {
            #expect(throws: DatabaseError.self, "\(change)") {
                try store.writer.write { db in try db.execute(sql: "UPDATE decisions SET \(change)") }
            }
        }
        #expect(try await store.decisions(commentId: comment.id).map(\.reasons) == [["banned with author [deleted]"]])
    }

    @Test func erasuresAreAppendOnlyAndNameNoText() async throws {
        let store = try Self.store()
        try await store.writer.write { db in
            try db.execute(sql: "INSERT INTO erasures (kind, comments, requested_by, created_at) VALUES ('retention', 3, 'retention', 1)")
        }
        for statement in ["UPDATE erasures SET comments = 0", "DELETE FROM erasures"] {
            #expect(throws: DatabaseError.self) { try store.writer.write { db in try db.execute(sql: statement) } }
        }
        // An author erasure names the author's row; a retention one names none.
        #expect(throws: DatabaseError.self) {
            try store.writer.write { db in
                try db.execute(sql: "INSERT INTO erasures (kind, comments, requested_by, created_at) VALUES ('author', 0, 'ana', 1)")
            }
        }
    }

    @Test func schemaRefusesReplyAcrossArticles() async throws {
        let store = try Self.store()
        let parent = try await store.submit(Self.draft("a1"), verdict: Self.published)
        _ = try await store.submit(Self.draft("a2"), verdict: Self.published)
        #expect(throws: DatabaseError.self) {
            try store.writer.write { db in
                try db.execute(
                    sql: """
                        INSERT INTO comments (article_id, parent_id, author_id, author_name, body, published_body, status, created_at, updated_at)
                        VALUES ('a2', ?, 1, 'x', 'y', 'y', 'published', 0, 0)
                        """, arguments: [parent.id])
            }
        }
    }

    @Test func storeRefusesReplyAcrossArticlesWithPreciseError() async throws {
        let store = try Self.store()
        let parent = try await store.submit(Self.draft("a1"), verdict: Self.published)
        await #expect(throws: StoreError.parentNotFound(parentId: parent.id, articleId: "a2")) {
            _ = try await store.submit(Self.draft("a2", parent: parent.id), verdict: Self.published)
        }
    }

    @Test func schemaRefusesUnknownStatus() async throws {
        let store = try Self.store()
        _ = try await store.submit(Self.draft("a1"), verdict: Self.published)
        #expect(throws: DatabaseError.self) {
            try store.writer.write { db in try db.execute(sql: "UPDATE comments SET status = 'deleted'") }
        }
    }

    @Test func recordsRuleHitsWithTheDecision() async throws {
        let store = try Self.store()
        var verdict = Verdict(status: .pending, publishedBody: "halo", policyVersion: "v1", reasons: ["judol.keywords"])
        verdict.hits = [RuleHit(ruleId: "judol.keywords", category: "judol", description: "d", action: .hold, span: 0..<4)]
        let comment = try await store.submit(Self.draft("a1"), verdict: verdict)
        let count = try await store.writer.read { db in
            try Int.fetchOne(db, sql: "SELECT count(*) FROM rule_hits WHERE comment_id = ? AND span_end = 4", arguments: [comment.id])
        }
        #expect(count == 1)
        let decision = try #require(try await store.decisions(commentId: comment.id).first)
        #expect(decision.decidedBy == "v1")
        #expect(decision.reasons == ["judol.keywords"])
    }

    @Test func bannedAuthorIsRejectedWhateverThePolicySays() async throws {
        let store = try Self.store()
        _ = try await store.submit(Self.draft("a1"), verdict: Self.published)
        try await store.writer.write { db in try db.execute(sql: "UPDATE authors SET standing = 'banned'") }
        let second = try await store.submit(Self.draft("a1"), verdict: Self.published)
        #expect(second.status == .rejected)
        let standing = try await store.writer.read { db in try String.fetchOne(db, sql: "SELECT standing FROM authors") }
        #expect(standing == "banned")
    }
}

@Suite("Group commit of submissions")
struct GroupCommitTests {
    @Test func refusedCommentsInABatchDoNotAffectTheOthers() async throws {
        let path = FileManager.default.temporaryDirectory.appendingPathComponent("saring-batch-\(UUID().uuidString).sqlite").path
        let store = try SaringStore(path: path)
        try store.migrate()
        _ = try await store.saveArticle(Article(id: "tutup", isOpen: false))
        let results = await withTaskGroup(of: (Bool, Result<SaringCore.Comment, any Error>).self) { group in
            for n in 0..<200 {
                group.addTask {
                    let closed = n % 10 == 0
                    let draft = CommentDraft(
                        articleId: closed ? "tutup" : "buka", authorName: "p\(n % 7)", authorEmail: nil, body: "komentar \(n)",
                        parentId: n % 10 == 5 ? 999_999 : nil)
                    let verdict = Verdict(status: .published, publishedBody: draft.body, policyVersion: "v")
                    return (closed, await Result { try await store.submit(draft, verdict: verdict) })
                }
            }
            return await group.reduce(into: []) { $0.append($1) }
        }
        let stored = results.compactMap { try? $0.1.get() }
        #expect(stored.count == 160)
        #expect(Set(stored.map(\.id)).count == 160)
        for (closed, result) in results where closed {
            #expect(throws: StoreError.articleClosed(articleId: "tutup")) { try result.get() }
        }
        #expect(try await store.commentCounts() == [.published: 160])
        for comment in stored.prefix(20) {
            #expect(try await store.comment(id: comment.id)?.body == comment.body)
            #expect(try await store.decisions(commentId: comment.id).count == 1)
        }
    }
}

extension Result where Failure == any Error {
    init(catching body: () async throws -> Success) async {
        do { self = .success(try await body()) } catch { self = .failure(error) }
    }
}
