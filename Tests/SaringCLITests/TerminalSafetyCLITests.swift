import Foundation
import SaringCore
import SaringStore
import Testing

/// Stored text that tries to steer the moderator's terminal is shown, not obeyed, by every command
/// that prints it. The HTTP API refuses most of these characters, so the data is put in through
/// the store, as a bug or an older version might have left it.
@Suite("Terminal control sequences in stored text (the real binary)")
struct TerminalSafetyCLITests {
    static let clear = "\u{1B}[2J"
    static let retitle = "\u{1B}]0;title\u{07}"
    static let body = "main slot gacor \(clear)\(retitle) baris\rtimpa \u{9B}31m merah \u{202E}balik\r\nlagi"
    static let name = "Budi\u{1B}[31m\u{202E}"
    static let email = "budi\u{1B}]0;x\u{07}@example.com"

    /// A database with one pending comment whose body, author name, e-mail and hit description carry
    /// control sequences, replying to a published one whose author name, body and report do too.
    static func database() async throws -> (path: String, store: SaringStore, id: Int64, parentId: Int64) {
        let path = try CLI.temporaryFolder().appendingPathComponent("terminal.sqlite").path
        let store = try SaringStore(path: path)
        try store.migrate()
        let parentBody = "induk\u{1B}[2J\rtimpa"
        let parent = try await store.submit(
            CommentDraft(articleId: "a1", authorName: "Ani\u{07}", authorEmail: nil, body: parentBody, parentId: nil),
            verdict: Verdict(status: .published, score: 0, hits: [], publishedBody: parentBody, policyVersion: "v1"))
        try await store.report(commentId: parent.id, reason: "spam\u{07}\r\u{9B}2J")
        let draft = CommentDraft(articleId: "a1", authorName: name, authorEmail: email, body: body, parentId: parent.id)
        let hits = [
            RuleHit(
                ruleId: "judol.keywords", category: "judol", description: "Gambling\u{1B}[8m", action: .hold, score: 0,
                span: 5..<15)
        ]
        let verdict = Verdict(status: .pending, score: 1, hits: hits, publishedBody: body, policyVersion: "v1")
        let id = try await store.submit(draft, verdict: verdict).id
        return (path, store, id, parent.id)
    }

    /// Fails for every scalar a terminal would obey rather than show (line feeds aside).
    static func expectInert(_ output: String, _ what: String, sourceLocation: SourceLocation = #_sourceLocation) {
        let obeyed = output.unicodeScalars.filter { scalar in
            switch scalar.value {
            case 0x0A: false
            case 0x00...0x1F, 0x7F...0x9F, 0x202A...0x202E, 0x2066...0x2069: true
            default: false
            }
        }
        #expect(obeyed.isEmpty, "\(what) printed \(obeyed.map { String(format: "U+%04X", $0.value) })", sourceLocation: sourceLocation)
    }

    @Test func showPrintsControlSequencesAsVisibleStandIns() async throws {
        let db = try await Self.database()
        let result = try CLI.run(["show", "--db", db.path, String(db.id)])
        #expect(result.status == 0, "\(result.stderr)")
        Self.expectInert(result.stdout, "show")
        #expect(result.stdout.contains("text:       main [[slot gacor]] ␛[2J␛]0;title␇ baris␍timpa \u{FFFD}31m merah \u{FFFD}balik \nlagi"))
        #expect(result.stdout.contains("author:     Budi␛[31m\u{FFFD} <email:budi␛]0;x␇@example.com>"))
        #expect(result.stdout.contains("— Gambling␛[8m"))
        #expect(result.stdout.contains("reply to:   \(db.parentId) Ani␇: induk␛[2J␍timpa"))
        let parent = try CLI.run(["show", "--db", db.path, String(db.parentId)])
        #expect(parent.status == 0, "\(parent.stderr)")
        Self.expectInert(parent.stdout, "show of a reported comment")
        #expect(parent.stdout.contains("report:     spam␇␍\u{FFFD}2J"))
    }

    @Test func queueTablePrintsControlSequencesAsVisibleStandIns() async throws {
        let db = try await Self.database()
        let result = try CLI.run(["queue", "--db", db.path])
        #expect(result.status == 0, "\(result.stderr)")
        Self.expectInert(result.stdout, "queue")
        #expect(result.stdout.contains("  Budi␛[31m\u{FFFD}  pending"))
        #expect(result.stdout.contains("main slot gacor ␛[2J␛]0;title␇ baris␍timpa \u{FFFD}31m"))
    }

