import Foundation
import Logging
import SaringCore
import SaringStore
import ServiceLifecycle
import Synchronization

/// Measures the policy in the server, off the request path: when each version judged comments
/// (for the policy history's first and last use) and what each rule's regex costs, timed on every
/// `sampleEvery`-th comment by ``Policy/profile(_:)`` on a task of its own. Both are written to the
/// store every `flushInterval` and at shutdown (`saring policy stats` shows the slowest rules).
///
/// A request only takes a lock to note the time and, for a sampled comment, hands the text over;
/// when the measuring task falls behind, samples are dropped, never queued without bound.
public final class RuleMeter: Service, Sendable {
    let store: any PolicyHistoryStore
    let holder: PolicyHolder
    let sampleEvery: Int
    let flushInterval: Duration
    let logger: Logger

    private struct State {
        var uses: [String: ClosedRange<Int64>] = [:]
        var counter = 0
        var timings: [String: [String: RuleTimingSample]] = [:]
    }

    struct Sample: Sendable {
        let version: String
        let body: String
    }

    private let state = Mutex(State())
    private let samples: AsyncStream<Sample>
    private let sink: AsyncStream<Sample>.Continuation

    public init(store: any PolicyHistoryStore, holder: PolicyHolder, sampleEvery: Int = 8, flushInterval: Duration = .seconds(10), logger: Logger) {
        self.store = store
        self.holder = holder
        self.sampleEvery = max(1, sampleEvery)
        self.flushInterval = flushInterval
        self.logger = logger
        (samples, sink) = AsyncStream.makeStream(of: Sample.self, bufferingPolicy: .bufferingNewest(64))
    }

    /// Notes that `version` judged a comment at `millis`; on the request path.
    public func judged(_ body: String, version: String, at millis: Int64) {
        let sampled = state.withLock { state -> Bool in
            let range = state.uses[version].map { min($0.lowerBound, millis)...max($0.upperBound, millis) } ?? millis...millis
            state.uses[version] = range
            state.counter &+= 1
            return state.counter % sampleEvery == 0
        }
        if sampled { sink.yield(Sample(version: version, body: body)) }
    }

    public func run() async throws {
        await cancelWhenGracefulShutdown {
            await withTaskGroup(of: Void.self) { group in
                group.addTask {
                    for await sample in self.samples { self.measure(sample) }
                }
                group.addTask {
                    while !Task.isCancelled {
                        try? await Task.sleep(for: self.flushInterval)
                        await self.flushLogging()
                    }
                }
                await group.next()
                group.cancelAll()
            }
        }
        sink.finish()
        await flushLogging()
    }

    func measure(_ sample: Sample) {
        let policy = holder.current
        guard policy.version == sample.version else { return }
        let costs = policy.profile([sample.body]).filter { $0.runs > 0 }
        guard !costs.isEmpty else { return }
        state.withLock { state in
            var rules = state.timings[sample.version] ?? [:]
            for cost in costs {
                var total = rules[cost.ruleId] ?? RuleTimingSample(ruleId: cost.ruleId, runs: 0, matches: 0, nanos: 0)
                total.runs += cost.runs
                total.matches += cost.matches
                total.nanos += Int64((cost.seconds * 1e9).rounded())
                rules[cost.ruleId] = total
            }
            state.timings[sample.version] = rules
        }
    }

    /// Writes what was measured since the last flush; what fails to be written is kept for the next.
    public func flush() async throws {
        let taken = state.withLock { state in
            defer {
                state.uses = [:]
                state.timings = [:]
            }
            return (state.uses, state.timings)
        }
        do {
            try await store.recordPolicyUse(uses: taken.0, timings: taken.1.mapValues { Array($0.values) }, at: Date())
        } catch {
            state.withLock { state in
                for (version, range) in taken.0 {
                    state.uses[version] = state.uses[version].map { min($0.lowerBound, range.lowerBound)...max($0.upperBound, range.upperBound) } ?? range
                }
                for (version, rules) in taken.1 {
                    for (rule, sample) in rules {
                        var total = state.timings[version, default: [:]][rule] ?? RuleTimingSample(ruleId: rule, runs: 0, matches: 0, nanos: 0)
                        total.runs += sample.runs
                        total.matches += sample.matches
                        total.nanos += sample.nanos
                        state.timings[version, default: [:]][rule] = total
                    }
                }
            }
            throw error
        }
    }

    private func flushLogging() async {
        do {
            try await flush()
        } catch {
            logger.warning("rule timings and policy use not written yet: \(error)")
        }
    }
}
