import SaringCore

/// The one way `show` and `policy test` print a rule hit:
/// `hit:        judol.keywords [judol] reject body 5..<15 "slot gacor" — Online-gambling spam`.
enum HitLine {
    /// - Parameters:
    ///   - body: the comment's original text, for the excerpt of a body hit.
    ///   - author: the author's name, for the excerpt of an author hit.
    static func format(_ hit: RuleHit, body: String, author: String) -> String {
        let text = hit.field == .body ? body : author
        let span = hit.span.map { " \($0.lowerBound)..<\($0.upperBound) \"\(Highlighter.excerpt(text, $0))\"" } ?? ""
        return TerminalText.neutralized(
            "hit:        \(hit.ruleId) [\(hit.category)] \(hit.actionText)\(hit.shadow ? " (shadow)" : "") \(hit.field.rawValue)\(span) — \(hit.description)")
    }
}
