import ArgumentParser
import Foundation
import Hummingbird
import Logging
import Metrics
import Prometheus
import SaringCore
import SaringFiles
import SaringServer
import SaringPostgres
import SaringStore
import ServiceLifecycle

extension Saring {
    struct Serve: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Run the HTTP API (migrates the database first).")

        @OptionGroup var database: DatabaseOptions

        @Option(help: "Policy folder (env SARING_POLICIES; default ./Policies).")
        var policies: String?

        @Option(help: "Address to listen on (env SARING_HOST; default 127.0.0.1).")
        var host: String?

        @Option(help: "Port to listen on (env SARING_PORT; default 8080).")
        var port: Int?

        @Option(help: "One admin's bearer token, besides the keys file (env SARING_ADMIN_TOKEN).")
        var adminToken: String?

        @Option(help: "The keys file: site keys, moderator and admin tokens (env SARING_KEYS_FILE; reloaded on SIGHUP).")
        var keys: String?

        @Option(help: "Maximum comment length in characters (default 5000).")
        var maxCommentLength: Int = SubmissionLimits().maxBodyCharacters

        @Option(help: "Maximum request body in bytes, refused before buffering (default 65536).")
        var maxRequestBytes: Int = Configuration.maxRequestBytes

        @Flag(help: "Tell submitters why a comment was held or rejected (default: say nothing).")
        var revealReasons = false

        @Option(help: "Seconds between checks of the policy folder for changes (default 1; SIGHUP checks at once).")
        var reloadInterval: Double = Configuration.reloadIntervalSeconds

        @Option(help: "Close a connection that sends nothing for this many seconds (default 30).")
        var idleTimeout: Double = Configuration.idleTimeoutSeconds

        @Option(
            help: ArgumentHelp(
                "Proxies whose X-Forwarded-For is believed, as CIDR[,CIDR…] (env SARING_TRUSTED_PROXIES; default none).",
                valueName: "cidrs"))
        var trustedProxies: String?

        @Option(help: "Seconds a request body may take to arrive whole; slower ones get 408 (default 10).")
        var bodyDeadline: Double = Configuration.bodyDeadlineSeconds

        @Option(help: "Open connections allowed per client address; trusted proxies are not counted (default 64).")
        var maxConnectionsPerClient: Int = Configuration.maxConnectionsPerClient

        @Option(help: "Browser origins allowed to call the API directly, as https://host[,…] (env SARING_CORS_ORIGINS; default none).")
        var corsOrigins: String?

        @Option(
            help: ArgumentHelp(
                "Erase the text of rejected comments this long after they were decided, e.g. 30d; checked every hour (env SARING_ERASE_REJECTED_AFTER; default: kept).",
                valueName: "age"))
        var eraseRejectedAfter: String?

        @Flag(help: "Turn off the per-client, per-author, per-article and report rate limits (load tests); campaigns stay on.")
        var noRateLimits = false

        @Option(help: "Serve Prometheus metrics (GET /metrics) on this port (default: no metrics listener).")
        var metricsPort: Int?

        @Option(help: "Address of the metrics listener (default: the --host address).")
        var metricsHost: String?

        @Option(help: "Log lines as json or text (default text); LOG_LEVEL sets the level.")
        var logFormat: SaringLogHandler.Format = .text

        @Option(help: "Time the rules' regexes on every Nth comment, for `saring policy stats` (default 8).")
        var timingSample: Int = 8

        func validate() throws {
            if let port, !(0...65535).contains(port) { throw ValidationError("--port must be 0-65535, got \(port)") }
            if let metricsPort, !(0...65535).contains(metricsPort) {
                throw ValidationError("--metrics-port must be 0-65535, got \(metricsPort)")
            }
            if metricsHost != nil, metricsPort == nil { throw ValidationError("--metrics-host needs --metrics-port") }
            if let metricsHost, metricsHost.isEmpty { throw ValidationError("--metrics-host must not be empty") }
            do { _ = try Configuration().port(flag: port) } catch { throw ValidationError(error.description) }
            if !(1...1_000_000).contains(timingSample) { throw ValidationError("--timing-sample must be 1-1000000, got \(timingSample)") }
            if maxCommentLength < 1 { throw ValidationError("--max-comment-length must be at least 1") }
            if maxRequestBytes < 1024 { throw ValidationError("--max-request-bytes must be at least 1024") }
            if !(0.05...3600).contains(reloadInterval) { throw ValidationError("--reload-interval must be 0.05-3600 seconds") }
            if !(1...3600).contains(idleTimeout) { throw ValidationError("--idle-timeout must be 1-3600 seconds") }
            if !(0.5...600).contains(bodyDeadline) { throw ValidationError("--body-deadline must be 0.5-600 seconds") }
            if !(1...100_000).contains(maxConnectionsPerClient) {
                throw ValidationError("--max-connections-per-client must be 1-100000")
            }
            _ = try proxies()
            _ = try origins()
            _ = try retention()
        }

