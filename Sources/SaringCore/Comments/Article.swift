/// An article that readers comment on, as the site's CMS describes it.
public struct Article: Sendable, Equatable {
    public var id: String
    public var title: String?
    public var url: String?
    public var section: String?
    /// A closed article refuses new comments.
    public var isOpen: Bool
    /// A premoderated article holds every new comment for review.
    public var premoderated: Bool

    public init(
        id: String, title: String? = nil, url: String? = nil, section: String? = nil,
        isOpen: Bool = true, premoderated: Bool = false
    ) {
        self.id = id
        self.title = title
        self.url = url
        self.section = section
        self.isOpen = isOpen
        self.premoderated = premoderated
    }
}
