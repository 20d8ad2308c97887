// Cutting styled lines to the window's width. A line that does not fit ends in "…", so the
// moderator always knows something was left out.

extension StyledLine {
    /// This line cut to `width` columns, ending in "…" when anything was dropped.
    func truncated(to width: Int) -> StyledLine {
        guard width > 0 else { return StyledLine() }
        guard self.width > width else { return self }
        var result = StyledLine()
        var used = 0
        let room = width - 1
        outer: for run in runs {
            var kept = ""
            for character in run.text {
                let columns = TextWidth.columns(character)
                if used + columns > room {
                    result.runs.append(StyledRun(text: kept, style: run.style))
                    break outer
                }
                kept.append(character)
                used += columns
            }
            result.runs.append(StyledRun(text: kept, style: run.style))
        }
        result.append("…", runs.last?.style == .bar ? .bar : .dim)
        return result
    }

    /// This line padded with spaces (in the style of its last run) to exactly `width` columns.
    func padded(to width: Int, style: TextStyle) -> StyledLine {
        let line = truncated(to: width)
        let missing = width - line.width
        return missing > 0 ? line + StyledLine(String(repeating: " ", count: missing), style) : line
    }

    /// `left` and `right` on one line of `width` columns, `right` flush with the edge when both fit.
    static func spread(_ left: StyledLine, _ right: StyledLine, width: Int, style: TextStyle) -> StyledLine {
        let gap = width - left.width - right.width
        guard gap >= 1 else { return left.padded(to: width, style: style) }
        return left + StyledLine(String(repeating: " ", count: gap), style) + right
    }
}

/// Items (menu entries, key hints) laid out left to right, wrapped between items, never inside one.
enum ItemFlow {
    static func lines(_ items: [StyledLine], width: Int, separator: String = "  ") -> [StyledLine] {
        var lines: [StyledLine] = []
        var current = StyledLine()
        for item in items {
            if current.runs.isEmpty {
                current = item
            } else if current.width + TextWidth.columns(separator) + item.width <= width {
                current = current + StyledLine(separator) + item
            } else {
                lines.append(current)
                current = item
            }
        }
        if !current.runs.isEmpty { lines.append(current) }
        return lines.map { $0.truncated(to: width) }
    }
}
