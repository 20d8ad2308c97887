import Foundation
import SaringCore

/// Draws a ``ReviewState`` for a window of `width`×`height`: header, the comment with its context,
/// the rules and reports, the prompt and the key line. Pure, so layout is testable without a
/// terminal. Whatever does not fit is cut with a visible "…" or a "lines a–b of n" label.
struct ReviewScreen {
    static let minimumWidth = 40
    static let minimumHeight = 12

    let state: ReviewState
    let width: Int
    let height: Int
    /// Highlights as `[[…]]` (no colour).
    let markers: Bool
    let now: Date

    func frame() -> ScreenFrame {
        if width < Self.minimumWidth || height < Self.minimumHeight { return tooSmall() }
        if state.mode == .help { return help() }
        if case .viewing(let list) = state.mode { return listPage(list) }
        guard let item = state.item else { return empty() }
        return comment(item)
    }

    /// The largest useful ``ReviewState/bodyScroll`` for the shown comment.
    func bodyScrollLimit() -> Int {
        guard let item = state.item else { return 0 }
        let layout = commentLayout(item)
        return max(0, layout.body.count - layout.bodyRoom)
    }

    /// Rows of the body area, for paging.
    func bodyPageSize() -> Int {
        guard let item = state.item else { return 1 }
        return max(1, commentLayout(item).bodyRoom)
    }

    private struct CommentLayout {
        var top: [StyledLine]
        var bottom: [StyledLine]
        var cursor: (row: Int, column: Int)?
        var body: [StyledLine]
        var extras: [StyledLine]
        var bodyRoom: Int
        var extrasRoom: Int
        /// Rules and reports did not fit, and a row says so.
        var notesHidden: Bool
    }

    private func commentLayout(_ item: QueueItem) -> CommentLayout {
        let (prompt, cursorColumn) = promptLines(item)
        let bottom = noticeLines() + prompt + footer()
        let spans = item.hits.filter { $0.field == .body && !$0.shadow }.compactMap(\.span)
        var body = BodyLayout.lines(item.comment.body, spans: spans, width: width, markers: markers)
        if item.comment.publishedBody != item.comment.body {
            // What readers see (or would see once approved): the masked text, under the original.
            let label = item.comment.status == .published ? "published as (masked)" : "readers would see (masked)"
            body += [separator(label)] + BodyLayout.lines(item.comment.publishedBody, spans: [], width: width, markers: false)
        }
        // In a short window the context gives way (parent first, then why, article, author) so
        // that at least three lines of the comment itself stay visible.
        var context = [articleLine(item), authorLine(item)] + (whyLine(item).map { [$0] } ?? []) + parentLines(item)
        while !context.isEmpty, height - 2 - context.count - bottom.count - 1 < min(body.count, 3) {
            context.removeLast()
        }
        let top = [header()] + context.prefix(2) + [metaLine(item)] + context.dropFirst(2)
        let budget = max(0, height - top.count - bottom.count)
        let extras = reportLines(item) + ruleLines(item)
        // The body comes first: it gets at least half the room (or all it needs), the rules the rest.
        let bodyMinimum = min(body.count, max(3, (budget - 1) / 2))
        var extrasRoom = extras.isEmpty ? 0 : max(0, min(1 + extras.count, budget - 1 - bodyMinimum))
        if extrasRoom == 1 { extrasRoom = 0 }
        let notesHidden = !extras.isEmpty && extrasRoom == 0 && budget - 2 >= min(body.count, 3)
        let bodyRoom = max(0, min(body.count, budget - 1 - extrasRoom - (notesHidden ? 1 : 0)))
        // The typed reason sits between the notice and the key line.
        let cursor = cursorColumn.map { (row: height - bottom.count + noticeLines().count + 1, column: $0) }
        return CommentLayout(
            top: top, bottom: bottom, cursor: cursor, body: body, extras: extras, bodyRoom: bodyRoom,
            extrasRoom: extrasRoom, notesHidden: notesHidden)
    }

    private func comment(_ item: QueueItem) -> ScreenFrame {
        let layout = commentLayout(item)
        let scroll = min(max(0, state.bodyScroll), max(0, layout.body.count - layout.bodyRoom))
        let shown = Array(layout.body.dropFirst(scroll).prefix(layout.bodyRoom))
        var bodyLabel = "comment"
        if shown.isEmpty {
            bodyLabel += " · \(Plural.count(layout.body.count, "line")) hidden: window too short"
        } else if shown.count < layout.body.count {
            bodyLabel += " · lines \(scroll + 1)–\(scroll + shown.count) of \(layout.body.count) · j/k scroll"
        }
        var lines = layout.top + [separator(bodyLabel)] + shown
        if layout.extrasRoom > 0 {
            let rulesShown = layout.extrasRoom - 1
            let label =
                rulesShown < layout.extras.count
                ? "rules and reports · \(rulesShown) of \(layout.extras.count) lines, enlarge the window for the rest"
                : item.hits.isEmpty ? "reports" : item.reports.isEmpty ? "rules" : "reports and rules"
            lines += [separator(label)] + layout.extras.prefix(rulesShown)
        } else if layout.notesHidden {
            lines += [StyledLine("(\(Plural.count(layout.extras.count, "row")) of rules and reports hidden: window too short)", .dim)]
        }
        return ScreenFrame(lines: fitted(lines, bottom: layout.bottom), cursor: layout.cursor)
    }

    private func empty() -> ScreenFrame {
        var lines = [header(), StyledLine()]
        let scope = state.filter.articleId.map { " for article \(TextWidth.singleLine($0))" } ?? ""
        lines.append(StyledLine("Nothing to review in the \(state.filter.kind.rawValue) queue\(scope).", .strong))
        if state.remaining > 0 {
            let verb = state.remaining == 1 ? "is" : "are"
            lines.append(StyledLine("\(Plural.count(state.remaining, "more comment")) \(verb) on other moderators' screens."))
        }
        lines.append(StyledLine("Checking for new comments every \(state.pollSeconds) s.", .dim))
        if state.skipped > 0 {
            lines.append(StyledLine("You skipped \(state.skipped); press s to go through them again."))
        }
        var keys = [key("u", "undo"), key("?", "help"), key("q", "quit")]
        if state.skipped > 0 { keys.insert(key("s", "revisit skipped"), at: 0) }
        let bottom = noticeLines() + ItemFlow.lines(keys, width: width)
        return ScreenFrame(lines: fitted(lines, bottom: bottom), cursor: nil)
    }

    /// `lines` then `bottom` at the foot of the window, the lines cut short when both do not fit,
    /// every row cut to the width.
    func fitted(_ lines: [StyledLine], bottom: [StyledLine]) -> [StyledLine] {
        let bottom = Array(bottom.suffix(height))
        let room = height - bottom.count
        let top = Array(lines.prefix(room))
        let filler = Array(repeating: StyledLine(), count: room - top.count)
        return (top + filler + bottom).map { $0.truncated(to: width) }
    }

    private func tooSmall() -> ScreenFrame {
        let lines = [
            StyledLine("Window too small (\(width)×\(height)).", .warning),
            StyledLine("saring review needs at least \(Self.minimumWidth)×\(Self.minimumHeight)."),
            StyledLine("q quits."),
        ]
        return ScreenFrame(lines: lines.prefix(height).map { $0.truncated(to: width) }, cursor: nil)
    }
}
