extension Verdict {
    /// Applies what outranks the policy: a banned author is rejected, and a premoderated article
    /// holds anything the policy would have published. A stricter policy verdict is kept.
    /// - Parameter braked: the article is under its brake (too many new comments at once).
    public func applying(premoderated: Bool, standing: AuthorStanding, braked: Bool = false) -> Verdict {
        var verdict = self
        if standing == .banned, verdict.status != .rejected {
            verdict.status = .rejected
            verdict.reasons.append("author is banned")
        } else if premoderated, verdict.status == .published {
            verdict.status = .pending
            verdict.reasons.append("article is premoderated")
        } else if braked, verdict.status == .published {
            verdict.status = .pending
            let description = "article brake: too many new comments at once, all held for review"
            verdict.reasons.append(description)
            verdict.hits.append(RuleHit(ruleId: "abuse.article-brake", category: "abuse", description: description, action: .hold))
        }
        return verdict
    }
}
