import Foundation
import GRDB
import SaringCore

extension SaringStore {
    /// Tags a campaign's earlier comments with its id; those still published without a flag are
    /// flagged for post-moderation (a system decision says why), so the first comments of a wave
    /// reach a moderator too.
    static func tagCampaign(_ db: Database, _ campaign: CampaignTag, at millis: Int64) throws {
        for member in campaign.members {
            guard let row = try db.firstRow(
                "SELECT status, flagged, campaign_id FROM comments WHERE id = ?", [member]),
                row["campaign_id"] as Int64? == nil
            else { continue }
            try db.run("UPDATE comments SET campaign_id = ? WHERE id = ?", [campaign.id, member])
            if row["status"] as String == "published", !(row["flagged"] as Bool) {
                try db.run("UPDATE comments SET flagged = 1, updated_at = ? WHERE id = ?", [millis, member])
                _ = try appendDecision(
                    db, commentId: member, actor: .system, decidedBy: "campaigns", action: .flag, status: .published,
                    reasons: ["part of spam campaign #\(campaign.id), found after it was published"], at: millis)
            }
        }
    }

    /// The published and held comments of a spam campaign, oldest first.
    public func campaignComments(_ campaignId: Int64) async throws -> [Comment] {
        try await read { db in
            try Row.fetchAll(db, sql: HotQueries.campaignComments, arguments: [campaignId]).map(Self.comment(from:))
        }
    }

    /// Articles whose brake holds new comments now, with when it ends.
    public func brakedArticles() async throws -> [(articleId: String, until: Date)] {
        let millis = Timestamp.millis(now())
        return try await read { db in
            try Row.fetchAll(db, sql: HotQueries.brakedArticles, arguments: [millis])
                .map { (articleId: $0["id"] as String, until: Timestamp.date($0["brake_until"])) }
                .sorted { $0.articleId < $1.articleId }
        }
    }

    /// Holds every new comment on `articleId` until `until` (the article brake).
    public func engageBrake(articleId: String, until: Date) async throws {
        let millis = Timestamp.millis(until)
        try await write { db in
            try db.run("UPDATE articles SET brake_until = ? WHERE id = ?", [millis, articleId])
        }
    }
}
