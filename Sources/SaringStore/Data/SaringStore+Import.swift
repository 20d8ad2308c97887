import Foundation
import GRDB
import SaringCore

extension SaringStore {
    /// Stores every item `next` yields in one write transaction: all or nothing. The first item
    /// refused (by its checks, by the schema, or thrown by `next` itself) rolls everything back.
    ///
    /// Into an empty database (no comment, decision or batch) the file's ids are kept, so an export
    /// of it gives the same lines; into a non-empty one every comment, decision and batch gets a new
    /// id and the file's links (parentId, undoes, batches, campaignId) are rewritten to them.
    ///
    /// - Parameters:
    ///   - judge: when given, each comment is judged again: it takes the verdict's status, masked
    ///     text and score, and a policy decision with its rule hits follows the file's history.
    ///   - next: the next item, nil at the end; throws ``ImportError`` for a bad one.
    /// - Throws: ``ImportError`` naming the item.
    public func importItems(judge: ImportJudge? = nil, next: () throws -> ImportItem?) throws -> ImportSummary {
        let millis = Timestamp.millis(now())
        return try writer.write { db in
            var importer = Importer(db: db, millis: millis, judge: judge)
            importer.summary.keptIds =
                try Int.fetchOne(
                    db, sql: "SELECT (SELECT count(*) FROM comments) + (SELECT count(*) FROM decisions) + (SELECT count(*) FROM batches)"
                ) == 0
            while let item = try next() {
                do {
                    switch item.content {
                    case .article(let article): try importer.article(article)
                    case .comment(let record): try importer.comment(record)
                    }
                } catch let error as ImportError {
                    throw error
                } catch let error as DatabaseError {
                    throw ImportError(source: item.source, message: "the database refused it: \(error.message ?? "\(error)")")
                } catch let problem as Importer.Problem {
                    throw ImportError(source: item.source, message: problem.message)
                }
            }
            return importer.summary
        }
    }
}
