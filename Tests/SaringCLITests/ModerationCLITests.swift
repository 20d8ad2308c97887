import Foundation
import SaringCore
import SaringStore
import SaringTestSupport
import Testing

@Suite("Moderation commands (the real binary)")
struct ModerationCLITests {
    /// A database with comments in the queues, made through the real store.
    static func database() async throws -> (path: String, store: SaringStore, ids: [Int64]) {
        let path = try CLI.temporaryFolder().appendingPathComponent("mod.sqlite").path
        let store = try SaringStore(path: path)
        try store.migrate()
        var ids: [Int64] = []
        let bodies = ["main slot gacor bos", "daftar sekarang slot gacor", "komentar biasa saja", "promo maxwin hari ini"]
        for (n, body) in bodies.enumerated() {
            let draft = CommentDraft(articleId: n == 3 ? "a2" : "a1", authorName: n < 2 ? "Spammer" : "Sari", authorEmail: nil, body: body, parentId: nil)
            let hits = [RuleHit(ruleId: "judol.keywords", category: "judol", description: "Gambling", action: .hold, score: 0, span: 0..<4)]
            ids.append(try await store.submit(draft, verdict: Verdict(status: .pending, score: Double(n), hits: hits, publishedBody: body, policyVersion: "v1")).id)
        }
        return (path, store, ids)
    }

