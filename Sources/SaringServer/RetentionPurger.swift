import Foundation
import Logging
import SaringStore
import ServiceLifecycle

/// Retention: erases the text of rejected comments decided longer than `age` ago, at start and
/// then every `interval` (`saring serve --erase-rejected-after`). Off unless configured.
public struct RetentionPurger: Service {
    let store: any ErasureStore
    let age: Duration
    let interval: Duration
    let logger: Logger

    public init(store: any ErasureStore, age: Duration, interval: Duration = .seconds(3600), logger: Logger) {
        self.store = store
        self.age = age
        self.interval = interval
        self.logger = logger
    }

    public func run() async throws {
        await cancelWhenGracefulShutdown {
            while !Task.isCancelled {
                let seconds = Double(age.components.seconds) + Double(age.components.attoseconds) / 1e18
                do {
                    let outcome = try await store.eraseRejected(before: Date().addingTimeInterval(-seconds), requestedBy: "retention", chunk: 500)
                    if outcome.comments > 0 {
                        logger.info("retention: erased the text of \(outcome.comments) rejected comments")
                    }
                } catch {
                    logger.warning("retention: erasing rejected comments failed, will retry: \(error)")
                }
                try? await Task.sleep(for: interval)
            }
        }
    }
}
