/// How a piece of screen text is shown. With colour off (`NO_COLOR`) every style renders as plain
/// text; highlights are then marked with `[[…]]` in the text itself (see ``BodyLayout``).
enum TextStyle: Sendable, Equatable {
    case plain
    /// A span a rule matched.
    case highlight
    case strong
    case dim
    /// The title bar.
    case bar
    case error
    case warning
    case success
}

/// A run of text in one style.
struct StyledRun: Sendable, Equatable {
    var text: String
    var style: TextStyle
}

/// One screen row: runs of styled text, never wider than the screen once laid out.
struct StyledLine: Sendable, Equatable {
    var runs: [StyledRun]

    init(_ runs: [StyledRun] = []) { self.runs = runs }

    init(_ text: String, _ style: TextStyle = .plain) { runs = [StyledRun(text: text, style: style)] }

    var text: String { runs.map(\.text).joined() }

    var width: Int { runs.reduce(0) { $0 + TextWidth.columns($1.text) } }

    static func + (lhs: StyledLine, rhs: StyledLine) -> StyledLine { StyledLine(lhs.runs + rhs.runs) }

    mutating func append(_ text: String, _ style: TextStyle = .plain) {
        runs.append(StyledRun(text: text, style: style))
    }
}
