import CoreMetrics
import Foundation
import HTTPTypes
import SaringCore
import SaringStore
import Synchronization

/// Every metric Saring records, made through one `MetricsFactory` passed in: `saring serve` gives
/// the Prometheus factory it bootstraps the global `MetricsSystem` with (once per process), a test
/// a factory over a registry of its own, so tests never share or bootstrap global state.
///
/// Names and labels are fixed here and documented in the README. Labels are bounded: a route is
/// the matched route pattern (never the raw path), a rule is a rule id of the policy in force, a
/// status a number; nothing a client sends becomes a label.
public final class SaringMetrics: Sendable {
    enum Name {
        static let requests = "saring_http_requests_total"
        static let requestDuration = "saring_http_request_duration_seconds"
        static let comments = "saring_comments_total"
        static let ruleHits = "saring_rule_hits_total"
        static let policyReloads = "saring_policy_reloads_total"
        static let policyInfo = "saring_policy_info"
        static let rateLimited = "saring_rate_limited_total"
        static let campaignComments = "saring_campaign_comments_total"
        static let campaignFeed = "saring_campaign_feed_comments_total"
        static let brakes = "saring_article_brakes_total"
        static let queueDepth = "saring_queue_depth"
        static let storageBusy = "saring_storage_busy_total"
        static let groupCommitBatch = "saring_group_commit_batch_size"
    }

    /// The route label of requests that matched no route (404s of unknown paths): Hummingbird's
    /// own name for them, so every such request has the one label whoever sets it.
    static let unmatchedRoute = "NotFound"

    let factory: any MetricsFactory
    /// Status codes as label values, made once: no string is built per request for them.
    private let statusTexts: [String] = (0..<600).map(String.init)
    private let batchSizes: Recorder
    private let busy: Counter
    /// The policy version gauge in force (one series, `version` label), replaced on a change.
    private let policyVersion = Mutex<(version: String, gauge: Gauge)?>(nil)

    /// - Parameter factory: where the metrics go; see ``SaringMetrics/prometheusFactory(registry:)``.
    public init(factory: any MetricsFactory) {
        self.factory = factory
        batchSizes = Recorder(label: Name.groupCommitBatch, dimensions: [], aggregate: true, factory: factory)
        busy = Counter(label: Name.storageBusy, dimensions: [], factory: factory)
    }

    /// One answered request: its route pattern (as the OpenAPI document writes it), method and status.
    func request(route: String, method: HTTPRequest.Method, status: Int, duration: Duration) {
        let statusText = (0..<600).contains(status) ? statusTexts[status] : "other"
        Counter(label: Name.requests, dimensions: [("route", route), ("method", method.rawValue), ("status", statusText)], factory: factory)
            .increment()
        Timer(label: Name.requestDuration, dimensions: [("route", route), ("method", method.rawValue)], factory: factory)
            .recordNanoseconds(duration.nanoseconds)
    }

    /// A stored comment: its status as stored, and each rule that fired on it, once however many
    /// spans it matched (shadow hits apart), as `saring policy stats` counts them.
    func comment(_ comment: Comment, verdict: Verdict) {
        Counter(label: Name.comments, dimensions: [("decision", comment.status.rawValue)], factory: factory).increment()
        var counted: Set<String> = []
        for hit in verdict.hits where counted.insert("\(hit.shadow ? "s" : "a")\(hit.ruleId)").inserted {
            Counter(
                label: Name.ruleHits, dimensions: [("rule", hit.ruleId), ("shadow", hit.shadow ? "true" : "false")], factory: factory
            ).increment()
        }
    }

    /// A policy folder check that found a change: `ok` (swapped in) or `refused`.
    public func policyReload(ok: Bool) {
        Counter(label: Name.policyReloads, dimensions: [("result", ok ? "ok" : "refused")], factory: factory).increment()
    }

    /// Sets `saring_policy_info{version} 1` to the version in force, dropping the previous series.
    func policyInForce(_ version: String?) {
        policyVersion.withLock { current in
            guard current?.version != version else { return }
            current?.gauge.destroy()
            current = version.map { version in
                let gauge = Gauge(label: Name.policyInfo, dimensions: [("version", version)], factory: factory)
                gauge.record(1)
                return (version, gauge)
            }
        }
    }

    /// A request refused by a rate limit (`limit`: per-client, per-author, per-article,
    /// reports-per-client, auth-failures).
    func rateLimited(_ limit: String) {
        Counter(label: Name.rateLimited, dimensions: [("limit", limit)], factory: factory).increment()
    }

    /// Comments other nodes stored, read into this node's campaign window (PostgreSQL).
    func campaignFeed(_ comments: Int) {
        Counter(label: Name.campaignFeed, dimensions: [], factory: factory).increment(by: comments)
    }

    /// A new comment found to belong to a spam campaign.
    func campaignComment() {
        Counter(label: Name.campaignComments, dimensions: [], factory: factory).increment()
    }

    /// An article brake engaged (`event: engaged`) or ended.
    func brake(_ event: String) {
        Counter(label: Name.brakes, dimensions: [("event", event)], factory: factory).increment()
    }

    /// The depth of one moderation queue (counted up to a cap).
    func queueDepth(_ kind: QueueKind, _ count: Int) {
        Gauge(label: Name.queueDepth, dimensions: [("kind", kind.rawValue)], factory: factory).record(count)
    }

    /// A request answered 503 `storage_busy`.
    func storageBusy() { busy.increment() }

    /// One group commit of `size` comments.
    public func groupCommit(size: Int) { batchSizes.record(size) }
}

extension Duration {
    var nanoseconds: Int64 {
        let (seconds, attoseconds) = components
        return seconds * 1_000_000_000 + attoseconds / 1_000_000_000
    }
}

extension SaringMetrics {
    /// The store's events, counted here (group-commit sizes).
    public var storeEvents: StoreEvents {
        StoreEvents(groupCommitted: { [self] size in groupCommit(size: size) })
    }
}
