/// Who sent a request, by the credential it carried: the public (none), the news site's own
/// backend (a site key), a moderator or an admin (named tokens; the name goes into decisions).
public enum Caller: Sendable, Equatable {
    case reader
    case site(name: String)
    case moderator(name: String)
    case admin(name: String)

    /// Moderators and admins may moderate; admins may also change article settings.
    public var mayModerate: Bool {
        switch self {
        case .moderator, .admin: true
        case .reader, .site: false
        }
    }

    public var isAdmin: Bool {
        if case .admin = self { return true }
        return false
    }

    public var isSite: Bool {
        if case .site = self { return true }
        return false
    }
}
