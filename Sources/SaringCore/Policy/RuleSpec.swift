/// What a rule asks for when it matches. Precedence is fixed: reject > hold > flag > publish;
/// masks apply to whatever is published; scores add up against the settings' thresholds.
public enum RuleAction: Sendable, Equatable, CustomStringConvertible {
    case reject
    case hold
    case flag
    case mask
    case score(Double)

    /// What a hit of the rule records (its points go into the hit's score).
    public var kind: HitAction {
        switch self {
        case .reject: .reject
        case .hold: .hold
        case .flag: .flag
        case .mask: .mask
        case .score: .score
        }
    }

    /// `reject`, `hold`, `flag`, `mask` or `score`.
    public var name: String { kind.rawValue }

    public var description: String {
        if case .score(let points) = self { return "score \(points.formatted())" }
        return name
    }

    public var points: Double {
        if case .score(let points) = self { return points }
        return 0
    }
}

/// A comment field a rule can look at.
public enum RuleField: String, Sendable, Codable, CaseIterable {
    case body
    case author
    case email

    /// The field as one bit of a set of fields.
    var bit: UInt8 {
        switch self {
        case .body: 1
        case .author: 2
        case .email: 4
        }
    }
}

/// A rule as written in a policy file, before its pattern is compiled.
public struct RuleSpec: Sendable, Equatable {
    public enum Matcher: Sendable, Equatable {
        case pattern(String)
        /// Plain words or phrases, matched as whole words.
        case words([String])
        /// A learned model in a `.model` file of the same folder, firing at `threshold` (the
        /// model's own when nil).
        case classifier(file: String, threshold: Double?)
    }

    public enum Target: String, Sendable, Equatable {
        /// The normalized copy (look-alikes folded, case folded, …): the default.
        case normalized
        /// The text exactly as typed.
        case raw
    }

    public var id: String
    public var description: String
    public var category: String
    public var fields: [RuleField]
    public var matcher: Matcher
    public var options: PCRE2Pattern.Options
    public var target: Target
    public var action: RuleAction
    public var shadow: Bool
    /// When this also matches the field's text, the rule does not fire (e.g. a complaint about
    /// spam that quotes the spam's words).
    public var unless: Matcher?
    public var mustMatch: [String]
    public var mustNotMatch: [String]
    public var file: String
    public var line: Int
}
