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
        CampaignSignature(normalizedText: normalizer.normalize(body).text)
    }

    /// Looks the signature up; a finding when the new comment makes or continues a campaign.
    public func lookup(
        _ signature: CampaignSignature, authorKey: String, clientKey: String?, at millis: Int64, settings: CampaignSettings
    ) -> Finding? {
        guard settings.minSources > 0 else { return nil }
        return state.withLock { state in
            if state.settings != settings {
                // New window or similarity from a reload: start over rather than mix rules.
                state = State(index: Self.index(settings, maxEntries), settings: settings)
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
            state.index.insert(signature, entry: entry)
            if let campaignId = entry.campaignId { state.index.assign(campaignId: campaignId, to: untagged) }
        }
    }

    private static func index(_ settings: CampaignSettings, _ maxEntries: Int) -> CampaignIndex {
        CampaignIndex(
            windowMillis: Int64(settings.windowMinutes) * 60_000, similarityThreshold: settings.similarity, maxEntries: maxEntries)
    }
}