    @Test func queueJSONEscapesControlSequencesAndStaysExact() async throws {
        let db = try await Self.database()
        let result = try CLI.run(["queue", "--db", db.path, "--json"])
        #expect(result.status == 0, "\(result.stderr)")
        Self.expectInert(result.stdout.trimmingCharacters(in: .newlines), "queue --json")
        let object = try JSONSerialization.jsonObject(with: Data(result.stdout.utf8)) as? [String: Any]
        #expect(object?["body"] as? String == Self.body)
        #expect((object?["author"] as? [String: Any])?["name"] as? String == Self.name)
    }

    @Test func bulkRejectSamplesAndPromptPrintControlSequencesAsVisibleStandIns() async throws {
        let db = try await Self.database()
        let dry = try CLI.run(["reject", "--db", db.path, "--matching", #"slot\s*gacor"#, "--dry-run"])
        #expect(dry.status == 0, "\(dry.stderr)")
        Self.expectInert(dry.stdout, "reject --matching --dry-run")
        #expect(dry.stdout.contains("a1  Budi␛[31m\u{FFFD}  main [[slot gacor]] ␛[2J␛]0;title␇ baris␍timpa"))
        let pattern = #"gacor|\#u{1B}\[2J"#
        let unconfirmed = try CLI.run(["reject", "--db", db.path, "--as", "mod\u{1B}[5m", "--matching", pattern])
        #expect(unconfirmed.status == 1)
        Self.expectInert(unconfirmed.stdout + unconfirmed.stderr, "reject --matching without --yes")
        #expect(unconfirmed.stdout.contains(#"1 pending comment matches gacor|␛\[2J"#))
    }

    @Test func policyTestPrintsControlSequencesAsVisibleStandIns() throws {
        let folder = try CLI.temporaryFolder()
        try CLI.write(["rules.yaml": PolicyCLITests.rules], to: folder)
        let result = try CLI.run(["policy", "test", "--policies", folder.path, "--author", Self.name, Self.body])
        #expect(result.status == 0, "\(result.stderr)")
        Self.expectInert(result.stdout, "policy test")
        #expect(result.stdout.contains("text:       main [[slot gacor]] ␛[2J␛]0;title␇ baris␍timpa \u{FFFD}31m merah"))
        #expect(result.stdout.contains("hit:        judol.keywords [judol] reject body 5..<15 \"slot gacor\""))
        #expect(result.stdout.contains("normalized: "))
    }

    @Test func decisionAndStandingMessagesAndErrorsPrintControlSequencesAsVisibleStandIns() async throws {
        let db = try await Self.database()
        let approved = try CLI.run(["approve", "--db", db.path, "--as", "budi\u{1B}[8m", String(db.id)])
        #expect(approved.status == 0, "\(approved.stderr)")
        let refused = try CLI.run(["reject", "--db", db.path, "--as", "sari", String(db.id)])
        #expect(refused.status == 1)
        Self.expectInert(refused.stderr, "reject over another moderator's decision")
        #expect(refused.stderr.contains("already approved by budi␛[8m"))

        let ban = try CLI.run(["ban", "--db", db.path, Self.email, "--reason", "judol\u{1B}[2J"])
        #expect(ban.status == 0, "\(ban.stderr)")
        Self.expectInert(ban.stdout, "ban")
        #expect(ban.stdout.contains("banned budi␛]0;x␇@example.com; rejected 0 pending comments"))

        let unknown = try CLI.run(["trust", "--db", db.path, "nobody\u{1B}[2J\u{9B}1m@example.com"])
        #expect(unknown.status == 1)
        Self.expectInert(unknown.stderr, "trust of an unknown author")
        #expect(unknown.stderr.contains("no author email:nobody␛[2j\u{FFFD}1m@example.com"))  // identities are lower-cased
    }

    @Test func argumentErrorsPrintControlSequencesAsVisibleStandIns() throws {
        let result = try CLI.run(["queue", "--since", "2\u{1B}[2Jh", "--db", "/tmp/never-\(UUID().uuidString).sqlite"])
        #expect(result.status == 64)
        Self.expectInert(result.stderr, "a refused --since")
        #expect(result.stderr.contains("got '2␛[2Jh'"))
    }
}
