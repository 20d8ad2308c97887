import SaringCore

/// One thing an import file holds, with where it sits in the file (`line 12`, `wp:comment 3 of
/// item 2 (line 40)`), so a refusal can name it.
public struct ImportItem: Sendable {
    public enum Content: Sendable {
        /// An article described without comments (a WordPress post nobody commented on).
        case article(ExportRecord.ArticleRecord)
        case comment(ExportRecord)
    }

    public var content: Content
    public var source: String

    public init(_ content: Content, source: String) {
        self.content = content
        self.source = source
    }
}

/// A refused import: what is wrong and where. Nothing of the file was stored.
public struct ImportError: Error, CustomStringConvertible, Sendable {
    public let source: String
    public let message: String

    public init(source: String, message: String) {
        self.source = source
        self.message = message
    }

    public var description: String { "\(source): \(message)" }
}

/// What an import stored.
public struct ImportSummary: Sendable, Equatable {
    public var comments = 0
    public var articlesCreated = 0
    public var authorsCreated = 0
    /// Whether the file's ids were kept (an empty database) or new ones given.
    public var keptIds = false
    /// With a judge: comments whose status the policy changed from the file's.
    public var changedByJudge = 0

    public init() {}
}

/// Judges an imported comment (`saring import --judge`): the draft and its author's standing.
public typealias ImportJudge = (CommentDraft, AuthorStanding) -> Verdict
