/// A reader's comment as submitted, before it is judged or stored.
public struct CommentDraft: Sendable, Equatable {
    public var articleId: String
    public var authorName: String
    public var authorEmail: String?
    public var body: String
    public var parentId: Int64?
    /// Keyed hash of the submitting client's address (never the address itself); nil from tools.
    public var clientHash: String?
    /// The site's user id of a logged-in reader, when the site's backend (a site key) vouches for it.
    public var verifiedUserId: String?

    public init(
        articleId: String, authorName: String, authorEmail: String?, body: String, parentId: Int64?, clientHash: String? = nil,
        verifiedUserId: String? = nil
    ) {
        self.articleId = articleId
        self.authorName = authorName
        self.authorEmail = authorEmail
        self.body = body
        self.parentId = parentId
        self.clientHash = clientHash
        self.verifiedUserId = verifiedUserId
    }

    /// The key the store identifies the author by: the e-mail address when given, else the name.
    public var authorIdentity: AuthorIdentity {
        AuthorIdentity(name: authorName, email: authorEmail, userId: verifiedUserId)
    }
}