        /// `--erase-rejected-after`, else `SARING_ERASE_REJECTED_AFTER`, as seconds; nil: off.
        func retention() throws -> Double? {
            let (text, source) = eraseRejectedAfter.map { ($0, "--erase-rejected-after") }
                ?? (Configuration().value(.eraseRejectedAfter), Configuration.Variable.eraseRejectedAfter.rawValue)
            guard let text else { return nil }
            guard let seconds = AgeParser.seconds(text) else {
                throw ValidationError("\(source) must be an age like 12h or 30d, got '\(text)'")
            }
            return seconds
        }

        func origins() throws -> Set<String> {
            let (text, source) = corsOrigins.map { ($0, "--cors-origins") }
                ?? (Configuration().value(.corsOrigins) ?? "", Configuration.Variable.corsOrigins.rawValue)
            do {
                return try parseCORSOrigins(text)
            } catch {
                throw ValidationError("\(source): \(error)")
            }
        }

        /// `--trusted-proxies`, else `SARING_TRUSTED_PROXIES`, parsed.
        func proxies() throws -> [AddressRange] {
            let (text, source) = trustedProxies.map { ($0, "--trusted-proxies") }
                ?? (Configuration().value(.trustedProxies) ?? "", Configuration.Variable.trustedProxies.rawValue)
            do {
                return try AddressRange.list(text)
            } catch {
                throw ValidationError("\(source): \(error)")
            }
        }

