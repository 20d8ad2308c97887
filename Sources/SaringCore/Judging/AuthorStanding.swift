/// A moderator's standing decision about an author.
public enum AuthorStanding: String, Sendable, Codable, CaseIterable {
    case normal
    /// Skips first-comment premoderation.
    case trusted
    /// Every new comment is rejected on arrival.
    case banned
}
