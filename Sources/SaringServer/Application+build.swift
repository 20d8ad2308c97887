import Hummingbird
import HummingbirdCore
import Logging
import Metrics
import SaringCore
import SaringStore
import ServiceLifecycle

/// The one place where Saring's HTTP parts are put together; `saring serve` and the tests call it.
///
/// - Parameters:
///   - settings: host, port, limits and the admin token.
///   - store: an open, migrated store.
///   - judge: decides each new comment.
///   - abuse: client hashing, rate limits and their clock.
///   - keys: the credentials in force (site keys, moderators, admins).
///   - metrics: where requests and events are counted; none given, they are counted nowhere.
///   - services: run alongside the server (the policy reloader, the metrics listener, the rule meter).
///   - meter: notes each judgement and times rules (it must also be among `services` to flush).
///   - onServerRunning: called with the bound port once listening (tests bind port 0).
public func buildApplication(
    settings: ServerSettings, store: SaringStore, judge: any CommentJudge, abuse: AbuseControls, keys: KeysHolder,
    metrics: SaringMetrics = SaringMetrics(factory: NOOPMetricsHandler.instance),
    services: [any Service] = [], meter: RuleMeter? = nil, logger: Logger,
    onServerRunning: @escaping @Sendable (Int) async -> Void = { _ in }
) -> some ApplicationProtocol {
    buildApplication(
        settings: settings, stores: ServerStores(store), judge: judge, abuse: abuse, keys: keys, metrics: metrics,
        services: services, meter: meter, logger: logger, onServerRunning: onServerRunning)
}

/// The same, on either backend (``ServerStores``).
public func buildApplication(
    settings: ServerSettings, stores: ServerStores, judge: any CommentJudge, abuse: AbuseControls, keys: KeysHolder,
    metrics: SaringMetrics = SaringMetrics(factory: NOOPMetricsHandler.instance),
    services: [any Service] = [], meter: RuleMeter? = nil, logger: Logger,
    onServerRunning: @escaping @Sendable (Int) async -> Void = { _ in }
) -> some ApplicationProtocol {
    let router = buildRouter(settings: settings, stores: stores, judge: judge, abuse: abuse, keys: keys, metrics: metrics, meter: meter)
    let connections = ConnectionLimiter(maxPerClient: settings.maxConnectionsPerClient, trustedProxies: abuse.resolver.trustedProxies)
    return Application(
        router: router,
        server: HTTPServerBuilder { responder in
            SaringHTTP1Channel(
                responder: responder, idleTimeout: settings.idleTimeout, bodyDeadline: settings.bodyDeadline,
                connections: connections)
        },
        configuration: .init(address: .hostname(settings.host, port: settings.port), serverName: "saring"),
        services: services,
        onServerRunning: { channel in await onServerRunning(channel.localAddress?.port ?? settings.port) },
        logger: logger)
}

/// Routes and middleware, without a socket.
public func buildRouter(
    settings: ServerSettings, store: SaringStore, judge: any CommentJudge, abuse: AbuseControls, keys: KeysHolder,
    metrics: SaringMetrics = SaringMetrics(factory: NOOPMetricsHandler.instance),
    meter: RuleMeter? = nil
) -> Router<SaringRequestContext> {
    buildRouter(settings: settings, stores: ServerStores(store), judge: judge, abuse: abuse, keys: keys, metrics: metrics, meter: meter)
}

/// The same, on either backend (``ServerStores``).
public func buildRouter(
    settings: ServerSettings, stores: ServerStores, judge: any CommentJudge, abuse: AbuseControls, keys: KeysHolder,
    metrics: SaringMetrics = SaringMetrics(factory: NOOPMetricsHandler.instance),
    meter: RuleMeter? = nil
) -> Router<SaringRequestContext> {
    let authenticator = Authenticator(keys: keys, abuse: abuse)
    let store = stores.comments
    // With several nodes on one PostgreSQL database a page kept in memory is served only while
    // its article's version (``PageVersions``) is the one it was read at. Every change Saring
    // makes moves the version, so the time limit there only bounds what is changed beside Saring
    // (an operator's SQL): a minute, against a second on SQLite, where a moderator's command in
    // another process is seen only when the page's second is up.
    let pages = stores.pageVersions == nil ? PageCache() : PageCache(ttlMillis: 60_000)
    let router = Router(context: SaringRequestContext.self)
    // Outermost: every answer, errors included, carries the request id and is counted.
    router.add(middleware: RequestObservation(metrics: metrics))
    router.add(middleware: SecurityHeadersMiddleware())
    // Outside the error middleware: an error answer to an allowed origin must carry CORS headers,
    // or the browser keeps the error's body from the page.
    router.add(middleware: CORSMiddleware(origins: settings.corsOrigins))
    let routes = RouteTable()
    router.add(middleware: ErrorMiddleware(metrics: metrics, routes: routes))
    HealthController(store: store, judge: judge).addRoutes(to: router)
    let v1 = router.group("v1")
    OpenAPIController().addRoutes(to: v1)
    CommentsController(
        store: store, judge: judge, settings: settings, abuse: abuse, authenticator: authenticator, pages: pages,
        pageVersions: stores.pageVersions, metrics: metrics, meter: meter
    ).addRoutes(to: v1)
    PolicyController(judge: judge, authenticator: authenticator).addRoutes(to: v1)
    ArticlesController(store: store, settings: settings, authenticator: authenticator).addRoutes(to: v1)
    ReportsController(store: store, settings: settings, judge: judge, abuse: abuse, pages: pages).addRoutes(to: v1)
    ModerationController(moderation: stores.comments, settings: settings, abuse: abuse, authenticator: authenticator, pages: pages)
        .addRoutes(to: v1)
    routes.fill(router.routes)
    return router
}

/// The stores behind the server: the comment path and the whole moderators' API, on either
/// backend, and the SQLite store when that is the backend — what only it holds yet (policy
/// history, rule timings, queue depths, retention) is served from it, and left out without it.
public struct ServerStores: Sendable {
    public let comments: any ModerationStore
    public let sqlite: SaringStore?
    /// What tells this node that another changed a page (PostgreSQL); nil on SQLite.
    public let pageVersions: (any PageVersions)?

    public init(_ store: SaringStore) {
        comments = store
        sqlite = store
        pageVersions = nil
    }

    /// A PostgreSQL store (or any other that is not SQLite).
    public init(comments: any ModerationStore) {
        self.comments = comments
        sqlite = comments as? SaringStore
        pageVersions = comments as? any PageVersions
    }
}
