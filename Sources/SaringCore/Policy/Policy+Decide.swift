extension Policy {
    /// Turns hits into a verdict. Order of rules never matters: each action has a fixed rank, a
    /// rule's score counts once however often it matched, and shadow hits change nothing.
    func decide(_ draft: CommentDraft, hits: [RuleHit], limitReasons: [String]) -> Verdict {
        if hits.isEmpty && limitReasons.isEmpty {
            return Verdict(status: .published, publishedBody: draft.body, policyVersion: version)
        }
        let active = hits.filter { !$0.shadow }
        var firstHitOfRule: [String: RuleHit] = [:]
        var ruleOrder: [String] = []
        for hit in active where firstHitOfRule[hit.ruleId] == nil {
            firstHitOfRule[hit.ruleId] = hit
            ruleOrder.append(hit.ruleId)
        }
        let ruleHits = ruleOrder.compactMap { firstHitOfRule[$0] }
        let score = ruleHits.reduce(0) { $0 + $1.score }
        let actions = Set(ruleHits.map(\.action))

        var status = CommentStatus.published
        var flagged = false
        if actions.contains(.reject) || score >= settings.rejectAtScore {
            status = .rejected
        } else if actions.contains(.hold) || score >= settings.holdAtScore || !limitReasons.isEmpty {
            status = .pending
        } else if actions.contains(.flag) {
            flagged = true
        }

        var reasons = ruleHits.map { "\($0.ruleId) (\($0.actionText)): \($0.description)" }
        if score > 0 { reasons.append("total score \(score.formatted()) (hold at \(settings.holdAtScore.formatted()), reject at \(settings.rejectAtScore.formatted()))") }
        reasons += limitReasons

        let masks = active.filter { $0.action == .mask && $0.field == .body }.compactMap(\.span)
        return Verdict(
            status: status, flagged: flagged, score: score, hits: hits,
            publishedBody: Masking.apply(masks, to: draft.body), policyVersion: version, reasons: reasons)
    }
}

/// Replaces spans of the original text (Unicode-scalar offsets) with `***`.
public enum Masking {
    public static let replacement = "***"

    /// Overlapping or touching spans are merged first, so each masked stretch becomes one `***`.
    public static func apply(_ spans: [Range<Int>], to text: String) -> String {
        guard !spans.isEmpty else { return text }
        var merged: [Range<Int>] = []
        for span in spans.sorted(by: { $0.lowerBound < $1.lowerBound }) where !span.isEmpty {
            if let last = merged.last, span.lowerBound <= last.upperBound {
                merged[merged.count - 1] = last.lowerBound..<max(last.upperBound, span.upperBound)
            } else {
                merged.append(span)
            }
        }
        let scalars = Array(text.unicodeScalars)
        var result = String.UnicodeScalarView()
        var position = 0
        for span in merged where span.lowerBound >= position && span.upperBound <= scalars.count {
            result.append(contentsOf: scalars[position..<span.lowerBound])
            result.append(contentsOf: replacement.unicodeScalars)
            position = span.upperBound
        }
        result.append(contentsOf: scalars[position...])
        return String(result)
    }
}
