import SaringCore

extension Verdict {
    /// The verdict for a comment found to continue a spam campaign: held or rejected as settings
    /// say (a stricter verdict stands), with a hit and a reason naming the campaign.
    func inCampaign(_ finding: CampaignWatch.Finding, settings: CampaignSettings) -> Verdict {
        var verdict = self
        let description =
            "spam campaign #\(finding.campaignId): \(finding.comments) near-identical comments from \(finding.authors) authors "
            + "and \(finding.clients) addresses on \(max(1, finding.articles)) articles within \(settings.windowMinutes) min"
        verdict.hits.append(RuleHit(ruleId: "abuse.campaign", category: "abuse", description: description, action: settings.action.kind))
        verdict.reasons.append("abuse.campaign (\(settings.action.name)): \(description)")
        verdict.campaign = CampaignTag(id: finding.campaignId, members: finding.untagged)
        switch (settings.action, verdict.status) {
        case (.reject, _):
            verdict.status = .rejected
        case (_, .published):
            verdict.status = .pending
        default:
            break
        }
        verdict.flagged = false
        return verdict
    }
}
