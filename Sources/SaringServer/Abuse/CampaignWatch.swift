import SaringCore
import Synchronization

/// Recent comments' near-duplicate signatures (in this process's memory, bounded), and the
/// decision whether a new comment continues a spam campaign: near-identical text from several
/// authors or client addresses within the window, on any article.
public final class CampaignWatch: Sendable {
    /// What a lookup found: the campaign to tag the new comment with, and its earlier comments
    /// that are not tagged yet.
    public struct Finding: Sendable, Equatable {
        public let campaignId: Int64
        public let untagged: [Int64]
        public let comments: Int
        public let authors: Int
        public let clients: Int
        public let articles: Int
    }

    private struct State {
        var index: CampaignIndex
        var settings: CampaignSettings
        /// Ids of the comments remembered lately (as many as the index holds, twice over), so a
        /// comment this node stored and then read back from the shared feed counts once.
        var known = Set<Int64>()
        var knownOrder: [Int64] = []
        var nextForgotten = 0

        mutating func note(_ id: Int64, keeping limit: Int) -> Bool {
            guard known.insert(id).inserted else { return false }
            if knownOrder.count < limit {
                knownOrder.append(id)
            } else {
                known.remove(knownOrder[nextForgotten])
                knownOrder[nextForgotten] = id
                nextForgotten = (nextForgotten + 1) % limit
            }
            return true
        }
    }

    /// The newest matches a lookup looks at: enough to count sources and find the campaign's id,
    /// and a bound on its cost during a wave of thousands.
    static let lookupLimit = 200

    private let state: Mutex<State>
    private let normalizer = TextNormalizer()
    let maxEntries: Int

    public init(maxEntries: Int = 20_000) {
        self.maxEntries = maxEntries
        let settings = CampaignSettings()
        state = Mutex(State(index: Self.index(settings, maxEntries), settings: settings))
    }

    /// The signature of a comment's text, or nil when it carries too little information to ever
    /// be part of a campaign (short common replies).
    public func signature(of body: String) -> CampaignSignature? {
        signature(of: normalizer.normalize(body))
    }

    /// The signature of a body normalized already (the judge's normalization, shared).
    public func signature(of normalized: NormalizedText) -> CampaignSignature? {
        CampaignSignature(normalizedText: normalized.text)
    }

    /// A body normalized as the judge and the signatures read it.
    public func normalize(_ body: String) -> NormalizedText {
        normalizer.normalize(body)
    }

    /// Looks the signature up; a finding when the new comment makes or continues a campaign.
    public func lookup(
        _ signature: CampaignSignature, authorKey: String, clientKey: String?, at millis: Int64, settings: CampaignSettings
    ) -> Finding? {
        guard settings.minSources > 0 else { return nil }
        return state.withLock { state in
            if state.settings != settings {
                // New window or similarity from a reload: start over rather than mix rules.
                state.index = Self.index(settings, maxEntries)
                state.settings = settings
            }
            let match = state.index.matches(signature, atMillis: millis, limit: Self.lookupLimit)
            guard !match.entries.isEmpty,
                match.isCampaign(minimumSources: settings.minSources, includingNew: authorKey, clientKey: clientKey),
                let first = match.campaignId ?? match.memberIds.min()
            else { return nil }
            let untagged = match.entries.filter { $0.campaignId == nil }.map(\.commentId)
            let authors = match.authorKeys.union([authorKey]).count
            let clients = match.clientKeys.union(clientKey.map { [$0] } ?? []).count
            return Finding(
                campaignId: first, untagged: untagged, comments: match.entries.count + 1, authors: authors, clients: clients,
                articles: match.distinctArticles)
        }
    }

    /// Remembers a stored comment (and tags its campaign's members, when it has one).
    public func remember(_ signature: CampaignSignature, entry: CampaignIndex.Entry, untagged: [Int64]) {
        state.withLock { state in
            if state.note(entry.commentId, keeping: maxEntries * 2) { state.index.insert(signature, entry: entry) }
            if let campaignId = entry.campaignId { state.index.assign(campaignId: campaignId, to: untagged) }
        }
    }

    /// Notes a comment stored here that has too little text for a signature: the feed then knows
    /// it is not another node's.
    public func noteStored(_ commentId: Int64) {
        state.withLock { _ = $0.note(commentId, keeping: maxEntries * 2) }
    }

    /// Whether a comment is in the window already (stored here, or read from the feed before).
    public func knows(_ commentId: Int64) -> Bool {
        state.withLock { $0.known.contains(commentId) }
    }

    /// Remembers a comment another node stored (read from the shared feed); false when this node
    /// knew it already, or when it is older than the campaign window at `millis`.
    @discardableResult
    public func learn(_ comment: FedComment, at millis: Int64) -> Bool {
        let fresh = state.withLock { state in
            !state.known.contains(comment.id) && comment.atMillis >= millis - Int64(state.settings.windowMinutes) * 60_000
        }
        guard fresh else { return false }
        // Normalized outside the lock; a comment with too little text is noted all the same.
        let signature = signature(of: comment.body)
        return state.withLock { state in
            guard state.note(comment.id, keeping: maxEntries * 2) else { return false }
            if let signature {
                state.index.insert(
                    signature,
                    entry: CampaignIndex.Entry(
                        commentId: comment.id, authorKey: comment.authorKey, clientKey: comment.clientKey, articleId: comment.articleId,
                        atMillis: comment.atMillis, campaignId: comment.campaignId))
            }
            return true
        }
    }

    private static func index(_ settings: CampaignSettings, _ maxEntries: Int) -> CampaignIndex {
        CampaignIndex(
            windowMillis: Int64(settings.windowMinutes) * 60_000, similarityThreshold: settings.similarity, maxEntries: maxEntries)
    }
}
