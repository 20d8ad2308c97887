/// How Saring recognises the same author across comments: by the site's user id when the site's
/// backend vouches for a logged-in reader (`user:…`, verified); otherwise by e-mail address
/// (lower-cased) when the reader gives one, else by display name folded like text (look-alikes,
/// invisible characters, case, spacing), so `Tukang<U+200B>Rusuh` is `TukangRusuh`. Anonymous
/// identities are a best effort that moderators can ban or trust; they never reach a `user:` one.
public struct AuthorIdentity: Sendable, Hashable, CustomStringConvertible {
    public let key: String

    public init(name: String, email: String?, userId: String? = nil) {
        if let userId {
            key = "user:" + userId
        } else if let email, !email.isEmpty {
            key = "email:" + email.lowercased()
        } else {
            key = "name:" + Self.folded(name)
        }
    }

    /// A display name as names are compared: normalized like comment text.
    public static func folded(_ name: String) -> String {
        normalizer.normalize(name).text
    }

    private static let normalizer = TextNormalizer()

    /// Whether this is a site-verified reader.
    public var isVerified: Bool { key.hasPrefix("user:") }

    /// An identity as typed by a moderator: `user:ID`, an e-mail address if it contains `@`, else a name.
    public init(moderatorInput: String) {
        let trimmed = moderatorInput.trimmingCharacters(in: .whitespaces)
        if trimmed.hasPrefix("email:") || trimmed.hasPrefix("user:") {
            self.init(key: trimmed)
        } else if trimmed.hasPrefix("name:") {
            self.init(name: String(trimmed.dropFirst(5)), email: nil)
        } else if trimmed.contains("@") {
            self.init(name: "", email: trimmed)
        } else {
            self.init(name: trimmed, email: nil)
        }
    }

    private init(key: String) { self.key = key }

    public var description: String { key }
}
