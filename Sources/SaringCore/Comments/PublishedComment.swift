import Foundation

/// A published comment as readers see it: the masked text under the author's display name, never
/// the e-mail address, the submitted text or anything moderators see.
public struct PublishedComment: Sendable, Equatable {
    public var id: Int64
    public var parentId: Int64?
    public var authorName: String
    /// The published text (masked where a rule asked for it).
    public var body: String
    public var createdAt: Date

    public init(id: Int64, parentId: Int64?, authorName: String, body: String, createdAt: Date) {
        self.id = id
        self.parentId = parentId
        self.authorName = authorName
        self.body = body
        self.createdAt = createdAt
    }
}
