/// One current ban for machines: a line of `saring bans --json`, an item of `GET /v1/bans`.
public struct BanJSON: Encodable, Sendable {
    let identity: String
    let name: String
    let since: String
    let by: String
    let reason: String?

    public init(_ ban: BanRecord) {
        identity = ban.identity
        name = ban.name
        since = ISOTimestamp.string(millis: Int64((ban.since.timeIntervalSince1970 * 1000).rounded()))
        by = ban.moderator
        reason = ban.reason
    }
}
