/// How Saring recognises the same author across comments: by e-mail address (lower-cased) when
/// the reader gives one, otherwise by display name (lower-cased, inner whitespace collapsed).
/// Readers are not logged in, so this is a best effort that moderators can ban or trust.
public struct AuthorIdentity: Sendable, Hashable, CustomStringConvertible {
    public let key: String

    public init(name: String, email: String?) {
        if let email, !email.isEmpty {
            key = "email:" + email.lowercased()
        } else {
            let words = name.lowercased().split(whereSeparator: \.isWhitespace)
            key = "name:" + words.joined(separator: " ")
        }
    }

    /// An identity as typed by a moderator: an e-mail address if it contains `@`, else a name.
    public init(moderatorInput: String) {
        let trimmed = moderatorInput.trimmingCharacters(in: .whitespaces)
        if trimmed.hasPrefix("email:") || trimmed.hasPrefix("name:") {
            self.init(key: trimmed)
        } else if trimmed.contains("@") {
            self.init(name: "", email: trimmed)
        } else {
            self.init(name: trimmed, email: nil)
        }
    }

    private init(key: String) { self.key = key }

    public var description: String { key }
}
