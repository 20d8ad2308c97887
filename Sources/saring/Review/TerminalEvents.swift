// The review screen's inputs as one stream: keys from the terminal, window resizes (SIGWINCH),
// a clock tick, and the signals that must end the session cleanly (SIGINT, SIGTERM, SIGHUP,
// SIGQUIT) rather than kill it with the terminal left in raw mode.
import Dispatch
import Foundation

enum ReviewEvent: Sendable {
    /// Keys decoded from one read, with when they arrived.
    case keys([Key], at: ContinuousClock.Instant)
    case resize
    case tick
    case terminate(signal: Int32)
    /// The terminal hung up or standard input ended.
    case inputClosed
}

/// Sources for ``ReviewEvent``s on one serial queue.
final class TerminalEvents: @unchecked Sendable {
    // @unchecked: `decoder` and `sources` are only touched on `queue` (handlers) or before
    // `start()` / in `stop()`, which cancels the sources so no handler runs afterwards.
    let stream: AsyncStream<ReviewEvent>
    private let continuation: AsyncStream<ReviewEvent>.Continuation
    private let queue = DispatchQueue(label: "saring.review.events")
    private var sources: [any DispatchSourceProtocol] = []
    private var decoder = KeyDecoder()
    private static let endingSignals = [SIGINT, SIGTERM, SIGHUP, SIGQUIT]

    init() {
        (stream, continuation) = AsyncStream.makeStream(bufferingPolicy: .unbounded)
    }

    /// Starts listening; `tick` is how often a ``ReviewEvent/tick`` arrives.
    func start(tick: Duration) {
        let input = DispatchSource.makeReadSource(fileDescriptor: STDIN_FILENO, queue: queue)
        input.setEventHandler { [unowned self] in readInput() }
        sources.append(input)

        for number in Self.endingSignals + [SIGWINCH] {
            signal(number, SIG_IGN)
            let source = DispatchSource.makeSignalSource(signal: number, queue: queue)
            source.setEventHandler { [continuation] in
                continuation.yield(number == SIGWINCH ? .resize : .terminate(signal: number))
            }
            sources.append(source)
        }

        let timer = DispatchSource.makeTimerSource(queue: queue)
        let interval = DispatchTimeInterval.milliseconds(
            Int(tick.components.seconds * 1000 + tick.components.attoseconds / 1_000_000_000_000_000))
        timer.schedule(deadline: .now() + interval, repeating: interval)
        timer.setEventHandler { [continuation] in continuation.yield(.tick) }
        sources.append(timer)

        for source in sources { source.resume() }
    }

    /// Stops every source and gives the signals back their default action.
    func stop() {
        for source in sources { source.cancel() }
        sources = []
        for number in Self.endingSignals { signal(number, SIG_DFL) }
        continuation.finish()
    }

    private func readInput() {
        var buffer = [UInt8](repeating: 0, count: 1024)
        let count = buffer.withUnsafeMutableBytes { read(STDIN_FILENO, $0.baseAddress, $0.count) }
        if count > 0 {
            let keys = decoder.feed(Array(buffer[..<count]))
            if !keys.isEmpty { continuation.yield(.keys(keys, at: .now)) }
        } else if count == 0 || (errno != EINTR && errno != EAGAIN) {
            continuation.yield(.inputClosed)
            sources.first?.cancel()
        }
    }
}
