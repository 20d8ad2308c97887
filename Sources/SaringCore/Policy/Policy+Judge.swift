extension Policy: CommentJudge {
    public var versionInForce: String? { version }

    /// Judges one comment: runs every candidate rule on the fields it looks at, adds the checks of
    /// the settings, and decides by the fixed precedence reject > hold > flag > publish, with
    /// masks applied to what is published and scores added up against the thresholds.
    public func judge(_ draft: CommentDraft) -> Verdict {
        judge(draft, body: nil)
    }

    public func judge(_ draft: CommentDraft, normalizedBody: NormalizedText) -> Verdict {
        // Byte for byte: `==` on strings holds for canonically equivalent texts too (é and e + ◌́),
        // whose offsets differ.
        judge(draft, body: normalizedBody.original.utf8.elementsEqual(draft.body.utf8) ? normalizedBody : nil)
    }

    private func judge(_ draft: CommentDraft, body normalizedBody: NormalizedText?) -> Verdict {
        let scratch = MatchScratch(limits: .init(matchLimit: settings.matchLimit))
        var hits: [RuleHit] = []
        var limitReasons: [String] = []
        for field in judgedFields {
            guard let value = value(of: field, in: draft), !value.isEmpty else { continue }
            let text = FieldText(value, normalizer: normalizer, normalized: field == .body ? normalizedBody : nil)
            let candidates = candidates(for: field, in: text)
            // Rules are read in place: a copy of each (its spec, patterns and literals) per
            // comment cost more in reference counting than most rules cost to run.
            rules.withUnsafeBufferPointer { rules in
                for index in rules.indices where candidates[index] {
                    judge(rules[index], index, field, text, candidates, scratch, &hits, &limitReasons)
                }
            }
        }
        hits += SettingsChecks(settings: settings, linkPattern: linkPattern, scratch: scratch).hits(draft)
        var verdict = decide(draft, hits: hits, limitReasons: limitReasons)
        verdict.firstCommentsReviewed = settings.premoderateFirstComments
        return verdict
    }

    /// Runs one rule on one field and records what it found.
    private func judge(
        _ rule: CompiledRule, _ index: Int, _ field: RuleField, _ text: FieldText, _ candidates: RuleCandidates,
        _ scratch: MatchScratch, _ hits: inout [RuleHit], _ limitReasons: inout [String]
    ) {
        switch rule.run(on: text, scratch: scratch, branches: candidates.branches(of: index)) {
        case .matched(let ranges):
            guard !ranges.isEmpty else { return }
            let description = rule.description(of: ranges, in: text)
            for range in ranges {
                var found = hit(rule, field: field, span: text.originalScalarRange(range, target: rule.spec.target))
                found.description = description
                hits.append(found)
            }
        case .limitExceeded, .failed:
            // Too costly (or broken) to decide: a person looks at it instead.
            var limitHit = hit(rule, field: field, span: nil)
            limitHit.action = .hold
            limitHit.score = 0
            hits.append(limitHit)
            if !rule.spec.shadow {
                limitReasons.append("\(rule.spec.id): match limit exceeded on \(field.rawValue); held for review")
            }
        }
    }

    private func value(of field: RuleField, in draft: CommentDraft) -> String? {
        switch field {
        case .body: draft.body
        case .author: draft.authorName
        case .email: draft.authorEmail
        }
    }

    /// Which rules (and which of their branches) may match this field: those looking at it whose
    /// literals occur in its text.
    func candidates(for field: RuleField, in text: FieldText) -> RuleCandidates {
        var units = [Bool](repeating: !usesPrefilter, count: unitStarts[unitStarts.count - 1])
        if usesPrefilter {
            var normalized = text.normalized.text
            normalized.withUTF8 { normalizedPrefilter.mark($0, into: &units) }
            if rawPrefilter.readsCase {
                var lowered = text.loweredRaw
                lowered.withUTF8 { rawPrefilter.mark($0, into: &units) }
            } else if !rawPrefilter.isEmpty {
                // Digits, symbols and brackets only (the shipped pack's raw rules): the text as
                // typed, without a lower-cased copy.
                var original = text.original
                original.withUTF8 { rawPrefilter.mark($0, into: &units) }
            }
        }
        for (index, fields) in ruleFields.enumerated() where fields & field.bit == 0 {
            for unit in unitStarts[index]..<unitStarts[index + 1] { units[unit] = false }
        }
        return RuleCandidates(units: units, starts: unitStarts)
    }

    private func hit(_ rule: CompiledRule, field: RuleField, span: Range<Int>?) -> RuleHit {
        RuleHit(
            ruleId: rule.spec.id, category: rule.spec.category, description: rule.spec.description,
            action: rule.spec.action.kind, score: rule.spec.action.points, field: field, span: span,
            shadow: rule.spec.shadow)
    }
}

/// The prefilter's answer for one field: per rule, whether it may match, and for a rule run as
/// branches, which of them.
struct RuleCandidates {
    let units: [Bool]
    let starts: [Int]

    subscript(rule: Int) -> Bool { units[starts[rule]..<starts[rule + 1]].contains(true) }

    func branches(of rule: Int) -> ArraySlice<Bool> { units[starts[rule]..<starts[rule + 1]] }
}
