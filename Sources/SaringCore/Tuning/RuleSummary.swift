/// A rule of a policy version as recorded with it (`policy_versions.rules`) and as `GET /v1/policy`
/// and `saring policy stats` name it: enough to tell what the rule does without its files.
public struct RuleSummary: Sendable, Equatable, Codable {
    public var id: String
    public var category: String
    public var description: String
    /// `reject`, `hold`, `flag`, `mask` or `score N`.
    public var action: String
    public var shadow: Bool
    public var fields: [String]
    public var file: String
    public var line: Int

    public init(
        id: String, category: String, description: String, action: String, shadow: Bool, fields: [String], file: String,
        line: Int
    ) {
        self.id = id
        self.category = category
        self.description = description
        self.action = action
        self.shadow = shadow
        self.fields = fields
        self.file = file
        self.line = line
    }

    public init(_ spec: RuleSpec) {
        self.init(
            id: spec.id, category: spec.category, description: spec.description, action: spec.action.description,
            shadow: spec.shadow, fields: spec.fields.map(\.rawValue), file: spec.file, line: spec.line)
    }
}

extension Policy {
    /// The rules in file order, as recorded with the version.
    public var ruleSummaries: [RuleSummary] { ruleSpecs.map(RuleSummary.init) }
}
