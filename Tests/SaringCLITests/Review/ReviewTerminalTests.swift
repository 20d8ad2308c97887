import Foundation
import SaringCore
import Testing

@Suite("saring review: the terminal (the real binary on a pseudo-terminal)")
struct ReviewTerminalTests {
    static let spam = "Mau cuan cepat? Main slot gacor di situs kami, dijamin maxwin! WA 0812-3456-7890"
    static let matches: [ReviewFixture.Match] = [
        .init(
            rule: "judol.keywords", text: "slot gacor", description: "Online-gambling spam keywords", action: "reject", score: 5),
        .init(rule: "judol.keywords", text: "maxwin", description: "Online-gambling spam keywords", action: "reject", score: 5),
        .init(rule: "pii.phone", text: "0812-3456-7890", description: "Phone number in a comment", action: "hold", score: 2),
    ]

    @Test func refusesToStartWithoutATerminalAndSaysWhatToUse() throws {
        let fixture = try ReviewFixture()
        let result = try CLI.run(["review", "--db", fixture.path, "--as", "ana"])
        #expect(result.status == 1)
        #expect(result.stderr.contains("saring review needs a terminal"))
        #expect(result.stderr.contains("saring queue"))
        #expect(result.stderr.contains("saring approve"))
        #expect(result.stderr.contains("saring reject"))
    }

    @Test func showsTheCommentWithItsContextIn80x24() async throws {
        let fixture = try ReviewFixture()
        try await fixture.article(title: "Harga BBM naik lagi, warga antre di SPBU")
        let parent = try await fixture.comment("Semoga harga cepat turun.", author: "Ani", status: .published)
        try await fixture.store.report(commentId: parent, reason: "salah paham")
        _ = try await fixture.comment("Sudah lama", author: "Budi Santoso", email: "budi@example.com", status: .rejected)
        let id = try await fixture.comment(
            Self.spam, author: "Budi Santoso", email: "budi@example.com", parent: parent, status: .published,
            matches: Self.matches)
        try await fixture.store.report(commentId: id, reason: "spam judi")
        try await fixture.store.report(commentId: id, reason: "ada nomor HP")
        let review = try fixture.review(["--kind", "reported"])
        try review.waitFor(showing(parent))
        review.send("a")
        try review.waitFor(showing(id))
        let text = review.text
        #expect(text.contains(" saring review · reported · 1 left"))
        #expect(text.contains("Article  Harga BBM naik lagi, warga antre di SPBU (berita-42)"))
        #expect(text.contains("Author   Budi Santoso <budi@example.com> · 1 published · 1 rejected · 0 pending"))
        #expect(text.contains("Reply to #\(parent) by Ani (published): “Semoga harga cepat turun.”"))
        #expect(text.contains("Main [[slot gacor]] di situs kami, dijamin [[maxwin]]!"))
        #expect(text.contains("[[0812-3456-7890]]"))
        #expect(text.contains("Reports (2): spam judi · ada nomor HP"))
        #expect(text.contains("judol.keywords  reject +5   Online-gambling spam keywords “slot gacor” ×2"))
        #expect(text.contains("pii.phone       hold   +2   Phone number in a comment “0812-3456-7890”"))
        #expect(review.screen.lines[22] == "approved #\(parent) · u undoes")
        #expect(review.screen.lines[23] == "a approve  r reject  s skip  b ban  u undo  t thread  c author  ? help  q quit")
        if ProcessInfo.processInfo.environment["SARING_PRINT_SCREENS"] != nil { print(review.screen.picture) }
        review.send("q")
        #expect(try review.waitForExit() == 0)
    }

    @Test func noColorMeansNoColourEscapesAndBracketedHighlights() async throws {
        let fixture = try ReviewFixture()
        let id = try await fixture.comment(Self.spam, matches: Self.matches)
        let review = try fixture.review(noColor: true)
        try review.waitFor(showing(id))
        review.send("?")
        try review.waitFor("Keys")
        review.send("x")
        try review.waitFor(showing(id))
        review.send("q")
        #expect(try review.waitForExit() == 0)
        let output = String(decoding: review.output, as: UTF8.self)
        #expect(output.contains("[[slot gacor]]"))
        #expect(output.firstMatch(of: /\u{1B}\[[0-9;]*m/) == nil)
    }

    @Test func withoutNoColorHighlightsAreColouredNotBracketed() async throws {
        let fixture = try ReviewFixture()
        let id = try await fixture.comment(Self.spam, matches: Self.matches)
        let review = try fixture.review(noColor: false)
        try review.waitFor(showing(id))
        review.send("q")
        #expect(try review.waitForExit() == 0)
        let output = String(decoding: review.output, as: UTF8.self)
        #expect(output.contains("\u{1B}[7;31mslot gacor\u{1B}[0m"))
        #expect(!output.contains("[[slot gacor]]"))
    }

    @Test func redrawsForTheNewSizeWhenTheWindowIsResized() async throws {
        let fixture = try ReviewFixture()
        let words = (1...40).map { "kata\($0)" }.joined(separator: " ")
        let id = try await fixture.comment(words)
        let review = try fixture.review()
        try review.waitFor(showing(id))
        #expect(review.screen.lines.allSatisfy { $0.count <= 80 })
        #expect(review.text.contains("kata1 kata2"))

        review.resize(width: 120, height: 30)
        try review.waitUntil("lines wider than 80 columns") { $0.lines.contains { $0.count > 80 } }
        #expect(review.screen.lines.last?.hasPrefix("a approve") == true)

        review.resize(width: 50, height: 14)
        // The key line wraps to the last two rows.
        try review.waitUntil("the footer at rows 13-14") { $0.lines[12].hasPrefix("a approve") && $0.lines[13] == "t thread  c author  ? help  q quit" }
        #expect(review.screen.lines.allSatisfy { $0.count <= 50 })
        #expect(review.text.contains(showing(id)))

        review.resize(width: 30, height: 8)
        try review.waitFor("Window too small (30×8)")
        review.send("a")  // Not acted on: the comment cannot be seen.
        review.send("q")
        #expect(try review.waitForExit() == 0)
        #expect(try await fixture.status(id) == .pending)
    }

    @Test func aCommentLongerThanTheWindowSaysSoAndScrolls() async throws {
        let fixture = try ReviewFixture()
        let body = (1...60).map { "Baris \($0) dari komentar yang sangat panjang ini." }.joined(separator: "\n")
        let id = try await fixture.comment(body)
        let review = try fixture.review()
        try review.waitFor(showing(id))
        try review.waitFor("lines 1–")
        #expect(review.text.contains("of 60 · j/k scroll"))
        #expect(review.text.contains("Baris 1 dari"))
        review.send("jjj")
        try review.waitFor("lines 4–")
        #expect(!review.text.contains("Baris 3 dari"))
        #expect(review.text.contains("Baris 4 dari"))
        review.send("q")
        #expect(try review.waitForExit() == 0)
    }

    @Test func escapeSequencesInACommentAreShownNotObeyed() async throws {
        let fixture = try ReviewFixture()
        let id = try await fixture.comment("awas\u{1B}[2J\u{1B}[31mmerah")
        let review = try fixture.review()
        try review.waitFor(showing(id))
        #expect(review.text.contains("awas␛[2J␛[31mmerah"))
        review.send("q")
        #expect(try review.waitForExit() == 0)
    }
}
