// Why a comment is where it is, in the words the decision history recorded, when the cause is
// not a content rule: a premoderated article, first-comment premoderation, a spam campaign, the
// article brake, readers' reports that hid it, a ban, or a moderator's decision. Content rules
// have their own rows beside the comment; these would otherwise be invisible.

extension QueueItem {
    /// Hits that stand for a mechanism rather than a rule about the text.
    static func isMechanism(_ hit: RuleHit) -> Bool {
        hit.ruleId == "settings.first-comments" || hit.ruleId.hasPrefix("abuse.")
    }

    /// The causes that are not content rules, oldest first, each once.
    public var whyNotRules: [String] {
        var causes: [String] = []
        func add(_ cause: String) { if !causes.contains(cause) { causes.append(cause) } }
        let ruleIds = Set(hits.map(\.ruleId))
        for hit in hits where Self.isMechanism(hit) && !hit.shadow {
            add(hit.ruleId == "settings.first-comments" ? "first comments: \(hit.description)" : hit.description)
        }
        for decision in decisions where decision.actor != .moderator {
            for reason in decision.reasons {
                // "rule-id (action): description" and the score line repeat the rule rows.
                let fromRule = ruleIds.contains { reason.hasPrefix("\($0) (") } || reason.hasPrefix("total score ")
                if !fromRule { add(reason) }
            }
        }
        if let last = decisions.last, last.actor == .moderator {
            let verb = switch last.status {
            case .published: "approved"
            case .rejected: "rejected"
            case .pending: "held"
            }
            add("\(verb) by \(last.decidedBy)" + (last.reasons.isEmpty ? "" : ": " + last.reasons.joined(separator: "; ")))
        }
        return causes
    }
}
