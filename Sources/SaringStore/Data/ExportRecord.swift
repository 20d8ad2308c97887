import SaringCore

/// One line of `saring export` and `saring import --format jsonl`: a comment with its article,
/// its author and its whole decision history. JSON keys are written sorted; absent values
/// (`parentId`, an article's `title`, an author's `email`, …) are left out. No client address
/// and no keyed address hash is part of it. The README documents the format.
public struct ExportRecord: Codable, Sendable, Equatable {
    public var id: Int64
    public var parentId: Int64?
    public var article: ArticleRecord
    public var author: AuthorRecord
    /// The name shown with this comment (an author may have changed their display name since).
    public var authorName: String
    public var body: String
    public var publishedBody: String
    public var status: String
    public var flagged: Bool
    public var score: Double
    /// The id of the spam campaign's first comment, when the comment was found to belong to one.
    public var campaignId: Int64?
    public var createdAt: String
    public var updatedAt: String
    /// When the text was erased (`saring forget --comments`, retention); the body is then `[deleted]`.
    public var textErasedAt: String?
    public var decisions: [DecisionRecord]

    public init(
        id: Int64, parentId: Int64? = nil, article: ArticleRecord, author: AuthorRecord, authorName: String, body: String,
        publishedBody: String, status: String, flagged: Bool, score: Double, campaignId: Int64? = nil, createdAt: String, updatedAt: String,
        textErasedAt: String? = nil, decisions: [DecisionRecord]
    ) {
        self.id = id
        self.parentId = parentId
        self.article = article
        self.author = author
        self.authorName = authorName
        self.body = body
        self.publishedBody = publishedBody
        self.status = status
        self.flagged = flagged
        self.score = score
        self.campaignId = campaignId
        self.createdAt = createdAt
        self.updatedAt = updatedAt
        self.textErasedAt = textErasedAt
        self.decisions = decisions
    }

    public struct ArticleRecord: Codable, Sendable, Equatable {
        public var id: String
        public var title: String?
        public var url: String?
        public var section: String?
        public var open: Bool
        public var premoderated: Bool
        public init(id: String, title: String? = nil, url: String? = nil, section: String? = nil, open: Bool, premoderated: Bool) {
            self.id = id
            self.title = title
            self.url = url
            self.section = section
            self.open = open
            self.premoderated = premoderated
        }

    }

    public struct AuthorRecord: Codable, Sendable, Equatable {
        /// `user:ID`, `email:ADDRESS`, `name:FOLDED NAME` or `forgotten:N`.
        public var identity: String
        public var name: String
        public var email: String?
        public var standing: String
        public init(identity: String, name: String, email: String? = nil, standing: String) {
            self.identity = identity
            self.name = name
            self.email = email
            self.standing = standing
        }

    }

    public struct DecisionRecord: Codable, Sendable, Equatable {
        public var id: Int64
        /// `policy`, `moderator` or `system`.
        public var actor: String
        /// The policy version or the moderator's name.
        public var by: String
        public var action: String
        public var status: String
        public var reasons: [String]
        public var at: String
        public var batch: BatchRecord?
        /// For an undo: the decision it took back.
        public var undoes: Int64?
        public init(
            id: Int64, actor: String, by: String, action: String, status: String, reasons: [String], at: String, batch: BatchRecord? = nil,
            undoes: Int64? = nil
        ) {
            self.id = id
            self.actor = actor
            self.by = by
            self.action = action
            self.status = status
            self.reasons = reasons
            self.at = at
            self.batch = batch
            self.undoes = undoes
        }

    }

    public struct BatchRecord: Codable, Sendable, Equatable {
        public var id: Int64
        /// `bulk-reject` or `ban` (of this comment's author).
        public var kind: String
        public var by: String
        public var description: String
        public var previousStanding: String?
        public var createdAt: String
        public var undoneAt: String?
        public var undoneBy: String?
        public init(
            id: Int64, kind: String, by: String, description: String, previousStanding: String? = nil, createdAt: String,
            undoneAt: String? = nil, undoneBy: String? = nil
        ) {
            self.id = id
            self.kind = kind
            self.by = by
            self.description = description
            self.previousStanding = previousStanding
            self.createdAt = createdAt
            self.undoneAt = undoneAt
            self.undoneBy = undoneBy
        }

    }
}
