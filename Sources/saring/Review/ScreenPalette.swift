import Foundation

/// Whether the screen may use colour: not when `NO_COLOR` is set (https://no-color.org). Without
/// colour no SGR sequence is written at all; cursor movement and clearing still are.
struct ScreenPalette: Sendable {
    let colour: Bool

    static func fromEnvironment(_ environment: [String: String] = ProcessInfo.processInfo.environment) -> ScreenPalette {
        ScreenPalette(colour: (environment["NO_COLOR"] ?? "").isEmpty)
    }

    /// Highlights need `[[…]]` in the text when they cannot be coloured.
    var marksHighlightsInText: Bool { !colour }

    func sequence(for style: TextStyle) -> String {
        guard colour else { return "" }
        return switch style {
        case .plain: "\u{1B}[0m"
        case .highlight: TerminalStyle.ansi.open
        case .strong: "\u{1B}[0;1m"
        case .dim: "\u{1B}[0;2m"
        case .bar: "\u{1B}[0;7m"
        case .error: "\u{1B}[0;1;31m"
        case .warning: "\u{1B}[0;1;33m"
        case .success: "\u{1B}[0;32m"
        }
    }

    /// The line as terminal output, ending with attributes reset so nothing bleeds into the next row.
    func render(_ line: StyledLine) -> String {
        guard colour else { return line.text }
        var output = ""
        var current = TextStyle.plain
        for run in line.runs where !run.text.isEmpty {
            if run.style != current {
                output += sequence(for: run.style)
                current = run.style
            }
            output += run.text
        }
        if current != .plain { output += sequence(for: .plain) }
        return output
    }
}
