import Foundation
import Logging
import SaringCore
import SaringStore
import Synchronization

/// Watches new comments per article (in this process) and says when an article's brake must
/// engage: more than `maxComments` within the window. The brake itself is kept in the store
/// (`articles.brake_until`), so the CLI sees it and the submit transaction applies it.
public final class ArticleBrakeWatch: Sendable {
    public enum Event: Sendable, Equatable {
        /// Engage until this time (milliseconds); `count` comments arrived within the window.
        case engage(untilMillis: Int64, count: Int)
        /// A brake this process engaged has run out (noticed at the article's next comment).
        case ended
    }

    private struct State {
        var windows: [String: ArrivalWindow] = [:]
        var braked: [String: Int64] = [:]
    }

    private let state = Mutex(State())
    let maxArticles: Int

    public init(maxArticles: Int = 20_000) {
        self.maxArticles = maxArticles
    }

    public func arrival(articleId: String, at millis: Int64, settings: BrakeSettings) -> Event? {
        guard settings.maxComments > 0 else { return nil }
        return state.withLock { state in
            if let until = state.braked[articleId] {
                if until > millis { return nil }
                state.braked[articleId] = nil
                state.windows[articleId] = nil
                return .ended
            }
            var window = state.windows[articleId] ?? ArrivalWindow()
            let count = window.record(
                at: millis, windowMillis: Int64(settings.windowMinutes) * 60_000, limit: settings.maxComments)
            state.windows[articleId] = window
            if state.windows.count > maxArticles {
                Self.forgetIdle(&state, before: millis - Int64(settings.windowMinutes) * 60_000, keep: maxArticles)
            }
            guard count > settings.maxComments else { return nil }
            let until = millis + Int64(settings.holdMinutes) * 60_000
            state.braked[articleId] = until
            return .engage(untilMillis: until, count: count)
        }
    }

    private static func forgetIdle(_ state: inout State, before millis: Int64, keep maxArticles: Int) {
        for (article, window) in state.windows where (window.latest ?? 0) < millis { state.windows[article] = nil }
        // Still too many busy articles (a flood spread over made-up article ids): forget the
        // quietest half rather than grow without bound.
        if state.windows.count > maxArticles {
            let quiet = state.windows.sorted { ($0.value.latest ?? 0) < ($1.value.latest ?? 0) }.prefix(state.windows.count / 2)
            for (article, _) in quiet { state.windows[article] = nil }
        }
    }
}

extension ArticleBrakeWatch {
    /// Counts an arrival and acts on what it means: engages the brake in the store (so every node
    /// and the CLI see it), counts it in the metrics and logs it. Used for the comments this node
    /// stores and, on PostgreSQL, for those the other nodes store (read from the shared feed).
    func arrival(
        articleId: String, at millis: Int64, settings: BrakeSettings, store: any CommentStore, metrics: SaringMetrics, logger: Logger
    ) async throws {
        switch arrival(articleId: articleId, at: millis, settings: settings) {
        case .engage(let until, let count):
            try await store.engageBrake(articleId: articleId, until: Date(timeIntervalSince1970: Double(until) / 1000))
            metrics.brake("engaged")
            logger.warning(
                "article brake engaged: \(count) new comments within \(settings.windowMinutes) min; every new comment is held for \(settings.holdMinutes) min",
                metadata: ["article": "\(articleId)"])
        case .ended:
            metrics.brake("ended")
            logger.info("article brake ended", metadata: ["article": "\(articleId)"])
        case nil:
            break
        }
    }
}

