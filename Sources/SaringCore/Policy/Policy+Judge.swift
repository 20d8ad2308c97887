extension Policy: CommentJudge {
    public var versionInForce: String? { version }

    /// Judges one comment: runs every candidate rule on the fields it looks at, adds the checks of
    /// the settings, and decides by the fixed precedence reject > hold > flag > publish, with
    /// masks applied to what is published and scores added up against the thresholds.
    public func judge(_ draft: CommentDraft) -> Verdict {
        let scratch = MatchScratch(limits: .init(matchLimit: settings.matchLimit))
        var hits: [RuleHit] = []
        var limitReasons: [String] = []
        for field in RuleField.allCases {
            guard let value = value(of: field, in: draft), !value.isEmpty else { continue }
            let text = FieldText(value, normalizer: normalizer)
            let candidates = candidates(for: field, in: text)
            for (index, rule) in rules.enumerated() where candidates[index] {
                switch rule.run(on: text, scratch: scratch) {
                case .matched(let ranges):
                    guard !ranges.isEmpty else { continue }
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
        }
        hits += SettingsChecks(settings: settings, linkPattern: linkPattern, scratch: scratch).hits(draft)
        var verdict = decide(draft, hits: hits, limitReasons: limitReasons)
        verdict.firstCommentsReviewed = settings.premoderateFirstComments
        return verdict
    }

    private func value(of field: RuleField, in draft: CommentDraft) -> String? {
        switch field {
        case .body: draft.body
        case .author: draft.authorName
        case .email: draft.authorEmail
        }
    }

    /// Which rules may match this field: those looking at it whose literals occur in its text.
    func candidates(for field: RuleField, in text: FieldText) -> [Bool] {
        guard usesPrefilter else { return rules.map { $0.spec.fields.contains(field) } }
        var candidates = [Bool](repeating: false, count: rules.count)
        var normalized = text.normalized.text
        normalized.withUTF8 { normalizedPrefilter.mark($0, into: &candidates) }
        if !rawPrefilter.isEmpty {
            var lowered = text.loweredRaw
            lowered.withUTF8 { rawPrefilter.mark($0, into: &candidates) }
        }
        for (index, rule) in rules.enumerated() where candidates[index] && !rule.spec.fields.contains(field) {
            candidates[index] = false
        }
        return candidates
    }

    private func hit(_ rule: CompiledRule, field: RuleField, span: Range<Int>?) -> RuleHit {
        RuleHit(
            ruleId: rule.spec.id, category: rule.spec.category, description: rule.spec.description,
            action: rule.spec.action.kind, score: rule.spec.action.points, field: field, span: span,
            shadow: rule.spec.shadow)
    }
}
