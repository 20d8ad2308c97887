/// Runs every rule's own examples: each `match` text must make the rule fire, each `no-match`
/// text must not. This is how a policy folder is tested like code.
enum ExampleChecker {
    static func check(_ policy: Policy) -> [Diagnostic] {
        var diagnostics: [Diagnostic] = []
        let scratch = MatchScratch(limits: .init(matchLimit: policy.settings.matchLimit))
        let normalizer = TextNormalizer()
        for rule in policy.rules {
            let spec = rule.spec
            func problem(_ message: String) {
                diagnostics.append(Diagnostic(file: spec.file, line: spec.line, ruleId: spec.id, message: message))
            }
            for example in spec.mustMatch {
                switch rule.run(on: FieldText(example, normalizer: normalizer), scratch: scratch) {
                case .matched(let ranges) where ranges.isEmpty:
                    problem("example does not match: \"\(example)\"" + normalizedNote(example, normalizer, spec))
                case .limitExceeded: problem("example hits the match limit: \"\(example)\"")
                case .failed(let code): problem("matching failed (PCRE2 error \(code)) on \"\(example)\"")
                default: break
                }
            }
            for example in spec.mustNotMatch {
                switch rule.run(on: FieldText(example, normalizer: normalizer), scratch: scratch) {
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
