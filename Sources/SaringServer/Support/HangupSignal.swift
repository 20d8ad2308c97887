import Dispatch
import Foundation
import Synchronization

/// SIGHUP for everyone who reloads on it (the policy folder, the keys file). A signal is delivered
/// to one dispatch source only, so the process has exactly one, and every subscriber hears each
/// signal through its own stream.
public final class HangupSignal: Sendable {
    private struct State {
        var sinks: [AsyncStream<Void>.Continuation] = []
        var source: (any DispatchSourceSignal)? = nil
    }

    private let state = Mutex(State())

    public init() {}

    /// A stream that yields once per SIGHUP (the newest one buffered) until the source is cancelled.
    public func subscribe() -> AsyncStream<Void> {
        let (stream, sink) = AsyncStream.makeStream(of: Void.self, bufferingPolicy: .bufferingNewest(1))
        state.withLock { state in
            state.sinks.append(sink)
            if state.source == nil {
                signal(SIGHUP, SIG_IGN)
                let source = DispatchSource.makeSignalSource(signal: SIGHUP, queue: .global())
                source.setEventHandler { [weak self] in self?.fire() }
                source.resume()
                state.source = source
            }
        }
        return stream
    }

    /// Delivers one hang-up to every subscriber (also how a reload is asked for without a signal).
    public func fire() {
        for sink in state.withLock({ $0.sinks }) { sink.yield() }
    }
}
