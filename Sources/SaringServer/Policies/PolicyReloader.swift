import Foundation
import Logging
import SaringCore
import SaringFiles
import SaringStore
import ServiceLifecycle

/// Keeps the policy in force in step with its folder: checks the folder's content hash every
/// `interval` (and at once on SIGHUP); a changed folder is compiled and its examples run, and only
/// if all holds is it swapped in. A folder that fails is logged with every file:line problem and
/// the last good policy stays in force. With a store, each version is recorded in the policy
/// history (files and rules) before it judges its first comment.
public struct PolicyReloader: Service {
    let path: String
    let holder: PolicyHolder
    let interval: Duration
    let logger: Logger
    let hangup: HangupSignal
    let metrics: SaringMetrics?
    let store: (any PolicyHistoryStore)?

    public init(
        path: String, holder: PolicyHolder, interval: Duration, logger: Logger, hangup: HangupSignal = HangupSignal(),
        metrics: SaringMetrics? = nil, store: (any PolicyHistoryStore)? = nil
    ) {
        self.metrics = metrics
        self.path = path
        self.holder = holder
        self.interval = interval
        self.logger = logger
        self.hangup = hangup
        self.store = store
    }

    public func run() async throws {
        let signals = hangup.subscribe()
        let (hangups, hangupSink) = AsyncStream.makeStream(of: Void.self, bufferingPolicy: .bufferingNewest(1))
        await cancelWhenGracefulShutdown {
            await withTaskGroup(of: Void.self) { group in
                group.addTask {
                    while !Task.isCancelled {
                        try? await Task.sleep(for: interval)
                        hangupSink.yield()
                    }
                }
                group.addTask {
                    for await _ in signals { hangupSink.yield() }
                }
                var lastRefused: String? = nil
                for await _ in hangups {
                    lastRefused = await reloadIfChanged(lastRefused: lastRefused)
                }
                group.cancelAll()
            }
        }
    }

    /// One check. Returns the version last refused, so a broken folder is logged once, not every tick.
    func reloadIfChanged(lastRefused: String?) async -> String? {
        let source: PolicySource
        do {
            source = try PolicyFolder.read(path)
        } catch {
            if lastRefused != "unreadable" {
                metrics?.policyReload(ok: false)
                logger.error("policy reload refused: \(error); keeping \(holder.current.version)")
                holder.refused(PolicyHolder.RefusedReload(version: nil, at: Date(), problems: ["\(error)"]))
            }
            return "unreadable"
        }
        let version = source.version
        guard version != holder.current.version, version != lastRefused else { return lastRefused }
        switch PolicyCompiler.compile(source) {
        case .success(let policy):
            if let store {
                do {
                    try await store.recordPolicyVersion(source, policy)
                } catch {
                    // It still goes into force; its decisions name it by hash, without a history row.
                    logger.warning("policy \(policy.version) not recorded in the policy history: \(error)")
                }
            }
            holder.replace(with: policy)
            metrics?.policyReload(ok: true)
            logger.info("policy \(policy.version) in force (\(policy.ruleSpecs.count) rules from \(path))")
            return nil
        case .failure(let error):
            metrics?.policyReload(ok: false)
            for diagnostic in error.diagnostics { logger.error("policy reload refused: \(path)/\(diagnostic)") }
            logger.error("policy \(version) refused (\(error.diagnostics.count) problems); keeping \(holder.current.version)")
            holder.refused(
                PolicyHolder.RefusedReload(
                    version: version, at: Date(), problems: error.diagnostics.map { "\(path)/\($0)" }))
            return version
        }
    }
}
