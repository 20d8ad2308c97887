/// Every node's stored comments, read back in id order (the PostgreSQL store), so that each node's
/// campaign window also holds what was posted through the other nodes: a wave spread over several
/// servers by a load balancer is one wave.
public protocol SharedCommentFeed: Sendable {
    /// Comments with an id above `id`, lowest first, at most `limit`.
    func feedComments(after id: Int64, limit: Int) async throws -> [FedComment]
    /// The highest comment id stored, 0 for none.
    func newestCommentId() async throws -> Int64
}

/// A stored comment as campaign detection needs it.
public struct FedComment: Sendable, Equatable {
    public var id: Int64
    public var articleId: String
    /// The author's identity (`AuthorIdentity.key`).
    public var authorKey: String
    public var clientKey: String?
    public var body: String
    public var campaignId: Int64?
    public var atMillis: Int64

    public init(id: Int64, articleId: String, authorKey: String, clientKey: String?, body: String, campaignId: Int64?, atMillis: Int64) {
        self.id = id
        self.articleId = articleId
        self.authorKey = authorKey
        self.clientKey = clientKey
        self.body = body
        self.campaignId = campaignId
        self.atMillis = atMillis
    }
}
