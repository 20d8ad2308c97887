/// What the store holds about the comments of a time window, as `saring policy stats` and
/// `saring policy suggest` read it: every rule hit, every moderator's standing verdict, the
/// comments themselves, the rules' measured costs and the rules in force.
public struct TuningWindow: Sendable {
    public struct Hit: Sendable, Equatable {
        public var commentId: Int64
        public var ruleId: String
        public var shadow: Bool
        /// `reject`, `hold`, `flag`, `mask` or `score N`.
        public var action: String
        /// The rule's regex ran past the match limit on this comment (no span; the comment was held).
        public var limitExceeded: Bool

        public init(commentId: Int64, ruleId: String, shadow: Bool, action: String, limitExceeded: Bool) {
            self.commentId = commentId
            self.ruleId = ruleId
            self.shadow = shadow
            self.action = action
            self.limitExceeded = limitExceeded
        }
    }

    public struct Item: Sendable, Equatable {
        public var id: Int64
        public var status: CommentStatus
        public var flagged: Bool
        public var authorId: Int64
        public var authorName: String
        public var campaignId: Int64?
        public var body: String
        /// The status the policy gave it on arrival.
        public var policyStatus: CommentStatus

        public init(
            id: Int64, status: CommentStatus, flagged: Bool, authorId: Int64, authorName: String, campaignId: Int64?, body: String,
            policyStatus: CommentStatus
        ) {
            self.policyStatus = policyStatus
            self.id = id
            self.status = status
            self.flagged = flagged
            self.authorId = authorId
            self.authorName = authorName
            self.campaignId = campaignId
            self.body = body
        }
    }

    /// What a moderator's standing verdict on a comment was.
    public enum Answer: String, Sendable, Equatable {
        case approved
        case rejected
    }

    public struct Timing: Sendable, Equatable {
        public var runs: Int
        public var matches: Int
        public var nanos: Int64

        public init(runs: Int, matches: Int, nanos: Int64) {
            self.runs = runs
            self.matches = matches
            self.nanos = nanos
        }

        /// Microseconds per run of the rule's regex.
        public var microsPerRun: Double { runs == 0 ? 0 : Double(nanos) / Double(runs) / 1000 }
    }

    public var hits: [Hit]
    public var answers: [Int64: Answer]
    /// In id order.
    public var items: [Item]
    public var timings: [String: Timing]
    /// The rules of the version loaded last, and its hash (nil when none is recorded).
    public var rulesInForce: [RuleSummary]
    public var versionInForce: String?

    public init(
        hits: [Hit], answers: [Int64: Answer], items: [Item], timings: [String: Timing], rulesInForce: [RuleSummary],
        versionInForce: String?
    ) {
        self.hits = hits
        self.answers = answers
        self.items = items
        self.timings = timings
        self.rulesInForce = rulesInForce
        self.versionInForce = versionInForce
    }

    /// Comments with a hit of an active rule (the policy caught them: held, flagged, rejected,
    /// masked or scored).
    public var caught: Set<Int64> { Set(hits.filter { !$0.shadow }.map(\.commentId)) }

    /// Published comments (or moderator-approved ones) that no moderator rejected: what the site keeps.
    public func kept(_ item: Item) -> Bool {
        answers[item.id] == .approved || (answers[item.id] == nil && item.status == .published)
    }

    /// Comments the policy published, that no active rule caught and that a moderator then
    /// rejected: the policy's misses.
    public var misses: [Item] {
        let caught = caught
        return items.filter { answers[$0.id] == .rejected && $0.policyStatus == .published && !caught.contains($0.id) }
    }
}
