/// One rule that matched a comment: what it was, what it asked for, and where in the original text.
public struct RuleHit: Sendable, Equatable, Codable {
    public var ruleId: String
    public var category: String
    public var description: String
    public var action: HitAction
    public var score: Double
    /// The field the rule looked at.
    public var field: RuleField
    /// Offsets in Unicode scalars into the original text of `field`; nil for whole-comment checks.
    public var span: Range<Int>?
    /// A shadow rule's hit is recorded but changes nothing.
    public var shadow: Bool

    public init(
        ruleId: String, category: String, description: String, action: HitAction, score: Double = 0,
        field: RuleField = .body, span: Range<Int>? = nil, shadow: Bool = false
    ) {
        self.ruleId = ruleId
        self.category = category
        self.description = description
        self.action = action
        self.score = score
        self.field = field
        self.span = span
        self.shadow = shadow
    }

    /// How a hit reads in reasons and listings: `reject`, or `score 5` for a scoring rule.
    public var actionText: String { action == .score ? "score \(score.formatted())" : action.rawValue }
}
