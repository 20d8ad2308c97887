import Foundation

/// A stored comment as the rest of Saring sees it.
public struct Comment: Sendable, Equatable {
    public var id: Int64
    public var articleId: String
    public var parentId: Int64?
    public var authorName: String
    public var authorEmail: String?
    /// The text as the reader submitted it.
    public var body: String
    /// The text readers see (masked where a rule asked for it).
    public var publishedBody: String
    public var status: CommentStatus
    public var flagged: Bool
    public var score: Double
    public var createdAt: Date
    /// Keyed hash of the submitting client's address; nil for comments from tools.
    public var clientHash: String? = nil
    /// The spam campaign the comment was found to belong to.
    public var campaignId: Int64? = nil
    /// Why it has its status: the reasons of the decision that gave it, where the store knows them
    /// (a submission's final decision, after premoderation, bans and the brake; empty otherwise).
    public var reasons: [String] = []

    public init(
        id: Int64, articleId: String, parentId: Int64?, authorName: String, authorEmail: String?,
        body: String, publishedBody: String, status: CommentStatus, flagged: Bool, score: Double, createdAt: Date
    ) {
        self.id = id
        self.articleId = articleId
        self.parentId = parentId
        self.authorName = authorName
        self.authorEmail = authorEmail
        self.body = body
        self.publishedBody = publishedBody
        self.status = status
        self.flagged = flagged
        self.score = score
        self.createdAt = createdAt
    }
}

extension Comment {
    /// The comment a store has just written: the draft as judged, under the id it was given.
    public init(stored id: Int64, draft: CommentDraft, verdict: Verdict, at date: Date) {
        self.init(
            id: id, articleId: draft.articleId, parentId: draft.parentId, authorName: draft.authorName,
            authorEmail: draft.authorEmail, body: draft.body, publishedBody: verdict.publishedBody,
            status: verdict.status, flagged: verdict.flagged, score: verdict.score, createdAt: date)
        clientHash = draft.clientHash
        campaignId = verdict.campaign?.id
        reasons = verdict.reasons
    }
}
