import Yams

/// Reads one entry of a policy file's `rules:` list.
enum RuleParser {
    static let keys: Set<String> = [
        "id", "description", "category", "fields", "pattern", "words", "classifier", "threshold", "flags", "match", "action",
        "score", "mode", "unless", "examples",
    ]

    static func parse(_ node: Node, file: String, defaultCategory: String?, into diagnostics: inout [Diagnostic]) -> RuleSpec? {
        let ruleId = node.mapping?["id"]?.scalar?.string
        guard let rule = YAMLMapping(node, file: file, ruleId: ruleId, allowed: keys, what: "a rule", into: &diagnostics)
        else { return nil }
        let before = diagnostics.count
        func fail(_ message: String, at key: String) { diagnostics.append(rule.problem(key, message)) }

        let id = rule.string("id", into: &diagnostics) ?? ""
        if rule["id"] == nil { fail("a rule needs an 'id'", at: "id") }
        else if !isValidId(id) { fail("id '\(id)' must look like topic.name (lower-case letters, digits, '-', '_')", at: "id") }
        let description = rule.string("description", into: &diagnostics) ?? ""
        if description.trimmingCharacters(in: .whitespaces).isEmpty { fail("a rule needs a one-line 'description'", at: "description") }
        if description.contains("\n") { fail("'description' must be one line", at: "description") }
        let category = rule.string("category", into: &diagnostics) ?? defaultCategory ?? String(id.split(separator: ".").first ?? "")

        var fields: [RuleField] = [.body]
        if let names = rule.strings("fields", into: &diagnostics) {
            fields = []
            for name in names {
                if let field = RuleField(rawValue: name) { fields.append(field) }
                else { fail("unknown field '\(name)' (known: body, author, email)", at: "fields") }
            }
            if names.isEmpty { fail("'fields' must not be empty", at: "fields") }
        }

        var matcher: RuleSpec.Matcher? = nil
        let given = ["pattern", "words", "classifier"].filter { rule[$0] != nil }
        if given.count > 1 {
            fail("give one of 'pattern', 'words' or 'classifier', not \(given.map { "'\($0)'" }.joined(separator: " and "))", at: given[1])
        } else if given.isEmpty {
            fail("a rule needs a 'pattern', a 'words' list or a 'classifier' model file", at: "id")
        } else if rule["pattern"] != nil {
            if let pattern = rule.string("pattern", into: &diagnostics) {
                if pattern.isEmpty { fail("'pattern' must not be empty", at: "pattern") }
                matcher = .pattern(pattern)
            }
        } else if rule["words"] != nil {
            if let words = rule.strings("words", into: &diagnostics) {
                if words.isEmpty || words.contains(where: { $0.trimmingCharacters(in: .whitespaces).isEmpty }) {
                    fail("'words' must be a list of non-empty words", at: "words")
                }
                matcher = .words(words)
            }
        } else if let file = rule.string("classifier", into: &diagnostics) {
            if !file.hasSuffix(".\(ClassifierModelFile.fileExtension)") || file.contains("/") || file.hasPrefix(".") {
                fail("'classifier' names a .model file in this folder (e.g. judol.model), not '\(file)'", at: "classifier")
            }
            var threshold: Double? = nil
            if rule["threshold"] != nil {
                threshold = rule.number("threshold", into: &diagnostics)
                if let value = threshold, !(value > 0 && value < 1) {
                    fail("'threshold' must be a probability between 0 and 1 (exclusive), not \(value.formatted())", at: "threshold")
                }
            }
            if rule["flags"] != nil { fail("a classifier rule takes no 'flags'", at: "flags") }
            if rule["match"] != nil { fail("a classifier reads the normalized text: no 'match'", at: "match") }
            matcher = .classifier(file: file, threshold: threshold)
        }
        if rule["threshold"] != nil && rule["classifier"] == nil {
            fail("'threshold' goes with 'classifier' only", at: "threshold")
        }

        var options = PCRE2Pattern.Options()
        for flag in rule.strings("flags", into: &diagnostics) ?? [] {
            switch flag {
            case "case-sensitive": options.caseless = false
            case "caseless": options.caseless = true
            case "extended": options.extended = true
            case "multiline": options.multiline = true
            case "dotall": options.dotAll = true
            default: fail("unknown flag '\(flag)' (known: case-sensitive, caseless, extended, multiline, dotall)", at: "flags")
            }
        }

        var target = RuleSpec.Target.normalized
        if let name = rule.string("match", into: &diagnostics) {
            if let value = RuleSpec.Target(rawValue: name) { target = value }
            else { fail("'match' must be 'normalized' or 'raw', not '\(name)'", at: "match") }
        }

        let action = parseAction(rule, into: &diagnostics)
        var shadow = false
        if let mode = rule.string("mode", into: &diagnostics) {
            switch mode {
            case "active": shadow = false
            case "shadow": shadow = true
            default: fail("'mode' must be 'active' or 'shadow', not '\(mode)'", at: "mode")
            }
        }

        var unless: RuleSpec.Matcher? = nil
        if let unlessNode = rule["unless"],
            let mapping = YAMLMapping(unlessNode, file: file, ruleId: ruleId, allowed: ["words", "pattern"], what: "'unless'", into: &diagnostics)
        {
            switch (mapping.strings("words", into: &diagnostics), mapping.string("pattern", into: &diagnostics)) {
            case (let words?, nil) where !words.isEmpty: unless = .words(words)
            case (nil, let pattern?) where !pattern.isEmpty: unless = .pattern(pattern)
            default: fail("'unless' needs either a non-empty 'words' list or a 'pattern'", at: "unless")
            }
        }

        var mustMatch: [String] = []
        var mustNotMatch: [String] = []
        if let examplesNode = rule["examples"],
            let examples = YAMLMapping(
                examplesNode, file: file, ruleId: ruleId, allowed: ["match", "no-match"], what: "'examples'", into: &diagnostics)
        {
            mustMatch = examples.strings("match", into: &diagnostics) ?? []
            mustNotMatch = examples.strings("no-match", into: &diagnostics) ?? []
        }
        if mustMatch.isEmpty { fail("a rule needs at least one 'examples: match:' text", at: "examples") }

        guard diagnostics.count == before, let matcher, let action else { return nil }
        return RuleSpec(
            id: id, description: description, category: category, fields: fields, matcher: matcher, options: options,
            target: target, action: action, shadow: shadow, unless: unless, mustMatch: mustMatch, mustNotMatch: mustNotMatch,
            file: file, line: node.line)
    }

