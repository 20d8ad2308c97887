/// What a moderator sees of an author next to a comment.
public struct AuthorSummary: Sendable, Equatable {
    /// How the store identifies the author (`email:…` or `name:…`).
    public var identity: String
    public var name: String
    public var standing: AuthorStanding
    public var published: Int
    public var rejected: Int
    public var pending: Int

    public init(identity: String, name: String, standing: AuthorStanding, published: Int, rejected: Int, pending: Int) {
        self.identity = identity
        self.name = name
        self.standing = standing
        self.published = published
        self.rejected = rejected
        self.pending = pending
    }
}

/// One comment in a moderation queue, with everything needed to decide on it.
public struct QueueItem: Sendable, Equatable {
    public var comment: Comment
    public var articleTitle: String?
    public var author: AuthorSummary
    /// Hits of the policy decision that judged it on arrival.
    public var hits: [RuleHit]
    public var policyVersion: String?
    /// Open reader reports.
    public var reports: [String]
    public var parent: Comment?
    /// The newest decision when this item was read; a decision made against an older one is refused.
    public var lastDecisionId: Int64
    /// A moderator holding an unexpired claim, if any.
    public var claimedBy: String?
    /// The whole decision history, oldest first.
    public var decisions: [Decision]

    public init(
        comment: Comment, articleTitle: String?, author: AuthorSummary, hits: [RuleHit], policyVersion: String?,
        reports: [String], parent: Comment?, lastDecisionId: Int64, claimedBy: String?, decisions: [Decision] = []
    ) {
        self.comment = comment
        self.articleTitle = articleTitle
        self.author = author
        self.hits = hits
        self.policyVersion = policyVersion
        self.reports = reports
        self.parent = parent
        self.lastDecisionId = lastDecisionId
        self.claimedBy = claimedBy
        self.decisions = decisions
    }

    /// Ids of the rules that fired (active ones), in order, once each.
    public var ruleIds: [String] {
        var seen = Set<String>()
        return hits.filter { !$0.shadow }.map(\.ruleId).filter { seen.insert($0).inserted }
    }
}

/// A moderator's verdict on one comment.
public enum ModeratorVerdict: String, Sendable {
    case approve
    case reject

    public var status: CommentStatus { self == .approve ? .published : .rejected }

    /// The history's entry for it.
    public var action: DecisionAction { self == .approve ? .approve : .reject }
}
