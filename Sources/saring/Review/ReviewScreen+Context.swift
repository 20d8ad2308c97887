import Foundation
import SaringCore

// The rows around the comment's text: the title bar, the article, the author and their history,
// the comment's own facts, the parent of a reply, and the rules and reports.
extension ReviewScreen {
    func header() -> StyledLine {
        var left = StyledLine(" saring review", .bar)
        left.append(" · \(state.filter.kind.rawValue)", .bar)
        if let article = state.filter.articleId { left.append(" · article \(TextWidth.singleLine(article))", .bar) }
        left.append(" · \(state.remaining) left", .bar)
        if state.skipped > 0 { left.append(" · \(state.skipped) skipped", .bar) }
        let right = StyledLine("as \(TextWidth.singleLine(state.moderator)) ", .bar)
        return StyledLine.spread(left, right, width: width, style: .bar)
    }

    func articleLine(_ item: QueueItem) -> StyledLine {
        var line = label("Article")
        if let title = item.articleTitle, !title.isEmpty {
            // The id stays visible: the title gives way.
            let id = " (\(fit(item.comment.articleId, columns: min(40, width / 3))))"
            line.append(fit(title, columns: width - line.width - TextWidth.columns(id)), .strong)
            line.append(id, .dim)
        } else {
            line.append(TextWidth.singleLine(item.comment.articleId), .strong)
        }
        return line
    }

    func authorLine(_ item: QueueItem) -> StyledLine {
        let author = item.author
        var line = label("Author")
        // Long names give way to the standing and history, which decide a ban.
        line.append(fit(item.comment.authorName, columns: max(12, width / 4)), .strong)
        if let email = item.comment.authorEmail { line.append(" <\(fit(email, columns: max(12, width / 4)))>") }
        switch author.standing {
        case .banned: line.append(" BANNED", .error)
        case .trusted: line.append(" trusted", .success)
        case .normal: break
        }
        line.append(" · \(author.published) published · \(author.rejected) rejected · \(author.pending) pending", .dim)
        return line
    }

    func metaLine(_ item: QueueItem) -> StyledLine {
        let comment = item.comment
        var line = label("Comment")
        line.append("#\(comment.id)", .strong)
        line.append(" · \(Self.timestamp(comment.createdAt)) (\(Self.age(of: comment.createdAt, now: now)))")
        line.append(" · score \(Self.number(comment.score)) · \(comment.status.rawValue)")
        if comment.flagged { line.append(" · flagged", .warning) }
        return line
    }

    func parentLines(_ item: QueueItem) -> [StyledLine] {
        guard let parentId = item.comment.parentId else { return [] }
        var line = label("Reply to")
        guard let parent = item.parent else {
            line.append("#\(parentId) (not found)", .dim)
            return [line]
        }
        line.append("#\(parent.id) by \(TextWidth.singleLine(parent.authorName)) (\(parent.status.rawValue)): ", .dim)
        line.append("“\(TextWidth.singleLine(parent.body))”")
        return [line]
    }

    func reportLines(_ item: QueueItem) -> [StyledLine] {
        guard !item.reports.isEmpty else { return [] }
        var line = StyledLine("Reports (\(item.reports.count)): ", .warning)
        line.append(item.reports.map(TextWidth.singleLine).joined(separator: " · "))
        return [line]
    }

    /// One row per rule (a rule that matched several times is one row with a count): id, action,
    /// score, the editor's description and the first text it matched.
    func ruleLines(_ item: QueueItem) -> [StyledLine] {
        struct Group {
            var hit: RuleHit
            var count: Int
        }
        var groups: [Group] = []
        for hit in item.hits {
            if let index = groups.firstIndex(where: { $0.hit.ruleId == hit.ruleId && $0.hit.field == hit.field }) {
                groups[index].count += 1
            } else {
                groups.append(Group(hit: hit, count: 1))
            }
        }
        let idWidth = min(28, groups.map { TextWidth.columns($0.hit.ruleId) }.max() ?? 0)
        return groups.map { group in
            let hit = group.hit
            let id = StyledLine(TextWidth.singleLine(hit.ruleId), hit.shadow ? .dim : .strong).truncated(to: idWidth)
            var line = id + StyledLine(String(repeating: " ", count: max(0, idWidth - id.width) + 2))
            line.append(hit.action.rawValue.padding(toLength: 6, withPad: " ", startingAt: 0), Self.style(ofAction: hit.action))
            line.append(" \(Self.signed(hit.score))".padding(toLength: 6, withPad: " ", startingAt: 0))
            line.append(TextWidth.singleLine(hit.description))
            if hit.field != .body { line.append(" [\(hit.field.rawValue)]", .dim) }
            if let span = hit.span, hit.field == .body {
                line.append(" “\(TextWidth.singleLine(Highlighter.excerpt(item.comment.body, span)))”", .dim)
            }
            if group.count > 1 { line.append(" ×\(group.count)", .dim) }
            if hit.shadow { line.append(" (shadow: changes nothing)", .dim) }
            return line
        }
    }

    /// `text` on one line, cut to `columns` with "…" when longer.
    func fit(_ text: String, columns: Int) -> String {
        StyledLine(TextWidth.singleLine(text)).truncated(to: max(1, columns)).text
    }

    func separator(_ title: String) -> StyledLine {
        let text = "── \(title) "
        let rule = String(repeating: "─", count: max(0, width - TextWidth.columns(text)))
        return StyledLine(text + rule, .dim)
    }

    func label(_ text: String) -> StyledLine {
        StyledLine(text.padding(toLength: 9, withPad: " ", startingAt: 0), .dim)
    }

    static func style(ofAction action: HitAction) -> TextStyle {
        switch action {
        case .reject: .error
        case .hold, .flag: .warning
        case .mask, .score: .plain
        }
    }

    static func number(_ value: Double) -> String { String(format: "%g", value) }

    static func signed(_ value: Double) -> String { value > 0 ? "+" + number(value) : number(value) }

    static func timestamp(_ date: Date) -> String {
        let parts = Calendar.current.dateComponents([.year, .month, .day, .hour, .minute], from: date)
        return String(
            format: "%04d-%02d-%02d %02d:%02d", parts.year ?? 0, parts.month ?? 0, parts.day ?? 0, parts.hour ?? 0,
            parts.minute ?? 0)
    }

    static func age(of date: Date, now: Date) -> String {
        let seconds = Int(now.timeIntervalSince(date))
        switch seconds {
        case ..<60: return "just now"
        case ..<3600: return "\(seconds / 60) min ago"
        case ..<86400: return "\(seconds / 3600) h ago"
        default: return "\(seconds / 86400) d ago"
        }
    }
}
