import Foundation
import Logging
import PostgresNIO
import SaringCore
import SaringStore

// `saring export` on PostgreSQL: the same lines as on SQLite, from one consistent snapshot.
extension PostgresStore: ExportStore {
    /// Calls `each` with every comment the filter selects, in id order, inside one read-only
    /// REPEATABLE READ transaction (a consistent snapshot while the nodes keep writing). Comments
    /// are read 100 at a time by id, each chunk's decisions by one range of their index, so
    /// memory stays bounded however large the database.
    ///
    /// - Returns: how many comments were written.
    @discardableResult
    public func export(_ filter: ExportFilter, each: (ExportRecord) throws -> Void) async throws -> Int {
        let logger = logger
        // `withConnection` takes a closure it may send elsewhere; it runs it in this task, once,
        // so handing it `each` (which writes to the caller's file) shares nothing.
        return try await withoutActuallyEscaping(each) { each in
            let writer = Unshared(each)
            return try await client.withConnection { db in
                try await Self.inSnapshot(db, logger) { try await Self.export($0, filter, logger: logger, each: writer.value) }
            }
        }
    }

    /// Runs `body` in a read-only REPEATABLE READ transaction on `db`: one consistent snapshot for
    /// reads that span many queries (export, the tuning window) while the nodes keep writing.
    static func inSnapshot<T>(_ db: PostgresConnection, _ logger: Logger, _ body: (PostgresConnection) async throws -> T) async throws -> T {
        try await db.query("BEGIN ISOLATION LEVEL REPEATABLE READ READ ONLY", logger: logger)
        do {
            let result = try await body(db)
            try await db.query("COMMIT", logger: logger)
            return result
        } catch {
            _ = try? await db.query("ROLLBACK", logger: logger)
            throw error
        }
    }

    /// A value used by one task only, passed where the compiler cannot see that.
    struct Unshared<Value>: @unchecked Sendable {
        let value: Value
        init(_ value: Value) { self.value = value }
    }

    private static func export(
        _ db: PostgresConnection, _ filter: ExportFilter, logger: Logger, each: (ExportRecord) throws -> Void
    ) async throws -> Int {
        var after: Int64 = 0
        if let since = filter.since {
            let first = try await Self.first(db.query(PostgresHotQueries.firstCommentSince(Timestamp.millis(since)), logger: logger), as: Int64?.self)
            guard let first = first ?? nil else { return 0 }
            after = first - 1
        }
        var count = 0
        while true {
            let rows = try await db.query(PostgresHotQueries.exportComments(filter, after: after, limit: 100), logger: logger)
            var chunk: [ExportRecord] = []
            for try await row in rows { chunk.append(try Self.exportRecord(row)) }
            guard let last = chunk.last else { return count }
            let decisions = try await Self.exportDecisions(db, of: chunk.map(\.id), logger: logger)
            for var record in chunk {
                record.decisions = decisions[record.id] ?? []
                try each(record)
                count += 1
            }
            after = last.id
        }
    }

    private static func exportRecord(_ row: PostgresRow) throws -> ExportRecord {
        let c = row.makeRandomAccess()
        func millis(_ index: Int) throws -> String { ISOTimestamp.string(millis: try c[index].decode(Int64.self)) }
        return ExportRecord(
            id: try c[0].decode(Int64.self), parentId: try c[1].decode(Int64?.self),
            article: .init(
                id: try c[2].decode(String.self), title: try c[3].decode(String?.self), url: try c[4].decode(String?.self),
                section: try c[5].decode(String?.self), open: try c[6].decode(Bool.self), premoderated: try c[7].decode(Bool.self)),
            author: .init(
                identity: try c[8].decode(String.self), name: try c[9].decode(String.self), email: try c[10].decode(String?.self),
                standing: try c[11].decode(String.self)),
            authorName: try c[12].decode(String.self), body: try c[13].decode(String.self), publishedBody: try c[14].decode(String.self),
            status: try c[15].decode(String.self), flagged: try c[16].decode(Bool.self), score: try c[17].decode(Double.self),
            campaignId: try c[18].decode(Int64?.self), createdAt: try millis(19), updatedAt: try millis(20),
            textErasedAt: try c[21].decode(Int64?.self).map { ISOTimestamp.string(millis: $0) }, decisions: [])
    }

    /// The decision histories of a chunk of comments, oldest first, each with its batch.
    private static func exportDecisions(
        _ db: PostgresConnection, of commentIds: [Int64], logger: Logger
    ) async throws -> [Int64: [ExportRecord.DecisionRecord]] {
        var decisions: [Int64: [ExportRecord.DecisionRecord]] = [:]
        var batchOf: [(commentId: Int64, index: Int, batchId: Int64)] = []
        func read(_ query: PostgresQuery) async throws {
            let rows = try await db.query(query, logger: logger)
            for try await (id, commentId, actor, by, action, status, reasons, at, undoes, batchId) in rows.decode(
                (Int64, Int64, String, String, String, String, String, Int64, Int64?, Int64?).self)
            {
                let record = ExportRecord.DecisionRecord(
                    id: id, actor: actor, by: by, action: action, status: status,
                    reasons: (try? JSONDecoder().decode([String].self, from: Data(reasons.utf8))) ?? [], at: ISOTimestamp.string(millis: at),
                    undoes: undoes)
                decisions[commentId, default: []].append(record)
                if let batchId { batchOf.append((commentId, decisions[commentId]!.count - 1, batchId)) }
            }
        }
        // Ids close together (an export of everything): one range of the index. Far apart (a
        // filtered export over a large table): one comment at a time, so the cost stays with the
        // comments exported and never becomes a scan of every decision.
        if let first = commentIds.first, let last = commentIds.last, last - first < Int64(4 * commentIds.count) {
            try await read(PostgresHotQueries.exportDecisions(from: first, through: last, of: commentIds))
        } else {
            for id in commentIds { try await read(PostgresHotQueries.exportDecisions(of: id)) }
        }
        var batches: [Int64: ExportRecord.BatchRecord] = [:]
        for batchId in Set(batchOf.map(\.batchId)).sorted() {
            let rows = try await db.query(PostgresHotQueries.exportBatch(batchId), logger: logger)
            for try await (id, kind, by, description, previous, at, undoneAt, undoneBy) in rows.decode(
                (Int64, String, String, String, String?, Int64, Int64?, String?).self)
            {
                batches[id] = ExportRecord.BatchRecord(
                    id: id, kind: kind, by: by, description: description, previousStanding: previous, createdAt: ISOTimestamp.string(millis: at),
                    undoneAt: undoneAt.map { ISOTimestamp.string(millis: $0) }, undoneBy: undoneBy)
            }
        }
        for (commentId, index, batchId) in batchOf { decisions[commentId]![index].batch = batches[batchId] }
        return decisions
    }
}
