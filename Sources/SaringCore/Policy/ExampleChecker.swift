/// Runs every rule's own examples: each `match` text must make the rule fire, each `no-match`
/// text must not. This is how a policy folder is tested like code. Examples go through the same
/// prefilter as live comments, so an example also proves the prefilter lets its rule run.
enum ExampleChecker {
    static func check(_ policy: Policy) -> [Diagnostic] {
        var diagnostics: [Diagnostic] = []
        let scratch = MatchScratch(limits: .init(matchLimit: policy.settings.matchLimit))
        let normalizer = policy.normalizer
        for (index, rule) in policy.rules.enumerated() {
            let field = rule.spec.fields.first ?? .body
            func run(_ example: String) -> MatchOutcome {
                let text = FieldText(example, normalizer: normalizer)
                let candidates = policy.candidates(for: field, in: text)
                guard candidates[index] else { return .matched([]) }
                return rule.run(on: text, scratch: scratch, branches: candidates.branches(of: index))
            }
            let spec = rule.spec
            func problem(_ message: String) {
                diagnostics.append(Diagnostic(file: spec.file, line: spec.line, ruleId: spec.id, message: message))
            }
            for example in spec.mustMatch {
                switch run(example) {
                case .matched(let ranges) where ranges.isEmpty:
                    problem("example does not match: \"\(example)\"" + normalizedNote(example, normalizer, spec))
                case .limitExceeded: problem("example hits the match limit: \"\(example)\"")
                case .failed(let code): problem("matching failed (PCRE2 error \(code)) on \"\(example)\"")
                default: break
                }
            }
            for example in spec.mustNotMatch {
                switch run(example) {
                case .matched(let ranges) where !ranges.isEmpty:
                    problem("no-match example matches: \"\(example)\"" + normalizedNote(example, normalizer, spec))
                case .limitExceeded: problem("no-match example hits the match limit: \"\(example)\"")
                default: break
                }
            }
        }
        return diagnostics
    }

    /// Shows the editor what the rule actually saw when it ran on the normalized text.
    private static func normalizedNote(_ example: String, _ normalizer: TextNormalizer, _ spec: RuleSpec) -> String {
        guard spec.target == .normalized else { return "" }
        return " (normalized: \"\(normalizer.normalize(example).text)\")"
    }
}
