import SaringCore

// The bottom of the screen: the notice of what just happened, the prompt of the current mode
// (reason menu, typed reason, ban confirmation), the key line, and the help page.
extension ReviewScreen {
    /// What just happened, wrapped to at most three rows (one blank row when there is nothing).
    func noticeLines() -> [StyledLine] {
        guard let notice = state.notice else { return [StyledLine()] }
        let (text, style) =
            switch notice.kind {
            case .info: (TextWidth.singleLine(notice.text), TextStyle.success)
            case .error: ("! " + TextWidth.singleLine(notice.text), TextStyle.error)
            }
        let lines = BodyLayout.lines(text, spans: [], width: width, markers: false).map { StyledLine($0.text, style) }
        guard lines.count > 3 else { return lines }
        return Array(lines.prefix(2)) + [
            (lines[2] + StyledLine(" " + String(repeating: "…", count: width), style)).truncated(to: width)
        ]
    }

    /// The prompt rows of the current mode, and the cursor column when the moderator types.
    func promptLines(_ item: QueueItem) -> ([StyledLine], Int?) {
        switch state.mode {
        case .browsing, .help, .viewing:
            return ([], nil)
        case .choosingReason(let purpose):
            let title: StyledLine
            switch purpose {
            case .reject: title = StyledLine("Reject #\(item.comment.id) because:", .warning)
            case .ban(let plan): title = StyledLine("Ban \(fit(plan.name, columns: max(12, width / 3))) because:", .warning)
            }
            let reasons = RejectReason.presets.enumerated().map { index, reason in key("\(index + 1)", reason) }
            return (ItemFlow.lines([title] + reasons, width: width), nil)
        case .typingReason(let text, _):
            let prefix = "Reason: "
            let room = max(1, width - TextWidth.columns(prefix) - 1)
            var shown = TextWidth.singleLine(text)
            while TextWidth.columns(shown) > room { shown = String(shown.dropFirst()) }
            if shown != TextWidth.singleLine(text) { shown = "…" + shown.dropFirst() }
            let line = StyledLine(prefix, .warning) + StyledLine(shown)
            return ([line], line.width + 1)
        case .confirmingBan(let plan):
            let name = fit(plan.name, columns: max(12, width / 3))
            let comments = plan.pendingCount == 1 ? "comment" : "comments"
            let because = plan.reason.map { " (\(TextWidth.singleLine($0)))" } ?? ""
            let question =
                plan.rejectsShownComment
                ? "Ban \(name), reject this comment and their \(plan.pendingCount) pending \(comments)\(because)? y/N"
                : "Ban \(name) and reject their \(plan.pendingCount) pending \(comments)\(because)? y/N"
            return (
                BodyLayout.lines(question, spans: [], width: width, markers: false).map { StyledLine($0.text, .warning) }, nil
            )
        }
    }

    func footer() -> [StyledLine] {
        let keys: [StyledLine]
        switch state.mode {
        case .browsing, .help, .viewing:
            keys = [
                key("a", "approve"), key("r", "reject"), key("s", "skip"), key("b", "ban"), key("u", "undo"),
                key("t", "thread"), key("c", "author"), key("?", "help"), key("q", "quit"),
            ]
        case .choosingReason:
            keys = [key("1-5", "reason"), key("t", "type your own"), key("Enter", "no reason"), key("Esc", "cancel")]
        case .typingReason(_, .reject):
            keys = [key("Enter", "reject with this reason"), key("Esc", "cancel")]
        case .typingReason(_, .ban):
            keys = [key("Enter", "ban with this reason"), key("Esc", "cancel")]
        case .confirmingBan:
            keys = [key("y", "ban"), key("any other key", "cancels")]
        }
        return ItemFlow.lines(keys, width: width)
    }

    func key(_ key: String, _ meaning: String) -> StyledLine {
        StyledLine(key, .strong) + StyledLine(" " + meaning)
    }

    func help() -> ScreenFrame {
        let lease = state.leaseSeconds
        let lines: [StyledLine] = [
            header(),
            StyledLine("Keys", .strong),
            key("  a    ", "approve: publish it (clears a flag, resolves reports)"),
            key("  r    ", "reject: then 1-5 for a reason, t to type one, Enter for none"),
            key("  s    ", "skip: leave it in the queue for others, show the next"),
            key("  b    ", "ban the author and reject all their pending comments (y/N)"),
            key("  u    ", "undo your last decision of this session, show it again"),
            key("  t    ", "the whole thread this comment is part of"),
            key("  c    ", "the author's newest comments, in any status"),
            key("  j k  ", "scroll a long comment (also ↓ ↑, PgDn PgUp)"),
            key("  ?    ", "this help"),
            key("  q    ", "quit (also Ctrl-C); your claim is released"),
            StyledLine(),
            StyledLine("While a comment is on your screen you hold a claim on it: no other"),
            StyledLine("moderator is shown it. The claim lasts \(lease) s, is renewed while this"),
            StyledLine("screen is open and lapses if the process dies."),
            StyledLine("Keys pressed while the next comment loads are ignored, so a double"),
            StyledLine("press never decides a comment you have not seen."),
            StyledLine(markers ? "[[Text]] is what a rule matched." : "Highlighted text is what a rule matched."),
        ]
        return ScreenFrame(lines: fitted(lines, bottom: [StyledLine("any key: back to the comment", .dim)]), cursor: nil)
    }
}
