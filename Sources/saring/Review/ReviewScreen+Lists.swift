import Foundation
import SaringCore

// `t` and `c`: the comment's thread, or the author's newest comments, one row each, over the
// comment; the comment on screen is marked ▶. Any key goes back.
extension ReviewScreen {
    func listPage(_ list: CommentList) -> ScreenFrame {
        let title: String
        switch list.kind {
        case .thread:
            title = "Thread of #\(list.focus): \(Plural.count(list.entries.count, "comment")), first comment first"
        case .author(let name):
            title = "Newest comments by \(TextWidth.singleLine(name)): \(Plural.count(list.entries.count, "comment")), newest first"
        }
        var lines = [header(), StyledLine(title, .strong)]
        let room = max(0, height - lines.count - 1)
        let rows = list.entries.map { row($0, focus: list.focus) }
        if rows.count > room {
            // Keep the marked comment in view.
            let focusIndex = list.entries.firstIndex { $0.comment.id == list.focus } ?? 0
            let start = min(max(0, focusIndex - room / 2), max(0, rows.count - (room - 1)))
            lines += rows[start..<min(rows.count, start + room - 1)]
            lines.append(StyledLine("… \(rows.count - (room - 1)) more not shown; `saring show ID` tells all of one", .dim))
        } else {
            lines += rows
        }
        return ScreenFrame(lines: fitted(lines, bottom: [StyledLine("any key: back to the comment", .dim)]), cursor: nil)
    }

    private func row(_ entry: ThreadEntry, focus: Int64) -> StyledLine {
        let comment = entry.comment
        let marked = comment.id == focus
        var line = StyledLine(marked ? "▶ " : "  ", .strong)
        line.append(String(repeating: "  ", count: min(entry.depth, 6)))
        line.append("#\(comment.id)", marked ? .strong : .plain)
        line.append(" \(comment.status.rawValue)", Self.style(ofStatus: comment.status))
        line.append(" \(Self.timestamp(comment.createdAt))", .dim)
        if case .thread = listKind { line.append(" \(fit(comment.authorName, columns: 20))", .strong) }
        line.append(" \(TextWidth.singleLine(comment.body))")
        return line
    }

    private var listKind: CommentList.Kind? {
        if case .viewing(let list) = state.mode { return list.kind }
        return nil
    }

    static func style(ofStatus status: CommentStatus) -> TextStyle {
        switch status {
        case .published: .success
        case .pending: .warning
        case .rejected: .error
        }
    }
}
