/// What the judge knows about the author, supplied by the store.
public struct JudgeContext: Sendable, Equatable {
    public var standing: AuthorStanding
    /// How many of the author's comments are published (by policy or by a moderator).
    public var approvedComments: Int

    public init(standing: AuthorStanding = .normal, approvedComments: Int = 0) {
        self.standing = standing
        self.approvedComments = approvedComments
    }
}

/// The seam where a comment gets its verdict. Implementations are pure and fast: they run on the
/// request path and must not do I/O.
public protocol CommentJudge: Sendable {
    func judge(_ draft: CommentDraft, context: JudgeContext) -> Verdict
    /// The folder-wide settings in force (rate limits, campaigns, … are read per request).
    var settings: PolicySettings { get }
}

extension CommentJudge {
    public var settings: PolicySettings { PolicySettings() }
}

/// The decider used when no policy is loaded: every comment is published as written.
public struct PublishAllJudge: CommentJudge {
    public static let version = "builtin:publish-all"

    public init() {}

    public func judge(_ draft: CommentDraft, context: JudgeContext) -> Verdict {
        Verdict(status: .published, publishedBody: draft.body, policyVersion: Self.version)
    }
}
