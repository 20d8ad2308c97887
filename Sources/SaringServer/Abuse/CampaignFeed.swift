import Foundation
import Logging
import SaringCore
import SaringStore
import ServiceLifecycle

/// Reads the comments every node stores (the PostgreSQL store) into this node's campaign window,
/// a few times a second, so near-copies posted through other nodes count as sources here too; and
/// into its article-brake counters, so a flood spread over the nodes by the load balancer brakes
/// the article as it would on one node.
///
/// Ids are handed out when a transaction inserts, but transactions of different nodes commit in
/// any order: a lower id can become visible after a higher one. So each read goes back
/// `lookback` ids before the highest seen, and the window's own record of the ids it knows keeps
/// every comment counted once.
public struct CampaignFeed: Service {
    let source: any SharedCommentFeed
    let campaigns: CampaignWatch
    let metrics: SaringMetrics
    let interval: Duration
    let logger: Logger
    let now: @Sendable () -> Date
    let brakes: Brakes?
    static let lookback: Int64 = 512

    /// Where the other nodes' comments count towards article brakes.
    public struct Brakes: Sendable {
        let watch: ArticleBrakeWatch
        let settings: @Sendable () -> BrakeSettings
        let store: any CommentStore

        public init(watch: ArticleBrakeWatch, settings: @escaping @Sendable () -> BrakeSettings, store: any CommentStore) {
            self.watch = watch
            self.settings = settings
            self.store = store
        }
    }
    static let pageSize = 1_000

    public init(
        source: any SharedCommentFeed, campaigns: CampaignWatch, metrics: SaringMetrics, interval: Duration = .milliseconds(250),
        logger: Logger, brakes: Brakes? = nil, now: @escaping @Sendable () -> Date = { Date() }
    ) {
        self.brakes = brakes
        self.source = source
        self.campaigns = campaigns
        self.metrics = metrics
        self.interval = interval
        self.logger = logger
        self.now = now
    }

    public func run() async throws {
        await cancelWhenGracefulShutdown {
            // A node that starts joins the window of the last few thousand comments.
            var highest: Int64 = max(0, ((try? await source.newestCommentId()) ?? 0) - Int64(campaigns.maxEntries))
            var failing = false
            while !Task.isCancelled {
                var full = false
                do {
                    let comments = try await source.feedComments(after: max(0, highest - Self.lookback), limit: Self.pageSize)
                    let millis = Timestamp.millis(now())
                    var learned = 0
                    for comment in comments where campaigns.learn(comment, at: millis) {
                        learned += 1
                        // Another node's comment (this node's own are known already): an arrival
                        // on its article, at the time it was stored.
                        if let brakes {
                            try? await brakes.watch.arrival(
                                articleId: comment.articleId, at: comment.atMillis, settings: brakes.settings(), store: brakes.store,
                                metrics: metrics, logger: logger)
                        }
                    }
                    if learned > 0 { metrics.campaignFeed(learned) }
                    highest = max(highest, comments.last?.id ?? highest)
                    full = comments.count == Self.pageSize
                    if failing { logger.info("campaign feed: reading other nodes' comments again") }
                    failing = false
                } catch {
                    if !failing { logger.warning("campaign feed: cannot read other nodes' comments, will retry: \(error)") }
                    failing = true
                }
                if !full { try? await Task.sleep(for: interval) }
            }
        }
    }
}
