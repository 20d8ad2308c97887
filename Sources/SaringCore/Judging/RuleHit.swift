/// One rule that matched a comment: what it was, what it asked for, and where in the original text.
public struct RuleHit: Sendable, Equatable, Codable {
    public var ruleId: String
    public var category: String
    public var description: String
    /// `reject`, `hold`, `flag`, `mask` or `score`.
    public var action: String
    public var score: Double
    /// The field the rule looked at (`body`, `author`, `email`).
    public var field: String
    /// Offsets in Unicode scalars into the original text of `field`; nil for whole-comment checks.
    public var span: Range<Int>?
    /// A shadow rule's hit is recorded but changes nothing.
    public var shadow: Bool

    public init(
        ruleId: String, category: String, description: String, action: String, score: Double = 0,
        field: String = "body", span: Range<Int>? = nil, shadow: Bool = false
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
}
