import SaringCore
import SaringStore
import Synchronization

/// The queue-depth gauges, read from the database at most every `interval` (on a scrape), so a
/// Prometheus scraping every second costs the database one bounded count per queue every few
/// seconds; each count stops at `cap` (a queue of more shows `cap`).
final class QueueDepthGauges: Sendable {
    let store: any ModerationStore
    let metrics: SaringMetrics
    let interval: Duration
    let cap: Int
    private let lastRead = Mutex<ContinuousClock.Instant?>(nil)

    init(store: any ModerationStore, metrics: SaringMetrics, interval: Duration = .seconds(5), cap: Int = 10_000) {
        self.store = store
        self.metrics = metrics
        self.interval = interval
        self.cap = cap
    }

    /// Reads the depths again when the last read is older than the interval; a failed read (busy
    /// database) leaves the last values and is tried again at the next scrape.
    func refreshIfStale() async {
        let now = ContinuousClock.now
        let due = lastRead.withLock { last in
            if let last, now - last < interval { return false }
            last = now
            return true
        }
        guard due else { return }
        guard let depths = try? await store.queueDepths(cap: cap) else {
            lastRead.withLock { $0 = nil }
            return
        }
        for (kind, count) in depths { metrics.queueDepth(kind, count) }
    }
}
