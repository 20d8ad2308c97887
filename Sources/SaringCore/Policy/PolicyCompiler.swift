/// Compiles a parsed policy folder into a ``Policy``: every pattern through PCRE2 (with JIT),
/// ids checked for uniqueness, and every rule's examples run. Any problem refuses the whole folder.
public enum PolicyCompiler {
    /// - Returns: the policy, or every problem found, each with file, line and rule id.
    public static func compile(_ source: PolicySource) -> Result<Policy, PolicyError> {
        let parsed = PolicyParser.parse(source)
        var diagnostics = parsed.diagnostics
        var models = ModelFiles(source)
        var rules: [CompiledRule] = []
        var firstDefinition: [String: RuleSpec] = [:]
        for spec in parsed.rules {
            if let earlier = firstDefinition[spec.id] {
                diagnostics.append(
                    Diagnostic(
                        file: spec.file, line: spec.line, ruleId: spec.id,
                        message: "duplicate rule id (first defined at \(earlier.file):\(earlier.line))"))
                continue
            }
            firstDefinition[spec.id] = spec
            if let rule = compile(spec, models: &models, into: &diagnostics) { rules.append(rule) }
        }
        // A model whose rule was refused looks unused: only said of a folder otherwise sound.
        if diagnostics.isEmpty { diagnostics += models.unused() }
        let policy = Policy(version: source.version, settings: parsed.settings, rules: rules)
        diagnostics += ExampleChecker.check(policy)
        guard diagnostics.isEmpty else { return .failure(PolicyError(diagnostics)) }
        return .success(policy)
    }

    static func compile(_ spec: RuleSpec, models: inout ModelFiles, into diagnostics: inout [Diagnostic]) -> CompiledRule? {
        var unless: PCRE2Pattern? = nil
        if let matcher = spec.unless, let unlessSource = CompiledRule.source(of: matcher) {
            do {
                unless = try PCRE2Pattern(unlessSource, options: spec.options)
            } catch {
                diagnostics.append(
                    Diagnostic(
                        file: spec.file, line: spec.line, ruleId: spec.id,
                        message: "'unless' does not compile: \(error.message) at offset \(error.offset) in '\(unlessSource)'"))
                return nil
            }
        }
        guard let source = CompiledRule.source(of: spec.matcher) else {
            guard case .classifier(let file, let threshold) = spec.matcher,
                let model = models.model(named: file, for: spec, into: &diagnostics)
            else { return nil }
            let matcher = CompiledRule.Matcher.classifier(model, threshold: threshold ?? model.threshold)
            return CompiledRule(spec: spec, matcher: matcher, unless: unless, requiredLiterals: nil)
        }
        let pattern: PCRE2Pattern
        do {
            pattern = try PCRE2Pattern(source, options: spec.options)
        } catch {
            let place = if case .pattern = spec.matcher { "pattern" } else { "words" }
            diagnostics.append(
                Diagnostic(
                    file: spec.file, line: spec.line, ruleId: spec.id,
                    message: "\(place) does not compile: \(error.message) at offset \(error.offset) in '\(source)'"))
            return nil
        }
        if !pattern.matches("").ranges.isEmpty {
            diagnostics.append(
                Diagnostic(
                    file: spec.file, line: spec.line, ruleId: spec.id,
                    message: "pattern matches empty text, so it would fire on every comment"))
            return nil
        }
        let literals = spec.options.extended ? nil : LiteralExtractor.requiredLiterals(source)
        var rule = CompiledRule(spec: spec, matcher: .pattern(pattern), unless: unless, requiredLiterals: literals)
        // A `words:` list stays whole: PCRE2 already runs a list of plain words fast, and split
        // into one pattern per word it would scan the text once per word that occurs.
        if literals != nil, case .pattern = spec.matcher, let branches = branches(of: source, options: spec.options),
            agree(branches, with: pattern, on: spec.mustMatch + spec.mustNotMatch, target: spec.target)
        {
            rule.branches = branches
        }
        return rule
    }

    /// A safety net under ``PatternBranches``: the branches must fire on exactly the rule's
    /// examples that the whole pattern fires on, or the rule runs whole.
    static func agree(_ branches: [CompiledRule.Branch], with pattern: PCRE2Pattern, on examples: [String], target: RuleSpec.Target) -> Bool {
        let normalizer = TextNormalizer()
        let scratch = MatchScratch()
        return examples.allSatisfy { example in
            var text = FieldText(example, normalizer: normalizer).text(for: target)
            return text.withUTF8 { bytes in
                let whole = !pattern.matches(in: bytes, scratch: scratch).ranges.isEmpty
                let parts = branches.contains { !$0.pattern.matches(in: bytes, scratch: scratch).ranges.isEmpty }
                return whole == parts
            }
        }
    }

    /// The rule's alternatives compiled apart, when it splits and every part has literals of its
    /// own (a part that always runs would cost more than the whole).
    static func branches(of source: String, options: PCRE2Pattern.Options) -> [CompiledRule.Branch]? {
        guard let parts = PatternBranches.split(source) else { return nil }
        var branches: [CompiledRule.Branch] = []
        for part in parts {
            guard let literals = LiteralExtractor.requiredLiterals(part), let pattern = try? PCRE2Pattern(part, options: options),
                pattern.matches("").ranges.isEmpty
            else { return nil }
            branches.append(CompiledRule.Branch(pattern: pattern, requiredLiterals: literals))
        }
        return branches
    }
}
