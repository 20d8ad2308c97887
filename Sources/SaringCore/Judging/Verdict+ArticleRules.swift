extension Verdict {
    /// Applies what outranks the policy: a banned author is rejected, and a premoderated article
    /// holds anything the policy would have published. A stricter policy verdict is kept.
    public func applying(premoderated: Bool, standing: AuthorStanding) -> Verdict {
        var verdict = self
        if standing == .banned, verdict.status != .rejected {
            verdict.status = .rejected
            verdict.reasons.append("author is banned")
        } else if premoderated, verdict.status == .published {
            verdict.status = .pending
            verdict.reasons.append("article is premoderated")
        }
        return verdict
    }
}
