import Foundation
import SaringStore
import Testing

@testable import saring

@Suite("One way of saying things: spans, plurals, times, the README's error codes")
struct ConsistencyTests {
    static func highlighted(_ text: String, _ spans: [Range<Int>]) -> String {
        Highlighter.highlight(text, spans: spans, style: .plain)
    }

    /// `Hаrgа` with Cyrillic а: the mixed-script rule matches `Hа` and `gа`, never the `r`.
    @Test func aMatchOverMixedScriptsIsOneHighlight() {
        #expect(Self.highlighted("Hаrgа naik", [0..<2, 3..<5]) == "[[Hаrgа]] naik")
        #expect(BodyLayout.lines("Hаrgа naik", spans: [0..<2, 3..<5], width: 40, markers: true).map(\.text) == ["[[Hаrgа]] naik"])
    }

    @Test(arguments: [
        ([0..<2, 2..<4], [0..<4]),  // touching
        ([0..<3, 1..<4], [0..<4]),  // overlapping
        ([3..<5, 0..<2], [0..<5]),  // out of order, one letter apart
        ([0..<2, 3..<5, 9..<11], [0..<5, 9..<11]),  // a space keeps words apart
        ([0..<0, 20..<30], []),  // empty and out of range are dropped
    ])
    func spansMergeWithinAWordOnly(spans: [Range<Int>], expected: [Range<Int>]) {
        #expect(SpanMerging.merged(spans, in: "Hаrgа naik lagi") == expected)
    }

    @Test func separateWordsStaySeparateHighlights() {
        #expect(Self.highlighted("slot gacor, maxwin", [0..<10, 12..<18]) == "[[slot gacor]], [[maxwin]]")
        #expect(Self.highlighted("slot-gacor", [0..<4, 5..<10]) == "[[slot]]-[[gacor]]")
    }

    @Test(arguments: [(0, "0 comments"), (1, "1 comment"), (2, "2 comments")])
    func countsAgreeWithTheirNoun(count: Int, expected: String) {
        #expect(Plural.count(count, "comment") == expected)
    }

    @Test func timesAreUTCWithTheZoneWrittenOut() {
        #expect(TimeText.utc(Date(timeIntervalSince1970: 1_800_000_000)) == "2027-01-15 08:00 UTC")
        #expect(ReviewScreen.timestamp(Date(timeIntervalSince1970: 0)) == "1970-01-01 00:00 UTC")
    }

    /// Every code the submit endpoint's validation can answer is in the README's error table.
    @Test func everyValidationCodeIsInTheREADMEsErrorTable() throws {
        let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
        let readme = try String(contentsOf: root.appendingPathComponent("README.md"), encoding: .utf8)
        let source = try String(
            contentsOf: root.appendingPathComponent("Sources/SaringCore/Comments/CommentDraft+Validation.swift"), encoding: .utf8)
        let codes = source.matches(of: /code: "([a-z_]+)"/).map { String($0.1) }
        #expect(codes.contains("invalid_author_name"))
        for code in Set(codes) {
            #expect(readme.contains("| `\(code)` |") || readme.contains("/ `\(code)` |") || readme.contains("`\(code)` / "), "\(code)")
        }
    }

    /// `approve`/`reject` report each refused id the way every command reports its failure.
    @Test func errorsReadTheSameWhicheverCommandPrintsThem() throws {
        let path = try CLI.temporaryFolder().appendingPathComponent("e.sqlite").path
        try SaringStore(path: path).migrate()
        let show = try CLI.run(["show", "--db", path, "999"])
        let approve = try CLI.run(["approve", "--db", path, "--as", "ana", "999"])
        let reject = try CLI.run(["reject", "--db", path, "--as", "ana", "999"])
        for result in [show, approve, reject] {
            #expect(result.status == 1)
            #expect(result.stderr == "Error: comment 999 does not exist\n")
        }
        let usage = try CLI.run(["queue", "--db", path, "--limit", "0"])
        #expect(usage.status == 64)
        #expect(usage.stderr.hasPrefix("Error: --limit must be 1-1000\n"))
    }
}
