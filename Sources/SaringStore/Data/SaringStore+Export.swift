import Foundation
import GRDB
import SaringCore

/// A store `saring export` reads: SQLite and PostgreSQL write the same lines.
public protocol ExportStore: Sendable {
    /// Calls `each` with every comment the filter selects, in id order, from one consistent
    /// snapshot, in bounded memory; returns how many.
    @discardableResult
    func export(_ filter: ExportFilter, each: (ExportRecord) throws -> Void) async throws -> Int
}

extension SaringStore: ExportStore {}

extension SaringStore {
    /// Calls `each` with every comment the filter selects, in id order, inside one read
    /// transaction (a consistent snapshot while a server keeps writing). Rows are read one at a
    /// time: memory stays constant however large the database.
    ///
    /// - Returns: how many comments were written.
    /// - Throws: whatever `each` throws, database errors.
    @discardableResult
    public func export(_ filter: ExportFilter, each: (ExportRecord) throws -> Void) throws -> Int {
        try writer.read { db in
            var start: Int64 = 0
            var arguments: [any DatabaseValueConvertible] = []
            if let since = filter.since {
                guard let first = try Int64.fetchOne(db, sql: DataQueries.firstCommentSince, arguments: [Timestamp.millis(since)])
                else { return 0 }
                start = first - 1
            }
            arguments.append(start)
            if let article = filter.articleId { arguments.append(article) }
            if let since = filter.since { arguments.append(Timestamp.millis(since)) }
            arguments.append(contentsOf: filter.statuses.map(\.rawValue))
            let sql = DataQueries.exportComments(
                article: filter.articleId != nil, since: filter.since != nil, statuses: filter.statuses.count)
            let decisions = try db.makeStatement(sql: DataQueries.exportDecisions)
            let batch = try db.makeStatement(sql: DataQueries.exportBatch)
            let rows = try Row.fetchCursor(db, sql: sql, arguments: StatementArguments(arguments))
            var count = 0
            while let row = try rows.next() {
                try each(Self.exportRecord(row, decisions: try Self.exportDecisions(decisions, batch: batch, commentId: row[0])))
                count += 1
            }
            return count
        }
    }

    static func exportRecord(_ row: Row, decisions: [ExportRecord.DecisionRecord]) -> ExportRecord {
        ExportRecord(
            id: row[0], parentId: row[1],
            article: .init(id: row[2], title: row[3], url: row[4], section: row[5], open: row[6], premoderated: row[7]),
            author: .init(identity: row[8], name: row[9], email: row[10], standing: row[11]),
            authorName: row[12], body: row[13], publishedBody: row[14], status: row[15], flagged: row[16], score: row[17],
            campaignId: row[18], createdAt: ISOTimestamp.string(millis: row[19]), updatedAt: ISOTimestamp.string(millis: row[20]),
            textErasedAt: (row[21] as Int64?).map { ISOTimestamp.string(millis: $0) }, decisions: decisions)
    }

    static func exportDecisions(_ statement: Statement, batch: Statement, commentId: Int64) throws -> [ExportRecord.DecisionRecord] {
        try Row.fetchAll(statement, arguments: [commentId]).map { row in
            let reasonsJSON: String = row[5]
            let batch: ExportRecord.BatchRecord? = try (row[8] as Int64?).flatMap { id in
                try Row.fetchOne(batch, arguments: [id]).map { b in
                    ExportRecord.BatchRecord(
                        id: b[0], kind: b[1], by: b[2], description: b[3], previousStanding: b[4],
                        createdAt: ISOTimestamp.string(millis: b[5]), undoneAt: (b[6] as Int64?).map { ISOTimestamp.string(millis: $0) },
                        undoneBy: b[7])
                }
            }
            return ExportRecord.DecisionRecord(
                id: row[0], actor: row[1], by: row[2], action: row[3], status: row[4],
                reasons: (try? JSONDecoder().decode([String].self, from: Data(reasonsJSON.utf8))) ?? [],
                at: ISOTimestamp.string(millis: row[6]), batch: batch, undoes: row[7])
        }
    }
}