        func run() async throws {
            let configuration = Configuration()
            var limits = SubmissionLimits()
            limits.maxBodyCharacters = maxCommentLength
            var configured = ServerSettings(
                host: configuration.host(flag: host),
                port: try configuration.port(flag: port),
                databasePath: database.resolvedPath,
                policiesPath: configuration.policiesPath(flag: policies),
                adminToken: configuration.value(.adminToken, flag: adminToken),
                maxRequestBytes: maxRequestBytes, limits: limits, revealReasons: revealReasons)
            configured.idleTimeout = .milliseconds(Int(idleTimeout * 1000))
            configured.bodyDeadline = .milliseconds(Int(bodyDeadline * 1000))
            configured.maxConnectionsPerClient = maxConnectionsPerClient
            configured.corsOrigins = try origins()
            configured.eraseRejectedAfter = try retention().map { .milliseconds(Int($0 * 1000)) }
            let settings = configured

            let level = configuration.value(.logLevel).flatMap { Logger.Level(rawValue: $0) } ?? .info
            let format = logFormat
            // Once per process: anything that makes a logger of its own gets Saring's lines too.
            LoggingSystem.bootstrap { _ in SaringLogHandler(format: format, level: level) }
            var logger = Logger(label: "saring")
            logger.logLevel = level
            let registry = PrometheusCollectorRegistry()
            let metrics: SaringMetrics
            if metricsPort != nil {
                let factory = SaringMetrics.prometheusFactory(registry: registry)
                // Once per process too; Saring's own metrics are made through `metrics`, passed down.
                MetricsSystem.bootstrap(factory)
                metrics = SaringMetrics(factory: factory)
            } else {
                // No listener, nothing to count: the request paths pay nothing for metrics.
                metrics = SaringMetrics(factory: NOOPMetricsHandler.instance)
            }
            let policy: Policy
            let source: PolicySource
            do {
                source = try PolicyFolder.read(settings.policiesPath)
                policy = try PolicyCompiler.compile(source).get()
            } catch let error as PolicyError {
                let lines = error.diagnostics.map { Saring.PolicyCommand.Check.prefix(settings.policiesPath) + $0.description }
                throw CLIError("refusing to start: policy folder \(settings.policiesPath) has problems:\n" + lines.joined(separator: "\n"))
            } catch {
                throw CLIError("refusing to start: \(error)")
            }
            let log = logger
            let location: DatabaseLocation
            do {
                location = try DatabaseLocation(settings.databasePath)
            } catch {
                throw CLIError("refusing to start: --db: \(error)")
            }
            let stores: ServerStores
            let sqlite: SaringStore?
            let keyHex = configuration.value(.addressKey)
            switch location {
            case .sqlite:
                let store = try database.openStore(backgroundCheckpoints: true, mode: .createIfMissing, events: metrics.storeEvents)
                do {
                    let applied = try store.migrate()
                    if !applied.isEmpty { logger.info("applied migrations: \(applied.joined(separator: ", "))") }
                } catch let error as MigrationError {
                    throw CLIError("\(settings.databasePath): \(error)")
                }
                stores = ServerStores(store)
                sqlite = store
            case .postgresql(let address):
                if settings.eraseRejectedAfter != nil {
                    throw CLIError("refusing to start: --erase-rejected-after does not run on the PostgreSQL store yet")
                }
                // Every node must hash a client's address alike, or limits and bans would not follow it.
                guard keyHex != nil else {
                    throw CLIError(
                        "refusing to start: on PostgreSQL every node must hash client addresses with one key: "
                            + "set SARING_ADDRESS_KEY (64 hex digits, e.g. from `openssl rand -hex 32`) to the same value on each node")
                }
                let store = PostgresStore(address: address, logger: logger)
                if let problem = await store.connectionProblem() {
                    await store.close()
                    throw CLIError("refusing to start: cannot connect to PostgreSQL at \(address): \(problem)")
                }
                do {
                    let applied = try await store.migrate()
                    if !applied.isEmpty { logger.info("applied migrations: \(applied.joined(separator: ", "))") }
                } catch let error as MigrationError {
                    await store.close()
                    throw CLIError("\(address): \(error)")
                }
                logger.notice(
                    "PostgreSQL store \(address): the public and the moderators' HTTP API, the policy history and every command but backup run (pg_dump is the backup)"
                )
                stores = ServerStores(comments: store)
                sqlite = nil
            }
            let abuse: AbuseControls
            do {
                let key = try AddressKey.load(hex: keyHex, databasePath: settings.databasePath)
                // On PostgreSQL the limits are every node's together (rate_buckets).
                abuse = AbuseControls(
                    resolver: ClientResolver(trustedProxies: try proxies(), key: key),
                    shared: stores.comments as? any SharedRateLimiting, rateLimitsEnabled: !noRateLimits)
            } catch let problem as AddressKey.Problem {
                throw CLIError("refusing to start: \(problem)")
            }
            let keysHolder: KeysHolder
            do {
                keysHolder = try KeysHolder(path: configuration.value(.keysFile, flag: keys), adminToken: settings.adminToken)
            } catch {
                throw CLIError("refusing to start: \(error)")
            }
            if noRateLimits {
                logger.warning("rate limits are OFF (--no-rate-limits): use this only for load tests on 127.0.0.1")
            }
            logger.info("policy \(policy.version) in force (\(policy.ruleSpecs.count) rules from \(settings.policiesPath))")
            // Into the policy history before it judges anything, so every decision names its row.
            let history = (sqlite as (any PolicyHistoryStore)?) ?? (stores.comments as? any PolicyHistoryStore)
            try await history?.recordPolicyVersion(source, policy)
            let holder = PolicyHolder(policy)
            let hangup = HangupSignal()
            let reloader = PolicyReloader(
                path: settings.policiesPath, holder: holder, interval: .milliseconds(Int(reloadInterval * 1000)), logger: logger,
                hangup: hangup, metrics: metrics, store: history)
            let meter = history.map { RuleMeter(store: $0, holder: holder, sampleEvery: timingSample, logger: logger) }
            var services: [any Service] = [reloader, KeysReloader(holder: keysHolder, logger: logger, hangup: hangup)]
            if let sqlite { services.append(WALCheckpointer(store: sqlite, logger: logger)) }
            if let meter { services.append(meter) }
            if let feed = stores.comments as? any SharedCommentFeed {
                // Campaign windows over every node's comments.
                let brakes = CampaignFeed.Brakes(watch: abuse.brakes, settings: { holder.settings.abuse.brake }, store: stores.comments)
                services.append(CampaignFeed(source: feed, campaigns: abuse.campaigns, metrics: metrics, logger: logger, brakes: brakes))
            }
            if let age = settings.eraseRejectedAfter, let erasing = (sqlite as (any ErasureStore)?) ?? (stores.comments as? any ErasureStore) {
                services.append(RetentionPurger(store: erasing, age: age, logger: logger))
                logger.info("retention: the text of rejected comments is erased \(AgeParser.format(Double(age.components.seconds))) after they were decided")
            }
            if let metricsPort {
                let host = metricsHost ?? settings.host
                services.append(
                    MetricsServer(
                        registry: registry, metrics: metrics, store: stores.comments, judge: holder, host: host, port: metricsPort, logger: logger,
                        onServerRunning: { port in log.info("metrics on http://\(host):\(port)/metrics") }))
            }
            let shownDatabase: String
            switch location {
            case .sqlite(let path): shownDatabase = path
            case .postgresql(let address): shownDatabase = address.description
            }
            let app = buildApplication(
                settings: settings, stores: stores, judge: holder, abuse: abuse, keys: keysHolder, metrics: metrics,
                services: services, meter: meter, logger: logger,
                onServerRunning: { port in
                    log.info("saring listening on http://\(settings.host):\(port) (database \(shownDatabase))")
                })
            try await app.runService()
        }
    }
}

extension SaringLogHandler.Format: ExpressibleByArgument {}
