import Foundation
import SaringCore
import SaringStore
import SaringTestSupport
import Testing

/// A spam campaign in the CLI: the queue shows its id, `reject --campaign` clears it.
@Suite("Campaigns in the CLI (the real binary)")
struct CampaignCLITests {
    /// Two published wave comments (found later, tagged), three held ones, one ordinary comment.
    static func database() async throws -> (path: String, store: SaringStore, campaign: Int64, ordinary: Int64) {
        let path = try CLI.temporaryFolder().appendingPathComponent("campaign.sqlite").path
        let store = try SaringStore(path: path)
        try store.migrate()
        var ids: [Int64] = []
        for n in 0..<5 {
            let body = "Daftar di situs\(n).com deposit \(10 + n)rb langsung WD, hubungi WA 0812-0000-00\(n)"
            let draft = CommentDraft(articleId: "a\(n)", authorName: "Akun \(n)", authorEmail: nil, body: body, parentId: nil)
            var verdict = Verdict(status: n < 2 ? .published : .pending, publishedBody: body, policyVersion: "v1")
            if n == 2 {
                verdict.campaign = CampaignTag(id: ids[0], members: ids)
                verdict.hits = [RuleHit(ruleId: "abuse.campaign", category: "abuse", description: "spam campaign", action: .hold)]
            } else if n > 2 {
                verdict.campaign = CampaignTag(id: ids[0], members: [])
            }
            ids.append(try await store.submit(draft, verdict: verdict).id)
        }
        let ordinary = try await store.submit(
            CommentDraft(articleId: "a1", authorName: "Sari", authorEmail: nil, body: "Harga beras naik lagi di pasar", parentId: nil),
            verdict: Verdict(status: .pending, publishedBody: "Harga beras naik lagi di pasar", policyVersion: "v1")
        ).id
        return (path, store, ids[0], ordinary)
    }

    @Test func theQueueShowsACommentsCampaign() async throws {
        let db = try await Self.database()
        let table = try CLI.run(["queue", "--db", db.path])
        #expect(table.status == 0, "\(table.stderr)")
        #expect(table.stdout.split(separator: "\n").filter { $0.contains("campaign:#\(db.campaign)") }.count == 3)
        let json = try CLI.run(["queue", "--db", db.path, "--json"])
        let objects = json.stdout.split(separator: "\n").compactMap { try? JSONSerialization.jsonObject(with: Data($0.utf8)) as? [String: Any] }
        #expect(objects.filter { $0["campaignId"] as? Int == Int(db.campaign) }.count == 3)
        // The first, published ones were flagged when the campaign was found.
        let flagged = try CLI.run(["queue", "--db", db.path, "--kind", "flagged"])
        #expect(flagged.stdout.contains("flagged queue: 2 comments"))
    }

    @Test func rejectCampaignShowsThenClearsEveryMember() async throws {
        let db = try await Self.database()
        let dry = try CLI.run(["reject", "--db", db.path, "--as", "ana", "--campaign", String(db.campaign), "--dry-run"])
        #expect(dry.status == 0, "\(dry.stderr)")
        #expect(dry.stdout.contains("5 comments of spam campaign #\(db.campaign)"))
        #expect(dry.stdout.contains("dry run: nothing changed"))
        #expect(try await db.store.commentCounts()[.rejected] == nil)
        let refused = try CLI.run(["reject", "--db", db.path, "--as", "ana", "--campaign", String(db.campaign)])
        #expect(refused.status == 1)
        #expect(refused.stderr.contains("--yes"))
        let done = try CLI.run(["reject", "--db", db.path, "--as", "ana", "--campaign", String(db.campaign), "--yes"])
        #expect(done.status == 0, "\(done.stderr)")
        #expect(done.stdout.contains("rejected 5"))
        #expect(try await db.store.commentCounts() == [.rejected: 5, .pending: 1])
        #expect(try await db.store.comment(id: db.ordinary)?.status == .pending)
        let history = try await db.store.decisions(commentId: db.campaign)
        #expect(history.last?.decidedBy == "ana")
        #expect(history.last?.reasons == ["spam campaign #\(db.campaign)"])
    }

    @Test(arguments: [["--campaign", "0"], ["--campaign", "x"], ["--campaign", "3", "--matching", "slot"], ["5", "--campaign", "3"]])
    func badCampaignArgumentsAreUsageErrors(_ arguments: [String]) async throws {
        let db = try await Self.database()
        let result = try CLI.run(["reject", "--db", db.path] + arguments)
        #expect(result.status == 64)
    }

    @Test func anUnknownCampaignIsAnError() async throws {
        let db = try await Self.database()
        let result = try CLI.run(["reject", "--db", db.path, "--campaign", "999", "--yes"])
        #expect(result.status == 1)
        #expect(result.stderr.contains("campaign #999 has no published or held comments"))
    }
}

@Suite("The article brake in the CLI (the real binary)")
struct BrakeCLITests {
    @Test func theQueueNamesArticlesUnderTheirBrake() async throws {
        let path = try CLI.temporaryFolder().appendingPathComponent("brake.sqlite").path
        let store = try SaringStore(path: path)
        try store.migrate()
        for article in ["panas", "tenang"] {
            let draft = CommentDraft(articleId: article, authorName: "Sari", authorEmail: nil, body: "Harga beras naik", parentId: nil)
            _ = try await store.submit(draft, verdict: Verdict(status: .pending, publishedBody: draft.body, policyVersion: "v1"))
        }
        try await store.engageBrake(articleId: "panas", until: Date().addingTimeInterval(20 * 60))
        let result = try CLI.run(["queue", "--db", path])
        #expect(result.status == 0, "\(result.stderr)")
        #expect(result.stdout.contains("article brake on panas"))
        #expect(!result.stdout.contains("article brake on tenang"))
    }
}
