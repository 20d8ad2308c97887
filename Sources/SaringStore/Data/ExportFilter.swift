import Foundation
import SaringCore

/// Which comments `saring export` writes.
public struct ExportFilter: Sendable {
    public var articleId: String?
    /// Comments created at or after this time.
    public var since: Date?
    /// Any of these statuses; empty: all.
    public var statuses: [CommentStatus]

    public init(articleId: String? = nil, since: Date? = nil, statuses: [CommentStatus] = []) {
        self.articleId = articleId
        self.since = since
        self.statuses = statuses
    }
}
