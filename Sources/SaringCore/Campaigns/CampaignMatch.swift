/// The recent comments a new comment nearly copies, summarized for the campaign decision.
public struct CampaignMatch: Sendable, Equatable {
    /// The matching entries, oldest first.
    public let entries: [CampaignIndex.Entry]
    public let authorKeys: Set<String>
    public let clientKeys: Set<String>
    public let articleIds: Set<String>
    /// The campaign the matches already belong to: the smallest id among them, so that two
    /// campaigns that turn out to be one converge on the older id.
    public let campaignId: Int64?

    public init(entries: [CampaignIndex.Entry]) {
        self.entries = entries
        authorKeys = Set(entries.map(\.authorKey))
        clientKeys = Set(entries.compactMap(\.clientKey))
        articleIds = Set(entries.map(\.articleId))
        campaignId = entries.compactMap(\.campaignId).min()
    }

    public var memberIds: [Int64] { entries.map(\.commentId) }
    public var distinctAuthors: Int { authorKeys.count }
    /// Distinct recorded client addresses; entries without one are not counted.
    public var distinctClients: Int { clientKeys.count }
    public var distinctArticles: Int { articleIds.count }

    /// Whether the new comment together with its matches comes from enough sources to be a
    /// campaign: distinct authors or distinct client addresses, counting the new comment's own.
    ///
    /// Either suffices: campaigns rotate accounts behind one address, or addresses behind one
    /// account name. One person repeating themselves is flooding, which rate limits handle, so
    /// `minimumSources` should be at least 2.
    public func isCampaign(minimumSources: Int, includingNew authorKey: String, clientKey: String?) -> Bool {
        let authors = distinctAuthors + (authorKeys.contains(authorKey) ? 0 : 1)
        var clients = distinctClients
        if let clientKey, !clientKeys.contains(clientKey) {
            clients += 1
        }
        return authors >= minimumSources || clients >= minimumSources
    }
}