    /// `action: reject|hold|flag|mask`, or `action: score` with `score: N`, or `score: N` alone.
    static func parseAction(_ rule: YAMLMapping, into diagnostics: inout [Diagnostic]) -> RuleAction? {
        let score = rule.number("score", into: &diagnostics)
        let name = rule.string("action", into: &diagnostics)
        let fixed: [String: RuleAction] = ["reject": .reject, "hold": .hold, "flag": .flag, "mask": .mask]
        if let name, let action = fixed[name] {
            guard score == nil else {
                diagnostics.append(rule.problem("score", "'score' goes with 'action: score' only"))
                return nil
            }
            return action
        }
        if name == nil || name == "score" {
            if let score { return .score(score) }
            let message = name == nil ? "a rule needs an 'action' (reject, hold, flag, mask or score)" : "'action: score' needs a 'score: N'"
            diagnostics.append(rule.problem("action", message))
            return nil
        }
        diagnostics.append(rule.problem("action", "unknown action '\(name ?? "")' (known: reject, hold, flag, mask, score)"))
        return nil
    }

    static func isValidId(_ id: String) -> Bool {
        let parts = id.split(separator: ".", omittingEmptySubsequences: false)
        return parts.count >= 2 && id.count <= 100
            && parts.allSatisfy { part in
                !part.isEmpty && part.allSatisfy { ($0.isASCII && ($0.isLowercase || $0.isNumber)) || $0 == "-" || $0 == "_" }
            }
    }
}
