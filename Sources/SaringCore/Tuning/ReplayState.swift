/// Where a comment ends up under a policy, as `saring policy replay` compares them: a published
/// comment that a rule flags for post-moderation is its own state.
public enum ReplayState: String, Sendable, Codable, CaseIterable, Comparable {
    case published
    case flagged
    case pending
    case rejected

    public init(_ verdict: Verdict) {
        switch verdict.status {
        case .published: self = verdict.flagged ? .flagged : .published
        case .pending: self = .pending
        case .rejected: self = .rejected
        }
    }

    /// Stricter states sort later.
    public static func < (lhs: ReplayState, rhs: ReplayState) -> Bool {
        allCases.firstIndex(of: lhs)! < allCases.firstIndex(of: rhs)!
    }
}