    @Test func queueJSONListsOneObjectPerLine() async throws {
        let db = try await Self.database()
        let result = try CLI.run(["queue", "--db", db.path, "--json", "--sort", "score"])
        #expect(result.status == 0, "\(result.stderr)")
        let objects = result.stdout.split(separator: "\n").map { try? JSONSerialization.jsonObject(with: Data($0.utf8)) as? [String: Any] }
        #expect(objects.count == 4)
        #expect(objects.compactMap { $0?["id"] as? Int } == db.ids.reversed().map(Int.init))
        let first = try #require(objects.first ?? nil)
        for key in ["id", "articleId", "status", "score", "rules", "body", "createdAt"] { #expect(first[key] != nil, "\(key)") }
        #expect(first["rules"] as? [String] == ["judol.keywords"])
        let article = try CLI.run(["queue", "--db", db.path, "--article", "a2"])
        #expect(article.stdout.contains("pending queue: 1 comment"))
        #expect(article.stdout.contains("promo maxwin hari ini"))
    }

    @Test func showPrintsTextHitsAndHistory() async throws {
        let db = try await Self.database()
        _ = try CLI.run(["approve", "--db", db.path, "--as", "sari", "--reason", "bukan spam", String(db.ids[2])])
        let result = try CLI.run(["show", "--db", db.path, String(db.ids[2])])
        #expect(result.status == 0)
        #expect(result.stdout.contains("text:       [[kome]]ntar biasa saja"))
        #expect(result.stdout.contains("hit:        judol.keywords [judol] hold body 0..<4"))
        #expect(result.stdout.contains("policy v1  hold → pending"))
        #expect(result.stdout.contains("moderator sari  approve → published"))
        #expect(result.stdout.contains("bukan spam"))
        let missing = try CLI.run(["show", "--db", db.path, "999"])
        #expect(missing.status == 1)
        #expect(missing.stderr.contains("comment 999 does not exist"))
    }

    @Test func secondModeratorCannotSilentlyOverwriteADecision() async throws {
        let db = try await Self.database()
        let first = try CLI.run(["approve", "--db", db.path, "--as", "sari", String(db.ids[2])])
        #expect(first.status == 0)
        let second = try CLI.run(["reject", "--db", db.path, "--as", "budi", String(db.ids[2])])
        #expect(second.status == 1)
        #expect(second.stderr.contains("already approved by sari"))
        #expect(try await db.store.comment(id: db.ids[2])?.status == .published)
        let overridden = try CLI.run(["reject", "--db", db.path, "--as", "budi", "--override", String(db.ids[2])])
        #expect(overridden.status == 0)
        #expect(try await db.store.comment(id: db.ids[2])?.status == .rejected)
    }

    @Test func bulkRejectDryRunChangesNothingAndYesRejectsEveryMatch() async throws {
        let db = try await Self.database()
        let dry = try CLI.run(["reject", "--db", db.path, "--matching", #"slot\s*gacor"#, "--dry-run"])
        #expect(dry.status == 0)
        #expect(dry.stdout.contains("2 pending comments match"))
        #expect(dry.stdout.contains("dry run: nothing changed"))
        #expect(try await db.store.queueCount(QueueFilter(kind: .pending)) == 4)

        let unconfirmed = try CLI.run(["reject", "--db", db.path, "--matching", #"slot\s*gacor"#])
        #expect(unconfirmed.status == 1)
        #expect(unconfirmed.stderr.contains("add --yes"))
        #expect(try await db.store.queueCount(QueueFilter(kind: .pending)) == 4)

        let done = try CLI.run(["reject", "--db", db.path, "--as", "sari", "--matching", "SLOT GACOR", "--yes", "--reason", "gelombang judol"])
        #expect(done.status == 0, "\(done.stderr)")
        #expect(done.stdout.contains("rejected 2"))
        for id in db.ids.prefix(2) {
            let last = try #require(try await db.store.decisions(commentId: id).last)
            #expect(last.decidedBy == "sari" && last.status == .rejected && last.reasons == ["gelombang judol"])
        }
        #expect(try await db.store.comment(id: db.ids[2])?.status == .pending)

        let badPattern = try CLI.run(["reject", "--db", db.path, "--matching", "slot(", "--yes"])
        #expect(badPattern.status == 64)
        #expect(badPattern.stderr.contains("--matching: the pattern does not compile"))
        #expect(try await db.store.queueCount(QueueFilter(kind: .pending)) == 2)
    }

    @Test func aBulkRejectionIsOneBatchThatUndoTakesBack() async throws {
        let db = try await Self.database()
        let everything = try CLI.run(["reject", "--db", db.path, "--matching", "", "--yes"])
        #expect(everything.status == 64)
        #expect(everything.stderr.contains("empty"))
        #expect(try CLI.run(["reject", "--db", db.path, "--matching", ".*", "--yes"]).status == 64)
        #expect(try await db.store.queueCount(QueueFilter(kind: .pending)) == 4)

        let done = try CLI.run(["reject", "--db", db.path, "--as", "sari", "--matching", "slot gacor", "--except", String(db.ids[1]), "--yes"])
        #expect(done.status == 0, "\(done.stderr)")
        #expect(done.stdout.contains("left out as asked (--except): #\(db.ids[1])"))
        #expect(done.stdout.contains("decided: #\(db.ids[0])"))
        let batch = try #require(done.stdout.firstMatch(of: /as batch (\d+)/).map { String($0.1) })
        #expect(try await db.store.comment(id: db.ids[0])?.status == .rejected)
        #expect(try await db.store.comment(id: db.ids[1])?.status == .pending)

        let notHers = try CLI.run(["undo", "--db", db.path, "--as", "budi", "--batch", batch])
        #expect(notHers.status == 1)
        #expect(notHers.stderr.contains("decided by sari; add --override"))
        let undo = try CLI.run(["undo", "--db", db.path, "--as", "sari", "--batch", batch])
        #expect(undo.status == 0, "\(undo.stderr)")
        #expect(undo.stdout.contains("undid batch \(batch): 1 comment back as before"))
        #expect(try await db.store.comment(id: db.ids[0])?.status == .pending)
        let again = try CLI.run(["undo", "--db", db.path, "--as", "sari", "--batch", batch])
        #expect(again.status == 1)
        #expect(again.stderr.contains("already undone"))
        #expect(try CLI.run(["undo", "--db", db.path]).status == 64)
        #expect(try CLI.run(["undo", "--db", db.path, "5", "--batch", "3"]).status == 64)
    }

    @Test func undoOfOneDecisionAndTheSameDecisionAgainIsANoOp() async throws {
        let db = try await Self.database()
        let approve = try CLI.run(["approve", "--db", db.path, "--as", "sari", String(db.ids[2])])
        let decision = try #require(approve.stdout.firstMatch(of: /decision (\d+)/).map { String($0.1) })
        let again = try CLI.run(["approve", "--db", db.path, "--as", "budi", String(db.ids[2])])
        #expect(again.status == 0)
        #expect(again.stdout.contains("was already approved by sari; nothing changed"))
        let undo = try CLI.run(["undo", "--db", db.path, "--as", "sari", decision])
        #expect(undo.status == 0, "\(undo.stderr)")
        #expect(undo.stdout.contains("is pending again"))
        #expect(try await db.store.comment(id: db.ids[2])?.status == .pending)
    }

    @Test func banUnbanAndTrustByNameOrEmail() async throws {
        let db = try await Self.database()
        let ban = try CLI.run(["ban", "--db", db.path, "--as", "sari", "spammer", "--reason", "judol"])
        #expect(ban.status == 0)
        #expect(ban.stdout.contains("rejected 2 pending comments"))
        #expect(try await db.store.author(AuthorIdentity(moderatorInput: "Spammer"))?.standing == .banned)
        _ = try CLI.run(["unban", "--db", db.path, "Spammer"])
        #expect(try await db.store.author(AuthorIdentity(moderatorInput: "Spammer"))?.standing == .normal)
        _ = try CLI.run(["trust", "--db", db.path, "sari"])
        #expect(try await db.store.author(AuthorIdentity(moderatorInput: "Sari"))?.standing == .trusted)
        let unknown = try CLI.run(["ban", "--db", db.path, "nobody@example.com"])
        #expect(unknown.status == 1)
        #expect(unknown.stderr.contains("no author email:nobody@example.com"))
    }

    @Test(arguments: [["queue", "--kind", "weird"], ["queue", "--since", "2 hours"], ["queue", "--limit", "0"], ["approve"], ["reject", "--dry-run", "5"]])
    func refusesBadModerationArguments(_ arguments: [String]) throws {
        let result = try CLI.run(arguments + ["--db", "/tmp/never-created-\(UUID().uuidString).sqlite"])
        #expect(result.status == 64, "\(result.stderr)")
    }
}
