import Yams

/// Turns a policy folder's files into rule specs and settings, collecting every problem with its
/// file and line rather than stopping at the first.
public enum PolicyParser {
    public struct Result: Sendable {
        public var rules: [RuleSpec]
        public var settings: PolicySettings
        public var diagnostics: [Diagnostic]
    }

    public static func parse(_ source: PolicySource) -> Result {
        var diagnostics: [Diagnostic] = []
        var rules: [RuleSpec] = []
        var settings = PolicySettings()
        for file in source.files where file.name.hasSuffix(".yaml") || file.name.hasSuffix(".yml") {
            let node: Node?
            do {
                node = try Yams.compose(yaml: file.text)
            } catch {
                diagnostics.append(yamlProblem(error, file: file))
                continue
            }
            guard let node else { continue }  // an empty file holds nothing
            if file.name == PolicySource.settingsFileName {
                settings = SettingsParser.parse(node, file: file.name, into: &diagnostics)
            } else {
                rules += parseRuleFile(node, file: file.name, into: &diagnostics)
            }
        }
        return Result(rules: rules, settings: settings, diagnostics: diagnostics)
    }

    private static func parseRuleFile(_ node: Node, file: String, into diagnostics: inout [Diagnostic]) -> [RuleSpec] {
        guard let top = YAMLMapping(node, file: file, allowed: ["rules", "category"], what: "a policy file", into: &diagnostics)
        else { return [] }
        let defaultCategory = top.string("category", into: &diagnostics)
        guard let list = top["rules"] else {
            diagnostics.append(Diagnostic(file: file, line: node.line, message: "a policy file needs a 'rules:' list"))
            return []
        }
        guard let items = list.sequence else {
            diagnostics.append(top.problem("rules", "'rules' must be a list"))
            return []
        }
        return items.compactMap { RuleParser.parse($0, file: file, defaultCategory: defaultCategory, into: &diagnostics) }
    }

    static func yamlProblem(_ error: any Error, file source: PolicySource.File) -> Diagnostic {
        let file = source.name
        switch error {
        case YamlError.duplicatedKeysInMapping(let duplicates, let context):
            let key = duplicates.sorted().first ?? ""
            let line = secondOccurrence(of: key, in: source.text, from: context.mark.line) ?? context.mark.line
            return Diagnostic(file: file, line: line, message: "duplicate key '\(key)'")
        case YamlError.scanner(_, let problem, let mark, _), YamlError.parser(_, let problem, let mark, _),
            YamlError.composer(_, let problem, let mark, _):
            return Diagnostic(file: file, line: mark.line, message: "invalid YAML: \(problem)")
        case YamlError.reader(let problem, _, _, _):
            return Diagnostic(file: file, line: 1, message: "cannot read file: \(problem)")
        default:
            return Diagnostic(file: file, line: 1, message: "invalid YAML: \(error)")
        }
    }

    /// Yams reports a duplicate key at its mapping; editors want the line of the repeated key.
    private static func secondOccurrence(of key: String, in text: String, from line: Int) -> Int? {
        var seen = 0
        for (offset, content) in text.split(separator: "\n", omittingEmptySubsequences: false).enumerated() where offset + 1 >= line {
            let trimmed = content.drop { $0 == " " || $0 == "-" }
            if trimmed.hasPrefix("\(key):") {
                seen += 1
                if seen == 2 { return offset + 1 }
            }
        }
        return nil
    }
}
