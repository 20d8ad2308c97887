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
    /// Judges what the comment says. What depends on its author's record (first-comment
    /// premoderation) is left in the verdict for ``Verdict/applying(author:)``, which the store
    /// runs inside the transaction that writes the comment, on the record as it is then.
    func judge(_ draft: CommentDraft) -> Verdict
    /// The same, with the body normalized already by a ``TextNormalizer`` (the server normalizes a
    /// body once, for the judge and the campaign watch); a normalization of another text is
    /// ignored. The default ignores it.
    func judge(_ draft: CommentDraft, normalizedBody: NormalizedText) -> Verdict
    /// The folder-wide settings in force (rate limits, campaigns, … are read per request).
    var settings: PolicySettings { get }
    /// The version of the policy in force; nil when none is (the server is then not ready).
    var versionInForce: String? { get }
}

extension CommentJudge {
    public var settings: PolicySettings { PolicySettings() }
    public var versionInForce: String? { nil }

    public func judge(_ draft: CommentDraft, normalizedBody: NormalizedText) -> Verdict { judge(draft) }

    /// Judges a comment whose author's record is known already (tools, tests).
    public func judge(_ draft: CommentDraft, context: JudgeContext) -> Verdict {
        judge(draft).applying(author: context)
    }
}

/// The decider used when no policy is loaded: every comment is published as written.
public struct PublishAllJudge: CommentJudge {
    public static let version = "builtin:publish-all"

    public init() {}

    public var versionInForce: String? { Self.version }

    public func judge(_ draft: CommentDraft) -> Verdict {
        Verdict(status: .published, publishedBody: draft.body, policyVersion: Self.version)
    }
}
