import Foundation
import GRDB
import SaringCore

/// What retention erased or would erase.
public struct RetentionOutcome: Sendable, Equatable {
    public var comments: Int
    /// When the oldest of them was last decided.
    public var oldest: Date?

    public init(comments: Int, oldest: Date?) {
        self.comments = comments
        self.oldest = oldest
    }
}

extension SaringStore {
    /// How many rejected comments last decided before `cutoff` still have their text: what
    /// ``eraseRejected(before:requestedBy:)`` would erase. Reads only.
    public func rejectedToErase(before cutoff: Date) async throws -> RetentionOutcome {
        try await read { db in
            let row = try Row.fetchOne(db, sql: DataQueries.rejectedToEraseCount, arguments: [Timestamp.millis(cutoff)])!
            return RetentionOutcome(comments: row[0], oldest: (row[1] as Int64?).map(Timestamp.date))
        }
    }

    /// Erases the text of rejected comments last decided before `cutoff` (retention), in
    /// transactions of `chunk` comments so a running server's writers never wait long; each
    /// transaction records its erasure (kind `retention`, how many).
    public func eraseRejected(before cutoff: Date, requestedBy: String, chunk: Int = 500) async throws -> RetentionOutcome {
        let cutoffMillis = Timestamp.millis(cutoff)
        let oldest = try await rejectedToErase(before: cutoff).oldest
        var total = 0
        while true {
            let millis = Timestamp.millis(now())
            let erased = try await write { db in
                let ids = try Int64.fetchAll(db, sql: DataQueries.rejectedToErase, arguments: [cutoffMillis, chunk])
                guard !ids.isEmpty else { return 0 }
                let list = ids.map(String.init).joined(separator: ",")
                let count = try Self.eraseTexts(db, sql: "id IN (\(list))", [], at: millis)
                try db.execute(
                    sql: "INSERT INTO erasures (kind, comments, requested_by, created_at) VALUES ('retention', ?, ?, ?)",
                    arguments: [count, requestedBy, millis])
                return count
            }
            total += erased
            if erased < chunk { break }
        }
        return RetentionOutcome(comments: total, oldest: total > 0 ? oldest : nil)
    }
}
