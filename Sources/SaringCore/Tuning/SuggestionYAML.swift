import Foundation

/// Suggestions written as a rule file in the policy format (`Policies/README.md`), ready to edit:
/// each a `words:` rule in shadow mode (so it is trialled on live traffic before it acts), with its
/// counts in the description and its examples taken from the comments.
public enum SuggestionYAML {
    /// The file's text; `header` lines become comments at the top.
    public static func file(_ suggestions: [RuleSuggestion], header: [String]) -> String {
        var lines = header.map { "# " + $0 }
        lines.append("category: suggested")
        guard !suggestions.isEmpty else {
            lines.append("rules: []")
            return lines.joined(separator: "\n") + "\n"
        }
        lines.append("rules:")
        var ids = Set<String>()
        for suggestion in suggestions {
            var id = "suggested." + slug(suggestion.phrase)
            var n = 2
            while !ids.insert(id).inserted {
                id = "suggested.\(slug(suggestion.phrase))-\(n)"
                n += 1
            }
            lines.append("  - id: \(id)")
            lines.append(
                "    description: "
                    + quoted(
                        "Suggested: '\(suggestion.phrase)' in \(suggestion.rejected) rejected, \(suggestion.approved) approved comments"))
            lines.append("    fields: [body]")
            lines.append("    words: [\(quoted(suggestion.phrase))]")
            lines.append("    action: hold")
            lines.append("    mode: shadow")
            lines.append("    examples:")
            lines.append("      match:")
            for text in suggestion.match { lines.append("        - " + quoted(text)) }
            if !suggestion.noMatch.isEmpty {
                lines.append("      no-match:")
                for text in suggestion.noMatch { lines.append("        - " + quoted(text)) }
            }
        }
        return lines.joined(separator: "\n") + "\n"
    }

    /// The suggestions whose file passes `saring policy check`: examples that do not hold are
    /// dropped, and a suggestion left without a match example with them.
    public static func checked(_ suggestions: [RuleSuggestion]) -> [RuleSuggestion] {
        suggestions.compactMap { suggestion in
            var suggestion = suggestion
            let all = suggestion
            suggestion.noMatch = []
            suggestion.match = all.match.filter { text in
                var one = suggestion
                one.match = [text]
                return compiles(one)
            }
            guard !suggestion.match.isEmpty else { return nil }
            suggestion.noMatch = all.noMatch.filter { text in
                var one = suggestion
                one.noMatch = [text]
                return compiles(one)
            }
            return compiles(suggestion) ? suggestion : nil
        }
    }

    static func compiles(_ suggestion: RuleSuggestion) -> Bool {
        let source = PolicySource(files: [PolicySource.File(name: "suggested.yaml", text: file([suggestion], header: []))])
        if case .success = PolicyCompiler.compile(source) { return true }
        return false
    }

    /// `topic.name` characters only (a-z 0-9 -).
    static func slug(_ phrase: String) -> String {
        var result = ""
        for scalar in phrase.unicodeScalars {
            if ("a"..."z").contains(scalar) || ("0"..."9").contains(scalar) {
                result.unicodeScalars.append(scalar)
            } else if !result.hasSuffix("-") {
                result += "-"
            }
        }
        let trimmed = result.trimmingCharacters(in: ["-"])
        return trimmed.isEmpty ? "phrase" : String(trimmed.prefix(40))
    }

    /// A YAML double-quoted scalar: every control, line break, bidi and other invisible formatting
    /// character written as an escape, so a text pasted from a comment can neither break the file
    /// nor play tricks on the terminal that shows it.
    static func quoted(_ text: String) -> String {
        var result = "\""
        for scalar in text.unicodeScalars {
            switch scalar {
            case "\"": result += "\\\""
            case "\\": result += "\\\\"
            case "\n": result += "\\n"
            case "\t": result += "\\t"
            case "\r": result += "\\r"
            default:
                let value = scalar.value
                if value < 0x20 || (0x7F...0x9F).contains(value) || scalar.properties.generalCategory == .format
                    || (0x2028...0x2029).contains(value) || value == 0xFEFF
                {
                    let hex = String(value, radix: 16, uppercase: true)
                    result += value > 0xFFFF ? "\\U" + hex.leftPadded(to: 8) : "\\u" + hex.leftPadded(to: 4)
                } else {
                    result.unicodeScalars.append(scalar)
                }
            }
        }
        return result + "\""
    }
}

extension String {
    fileprivate func leftPadded(to width: Int) -> String {
        String(repeating: "0", count: max(0, width - count)) + self
    }
}
