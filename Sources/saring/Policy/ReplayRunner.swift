import Dispatch
import Foundation
import SaringCore
import SaringStore
import Synchronization

/// Judges a scope of stored comments with two policies on every core: one task reads the next
/// chunk (in id order, from a read-only connection) while `workers` threads judge the current one,
/// each a consecutive run of it, merged in order so samples are the lowest ids whatever the split.
/// The judge is synchronous and pure, so nothing is shared but the finished partial reports.
struct ReplayRunner {
    let store: any ReplayStore
    let scope: ReplayScope
    let current: Policy
    let candidate: Policy
    let samples: Int
    let workers: Int
    var chunkSize = 4096

    func run() async throws -> ReplayReport {
        let standings = try await store.standingHistory()
        let firstComments = max(current.settings.premoderateFirstComments, candidate.settings.premoderateFirstComments)
        var cursor = try await store.replayStart(scope)
        var report = ReplayReport(samplesPerTransition: samples)
        let (store, scope, chunkSize) = (store, scope, chunkSize)
        func read(after cursor: ReplayCursor) -> Task<[ReplayComment], any Error> {
            Task {
                try await store.replayChunk(scope, after: cursor, count: chunkSize, standings: standings, firstComments: firstComments)
            }
        }
        var next = read(after: cursor)
        while true {
            let comments = try await next.value
            guard let last = comments.last else { break }
            cursor = ReplayCursor(afterId: last.id)
            next = read(after: cursor)
            report.merge(judge(comments))
        }
        return report.sorted
    }

    /// One chunk on `workers` threads.
    func judge(_ comments: [ReplayComment]) -> ReplayReport {
        let parts = max(1, min(workers, comments.count))
        let results = Mutex([ReplayReport?](repeating: nil, count: parts))
        let (current, candidate, samples) = (current, candidate, samples)
        DispatchQueue.concurrentPerform(iterations: parts) { part in
            let start = comments.count * part / parts
            let end = comments.count * (part + 1) / parts
            var partial = ReplayReport(samplesPerTransition: samples)
            for comment in comments[start..<end] {
                partial.add(comment, ReplayChange.between(comment, current: current, candidate: candidate))
            }
            results.withLock { $0[part] = partial }
        }
        var merged = ReplayReport(samplesPerTransition: samples)
        for partial in results.withLock({ $0 }) {
            if let partial { merged.merge(partial) }
        }
        return merged
    }
}
