import Foundation

/// A current ban: who, since when, by whom and why.
public struct BanRecord: Sendable, Equatable {
    public var identity: String
    public var name: String
    public var moderator: String
    public var reason: String?
    public var since: Date

    public init(identity: String, name: String, moderator: String, reason: String?, since: Date) {
        self.identity = identity
        self.name = name
        self.moderator = moderator
        self.reason = reason
        self.since = since
    }
}
