import Logging
import SaringStore
import ServiceLifecycle

/// Checkpoints the WAL every `interval` from a connection of its own, so the connection that
/// commits comments never stops to do it (see `SaringStore(backgroundCheckpoints:)`).
public struct WALCheckpointer: Service {
    let store: SaringStore
    let interval: Duration
    let logger: Logger

    public init(store: SaringStore, interval: Duration = .milliseconds(250), logger: Logger) {
        self.store = store
        self.interval = interval
        self.logger = logger
    }

    public func run() async throws {
        await cancelWhenGracefulShutdown {
            while !Task.isCancelled {
                try? await Task.sleep(for: interval)
                do {
                    try await store.checkpoint()
                } catch {
                    logger.debug("WAL checkpoint skipped: \(type(of: error))")
                }
            }
        }
    }
}
