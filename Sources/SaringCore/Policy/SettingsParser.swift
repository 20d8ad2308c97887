import Yams

/// Reads `settings.yaml`.
enum SettingsParser {
    static func parse(_ node: Node, file: String, into diagnostics: inout [Diagnostic]) -> PolicySettings {
        var settings = PolicySettings()
        guard let top = YAMLMapping(
            node, file: file, allowed: [
                "score", "links", "length", "shouting", "first-comments", "matching", "rate-limits", "campaigns",
                "article-brake", "reports", "identities", "responses",
            ],
            what: "settings", into: &diagnostics)
        else { return settings }

        if let score = section(top, "score", ["hold-at", "reject-at"], &diagnostics) {
            settings.holdAtScore = score.number("hold-at", into: &diagnostics) ?? settings.holdAtScore
            settings.rejectAtScore = score.number("reject-at", into: &diagnostics) ?? settings.rejectAtScore
            if settings.holdAtScore <= 0 || settings.rejectAtScore < settings.holdAtScore {
                diagnostics.append(score.problem("reject-at", "thresholds need 0 < hold-at ≤ reject-at"))
            }
        }
        if let links = section(top, "links", ["max", "action"], &diagnostics) {
            settings.maxLinks = links.integer("max", into: &diagnostics)
            settings.linksAction = action(links, &diagnostics) ?? settings.linksAction
        }
        if let length = section(top, "length", ["min", "max", "action"], &diagnostics) {
            settings.minLength = length.integer("min", into: &diagnostics) ?? settings.minLength
            settings.maxLength = length.integer("max", into: &diagnostics)
            settings.lengthAction = action(length, &diagnostics) ?? settings.lengthAction
        }
        if let shouting = section(top, "shouting", ["max-caps-ratio", "min-letters", "action"], &diagnostics) {
            settings.shoutingMaxCapsRatio = shouting.number("max-caps-ratio", into: &diagnostics)
            if let ratio = settings.shoutingMaxCapsRatio, !(0...1).contains(ratio) {
                diagnostics.append(shouting.problem("max-caps-ratio", "'max-caps-ratio' must be between 0 and 1"))
            }
            settings.shoutingMinLetters = shouting.integer("min-letters", into: &diagnostics) ?? settings.shoutingMinLetters
            settings.shoutingAction = action(shouting, &diagnostics) ?? settings.shoutingAction
        }
        if let first = section(top, "first-comments", ["hold"], &diagnostics) {
            settings.premoderateFirstComments = first.integer("hold", into: &diagnostics) ?? 0
        }
        if let matching = section(top, "matching", ["match-limit"], &diagnostics) {
            if let limit = matching.integer("match-limit", into: &diagnostics) {
                if (1_000...10_000_000).contains(limit) { settings.matchLimit = UInt32(limit) }
                else { diagnostics.append(matching.problem("match-limit", "'match-limit' must be 1000 to 10000000")) }
            }
        }
        parseAbuse(top, into: &settings.abuse, &diagnostics)
        return settings
    }

    static func section(_ top: YAMLMapping, _ key: String, _ keys: Set<String>, _ diagnostics: inout [Diagnostic]) -> YAMLMapping? {
        top[key].flatMap { YAMLMapping($0, file: top.file, allowed: keys, what: "'\(key)'", into: &diagnostics) }
    }

    static func action(_ section: YAMLMapping, _ diagnostics: inout [Diagnostic]) -> RuleAction? {
        guard let name = section.string("action", into: &diagnostics) else { return nil }
        switch name {
        case "reject": return .reject
        case "hold": return .hold
        case "flag": return .flag
        default:
            diagnostics.append(section.problem("action", "'action' here must be reject, hold or flag, not '\(name)'"))
            return nil
        }
    }
}
