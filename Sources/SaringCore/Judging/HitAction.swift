/// What a rule that matched asked for, as recorded with its hit (a rule's ``RuleAction`` without
/// its points, which the hit keeps as its score).
public enum HitAction: String, Sendable, Codable, CaseIterable {
    case reject
    case hold
    case flag
    case mask
    case score
}
