import Foundation
import SaringCore
import SaringStore
import Testing

@Suite("saring queue: search, the rejected queue, the summary, bans (the real binary)")
struct QueueSearchCLITests {
    /// Held comments by two authors, an auto-rejected false positive, a flagged and a reported one.
    static func database() async throws -> (path: String, store: SaringStore, ids: [String: Int64]) {
        let path = try CLI.temporaryFolder().appendingPathComponent("search.sqlite").path
        let store = try SaringStore(path: path)
        try store.migrate()
        var ids: [String: Int64] = [:]
        func post(_ key: String, _ body: String, author: String, email: String? = nil, status: CommentStatus = .pending, flagged: Bool = false)
            async throws
        {
            let draft = CommentDraft(articleId: "berita-1", authorName: author, authorEmail: email, body: body, parentId: nil)
            let hits = [RuleHit(ruleId: "judol.keywords", category: "judol", description: "Gambling", action: .reject, score: 5)]
            let verdict = Verdict(
                status: status, flagged: flagged, hits: status == .rejected ? hits : [], publishedBody: body, policyVersion: "v1",
                reasons: status == .rejected ? ["judol.keywords (reject): Gambling"] : [])
            ids[key] = try await store.submit(draft, verdict: verdict).id
        }
        try await post("spam", "main 𝗦𝗟𝗢𝗧 𝗚𝗔𝗖𝗢𝗥 sekarang", author: "Spammer", email: "spam@example.com")
        try await post("harga", "Hаrgа BBM naik lagi", author: "Sari")  // а: Cyrillic
        try await post("other", "komentar biasa", author: "Sari")
        try await post("falsePositive", "Berita slot waktu tayang", author: "Budi", status: .rejected)
        try await post("rejectedLater", "Judi itu merusak", author: "Budi", status: .rejected)
        try await post("flagged", "agak kasar", author: "Eko", status: .published, flagged: true)
        try await post("reported", "laporan", author: "Eko", status: .published)
        try await store.report(commentId: ids["reported"]!, reason: "spam")
        return (path, store, ids)
    }

    static func listed(_ result: CLIResult) -> [Int64] {
        result.stdout.split(separator: "\n").dropFirst().compactMap { Int64($0.split(separator: " ").first ?? "") }
    }

    @Test func authorListsOnlyThatAuthorsComments() async throws {
        let db = try await Self.database()
        let byName = try CLI.run(["queue", "--db", db.path, "--author", "Sari"])
        #expect(byName.status == 0, "\(byName.stderr)")
        #expect(Self.listed(byName) == [db.ids["harga"]!, db.ids["other"]!])
        #expect(byName.stdout.hasPrefix("pending queue: 2 comments\n"))
        let byEmail = try CLI.run(["queue", "--db", db.path, "--author", "SPAM@example.com"])
        #expect(Self.listed(byEmail) == [db.ids["spam"]!])
    }

