import Foundation
import Logging
import PostgresNIO
import SaringCore
import SaringStore

// `saring policy stats` and `policy suggest` on PostgreSQL: the comments of a window with their
// hits, the moderators' standing verdicts and the rules' costs, as SaringStore+Tuning reads them,
// from one read-only snapshot. Every query starts from the window's comments (comments_by_created).
extension PostgresStore: TuningStore {
    public func tuningWindow(since: Date) async throws -> TuningWindow {
        let since = Timestamp.millis(since)
        let logger = logger
        return try await client.withConnection { db in
            try await Self.inSnapshot(db, logger) { try await Self.tuningWindow($0, since: since, logger: logger) }
        }
    }

    private static func tuningWindow(_ db: PostgresConnection, since: Int64, logger: Logger) async throws -> TuningWindow {
        var hits: [TuningWindow.Hit] = []
        for try await (commentId, ruleId, shadow, action, score, noSpan) in try await db.query(
            PostgresHotQueries.windowHits(since: since), logger: logger
        ).decode((Int64, String, Bool, String, Double, Bool).self) {
            // Only a regex rule's hit has a span; one without is its match limit.
            let regexRule = !ruleId.hasPrefix("settings.") && !ruleId.hasPrefix("abuse.")
            hits.append(
                TuningWindow.Hit(
                    commentId: commentId, ruleId: ruleId, shadow: shadow, action: action == "score" ? "score \(score.formatted())" : action,
                    limitExceeded: regexRule && noSpan))
        }
        var answers: [Int64: TuningWindow.Answer] = [:]
        var newest: [Int64: Int64] = [:]
        for try await (commentId, action, decisionId) in try await db.query(
            PostgresHotQueries.windowVerdicts(since: since), logger: logger
        ).decode((Int64, String, Int64).self) where decisionId > newest[commentId] ?? 0 {
            newest[commentId] = decisionId
            answers[commentId] = action == "approve" ? .approved : .rejected
        }
        var items: [TuningWindow.Item] = []
        for try await (id, status, flagged, authorId, authorName, campaignId, body, policyStatus) in try await db.query(
            PostgresHotQueries.windowComments(since: since), logger: logger
        ).decode((Int64, String, Bool, Int64, String, Int64?, String, String?).self) {
            items.append(
                TuningWindow.Item(
                    id: id, status: CommentStatus(rawValue: status) ?? .pending, flagged: flagged, authorId: authorId, authorName: authorName,
                    campaignId: campaignId, body: body, policyStatus: policyStatus.flatMap(CommentStatus.init(rawValue:)) ?? .published))
        }
        items.sort { $0.id < $1.id }
        var timings: [String: TuningWindow.Timing] = [:]
        for try await (ruleId, runs, matches, nanos) in try await db.query(
            PostgresHotQueries.ruleTimingsSince(day: Int32(since / 86_400_000)), logger: logger
        ).decode((String, Int64, Int64, Int64).self) {
            timings[ruleId] = TuningWindow.Timing(runs: Int(runs), matches: Int(matches), nanos: nanos)
        }
        var latest: (version: String, rules: String)?
        for try await row in try await db.query(
            "SELECT version, rules::TEXT FROM policy_versions ORDER BY loaded_at DESC, id DESC LIMIT 1", logger: logger
        ).decode((String, String).self) {
            latest = row
        }
        let rules = try latest.map { try JSONDecoder().decode([RuleSummary].self, from: Data($0.rules.utf8)) } ?? []
        return TuningWindow(hits: hits, answers: answers, items: items, timings: timings, rulesInForce: rules, versionInForce: latest?.version)
    }
}

// `saring policy train --from-db` on PostgreSQL, as SaringStore+Labels reads it on SQLite.
extension PostgresStore: LabelStore {
    public func moderatorLabels(since: Date?) async throws -> [ModeratorLabel] {
        let query = PostgresHotQueries.moderatorLabels(since: since.map(Timestamp.millis) ?? Int64.min)
        return try await bounded {
            var newest: [Int64: (decision: Int64, label: ModeratorLabel)] = [:]
            let rows = try await self.client.query(query, logger: self.logger)
            for try await (commentId, body, action, decisionId) in rows.decode((Int64, String, String, Int64).self) {
                if let known = newest[commentId], known.decision > decisionId { continue }
                newest[commentId] = (decisionId, ModeratorLabel(commentId: commentId, body: body, rejected: action == "reject"))
            }
            return newest.values.map(\.label).sorted { $0.commentId < $1.commentId }
        }
    }
}
