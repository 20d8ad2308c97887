/// A rule ready to run: its spec, its compiled pattern (or model), and the literals its matches
/// must contain.
struct CompiledRule: Sendable {
    enum Matcher: Sendable {
        case pattern(PCRE2Pattern)
        case classifier(ClassifierModel, threshold: Double)
    }

    let spec: RuleSpec
    let matcher: Matcher
    /// Suppresses the rule when it matches too.
    let unless: PCRE2Pattern?
    /// Lower-case strings at least one of which occurs in any text the pattern matches; nil when
    /// none could be derived (the rule then always runs).
    let requiredLiterals: [String]?
    /// The pattern's alternatives as patterns of their own, each with its literals, when it splits
    /// (``PatternBranches``): the judge then runs only those whose literals occur.
    var branches: [Branch]? = nil

    struct Branch: Sendable {
        let pattern: PCRE2Pattern
        let requiredLiterals: [String]
    }

    /// What the prefilter indexes for this rule: one literal set per branch, or the rule's own.
    var prefilterUnits: [[String]?] {
        if let branches { return branches.map(\.requiredLiterals) }
        return [requiredLiterals]
    }

    /// The pattern a `words:` list stands for: whole words, any case; a space inside a phrase
    /// matches any run of spaces and punctuation (or none), and a trailing `*` allows a suffix
    /// (`anjing*` also matches `anjingnya`).
    static func source(of matcher: RuleSpec.Matcher) -> String? {
        switch matcher {
        case .pattern(let pattern): pattern
        case .words(let words): Self.pattern(forWords: words)
        case .classifier: nil
        }
    }

    static func pattern(forWords words: [String]) -> String {
        let alternatives = words.map { word -> String in
            var text = word.lowercased().trimmingCharacters(in: .whitespaces)
            var suffix = ""
            if text.hasSuffix("*") {
                text.removeLast()
                suffix = #"[\p{L}\p{N}]*"#
            }
            let parts = text.split(whereSeparator: \.isWhitespace).map { escape(String($0)) }
            return parts.joined(separator: #"[\s\p{P}_]*"#) + suffix
        }
        return #"(?<![\p{L}\p{N}])(?:"# + alternatives.joined(separator: "|") + #")(?![\p{L}\p{N}])"#
    }

    /// Escapes every character PCRE2 treats specially.
    static func escape(_ text: String) -> String {
        var result = ""
        for character in text {
            if #"\^$.|?*+()[]{}/#-"#.contains(character) { result.append("\\") }
            result.append(character)
        }
        return result
    }
}
