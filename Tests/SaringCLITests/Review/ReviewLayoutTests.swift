import Foundation
import SaringCore
import Testing

@testable import saring

@Suite("saring review: keys and layout (pure parts)")
struct ReviewLayoutTests {
    @Test(arguments: [
        ("a", [Key.character("a")]),
        ("\u{1B}", [.escape]),
        ("\u{1B}[A\u{1B}[B", [.up, .down]),
        ("\u{1B}[5~\u{1B}[6~", [.pageUp, .pageDown]),
        ("\r\u{7F}\u{03}", [.enter, .backspace, .interrupt]),
        ("\u{1B}a", [.other]),  // Alt+a is not Esc followed by approve.
        ("é", [.character("é")]),
    ])
    func decodesKeys(input: String, expected: [Key]) {
        var decoder = KeyDecoder()
        #expect(decoder.feed(Array(input.utf8)) == expected)
    }

    @Test func completesAnEscapeSequenceOrCharacterSplitAcrossReads() {
        var decoder = KeyDecoder()
        #expect(decoder.feed([0x1B, UInt8(ascii: "[")]) == [])
        #expect(decoder.feed([UInt8(ascii: "A")]) == [.up])
        let bytes = Array("ü".utf8)
        #expect(decoder.feed([bytes[0]]) == [])
        #expect(decoder.feed([bytes[1]]) == [.character("ü")])
    }

    @Test func highlightsSpansByScalarOffsetsAndWrapsBetweenWords() {
        let body = "Cafe\u{301} main slot gacor sekarang"
        let start = body.unicodeScalars.count - "slot gacor sekarang".unicodeScalars.count
        let lines = BodyLayout.lines(body, spans: [start..<(start + 10)], width: 20, markers: true).map(\.text)
        #expect(lines == ["Café main [[slot", "gacor]] sekarang"])
        let coloured = BodyLayout.lines(body, spans: [start..<(start + 10)], width: 80, markers: false)
        #expect(coloured[0].runs.map(\.style) == [.plain, .highlight, .plain])
        #expect(coloured[0].runs[1].text == "slot gacor")
    }

    @Test func countsWideCharactersAsTwoColumns() {
        let lines = BodyLayout.lines("你好世界你好世界", spans: [], width: 7, markers: true)
        #expect(lines.map(\.text) == ["你好世", "界你好", "世界"])
        #expect(lines.allSatisfy { $0.width <= 7 })
    }

    @Test func sanitizingKeepsOneScalarPerScalarSoSpansStillPointAtTheirText() {
        let text = "a\u{1B}[31mb\tc\u{202E}d\r\n"
        let clean = TextWidth.sanitized(text)
        #expect(clean.unicodeScalars.count == text.unicodeScalars.count)
        #expect(!clean.unicodeScalars.contains { $0.value == 0x1B || $0.value == 0x202E })
    }

