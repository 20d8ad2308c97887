import Foundation
import Logging
import ServiceLifecycle

/// Re-reads the keys file on SIGHUP (as the policy folder is); a broken file is refused and the
/// keys in force stay.
public struct KeysReloader: Service {
    let holder: KeysHolder
    let logger: Logger

    public init(holder: KeysHolder, logger: Logger) {
        self.holder = holder
        self.logger = logger
    }

    public func run() async throws {
        // A service that returns ends the whole server: without a keys file, wait for shutdown.
        guard let path = holder.path else {
            try? await gracefulShutdown()
            return
        }
        let (hangups, sink) = AsyncStream.makeStream(of: Void.self, bufferingPolicy: .bufferingNewest(1))
        signal(SIGHUP, SIG_IGN)
        let source = DispatchSource.makeSignalSource(signal: SIGHUP, queue: .global())
        source.setEventHandler { sink.yield() }
        source.resume()
        defer { source.cancel() }
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
