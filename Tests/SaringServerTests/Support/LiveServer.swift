// Starts the real Saring HTTP server on 127.0.0.1 (port 0) over a real SQLite file in a temporary
// folder, runs a test body against it, and shuts it down.
import Foundation
import Hummingbird
import Logging
import Prometheus
import SaringCore
import SaringFiles
import SaringServer
import SaringStore
import SaringTestSupport
import ServiceLifecycle

struct LiveServer: Sendable {
    let client: RawHTTP
    let store: SaringStore
    let databasePath: String
    /// The policy folder when the server runs on one (files can be rewritten to test reloads).
    let policyFolder: URL?
    let policies: PolicyHolder?
    /// The metrics listener, when the server runs with one (`metrics: true`).
    let metricsClient: RawHTTP?

    /// Rate limits are off unless `rateLimits`; `127.0.0.1` is a trusted proxy, so a test speaks for
    /// distinct clients with `X-Forwarded-For`.
    ///
    /// - Parameter policyFiles: when given, the server judges with a policy folder made of these
    ///   files, reloaded every 50 ms; otherwise with `judge`.
    static func run(
        settings: ServerSettings = ServerSettings(adminToken: "test-admin-token"),
        judge: any CommentJudge = PublishAllJudge(),
        policyFiles: [String: String]? = nil,
        rateLimits: Bool = false,
        trustedProxies: String = "127.0.0.1/32",
        limiter: any RateLimiting = InMemoryRateLimiter(),
        now: @escaping @Sendable () -> Date = { Date() },
        keysFile: String? = nil,
        log: CapturedLog? = nil,
        logger given: Logger? = nil,
        metrics withMetrics: Bool = false,
        queueDepthInterval: Duration = .seconds(5),
        busyTimeout: TimeInterval = 10,
        _ body: @Sendable (LiveServer) async throws -> Void
    ) async throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("saring-test-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        var settings = settings
        settings.port = 0
        settings.databasePath = folder.appendingPathComponent("test.sqlite").path
        // A registry of the test's own: the global MetricsSystem is never bootstrapped in tests.
        let registry = PrometheusCollectorRegistry()
        let metrics = SaringMetrics(factory: SaringMetrics.prometheusFactory(registry: registry))
        let store = try SaringStore(path: settings.databasePath, now: now, events: metrics.storeEvents, busyTimeout: busyTimeout)
        try store.migrate()

        var logger = given ?? log?.logger() ?? Logger(label: "saring-test")
        // Cancelling the server at the end of each test logs an error we do not need to see.
        if log == nil, given == nil { logger.logLevel = .critical }
        var judge = judge
        var services: [any Service] = []
        var holder: PolicyHolder? = nil
        var policyFolder: URL? = nil
        if let policyFiles {
            let policies = folder.appendingPathComponent("Policies")
            try writePolicyFolder(policies, policyFiles)
            let source = try PolicyFolder.read(policies.path)
            let policy = try PolicyCompiler.compile(source).get()
            try await store.recordPolicyVersion(source, policy)
            let loaded = PolicyHolder(policy)
            services.append(
                PolicyReloader(path: policies.path, holder: loaded, interval: .milliseconds(50), logger: logger, metrics: metrics, store: store))
            judge = loaded
            holder = loaded
            policyFolder = policies
        }
        let (ports, portSink) = AsyncStream.makeStream(of: Int.self)
        let (metricsPorts, metricsPortSink) = AsyncStream.makeStream(of: Int.self)
        if withMetrics {
            services.append(
                MetricsServer(
                    registry: registry, metrics: metrics, store: store, judge: judge, host: "127.0.0.1", port: 0,
                    depthInterval: queueDepthInterval, logger: logger, onServerRunning: { port in metricsPortSink.yield(port) }))
        }
        let app = buildApplication(
            settings: settings, store: store, judge: judge,
            abuse: AbuseControls(
                resolver: ClientResolver(
                    trustedProxies: try AddressRange.list(trustedProxies),
                    key: try AddressKey.load(hex: nil, databasePath: settings.databasePath)),
                limiter: limiter, rateLimitsEnabled: rateLimits, now: now),
            keys: try Self.keys(keysFile, in: folder, adminToken: settings.adminToken), metrics: metrics,
            services: services, logger: logger,
            onServerRunning: { port in portSink.yield(port) })
        let serverTask = Task { try await app.run() }
        defer { serverTask.cancel() }
        var iterator = ports.makeAsyncIterator()
        guard let port = await iterator.next() else { throw RawHTTP.Failure(description: "server did not start") }
        var metricsClient: RawHTTP? = nil
        if withMetrics {
            var metricsIterator = metricsPorts.makeAsyncIterator()
            guard let metricsPort = await metricsIterator.next() else { throw RawHTTP.Failure(description: "metrics listener did not start") }
            metricsClient = RawHTTP(port: metricsPort)
        }
        try await body(
            LiveServer(
                client: RawHTTP(port: port), store: store, databasePath: settings.databasePath, policyFolder: policyFolder,
                policies: holder, metricsClient: metricsClient))
    }

    /// The credentials: `keysFile` (written beside the database) plus the settings' admin token.
    static func keys(_ text: String?, in folder: URL, adminToken: String?) throws -> KeysHolder {
        guard let text else { return try KeysHolder(adminToken: adminToken) }
        let path = folder.appendingPathComponent("keys.yaml")
        try Data(text.utf8).write(to: path)
        return try KeysHolder(path: path.path, adminToken: adminToken)
    }

    /// Replaces the folder's files; each is written whole and renamed into place, as editors do.
    /// Files are written (in name order) before others are removed, so a reload that catches the
    /// folder half-way sees the new files next to old ones, never a folder missing both.
    static func writePolicyFolder(_ folder: URL, _ files: [String: String]) throws {
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        for (name, text) in files.sorted(by: { $0.key < $1.key }) {
            try Data(text.utf8).write(to: folder.appendingPathComponent(name), options: .atomic)
        }
        for name in try FileManager.default.contentsOfDirectory(atPath: folder.path) where !files.keys.contains(name) {
            try FileManager.default.removeItem(at: folder.appendingPathComponent(name))
        }
    }
}