    @Test(arguments: [(80, 24), (40, 12), (52, 14), (120, 40), (200, 60)])
    func everyModeFitsTheWindow(width: Int, height: Int) {
        let modes: [ReviewState.Mode] = [
            .browsing, .help, .choosingReason(), .typingReason(String(repeating: "x", count: 150)),
            .confirmingBan(
                BanPlan(
                    identity: "name:spammer", name: String(repeating: "S", count: 90), previousStanding: .normal,
                    pendingCount: 12,
                    rejectsShownComment: true)),
        ]
        for mode in modes {
            var state = Self.busyState()
            state.mode = mode
            state.notice = .error(String(repeating: "very long error ", count: 30))
            let frame = ReviewScreen(state: state, width: width, height: height, markers: true, now: Date()).frame()
            #expect(frame.lines.count <= height, "\(mode) at \(width)×\(height)")
            #expect(frame.lines.allSatisfy { $0.width <= width }, "\(mode) at \(width)×\(height)")
            if mode != .help {
                #expect(frame.lines.last?.text.isEmpty == false, "the key line shows in \(mode) at \(width)×\(height)")
                #expect(
                    frame.lines.contains { $0.text.hasPrefix("Baris 1:") },
                    "the comment shows in \(mode) at \(width)×\(height):\n\(frame.lines.map(\.text).joined(separator: "\n"))")
                #expect(frame.lines.contains { $0.text.hasPrefix("Comment  #123456") })
            }
            if let cursor = frame.cursor {
                #expect((1...height).contains(cursor.row) && (1...width).contains(cursor.column))
            }
        }
    }

    @Test(arguments: [(80, 24), (40, 12), (52, 14), (120, 40)])
    func theThreadAndAuthorListsFitTheWindowAndKeepTheCommentInView(width: Int, height: Int) {
        var state = Self.busyState()
        let comment = state.item!.comment
        let entries = (0..<100).map { n in
            var other = comment
            other.id = Int64(1_000 + n)
            return ThreadEntry(comment: other, depth: n % 9)
        }
        for kind in [CommentList.Kind.thread, .author(name: String(repeating: "Budi ", count: 30))] {
            state.mode = .viewing(CommentList(kind: kind, focus: 1_070, entries: entries))
            let lines = ReviewScreen(state: state, width: width, height: height, markers: true, now: Date()).frame().lines
            #expect(lines.count <= height)
            #expect(lines.allSatisfy { $0.width <= width }, "\(kind) at \(width)×\(height)")
            #expect(lines.contains { $0.text.hasPrefix("▶ ") && $0.text.contains("#1070 ") }, "\(kind) at \(width)×\(height)")
            #expect(lines.contains { $0.text.hasPrefix("… ") && $0.text.contains("more not shown") })
            #expect(lines.last?.text == "any key: back to the comment")
        }
    }

    /// `Hаrgа` (Cyrillic а): the mixed-script rule's two matches are one highlight, one quote, no ×2.
    @Test func aRuleMatchingTwiceInOneWordIsOneRowQuotingTheWord() {
        var state = Self.busyState()
        let body = "Hаrgа naik, Hаrgа turun"
        let hits = [0..<2, 3..<5, 12..<14, 15..<17].map {
            RuleHit(ruleId: "judol.raw-mixed-script", category: "judol", description: "Mixed scripts", action: .hold, field: .body, span: $0)
        }
        state.item!.comment.body = body
        state.item!.comment.publishedBody = body
        state.item!.hits = hits
        state.item!.reports = []
        let text = ReviewScreen(state: state, width: 80, height: 24, markers: true, now: Date()).frame().lines.map(\.text)
        #expect(text.contains("[[Hаrgа]] naik, [[Hаrgа]] turun"))
        #expect(text.contains { $0.hasSuffix("Mixed scripts “Hаrgа” ×2") }, "\(text)")
    }

    @Test func theHeaderGivesWayToTheDatabasesNameThenCountsThenScope() {
        var state = Self.busyState()
        state.database = "/srv/saring/production/data/" + String(repeating: "x", count: 40) + "/saring.sqlite"
        state.counts = [.pending: 12, .reported: 3]
        func header(_ width: Int) -> String {
            ReviewScreen(state: state, width: width, height: 24, markers: true, now: Date()).header().text
        }
        #expect(header(200).contains("flagged · 4321 left · 3 skipped · article artikel-1 · pending 12 · reported 3"))
        #expect(header(200).hasSuffix("\(state.database) · as ana "))
        #expect(header(120).hasSuffix("…/saring.sqlite · as ana "))
        #expect(header(120).contains("article artikel-1 · pending 12 · reported 3"))
        #expect(header(100).contains("article artikel-1") && !header(100).contains("pending 12"))
        #expect(header(80).hasSuffix("…/saring.sqlite · as ana ") && !header(80).contains("article"))
        for width in [40, 52, 80, 100, 200] { #expect(TextWidth.columns(header(width)) <= width) }
    }

    @Test func aLongCommentSaysWhichLinesAreShown() {
        let state = Self.busyState()
        let screen = ReviewScreen(state: state, width: 80, height: 24, markers: true, now: Date())
        let text = screen.frame().lines.map(\.text).joined(separator: "\n")
        #expect(text.contains("── comment · lines 1–"))
        #expect(text.contains("j/k scroll"))
        #expect(screen.bodyScrollLimit() > 0)
    }

    static func busyState() -> ReviewState {
        let body = (1...40).map { "Baris \($0): main slot gacor di situs kami, daftar sekarang." }.joined(separator: "\n")
        let hits = (0..<12).map { n in
            RuleHit(
                ruleId: "rule.number\(n).with.a.rather.long.identifier", category: "judol",
                description: "A description that goes on for quite a while to test truncation", action: .reject,
                score: 2.5, field: .body, span: 14..<24)
        }
        let comment = Comment(
            id: 123_456, articleId: String(repeating: "a", count: 120), parentId: 7,
            authorName: String(repeating: "Budi ", count: 20),
            authorEmail: "budi@example.com", body: body, publishedBody: body, status: .pending, flagged: true, score: 30,
            createdAt: Date(timeIntervalSinceNow: -7200))
        let parent = Comment(
            id: 7, articleId: "a", parentId: nil, authorName: "Ani", authorEmail: nil,
            body: String(repeating: "induk ", count: 50),
            publishedBody: "", status: .published, flagged: false, score: 0, createdAt: Date())
        let item = QueueItem(
            comment: comment, articleTitle: String(repeating: "Judul panjang ", count: 20),
            author: AuthorSummary(
                identity: "email:budi@example.com", name: "Budi", standing: .banned, published: 3, rejected: 9, pending: 12),
            hits: hits, policyVersion: "v1", reports: Array(repeating: "spam", count: 30), parent: parent, lastDecisionId: 1,
            claimedBy: "ana")
        var state = ReviewState(filter: QueueFilter(kind: .flagged, articleId: "artikel-1"), moderator: "ana")
        state.item = item
        state.remaining = 4321
        state.skipped = 3
        return state
    }
}
