import Foundation

/// One comment of a queue for machines: a line of `saring queue --json`, an item of `GET /v1/queue`.
public struct QueueItemJSON: Encodable, Sendable {
    public struct Author: Encodable, Sendable {
        let name: String
        let identity: String
        let standing: String
    }
    let id: Int64
    let articleId: String
    let parentId: Int64?
    let status: String
    let flagged: Bool
    let score: Double
    let rules: [String]
    let body: String
    let publishedBody: String
    let createdAt: String
    let author: Author
    let reportCount: Int
    let reports: [String]
    /// The spam campaign the comment belongs to, if any.
    let campaignId: Int64?

    public init(_ item: QueueItem) {
        id = item.comment.id
        articleId = item.comment.articleId
        parentId = item.comment.parentId
        status = item.comment.status.rawValue
        flagged = item.comment.flagged
        score = item.comment.score
        rules = item.ruleIds
        body = item.comment.body
        publishedBody = item.comment.publishedBody
        createdAt = ISOTimestamp.string(millis: Int64((item.comment.createdAt.timeIntervalSince1970 * 1000).rounded()))
        author = Author(name: item.author.name, identity: item.author.identity, standing: item.author.standing.rawValue)
        reportCount = item.reports.count
        reports = item.reports
        campaignId = item.comment.campaignId
    }
}
