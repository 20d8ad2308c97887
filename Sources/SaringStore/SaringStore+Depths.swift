import Foundation
import GRDB
import SaringCore

extension SaringStore {
    /// How many comments each moderation queue holds, each counted up to `cap` (for metrics,
    /// read every few seconds: a bounded count stops at `cap` rows of the queue's index however
    /// large the table, where a plain `count(*)` of a million rejected comments would walk them all).
    public func queueDepths(cap: Int) async throws -> [QueueKind: Int] {
        try await read { db in
            var depths: [QueueKind: Int] = [:]
            for kind in QueueKind.allCases {
                depths[kind] = try Int.fetchOne(db, sql: Self.queueDepthQuery(kind), arguments: [cap]) ?? 0
            }
            return depths
        }
    }

    /// A queue's rows, as the queue itself selects them, counted up to the bound given as its one argument.
    static func queueDepthQuery(_ kind: QueueKind) -> String {
        let (sql, _) = queueQuery(QueueFilter(kind: kind), select: "1", now: 0, moderator: nil, ordered: false)
        return "SELECT count(*) FROM (\(sql) LIMIT ?)"
    }
}
