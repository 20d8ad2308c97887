import Foundation

/// How to mark highlighted text: ANSI reverse video on a colour terminal, brackets otherwise
/// (a pipe, a file, or `NO_COLOR` set).
struct TerminalStyle {
    let open: String
    let close: String

    static let plain = TerminalStyle(open: "[[", close: "]]")
    static let ansi = TerminalStyle(open: "\u{1B}[7;31m", close: "\u{1B}[0m")

    static func forStandardOutput() -> TerminalStyle {
        let noColor = ProcessInfo.processInfo.environment["NO_COLOR"].map { !$0.isEmpty } ?? false
        return isatty(STDOUT_FILENO) == 1 && !noColor ? .ansi : .plain
    }
}

/// Marks spans (Unicode-scalar offsets) of a text.
enum Highlighter {
    static func highlight(_ text: String, spans: [Range<Int>], style: TerminalStyle) -> String {
        let scalars = Array(text.unicodeScalars)
        var opens = Set<Int>()
        var closes = Set<Int>()
        var covered = [Bool](repeating: false, count: scalars.count)
        for span in SpanMerging.merged(spans, in: text) {
            for i in span { covered[i] = true }
        }
        for i in 0..<scalars.count where covered[i] {
            if i == 0 || !covered[i - 1] { opens.insert(i) }
            if i == scalars.count - 1 || !covered[i + 1] { closes.insert(i) }
        }
        var result = ""
        for (i, scalar) in scalars.enumerated() {
            if opens.contains(i) { result += style.open }
            result.unicodeScalars.append(scalar)
            if closes.contains(i) { result += style.close }
        }
        return result
    }

    static func excerpt(_ text: String, _ span: Range<Int>) -> String {
        let scalars = Array(text.unicodeScalars)
        guard span.upperBound <= scalars.count else { return "" }
        var result = String.UnicodeScalarView()
        result.append(contentsOf: scalars[span])
        return String(result)
    }
}
