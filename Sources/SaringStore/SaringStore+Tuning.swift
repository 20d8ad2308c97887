import Foundation
import GRDB
import SaringCore

/// What `saring policy stats` and `policy suggest` read: a window of comments with their hits,
/// the moderators' standing verdicts and the rules' costs, on SQLite and PostgreSQL alike.
public protocol TuningStore: Sendable {
    func tuningWindow(since: Date) async throws -> TuningWindow
}

extension SaringStore: TuningStore {}

extension SaringStore {
    /// Everything `saring policy stats` and `saring policy suggest` read about the comments created
    /// since `since`, in one read transaction (one consistent snapshot), each query through an index.
    public func tuningWindow(since: Date) async throws -> TuningWindow {
        let sinceMillis = Timestamp.millis(since)
        return try await read { db in
            var hits: [TuningWindow.Hit] = []
            let hitRows = try Row.fetchCursor(db, sql: HotQueries.windowHits, arguments: [sinceMillis])
            while let row = try hitRows.next() {
                let ruleId: String = row[1]
                let action: String = row[3]
                let score: Double = row[4]
                let noSpan: Bool = row[5]
                // Only a regex rule's hit has a span; one without is its match limit (whole-comment
                // checks of the settings and the abuse controls have none by nature).
                let regexRule = !ruleId.hasPrefix("settings.") && !ruleId.hasPrefix("abuse.")
                hits.append(
                    TuningWindow.Hit(
                        commentId: row[0], ruleId: ruleId, shadow: row[2],
                        action: action == "score" ? "score \(score.formatted())" : action, limitExceeded: regexRule && noSpan))
            }
            var answers: [Int64: TuningWindow.Answer] = [:]
            var newest: [Int64: Int64] = [:]
            let verdictRows = try Row.fetchCursor(db, sql: HotQueries.windowVerdicts, arguments: [sinceMillis])
            while let row = try verdictRows.next() {
                let commentId: Int64 = row[0]
                let decisionId: Int64 = row[2]
                guard decisionId > newest[commentId] ?? 0 else { continue }
                newest[commentId] = decisionId
                answers[commentId] = (row[1] as String) == "approve" ? .approved : .rejected
            }
            var items: [TuningWindow.Item] = []
            let itemRows = try Row.fetchCursor(db, sql: HotQueries.windowComments, arguments: [sinceMillis])
            while let row = try itemRows.next() {
                items.append(
                    TuningWindow.Item(
                        id: row[0], status: CommentStatus(rawValue: row[1]) ?? .pending, flagged: row[2], authorId: row[3],
                        authorName: row[4], campaignId: row[5], body: row[6],
                        policyStatus: (row[7] as String?).flatMap(CommentStatus.init(rawValue:)) ?? .published))
            }
            items.sort { $0.id < $1.id }
            var timings: [String: TuningWindow.Timing] = [:]
            for row in try Row.fetchAll(db, sql: HotQueries.ruleTimingsSince, arguments: [sinceMillis / 86_400_000]) {
                timings[row[0]] = TuningWindow.Timing(runs: row[1], matches: row[2], nanos: row[3])
            }
            let latest = try Self.latestPolicyVersion(db)
            return TuningWindow(
                hits: hits, answers: answers, items: items, timings: timings, rulesInForce: latest?.rules ?? [],
                versionInForce: latest?.version)
        }
    }
}
