/// What the policy's misses (published, then rejected by a moderator, no rule caught them) have
/// in common: a spam campaign, an author, or a phrase. A miss can be in several groups.
public struct MissGroup: Sendable, Equatable, Codable {
    /// `campaign`, `author` or `phrase`.
    public var kind: String
    /// The campaign id, the author's name, or the phrase (normalized words).
    public var key: String
    public var count: Int
    /// The first comment ids (at most 10).
    public var commentIds: [Int64]

    /// Groups of at least two misses, largest first: campaigns, authors, then phrases that add
    /// comments the larger phrases did not already group; at most `limit` groups.
    public static func of(_ misses: [TuningWindow.Item], phrases: Phrases, limit: Int = 10) -> [MissGroup] {
        var groups: [MissGroup] = []
        func add(_ kind: String, _ members: [Int64: [Int64]], key: (Int64) -> String) {
            for (id, ids) in members where ids.count >= 2 {
                groups.append(MissGroup(kind: kind, key: key(id), count: ids.count, commentIds: Array(ids.sorted().prefix(10))))
            }
        }
        var byCampaign: [Int64: [Int64]] = [:]
        var byAuthor: [Int64: [Int64]] = [:]
        var names: [Int64: String] = [:]
        for miss in misses {
            if let campaign = miss.campaignId { byCampaign[campaign, default: []].append(miss.id) }
            byAuthor[miss.authorId, default: []].append(miss.id)
            names[miss.authorId] = miss.authorName
        }
        add("campaign", byCampaign) { "\($0)" }
        add("author", byAuthor) { names[$0] ?? "\($0)" }
        var byPhrase: [String: [Int64]] = [:]
        for miss in misses {
            for phrase in phrases.phrases(miss.body) { byPhrase[phrase, default: []].append(miss.id) }
        }
        // Longest phrase first among equals, so "daftar sekarang juga" wins over its parts.
        let ranked = byPhrase.filter { $0.value.count >= 2 }.sorted {
            ($0.value.count, $0.key.count, $1.key) > ($1.value.count, $1.key.count, $0.key)
        }
        var covered: [Set<Int64>] = []
        for (phrase, ids) in ranked {
            let set = Set(ids)
            if covered.contains(where: { set.isSubset(of: $0) }) { continue }
            covered.append(set)
            groups.append(MissGroup(kind: "phrase", key: phrase, count: ids.count, commentIds: Array(ids.sorted().prefix(10))))
        }
        let order = ["campaign": 0, "author": 1, "phrase": 2]
        groups.sort { ($1.count, order[$0.kind]!, $0.key) < ($0.count, order[$1.kind]!, $1.key) }
        return Array(groups.prefix(limit))
    }
}
