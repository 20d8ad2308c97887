import Foundation
import GRDB
import SaringCore
import SaringStore
import Testing

@Suite("Import of a WordPress export (the real binary)")
struct WordPressImportCLITests {
    static func importFixture(_ text: String = WordPressFixture.wxr, arguments: [String] = []) throws -> (
        CLIResult, db: String, file: String
    ) {
        let folder = try CLI.temporaryFolder()
        let file = folder.appendingPathComponent("wordpress.xml").path
        try Data(text.utf8).write(to: URL(fileURLWithPath: file))
        let db = folder.appendingPathComponent("pindah.sqlite").path
        return (try CLI.run(["import", "--db", db, file, "--format", "wordpress"] + arguments, in: folder), db, file)
    }

    @Test func postsBecomeArticlesAndCommentsKeepTheirThreadsStatusesAndAuthors() async throws {
        let (result, db, _) = try Self.importFixture()
        #expect(result.status == 0, "\(result.stderr)")
        #expect(result.stdout.contains("imported 5 comments"), "\(result.stdout)")
        #expect(result.stdout.contains("3 new articles"))
        #expect(result.stdout.contains("left out 1 pingback"))
        let store = try SaringStore(path: db, mode: .existingOnly)
        let beras = try #require(try await store.article(id: "412"))
        #expect(beras.title == "Harga beras naik, warga antre operasi pasar & sembako murah")
        #expect(beras.url == "https://wartakota.example/2024/03/harga-beras-naik/")
        #expect(beras.section == "Ekonomi")
        #expect(beras.isOpen)
        #expect(try await store.article(id: "415")?.isOpen == false)
        #expect(try await store.article(id: "2")?.title == "Tentang kami")
        #expect(try await store.article(id: "416") == nil)

        let root = try #require(try await store.comment(id: 1001))
        let reply = try #require(try await store.comment(id: 1003))
        let answer = try #require(try await store.comment(id: 1004))
        #expect(root.parentId == nil && root.status == .published)
        #expect(reply.parentId == 1001 && reply.status == .published)
        #expect(reply.body == "Betul, di pasar kami juga sudah Rp 14.500 per kilo. Semoga operasi pasar <b>rutin</b> diadakan.")
        #expect(answer.parentId == 1003 && answer.status == .pending)
        #expect(answer.body == "Terima kasih infonya, Pak Yusuf \u{2014} saya coba ke pasar \"Induk\" besok.")
        #expect(answer.createdAt == Date(timeIntervalSince1970: 1_709_289_910))
        #expect(try await store.comment(id: 1005)?.status == .rejected)
        #expect(try await store.comment(id: 1006) == nil)
        let krl = try #require(try await store.comment(id: 1010))
        #expect(krl.body == "Perjalanan terakhir ke Bogor jam berapa sekarang?\nDi aplikasi belum berubah.")
        // One author for Siti's two comments (e-mail compared lower-cased); a logged-in user by id.
        #expect(try await store.author(AuthorIdentity(moderatorInput: "siti.n@example.net"))?.pending == 1)
        #expect(try await store.author(AuthorIdentity(moderatorInput: "user:7")) != nil)
        let history = try await store.decisions(commentId: 1004)
        #expect(history.map(\.reasons) == [["imported from WordPress (wp:comment_approved 0)"]])
        #expect(history.first?.actor == .system)

        // The public list shows the thread as readers saw it on WordPress.
        let page = try await store.publishedPage(articleId: "412", afterId: nil, limit: 50)
        #expect(page.comments.map(\.id) == [1001, 1003])
    }

    @Test func withJudgeThePolicyDecidesEachImportedComment() async throws {
        let folder = try CLI.temporaryFolder()
        try CLI.write(
            [
                "judol.yaml": """
                rules:
                  - id: judol.slot
                    description: Online-gambling spam
                    pattern: 'slot\\s*gacor'
                    action: reject
                    examples:
                      match: ["main slot gacor"]
                      no-match: ["slot parkir penuh"]
                  - id: pasar.tahan
                    description: Held to test import
                    words: [kelurahan]
                    action: hold
                    examples:
                      match: ["antre di kelurahan"]
                """
            ], to: folder.appendingPathComponent("Policies"))
        let (result, db, _) = try Self.importFixture(arguments: ["--judge", "--policies", folder.appendingPathComponent("Policies").path])
        #expect(result.status == 0, "\(result.stderr)")
        #expect(result.stdout.contains("the policy changed the status of 2"), "\(result.stdout)")
        let store = try SaringStore(path: db, mode: .existingOnly)
        #expect(try await store.comment(id: 1001)?.status == .pending)
        #expect(try await store.comment(id: 1003)?.status == .published)
        #expect(try await store.comment(id: 1004)?.status == .published)
        let history = try await store.decisions(commentId: 1001)
        #expect(history.map(\.actor) == [.system, .policy])
        #expect(try await store.hits(commentId: 1001).map(\.ruleId) == ["pasar.tahan"])
    }

    @Test(arguments: [
        (
            "<wp:comment_parent>1001</wp:comment_parent>", "<wp:comment_parent>999</wp:comment_parent>",
            "wp:comment 1 of item 1 (line 28): wp:comment_parent 999 is not a comment of this post"
        ),
        (
            "<wp:comment_id>1010</wp:comment_id>", "<wp:comment_id>sepuluh</wp:comment_id>",
            "wp:comment 1 of item 2 (line 96): wp:comment_id must be a positive number"
        ),
        ("<wp:post_id>415</wp:post_id>", "<wp:post_id></wp:post_id>", "item 2 (line 88): wp:post_id must be a positive number"),
        (
            "<wp:comment_date><![CDATA[2024-03-03 19:30:00]]></wp:comment_date>\n            <wp:comment_date_gmt><![CDATA[2024-03-03 12:30:00]]>",
            "<wp:comment_date><![CDATA[kemarin]]></wp:comment_date>\n            <wp:comment_date_gmt><![CDATA[kemarin sore]]>",
            "wp:comment 1 of item 2 (line 96): wp:comment_date_gmt must be a time"
        ),
        (
            "Perjalanan terakhir", "Perjalanan\u{1B}[31m terakhir",
            "line 102, column 42: not well-formed XML (a character XML does not allow"
        ),
        (
            "</wp:comment_content>\n            <wp:comment_approved><![CDATA[0]]>",
            "</wp:comment_contents>\n            <wp:comment_approved><![CDATA[0]]>", "not well-formed XML"
        ),
        ("<channel>", "<kanal>", "not well-formed XML"),
    ])
    func aBadElementIsRefusedWithItsPositionAndNothingIsStored(find: String, replace: String, message: String) async throws {
        let broken = WordPressFixture.wxr.replacingOccurrences(of: find, with: replace)
        #expect(broken != WordPressFixture.wxr)
        let (result, db, file) = try Self.importFixture(broken)
        #expect(result.status == 1)
        #expect(result.stderr.contains(file), "\(result.stderr)")
        #expect(result.stderr.contains(message), "\(result.stderr)")
        #expect(result.stderr.contains("nothing was imported"))
        let store = try SaringStore(path: db, mode: .existingOnly)
        #expect(try await store.commentCounts().values.reduce(0, +) == 0)
        #expect(try await store.article(id: "412") == nil)
    }

    @Test func aFileThatIsNotAWordPressExportIsRefused() async throws {
        let (result, _, _) = try Self.importFixture("<?xml version=\"1.0\"?><html><body>bukan ekspor</body></html>")
        #expect(result.status == 1)
        #expect(result.stderr.contains("not a WordPress export"), "\(result.stderr)")
    }
}
