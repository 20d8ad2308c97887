import Hummingbird
import Logging
import Prometheus
import SaringCore
import SaringStore
import ServiceLifecycle

/// The metrics listener (`--metrics-port`): `GET /metrics` in Prometheus' text format, on a port
/// of its own, so the public API's port never exposes it and a scrape never waits behind readers.
public struct MetricsServer: Service {
    let application: Application<RouterResponder<BasicRequestContext>>

    /// - Parameters:
    ///   - store: whose queues' depths are shown (nil on PostgreSQL, where queues are not kept yet).
    ///   - judge: whose policy version `saring_policy_info` shows.
    ///   - onServerRunning: called with the bound port (tests bind port 0).
    public init(
        registry: PrometheusCollectorRegistry, metrics: SaringMetrics, store: (any ModerationStore)?, judge: any CommentJudge, host: String, port: Int,
        depthInterval: Duration = .seconds(5), logger: Logger, onServerRunning: @escaping @Sendable (Int) async -> Void = { _ in }
    ) {
        let depths = store.map { QueueDepthGauges(store: $0, metrics: metrics, interval: depthInterval) }
        let router = Router()
        router.get("metrics") { _, _ -> Response in
            await depths?.refreshIfStale()
            metrics.policyInForce(judge.versionInForce)
            var response = Response(
                status: .ok, headers: [.contentType: "text/plain; version=0.0.4; charset=utf-8"],
                body: .init(byteBuffer: ByteBuffer(bytes: registry.emitToBuffer())))
            response.headers[.cacheControl] = "no-store"
            return response
        }
        application = Application(
            router: router, configuration: .init(address: .hostname(host, port: port), serverName: "saring-metrics"),
            onServerRunning: { channel in await onServerRunning(channel.localAddress?.port ?? port) }, logger: logger)
    }

    public func run() async throws {
        try await application.run()
    }
}
