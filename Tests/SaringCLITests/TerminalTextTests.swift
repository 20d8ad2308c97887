import Testing

@testable import saring

@Suite("TerminalText: what a terminal would obey becomes visible")
struct TerminalTextTests {
    @Test(arguments: [
        ("plain text, ünïcödé, 你好, 🎉", TerminalText.LineBreaks.shown, "plain text, ünïcödé, 你好, 🎉"),
        ("\u{1B}[2Jclear", .shown, "␛[2Jclear"),
        ("\u{1B}]0;title\u{07}", .shown, "␛]0;title␇"),
        ("over\rwrite", .kept, "over␍write"),
        ("line\r\nnext", .kept, "line \nnext"),
        ("line\r\nnext", .spaces, "line  next"),
        ("line\r\nnext", .shown, "line␍␊next"),
        ("a\nb", .shown, "a␊b"),
        ("a\tb", .kept, "a b"),
        ("nul\u{00} del\u{7F} us\u{1F}", .shown, "nul␀ del␡ us␟"),
        ("csi\u{9B}31m nel\u{85} c1\u{80}", .shown, "csi\u{FFFD}31m nel\u{FFFD} c1\u{FFFD}"),
        ("\u{202E}kilab\u{202C} \u{2066}x\u{2069} \u{200F}", .shown, "\u{FFFD}kilab\u{FFFD} \u{FFFD}x\u{FFFD} \u{FFFD}"),
    ])
    func replacesWhatATerminalObeys(text: String, lineBreaks: TerminalText.LineBreaks, expected: String) {
        #expect(TerminalText.neutralized(text, lineBreaks: lineBreaks) == expected)
    }

    @Test(arguments: [TerminalText.LineBreaks.shown, .kept, .spaces])
    func keepsOneScalarPerScalarSoSpansStillPointAtTheirText(lineBreaks: TerminalText.LineBreaks) {
        let text = "a\u{1B}[31mb\tc\u{202E}d\r\n\u{9B}e\u{7F}\r"
        let clean = TerminalText.neutralized(text, lineBreaks: lineBreaks)
        #expect(clean.unicodeScalars.count == text.unicodeScalars.count)
        let spans = [2..<6, 8..<9, 10..<11]
        let original = Array(text.unicodeScalars)
        let shown = Array(clean.unicodeScalars)
        for span in spans { #expect(shown[span] == original[span]) }
    }

    @Test func highlightingNeutralizedTextKeepsOnlyTheHighlightsEscapes() {
        let body = "x\u{1B}[2J slot"
        let highlighted = Highlighter.highlight(TerminalText.neutralized(body), spans: [6..<10], style: .ansi)
        #expect(highlighted == "x␛[2J \u{1B}[7;31mslot\u{1B}[0m")
    }
}
