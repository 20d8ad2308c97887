import Foundation
import SaringCore
import Testing

@Suite("Why a comment is held, when it is not a content rule")
struct WhyNotRulesTests {
    static func item(hits: [RuleHit] = [], decisions: [(Decision.Actor, String, CommentStatus, [String])]) -> QueueItem {
        let comment = Comment(
            id: 7, articleId: "a1", parentId: nil, authorName: "Budi", authorEmail: nil, body: "halo", publishedBody: "halo",
            status: decisions.last?.2 ?? .pending, flagged: false, score: 0, createdAt: Date(timeIntervalSince1970: 0))
        let history = decisions.enumerated().map { index, entry in
            Decision(
                id: Int64(index + 1), commentId: 7, actor: entry.0, decidedBy: entry.1, action: .hold, status: entry.2,
                reasons: entry.3, createdAt: Date(timeIntervalSince1970: 0))
        }
        return QueueItem(
            comment: comment, articleTitle: nil,
            author: AuthorSummary(identity: "name:budi", name: "Budi", standing: .normal, published: 0, rejected: 0, pending: 1),
            hits: hits, policyVersion: "v1", reports: [], parent: nil, lastDecisionId: Int64(history.count), claimedBy: nil,
            decisions: history)
    }

    static let rule = RuleHit(ruleId: "judol.keywords", category: "judol", description: "Gambling", action: .hold)

    @Test func aPremoderatedArticleIsNamedAndTheRuleReasonsAreNotRepeated() {
        let item = Self.item(
            hits: [Self.rule],
            decisions: [(.policy, "v1", .pending, ["judol.keywords (hold): Gambling", "total score 0 (hold at 5, reject at 10)", "article is premoderated"])])
        #expect(item.whyNotRules == ["article is premoderated"])
    }

    @Test func onlyContentRulesMeanNoCause() {
        let item = Self.item(hits: [Self.rule], decisions: [(.policy, "v1", .pending, ["judol.keywords (hold): Gambling"])])
        #expect(item.whyNotRules.isEmpty)
    }

    @Test func firstCommentsCampaignAndBrakeAreMechanismsNotRules() {
        let first = RuleHit(
            ruleId: "settings.first-comments", category: "limits",
            description: "author has 0 published comments; the first 3 are reviewed", action: .hold)
        let campaign = RuleHit(ruleId: "abuse.campaign", category: "abuse", description: "spam campaign #4: 9 near-identical comments", action: .hold)
        let brake = RuleHit(
            ruleId: "abuse.article-brake", category: "abuse",
            description: "article brake: too many new comments at once, all held for review", action: .hold)
        let item = Self.item(
            hits: [first, campaign, brake],
            decisions: [
                (.policy, "v1", .pending, [
                    "settings.first-comments (hold): author has 0 published comments; the first 3 are reviewed",
                    "abuse.campaign (hold): spam campaign #4: 9 near-identical comments",
                    "article brake: too many new comments at once, all held for review",
                ])
            ])
        #expect(
            item.whyNotRules == [
                "first comments: author has 0 published comments; the first 3 are reviewed",
                "spam campaign #4: 9 near-identical comments",
                "article brake: too many new comments at once, all held for review",
            ])
    }

    @Test func reportsThatHidItAndTheModeratorWhoDecidedLastAreNamed() {
        let item = Self.item(decisions: [
            (.policy, "v1", .published, []),
            (.system, "reports", .pending, ["hidden after reports from 3 different readers; waits for a moderator"]),
            (.moderator, "ana", .rejected, ["spam"]),
        ])
        #expect(item.whyNotRules == ["hidden after reports from 3 different readers; waits for a moderator", "rejected by ana: spam"])
    }
}
