/// The folder-wide settings (`settings.yaml`): score thresholds and the checks every moderation
/// product has that are not regexes. Every value has a default, documented in Policies/README.md.
public struct PolicySettings: Sendable, Equatable {
    /// Total score at which a comment is held / rejected.
    public var holdAtScore: Double = 5
    public var rejectAtScore: Double = 10
    /// More links than this triggers `linksAction`; nil: no limit.
    public var maxLinks: Int? = nil
    public var linksAction: RuleAction = .hold
    /// Comments shorter / longer (characters, trimmed) trigger `lengthAction`.
    public var minLength: Int = 1
    public var maxLength: Int? = nil
    public var lengthAction: RuleAction = .hold
    /// Share of capital letters among the letters above which a comment is "shouting", counted only
    /// when it has at least `shoutingMinLetters` letters; nil: off.
    public var shoutingMaxCapsRatio: Double? = nil
    public var shoutingMinLetters: Int = 20
    public var shoutingAction: RuleAction = .flag
    /// Hold an author's comments until this many of theirs are published (trusted authors skip it).
    public var premoderateFirstComments: Int = 0
    /// PCRE2 backtracking budget per match attempt; a rule that exceeds it sends the comment to review.
    public var matchLimit: UInt32 = 100_000
    /// Rate limits, campaigns, the article brake, reports and answers to rejected comments.
    public var abuse = AbuseSettings()

    public init() {}
}
