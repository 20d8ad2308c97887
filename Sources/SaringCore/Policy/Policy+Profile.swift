/// What one rule cost over a set of texts: how often its regex ran (after the prefilter) and
/// for how long in total.
public struct RuleCost: Sendable {
    public var ruleId: String
    public var runs: Int
    public var matches: Int
    public var seconds: Double
    /// Whether the prefilter can skip this rule (it has required literals).
    public var prefiltered: Bool
    /// How many alternatives it runs as, each prefiltered on its own (1: the whole pattern).
    public var branches: Int = 1
}

extension Policy {
    /// Runs every rule over every text as a comment body, timing each rule separately, for
    /// editors looking for the rule that slows judging down. Costliest first.
    public func profile(_ texts: [String]) -> [RuleCost] {
        let scratch = MatchScratch(limits: .init(matchLimit: settings.matchLimit))
        var costs = rules.map { RuleCost(ruleId: $0.spec.id, runs: 0, matches: 0, seconds: 0, prefiltered: $0.requiredLiterals != nil, branches: $0.branches?.count ?? 1) }
        let clock = ContinuousClock()
        for text in texts {
            let field = FieldText(text, normalizer: normalizer)
            let candidates = candidates(for: .body, in: field)
            for (index, rule) in rules.enumerated() where candidates[index] {
                var outcome = MatchOutcome.matched([])
                let elapsed = clock.measure { outcome = rule.run(on: field, scratch: scratch, branches: candidates.branches(of: index)) }
                costs[index].runs += 1
                costs[index].matches += outcome.ranges.isEmpty ? 0 : 1
                costs[index].seconds += Double(elapsed.components.attoseconds) / 1e18 + Double(elapsed.components.seconds)
            }
        }
        return costs.sorted { $0.seconds > $1.seconds }
    }
}
