/// The internet-facing limits of `settings.yaml`: rate limits, campaign detection, the article
/// brake, report counting and what rejected comments are answered. Reloaded with the policy.
/// Every default is what a real portal can start with; see Policies/README.md.
public struct AbuseSettings: Sendable, Equatable {
    /// New comments per client address. Indonesian carriers put many readers behind one address
    /// (carrier-grade NAT), so this leaves room for a crowd; the per-author limit does the fine work.
    public var perClient: BucketRule? = BucketRule(burst: 60, perMinute: 30)
    /// New comments per author: a person typing comments never meets it, a script does at once.
    public var perAuthor: BucketRule? = BucketRule(burst: 5, perMinute: 3)
    /// New comments per article, from everyone together.
    public var perArticle: BucketRule? = BucketRule(burst: 300, perMinute: 300)
    /// Reports per client address.
    public var reportsPerClient: BucketRule? = BucketRule(burst: 10, perMinute: 5)
    public var campaigns = CampaignSettings()
    public var brake = BrakeSettings()
    /// A published comment reported by this many distinct clients is held until a moderator
    /// decides; 0: off.
    public var hideAfterReports: Int = 0
    /// What a rejected comment's submitter is told, so probing which variant passes teaches nothing.
    public var rejectedAnswer: CommentStatus = .pending
    /// Names anonymous readers may not use (folded like text, matched as whole words), so nobody
    /// poses as the newsroom; verified readers are vouched for by the site and may.
    public var reservedNames: [String] = Self.defaultReservedNames {
        didSet { reservedWords = Self.words(reservedNames) }
    }
    /// The reserved names folded once, when they are set, not on every comment.
    private var reservedWords: [[Substring]] = Self.words(Self.defaultReservedNames)

    static let defaultReservedNames = ["admin", "administrator", "moderator", "redaksi", "saring", "official", "resmi"]

    /// Whether an anonymous reader's display name uses a reserved name.
    public func isReserved(name: String) -> Bool {
        let words = AuthorIdentity.folded(name).split(separator: " ")
        return reservedWords.contains { parts in
            guard !parts.isEmpty, parts.count <= words.count else { return false }
            return (0...(words.count - parts.count)).contains { Array(words[$0..<$0 + parts.count]) == parts }
        }
    }

    private static func words(_ names: [String]) -> [[Substring]] {
        names.map { AuthorIdentity.folded($0).split(separator: " ") }
    }

    public init() {}
}

/// A token bucket's shape: up to `burst` at once, refilled at `perMinute`. A nil rule is off.
public struct BucketRule: Sendable, Equatable {
    public var burst: Int
    public var perMinute: Double

    public init(burst: Int, perMinute: Double) {
        self.burst = burst
        self.perMinute = perMinute
    }
}

/// Near-identical comments from several authors or addresses within a window.
public struct CampaignSettings: Sendable, Equatable {
    /// Distinct authors or distinct client addresses (whichever is larger) that make a campaign,
    /// counting the new comment; 0: off.
    public var minSources: Int = 4
    public var windowMinutes: Int = 60
    /// `hold` or `reject`.
    public var action: RuleAction = .hold
    /// Estimated Jaccard similarity of word shingles at which two texts are "nearly equal".
    public var similarity: Double = 0.5

    public init() {}
}

/// When an article gets more than `maxComments` new comments within `windowMinutes`, every new
/// comment on it is held for `holdMinutes`; `maxComments` 0: off.
public struct BrakeSettings: Sendable, Equatable {
    public var maxComments: Int = 0
    public var windowMinutes: Int = 5
    public var holdMinutes: Int = 30

    public init() {}
}
