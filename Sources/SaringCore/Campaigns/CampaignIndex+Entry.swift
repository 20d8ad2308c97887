extension CampaignIndex {
    /// A recent comment as campaign detection needs it: who wrote it, from where, on which article.
    ///
    /// `authorKey` and `clientKey` are opaque (the store's author identity and client-address
    /// hash); the index only compares them for equality. 73 bytes inline, plus the strings'
    /// heap storage when longer than 15 bytes.
    public struct Entry: Sendable, Equatable {
        public var commentId: Int64
        public var authorKey: String
        /// The client address hash; nil when the edge did not record one.
        public var clientKey: String?
        public var articleId: String
        public var atMillis: Int64
        /// Set by `CampaignIndex.assign(campaignId:to:)` once the comment is known to belong to one.
        public var campaignId: Int64?

        public init(
            commentId: Int64, authorKey: String, clientKey: String?, articleId: String, atMillis: Int64,
            campaignId: Int64? = nil
        ) {
            self.commentId = commentId
            self.authorKey = authorKey
            self.clientKey = clientKey
            self.articleId = articleId
            self.atMillis = atMillis
            self.campaignId = campaignId
        }
    }
}
