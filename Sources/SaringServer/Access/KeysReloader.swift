import Foundation
import Logging
import ServiceLifecycle

/// Re-reads the keys file on SIGHUP (as the policy folder is); a broken file is refused and the
/// keys in force stay.
public struct KeysReloader: Service {
    let holder: KeysHolder
    let logger: Logger
    let hangup: HangupSignal

    public init(holder: KeysHolder, logger: Logger, hangup: HangupSignal) {
        self.holder = holder
        self.logger = logger
        self.hangup = hangup
    }

    public func run() async throws {
        // A service that returns ends the whole server: without a keys file, wait for shutdown.
        guard let path = holder.path else {
            try? await gracefulShutdown()
            return
        }
        let hangups = hangup.subscribe()
        await cancelWhenGracefulShutdown {
            for await _ in hangups {
                do {
                    try holder.reload()
                    logger.info("keys reloaded from \(path) (\(holder.current.credentials.count) credentials)")
                } catch {
                    logger.error("keys reload refused, keeping the keys in force: \(error)")
                }
            }
        }
    }
}
