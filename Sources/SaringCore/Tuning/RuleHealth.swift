/// One rule's record over a window, as `saring policy stats` shows it.
public struct RuleHealth: Sendable, Equatable, Codable {
    public var rule: String
    public var description: String?
    /// What it does when it hits (`reject`, `hold`, …); for a shadow rule, what it would do.
    public var action: String
    /// In the version loaded last; nil when that version does not have it.
    public var inForce: Bool
    public var shadow: Bool
    /// Comments it hit as an active rule, and as a shadow rule.
    public var hits: Int
    public var shadowHits: Int
    /// Of the comments it hit as an active rule, how many moderators approved and rejected.
    public var approved: Int
    public var rejected: Int
    /// rejected / (approved + rejected): how often the moderators agreed; nil without answers.
    public var precision: Double?
    /// The same for its shadow hits: its would-be decisions against what moderators did.
    public var shadowApproved: Int
    public var shadowRejected: Int
    public var shadowPrecision: Double?
    /// Shadow hits on comments the policy published and a moderator then rejected (misses it would catch).
    public var shadowCaughtMisses: Int
    /// For a shadow rule in force: `ready`, `not ready` or `too few answers`.
    public var readiness: String?
    /// Comments on which its regex ran past the match limit.
    public var limitHits: Int
    /// Measured in the server (sampled comments): regex runs, and microseconds per run.
    public var timedRuns: Int
    public var microsPerRun: Double?

    /// A shadow rule is ready when at least this many of its hits were answered by moderators ...
    public static let readyAnswers = 5
    /// ... and at least this share of them rejected.
    public static let readyPrecision = 0.9

    /// Every rule that hit a comment of the window or is in force, most hits first; then the rules
    /// that never fired in force, in file order.
    public static func of(_ window: TuningWindow) -> [RuleHealth] {
        let inForce = Dictionary(window.rulesInForce.map { ($0.id, $0) }, uniquingKeysWith: { first, _ in first })
        let misses = Set(window.misses.map(\.id))
        var byRule: [String: RuleHealth] = [:]
        var order: [String] = []
        var seen = Set<String>()  // rule, comment, shadow
        var actions: [String: String] = [:]
        for hit in window.hits {
            if byRule[hit.ruleId] == nil {
                byRule[hit.ruleId] = RuleHealth(rule: hit.ruleId, summary: inForce[hit.ruleId])
                order.append(hit.ruleId)
            }
            if hit.limitExceeded {
                if seen.insert("limit|\(hit.ruleId)|\(hit.commentId)").inserted { byRule[hit.ruleId]!.limitHits += 1 }
                continue
            }
            actions[hit.ruleId] = actions[hit.ruleId] ?? hit.action
            guard seen.insert("\(hit.shadow)|\(hit.ruleId)|\(hit.commentId)").inserted else { continue }
            let answer = window.answers[hit.commentId]
            if hit.shadow {
                byRule[hit.ruleId]!.shadowHits += 1
                if answer == .approved { byRule[hit.ruleId]!.shadowApproved += 1 }
                if answer == .rejected { byRule[hit.ruleId]!.shadowRejected += 1 }
                if misses.contains(hit.commentId) { byRule[hit.ruleId]!.shadowCaughtMisses += 1 }
            } else {
                byRule[hit.ruleId]!.hits += 1
                if answer == .approved { byRule[hit.ruleId]!.approved += 1 }
                if answer == .rejected { byRule[hit.ruleId]!.rejected += 1 }
            }
        }
        for summary in window.rulesInForce where byRule[summary.id] == nil {
            byRule[summary.id] = RuleHealth(rule: summary.id, summary: summary)
            order.append(summary.id)
        }
        var result = order.map { id -> RuleHealth in
            var health = byRule[id]!
            if health.action.isEmpty { health.action = actions[id] ?? "" }
            if !health.inForce { health.shadow = health.shadowHits > 0 && health.hits == 0 }
            health.precision = precision(health.rejected, health.approved)
            health.shadowPrecision = precision(health.shadowRejected, health.shadowApproved)
            if health.shadow, health.inForce {
                let answered = health.shadowApproved + health.shadowRejected
                health.readiness =
                    answered < readyAnswers ? "too few answers" : (health.shadowPrecision ?? 0) >= readyPrecision ? "ready" : "not ready"
            }
            if let timing = window.timings[id] {
                health.timedRuns = timing.runs
                health.microsPerRun = timing.microsPerRun
            }
            return health
        }
        result.sort { lhs, rhs in
            let l = lhs.hits + lhs.shadowHits + lhs.limitHits
            let r = rhs.hits + rhs.shadowHits + rhs.limitHits
            if (l == 0) != (r == 0) { return l > 0 }
            return l != r ? l > r : false
        }
        return result
    }

    /// The rules in force with no hit in the window.
    public static func neverFiring(_ health: [RuleHealth]) -> [RuleHealth] {
        health.filter { $0.inForce && $0.hits + $0.shadowHits + $0.limitHits == 0 }
    }

    /// The measured rules, slowest per run first.
    public static func slowest(_ health: [RuleHealth], count: Int) -> [RuleHealth] {
        Array(health.filter { $0.timedRuns > 0 }.sorted { ($0.microsPerRun ?? 0) > ($1.microsPerRun ?? 0) }.prefix(count))
    }

    init(rule: String, summary: RuleSummary?) {
        self.rule = rule
        description = summary?.description
        action = summary?.action ?? ""
        inForce = summary != nil
        shadow = summary?.shadow ?? false
        hits = 0
        shadowHits = 0
        approved = 0
        rejected = 0
        shadowApproved = 0
        shadowRejected = 0
        shadowCaughtMisses = 0
        limitHits = 0
        timedRuns = 0
    }

    enum CodingKeys: String, CodingKey {
        case rule, description, action, inForce, shadow, hits, shadowHits, approved, rejected, precision, shadowApproved,
            shadowRejected, shadowPrecision, shadowCaughtMisses, readiness, limitHits, timedRuns, microsPerRun
    }

    /// Every key, an unknown value as null (a reader can count on `precision` being there).
    public func encode(to encoder: any Encoder) throws {
        var c = encoder.container(keyedBy: CodingKeys.self)
        try c.encode(rule, forKey: .rule)
        try c.encode(description, forKey: .description)
        try c.encode(action, forKey: .action)
        try c.encode(inForce, forKey: .inForce)
        try c.encode(shadow, forKey: .shadow)
        try c.encode(hits, forKey: .hits)
        try c.encode(shadowHits, forKey: .shadowHits)
        try c.encode(approved, forKey: .approved)
        try c.encode(rejected, forKey: .rejected)
        try c.encode(precision, forKey: .precision)
        try c.encode(shadowApproved, forKey: .shadowApproved)
        try c.encode(shadowRejected, forKey: .shadowRejected)
        try c.encode(shadowPrecision, forKey: .shadowPrecision)
        try c.encode(shadowCaughtMisses, forKey: .shadowCaughtMisses)
        try c.encode(readiness, forKey: .readiness)
        try c.encode(limitHits, forKey: .limitHits)
        try c.encode(timedRuns, forKey: .timedRuns)
        try c.encode(microsPerRun.map { ($0 * 1000).rounded() / 1000 }, forKey: .microsPerRun)
    }

    static func precision(_ rejected: Int, _ approved: Int) -> Double? {
        rejected + approved == 0 ? nil : Double(rejected) / Double(rejected + approved)
    }
}
