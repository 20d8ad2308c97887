/// A stored comment as `saring policy replay` judges it again: its original text and what the
/// judge knew of its author and article when it arrived (as far as the store recorded it).
public struct ReplayComment: Sendable {
    public var id: Int64
    public var draft: CommentDraft
    /// The author's standing when the comment arrived and their published comments before it.
    public var context: JudgeContext
    /// The article holds every comment the policy would publish.
    public var premoderated: Bool

    public init(id: Int64, draft: CommentDraft, context: JudgeContext, premoderated: Bool) {
        self.id = id
        self.draft = draft
        self.context = context
        self.premoderated = premoderated
    }

    /// The verdict `policy` gives this comment, with what outranks the policy applied as on arrival.
    public func verdict(_ policy: Policy) -> Verdict {
        policy.judge(draft).applying(author: context).applying(premoderated: premoderated, standing: context.standing)
    }
}

/// What a candidate policy would change for one comment.
public struct ReplayChange: Sendable, Equatable {
    public var commentId: Int64
    public var from: ReplayState
    public var to: ReplayState
    /// Rules that decide under the candidate only, under the policy in force only, and under both
    /// but with another action (`hold` → `flag`).
    public var added: [String]
    public var removed: [String]
    public var changed: [String] = []
    /// The body spans of the rules that cause the change, in original Unicode-scalar offsets.
    public var spans: [ReplaySpan]

    /// Compares the two verdicts; nil when the comment would end up in the same state.
    public static func between(_ comment: ReplayComment, current: Policy, candidate: Policy) -> ReplayChange? {
        let before = comment.verdict(current)
        let after = comment.verdict(candidate)
        let from = ReplayState(before)
        let to = ReplayState(after)
        guard from != to else { return nil }
        func deciding(_ verdict: Verdict) -> [String: Set<String>] {
            var actions: [String: Set<String>] = [:]
            for hit in verdict.hits where !hit.shadow { actions[hit.ruleId, default: []].insert(hit.actionText) }
            return actions
        }
        let beforeRules = deciding(before)
        let afterRules = deciding(after)
        let added = afterRules.keys.filter { beforeRules[$0] == nil }.sorted()
        let removed = beforeRules.keys.filter { afterRules[$0] == nil }.sorted()
        let changed = afterRules.keys.filter { beforeRules[$0] != nil && beforeRules[$0] != afterRules[$0] }.sorted()
        // The spans of the side that causes it: the candidate's new or changed rules, else the old rules it drops.
        let (source, rules) = added.isEmpty && changed.isEmpty ? (before, Set(removed)) : (after, Set(added + changed))
        let spans = source.hits.filter { !$0.shadow && $0.field == .body && rules.contains($0.ruleId) }.compactMap { hit in
            hit.span.map { ReplaySpan(start: $0.lowerBound, end: $0.upperBound, rule: hit.ruleId) }
        }
        return ReplayChange(
            commentId: comment.id, from: from, to: to, added: added, removed: removed, changed: changed, spans: spans)
    }
}

/// A highlighted stretch of a replayed comment's body: Unicode-scalar offsets and the rule.
public struct ReplaySpan: Sendable, Equatable, Codable {
    public var start: Int
    public var end: Int
    public var rule: String

    public init(start: Int, end: Int, rule: String) {
        self.start = start
        self.end = end
        self.rule = rule
    }
}