    @Test func textFindsTheWrittenAndTheNormalizedText() async throws {
        let db = try await Self.database()
        let styled = try CLI.run(["queue", "--db", db.path, "--text", #"slot\s*gacor"#])
        #expect(styled.status == 0, "\(styled.stderr)")
        #expect(Self.listed(styled) == [db.ids["spam"]!])
        #expect(styled.stdout.hasPrefix("pending queue: 1 comment\n"))
        let lookalike = try CLI.run(["queue", "--db", db.path, "--text", "harga", "--author", "Sari", "--json"])
        let objects = lookalike.stdout.split(separator: "\n")
        #expect(objects.count == 1)
        #expect(objects.first?.contains("\"id\":\(db.ids["harga"]!)") == true)
    }

    @Test func theRejectedQueueFindsAFalsePositiveToApprove() async throws {
        let db = try await Self.database()
        let rejected = try CLI.run(["queue", "--db", db.path, "--kind", "rejected"])
        #expect(rejected.status == 0, "\(rejected.stderr)")
        #expect(rejected.stdout.hasPrefix("rejected queue: 2 comments\n"))
        // Newest first.
        #expect(Self.listed(rejected) == [db.ids["rejectedLater"]!, db.ids["falsePositive"]!])
        let found = try CLI.run(["queue", "--db", db.path, "--kind", "rejected", "--text", "slot"])
        #expect(Self.listed(found) == [db.ids["falsePositive"]!])
        let approve = try CLI.run(["approve", "--db", db.path, "--as", "ana", "--reason", "jadwal tayang", String(db.ids["falsePositive"]!)])
        #expect(approve.status == 0, "\(approve.stderr)")
        #expect(try await db.store.comment(id: db.ids["falsePositive"]!)?.status == .published)
        #expect(Self.listed(try CLI.run(["queue", "--db", db.path, "--kind", "rejected"])) == [db.ids["rejectedLater"]!])
        // Bulk rejection does not work on what is rejected already.
        let bulk = try CLI.run(["reject", "--db", db.path, "--kind", "rejected", "--matching", "judi", "--yes"])
        #expect(bulk.status == 1)
        #expect(bulk.stderr.contains("not on rejected comments"))
    }

    @Test func theSummaryCountsEveryQueueWithinTheFilters() async throws {
        let db = try await Self.database()
        let summary = try CLI.run(["queue", "--db", db.path, "--summary"])
        #expect(summary.status == 0, "\(summary.stderr)")
        #expect(summary.stdout == "pending   3\nflagged   1\nreported  1\nrejected  2\n")
        let json = try CLI.run(["queue", "--db", db.path, "--summary", "--json", "--author", "Budi"])
        #expect(json.stdout == #"{"flagged":0,"pending":0,"rejected":2,"reported":0}"# + "\n")
    }

    @Test func aPatternOverItsBudgetIsReportedNotCountedAsNoMatch() async throws {
        let db = try await Self.database()
        let draft = CommentDraft(
            articleId: "berita-1", authorName: "Tono", authorEmail: nil, body: String(repeating: "a", count: 40) + "!", parentId: nil)
        let costly = try await db.store.submit(draft, verdict: Verdict(status: .pending, publishedBody: draft.body, policyVersion: "v1")).id
        let result = try CLI.run(["queue", "--db", db.path, "--text", "^(a+)+$"])
        #expect(result.status == 0)
        #expect(result.stdout.hasPrefix("pending queue: 0 comments"))
        #expect(result.stderr == "Warning: --text: the pattern ran out of its match budget on 1 comment, left out: #\(costly)\n")
    }

    @Test(arguments: [
        (["--text", "("], "--text does not compile: missing closing parenthesis at offset 1"),
        (["--text", ""], "--text must not be empty"),
        (["--author", " "], "--author must not be empty"),
        (["--kind", "deleted"], "--kind"),
    ])
    func badSearchesAreUsageErrors(arguments: [String], message: String) async throws {
        let db = try await Self.database()
        for command in ["queue", "review"] {
            let result = try CLI.run([command, "--db", db.path] + arguments)
            #expect(result.status == 64, "\(command) \(arguments): \(result.stderr)")
            #expect(result.stderr.hasPrefix("Error: "))
            #expect(result.stderr.contains(message), "\(result.stderr)")
        }
    }

    @Test func anUnknownArticleOrAuthorIsNamedNotAnEmptyQueue() async throws {
        let db = try await Self.database()
        let article = try CLI.run(["queue", "--db", db.path, "--article", "berita-2"])
        #expect(article.status == 1)
        #expect(article.stdout.isEmpty)
        #expect(article.stderr == "Error: no article berita-2: nobody has commented on it and the CMS has not described it\n")
        let author = try CLI.run(["queue", "--db", db.path, "--author", "nobody@example.com"])
        #expect(author.status == 1)
        #expect(author.stderr.contains("no author email:nobody@example.com"))
        let known = try CLI.run(["queue", "--db", db.path, "--article", "berita-1"])
        #expect(known.status == 0)
    }

    @Test func bansListsWhoIsBannedSinceWhenByWhomAndWhy() async throws {
        let db = try await Self.database()
        #expect(try CLI.run(["bans", "--db", db.path]).stdout == "0 banned authors\n")
        #expect(try CLI.run(["ban", "--db", db.path, "--as", "ana", "--reason", "judol \u{1B}[2J", "spam@example.com"]).status == 0)
        #expect(try CLI.run(["ban", "--db", db.path, "--as", "eko", "Sari"]).status == 0)
        let bans = try CLI.run(["bans", "--db", db.path])
        #expect(bans.status == 0, "\(bans.stderr)")
        let lines = bans.stdout.split(separator: "\n").map(String.init)
        #expect(lines.first == "2 banned authors")
        #expect(lines[1].hasPrefix("Sari  name:sari  since 20"))
        #expect(lines[1].hasSuffix(" UTC  by eko"))
        #expect(lines[2].hasPrefix("Spammer  spam@example.com  since "))
        #expect(lines[2].hasSuffix(" UTC  by ana — judol ␛[2J"))
        let json = try CLI.run(["bans", "--db", db.path, "--json"])
        #expect(json.stdout.contains(#""by":"ana""#))
        #expect(json.stdout.contains(#""identity":"email:spam@example.com""#))
        #expect(try CLI.run(["unban", "--db", db.path, "--as", "ana", "Sari"]).status == 0)
        #expect(try CLI.run(["bans", "--db", db.path]).stdout.hasPrefix("1 banned author\n"))
    }

    @Test func showPrintsTimesInUTCAndWhyTheCommentIsHeld() async throws {
        let db = try await Self.database()
        let show = try CLI.run(["show", "--db", db.path, String(db.ids["falsePositive"]!)])
        #expect(show.status == 0)
        #expect(show.stdout.contains(/created:    \d{4}-\d\d-\d\d \d\d:\d\d UTC\n/))
        #expect(show.stdout.contains(/decision \d+: \d{4}-\d\d-\d\d \d\d:\d\d UTC  policy v1  reject → rejected/))
        _ = try CLI.run(["reject", "--db", db.path, "--as", "ana", "--reason", "spam", String(db.ids["other"]!), "--override"])
        let decided = try CLI.run(["show", "--db", db.path, String(db.ids["other"]!)])
        #expect(decided.stdout.contains("why:        rejected by ana: spam"))
    }
}
