extension Verdict {
    /// Applies what depends on the author's record: an author with fewer published comments than
    /// the policy reviews (``firstCommentsReviewed``) is held, unless trusted. A stricter verdict
    /// stands; the hit and its reason follow the policy's own, as the check runs after them.
    public func applying(author context: JudgeContext) -> Verdict {
        guard firstCommentsReviewed > 0, context.standing != .trusted, context.approvedComments < firstCommentsReviewed
        else { return self }
        var verdict = self
        let description =
            "author has \(context.approvedComments) published comments; the first \(firstCommentsReviewed) are reviewed"
        verdict.hits.append(RuleHit(ruleId: "settings.first-comments", category: "limits", description: description, action: .hold))
        verdict.reasons.append("settings.first-comments (hold): \(description)")
        if verdict.status == .published { verdict.status = .pending }
        verdict.flagged = false
        return verdict
    }
}
