/// What the judge decided about one comment, with everything needed to explain it later.
public struct Verdict: Sendable, Equatable {
    public var status: CommentStatus
    /// Published but queued for post-moderation.
    public var flagged: Bool
    public var score: Double
    public var hits: [RuleHit]
    /// The text readers see: the body with masked spans replaced.
    public var publishedBody: String
    /// Content hash of the policy that decided, or a fixed name for built-in deciders.
    public var policyVersion: String
    /// Human-readable reasons, one per line of the decision history.
    public var reasons: [String]
    /// Set when the comment was found to belong to a spam campaign.
    public var campaign: CampaignTag? = nil
    /// The policy holds an author's comments until this many of theirs are published (0: off);
    /// applied with the author's record by ``applying(author:)``.
    public var firstCommentsReviewed: Int = 0

    public init(
        status: CommentStatus, flagged: Bool = false, score: Double = 0, hits: [RuleHit] = [],
        publishedBody: String, policyVersion: String, reasons: [String] = []
    ) {
        self.status = status
        self.flagged = flagged
        self.score = score
        self.hits = hits
        self.publishedBody = publishedBody
        self.policyVersion = policyVersion
        self.reasons = reasons
    }

    /// The decision-history action matching this verdict.
    public var action: DecisionAction { DecisionAction(status: status, flagged: flagged) }
}

/// A comment's spam campaign: its id (the campaign's first comment) and the earlier comments found
/// to belong to it, which the store tags (and flags, when published) with it.
public struct CampaignTag: Sendable, Equatable {
    public var id: Int64
    public var members: [Int64]

    public init(id: Int64, members: [Int64]) {
        self.id = id
        self.members = members
    }
}
