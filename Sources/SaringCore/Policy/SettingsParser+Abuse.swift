/// The internet-facing sections of `settings.yaml`: `rate-limits`, `campaigns`, `article-brake`,
/// `reports`, `identities` and `responses`.
extension SettingsParser {
    static func parseAbuse(_ top: YAMLMapping, into abuse: inout AbuseSettings, _ diagnostics: inout [Diagnostic]) {
        let bucketKeys = ["per-client", "per-author", "per-article", "reports-per-client"]
        if let limits = section(top, "rate-limits", Set(bucketKeys), &diagnostics) {
            let targets: [WritableKeyPath<AbuseSettings, BucketRule?>] = [\.perClient, \.perAuthor, \.perArticle, \.reportsPerClient]
            for (key, target) in zip(bucketKeys, targets) where limits[key] != nil {
                if let rule = bucket(limits, key, &diagnostics) { abuse[keyPath: target] = rule }
            }
        }
        if let campaigns = section(top, "campaigns", ["min-sources", "window-minutes", "similarity", "action"], &diagnostics) {
            if let sources = campaigns.integer("min-sources", into: &diagnostics) {
                if sources == 1 { diagnostics.append(campaigns.problem("min-sources", "'min-sources' must be 0 (off) or at least 2")) }
                else { abuse.campaigns.minSources = sources }
            }
            if let minutes = ranged(campaigns, "window-minutes", 1...10_080, &diagnostics) { abuse.campaigns.windowMinutes = minutes }
            if let similarity = campaigns.number("similarity", into: &diagnostics) {
                if (0.2...1).contains(similarity) { abuse.campaigns.similarity = similarity }
                else { diagnostics.append(campaigns.problem("similarity", "'similarity' must be between 0.2 and 1")) }
            }
            if let action = action(campaigns, &diagnostics) {
                if action == .flag { diagnostics.append(campaigns.problem("action", "a campaign's 'action' must be hold or reject")) }
                else { abuse.campaigns.action = action }
            }
        }
        if let brake = section(top, "article-brake", ["max-comments", "window-minutes", "hold-minutes"], &diagnostics) {
            abuse.brake.maxComments = brake.integer("max-comments", into: &diagnostics) ?? abuse.brake.maxComments
            if let minutes = ranged(brake, "window-minutes", 1...1_440, &diagnostics) { abuse.brake.windowMinutes = minutes }
            if let minutes = ranged(brake, "hold-minutes", 1...10_080, &diagnostics) { abuse.brake.holdMinutes = minutes }
        }
        if let reports = section(top, "reports", ["hide-after"], &diagnostics) {
            abuse.hideAfterReports = reports.integer("hide-after", into: &diagnostics) ?? abuse.hideAfterReports
        }
        if let identities = section(top, "identities", ["reserved-names"], &diagnostics) {
            abuse.reservedNames = identities.strings("reserved-names", into: &diagnostics) ?? abuse.reservedNames
        }
        if let responses = section(top, "responses", ["rejected-as"], &diagnostics),
            let answer = responses.string("rejected-as", into: &diagnostics)
        {
            if let status = CommentStatus(rawValue: answer) { abuse.rejectedAnswer = status }
            else {
                diagnostics.append(
                    responses.problem("rejected-as", "'rejected-as' must be published, pending or rejected, not '\(answer)'"))
            }
        }
    }

    /// `{burst: N, per-minute: R}`, or `off`.
    private static func bucket(_ limits: YAMLMapping, _ key: String, _ diagnostics: inout [Diagnostic]) -> BucketRule?? {
        guard let node = limits[key] else { return nil }
        if let scalar = node.scalar, scalar.string == "off" { return .some(nil) }
        guard let mapping = YAMLMapping(node, file: limits.file, allowed: ["burst", "per-minute"], what: "'\(key)'", into: &diagnostics)
        else { return nil }
        let burst = mapping.integer("burst", into: &diagnostics)
        let rate = mapping.number("per-minute", into: &diagnostics)
        guard let burst, let rate else {
            if mapping["burst"] == nil || mapping["per-minute"] == nil {
                diagnostics.append(limits.problem(key, "'\(key)' needs both 'burst' and 'per-minute' (or is 'off')"))
            }
            return nil
        }
        guard burst >= 1, rate > 0 else {
            diagnostics.append(mapping.problem("burst", "'\(key)' needs burst ≥ 1 and per-minute > 0"))
            return nil
        }
        return .some(BucketRule(burst: burst, perMinute: rate))
    }

    private static func ranged(
        _ mapping: YAMLMapping, _ key: String, _ range: ClosedRange<Int>, _ diagnostics: inout [Diagnostic]
    ) -> Int? {
        guard let value = mapping.integer(key, into: &diagnostics) else { return nil }
        guard range.contains(value) else {
            diagnostics.append(mapping.problem(key, "'\(key)' must be \(range.lowerBound) to \(range.upperBound)"))
            return nil
        }
        return value
    }
}
