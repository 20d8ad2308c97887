import Foundation
import SaringCore

// The rows around the comment's text: the title bar, the article, the author and their history,
// the comment's own facts, the parent of a reply, and the rules and reports.
extension ReviewScreen {
    /// The title bar: the queue and what is left of it, the scope, the other queues' counts, and
    /// on the right the database and the moderator. What does not fit gives way: the database's
    /// folder, then the counts, then the scope, then the start of the file's name.
    func header() -> StyledLine {
        var essential = " saring review · \(state.filter.kind.rawValue) · \(state.remaining) left"
        if state.skipped > 0 { essential += " · \(state.skipped) skipped" }
        // Comments the pattern could not decide are neither shown nor forgotten.
        if state.overBudget > 0 { essential += " · \(state.overBudget) over budget" }
        var scope: [String] = []
        if let article = state.filter.articleId { scope.append(" · article \(TextWidth.singleLine(article))") }
        if let author = state.filter.authorIdentity { scope.append(" · author \(TextWidth.singleLine(author))") }
        if let text = state.filter.text { scope.append(" · text /\(TextWidth.singleLine(text.source))/") }
        // Only queues with something in them: a zero says nothing worth the room.
        var counts = QueueKind.allCases.compactMap { kind in
            state.counts[kind].flatMap { $0 > 0 ? " · \(kind.rawValue) \($0)" : nil }
        }
        let moderator = " · as \(TextWidth.singleLine(state.moderator)) "
        func columns(_ parts: [String]) -> Int { parts.reduce(0) { $0 + TextWidth.columns($1) } }
        var database = TextWidth.singleLine(state.database)
        func tooWide() -> Bool { columns([essential] + scope + counts + [database, moderator]) + 1 > width }
        // The database gives way first to its file's name, which is what tells two apart.
        if tooWide(), let slash = database.lastIndex(of: "/") { database = "…" + database[slash...] }
        while tooWide(), !counts.isEmpty { counts.removeLast() }
        while tooWide(), !scope.isEmpty { scope.removeLast() }
        if tooWide() {
            let room = max(8, width - columns([essential, moderator]) - 1)
            while TextWidth.columns(database) > room - 1, !database.isEmpty { database.removeFirst() }
            database = "…" + database
        }
        let left = StyledLine(essential + scope.joined() + counts.joined(), .bar)
        let right = StyledLine(database + moderator, .bar)
        return StyledLine.spread(left, right, width: width, style: .bar)
    }

    /// Why the comment is in this queue when it is not (only) a rule: premoderation, a campaign,
    /// the brake, reports that hid it, a ban, a moderator's decision. Nil when only rules say why.
    func whyLine(_ item: QueueItem) -> StyledLine? {
        let causes = item.whyNotRules
        guard !causes.isEmpty else { return nil }
        var line = label("Why")
        line.append(causes.map(TextWidth.singleLine).joined(separator: " · "), .warning)
        return line
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
            var spans: [Range<Int>]
        }
        var groups: [Group] = []
        for hit in item.hits {
            let spans = hit.field == .body ? hit.span.map { [$0] } ?? [] : []
            if let index = groups.firstIndex(where: { $0.hit.ruleId == hit.ruleId && $0.hit.field == hit.field }) {
                groups[index].count += 1
                groups[index].spans += spans
            } else {
                groups.append(Group(hit: hit, count: 1, spans: spans))
            }
        }
        // Counted and quoted as highlighted: the matches within one word are one (see SpanMerging).
        for index in groups.indices where !groups[index].spans.isEmpty {
            groups[index].spans = SpanMerging.merged(groups[index].spans, in: item.comment.body)
            groups[index].count = max(1, groups[index].spans.count)
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
            if let span = group.spans.first {
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

    static func timestamp(_ date: Date) -> String { TimeText.utc(date) }

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
