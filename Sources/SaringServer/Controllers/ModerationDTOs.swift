import Foundation
import SaringCore

// Request and response bodies of the moderators' API.

struct QueuePageResponse: Encodable {
    let items: [QueueItemJSON]
    let nextCursor: String?
}

struct DecisionJSON: Encodable {
    let id: Int64
    let actor: String
    let decidedBy: String
    let action: String
    let status: String
    let reasons: [String]
    let createdAt: String
    let batchId: Int64?
    let undoes: Int64?

    init(_ decision: Decision) {
        id = decision.id
        actor = decision.actor.rawValue
        decidedBy = decision.decidedBy
        action = decision.action.rawValue
        status = decision.status.rawValue
        reasons = decision.reasons
        createdAt = JSONResponse.timestamp(decision.createdAt)
        batchId = decision.batchId
        undoes = decision.undoes
    }
}

struct HitJSON: Encodable {
    let rule: String
    let category: String
    let description: String
    let action: String
    let score: Double
    let field: String
    /// Offsets in Unicode scalars of the original text of `field`.
    let span: [Int]?
    let shadow: Bool

    init(_ hit: RuleHit) {
        rule = hit.ruleId
        category = hit.category
        description = hit.description
        action = hit.action.rawValue
        score = hit.score
        field = hit.field.rawValue
        span = hit.span.map { [$0.lowerBound, $0.upperBound] }
        shadow = hit.shadow
    }
}

/// `GET /v1/comments/{id}/moderation`: what `saring show` shows.
struct ModerationDetailResponse: Encodable {
    let comment: QueueItemJSON
    let articleTitle: String?
    let author: AuthorJSON
    let hits: [HitJSON]
    let policyVersion: String?
    let claimedBy: String?
    let lastDecisionId: Int64
    let decisions: [DecisionJSON]

    struct AuthorJSON: Encodable {
        let name: String
        let identity: String
        let standing: String
        let published: Int
        let rejected: Int
        let pending: Int
    }
}

struct DecisionRequest: Decodable {
    let action: String
    let reason: String?
    let override: Bool?
    /// The newest decision id the moderator saw; refused with 409 when the history grew since.
    let expectedLastDecision: Int64?
}

/// The comment's state after a decision.
struct DecisionResponse: Encodable {
    let commentId: Int64
    let articleId: String
    let status: String
    let flagged: Bool
    /// False when the comment already was what was asked (nothing was recorded).
    let changed: Bool
    let decision: DecisionJSON

    init(_ outcome: DecisionOutcome) {
        commentId = outcome.decision.commentId
        articleId = outcome.articleId
        status = outcome.status.rawValue
        flagged = outcome.flagged
        changed = outcome.changed
        decision = DecisionJSON(outcome.decision)
    }
}

struct ClaimRequest: Decodable {
    let seconds: Int?
}

struct ClaimResponse: Encodable {
    let commentId: Int64
    let claimedBy: String
    let expiresAt: String
}

struct AuthorRequest: Decodable {
    let author: String
    let reason: String?
    /// A ban of an anonymous author: hours its addresses stay banned too (default 48, 0 off).
    let addressHours: Int?
}

struct AuthorResponse: Encodable {
    let author: String
    let standing: String
    let changed: Bool
    let batchId: Int64?
    let rejected: [Int64]?
}

struct BulkRejectRequest: Decodable {
    let matching: String?
    let campaign: Int64?
    let kind: String?
    let article: String?
    let since: String?
    let except: [Int64]?
    let reason: String?
    let dryRun: Bool?
    let sample: Int?
}

struct BulkRejectResponse: Encodable {
    let count: Int
    let sample: [QueueSample]
    let overBudget: [Int64]
    let excepted: [Int64]
    let dryRun: Bool
    let batchId: Int64?
    let decided: [Int64]?
    let skipped: [Int64]?

    struct QueueSample: Encodable {
        let id: Int64
        let articleId: String
        let authorName: String
        let body: String
        let spans: [[Int]]
    }
}

struct BansResponse: Encodable {
    let bans: [BanJSON]
}

struct BatchUndoResponse: Encodable {
    let batchId: Int64
    let restored: [Int64]
    let decidedSince: [Int64]
}
