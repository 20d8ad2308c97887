/// A phrase moderators keep rejecting that no rule catches, proposed as a `words:` rule.
public struct RuleSuggestion: Sendable, Equatable, Codable {
    public var phrase: String
    /// Comments with the phrase that moderators rejected (and no active rule caught) ...
    public var rejected: Int
    /// ... and comments with it that the site kept (approved, or published and not rejected).
    public var approved: Int
    /// Example texts, from the rejected comments (match) and from kept ones (no-match).
    public var match: [String]
    public var noMatch: [String]

    /// The phrases of the window's missed rejections, most telling first: in at least
    /// `minRejected` of them, in at most a fifth as many kept comments, not matched by `policy`
    /// itself; a phrase whose rejected comments a better one already covers is left out.
    public static func find(
        in window: TuningWindow, policy: Policy, minRejected: Int = 3, count: Int = 10
    ) -> [RuleSuggestion] {
        let phrases = Phrases()
        let caught = window.caught
        let rejectedItems = window.items.filter { window.answers[$0.id] == .rejected && !caught.contains($0.id) }
        var rejectedBy: [String: [Int]] = [:]
        for (index, item) in rejectedItems.enumerated() {
            for phrase in phrases.phrases(item.body) { rejectedBy[phrase, default: []].append(index) }
        }
        let candidates = rejectedBy.filter { $0.value.count >= minRejected }
        guard !candidates.isEmpty else { return [] }
        let keptItems = window.items.filter(window.kept)
        var keptBy: [String: [Int]] = [:]
        // Each kept comment normalized once; its phrases also pick the no-match examples.
        let keptPhrases = keptItems.map { phrases.phrases($0.body) }
        for (index, found) in keptPhrases.enumerated() {
            for phrase in found where candidates[phrase] != nil { keptBy[phrase, default: []].append(index) }
        }
        let ranked = candidates.filter { phrase, rejected in
            (keptBy[phrase]?.count ?? 0) * 5 <= rejected.count
        }.sorted { lhs, rhs in
            let l = (Double(lhs.value.count) / Double((keptBy[lhs.key]?.count ?? 0) + 1), lhs.key.count)
            let r = (Double(rhs.value.count) / Double((keptBy[rhs.key]?.count ?? 0) + 1), rhs.key.count)
            return l != r ? l > r : lhs.key < rhs.key
        }
        var result: [RuleSuggestion] = []
        var covered: [Set<Int>] = []
        for (phrase, indexes) in ranked where result.count < count {
            let set = Set(indexes)
            if covered.contains(where: { set.isSubset(of: $0) }) { continue }
            let probe = CommentDraft(articleId: "suggest", authorName: "suggest", authorEmail: nil, body: phrase, parentId: nil)
            if policy.judge(probe).hits.contains(where: { !$0.shadow && $0.field == .body }) { continue }
            covered.append(set)
            let examples = indexes.map { rejectedItems[$0].body }.sorted { $0.unicodeScalars.count < $1.unicodeScalars.count }
            // Near misses: kept comments sharing one of the phrase's words, not the phrase.
            let words = phrase.split(separator: " ").map(String.init)
            let keptWithout = keptItems.indices.lazy.filter { index in
                !keptPhrases[index].contains(phrase) && words.contains { keptPhrases[index].contains($0) }
            }.map { keptItems[$0] }
            result.append(
                RuleSuggestion(
                    phrase: phrase, rejected: indexes.count, approved: keptBy[phrase]?.count ?? 0,
                    match: Array(examples.filter { $0.unicodeScalars.count <= 300 }.prefix(3)),
                    noMatch: Array(keptWithout.map(\.body).filter { $0.unicodeScalars.count <= 300 }.prefix(2))))
        }
        return result
    }
}
