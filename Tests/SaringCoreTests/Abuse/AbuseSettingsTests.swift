import SaringCore
import Testing

@Suite("Abuse settings and token buckets")
struct AbuseSettingsTests {
    static func parse(_ settings: String) -> Result<Policy, PolicyError> {
        PolicyCompiler.compile(PolicySource(files: [.init(name: "settings.yaml", text: settings)]))
    }

    @Test func readsEverySection() throws {
        let policy = try Self.parse("""
            rate-limits:
              per-client: {burst: 100, per-minute: 50}
              per-article: off
            campaigns: {min-sources: 6, window-minutes: 30, similarity: 0.7, action: reject}
            article-brake: {max-comments: 200, window-minutes: 2, hold-minutes: 15}
            reports: {hide-after: 5}
            identities: {reserved-names: [redaksi, admin]}
            responses: {rejected-as: rejected}
            """).get()
        let abuse = policy.settings.abuse
        #expect(abuse.perClient == BucketRule(burst: 100, perMinute: 50))
        #expect(abuse.perArticle == nil)
        #expect(abuse.perAuthor == AbuseSettings().perAuthor)
        #expect(abuse.campaigns.minSources == 6 && abuse.campaigns.action == .reject && abuse.campaigns.similarity == 0.7)
        #expect(abuse.brake.maxComments == 200 && abuse.brake.holdMinutes == 15)
        #expect(abuse.hideAfterReports == 5)
        #expect(abuse.reservedNames == ["redaksi", "admin"])
        #expect(abuse.isReserved(name: "Tim Redaksi") && !abuse.isReserved(name: "Moderator"))
        #expect(abuse.rejectedAnswer == .rejected)
    }

    @Test(arguments: [
        ("rate-limits:\n  per-client: {burst: 0, per-minute: 5}\n", 2, "burst ≥ 1"),
        ("rate-limits:\n  per-client: {burst: 5}\n", 2, "needs both"),
        ("rate-limits:\n  per-clients: {burst: 5, per-minute: 1}\n", 2, "unknown key 'per-clients'"),
        ("campaigns:\n  min-sources: 1\n", 2, "at least 2"),
        ("campaigns:\n  action: flag\n", 2, "hold or reject"),
        ("campaigns:\n  similarity: 0.05\n", 2, "between 0.2 and 1"),
        ("article-brake:\n  window-minutes: 0\n", 2, "1 to 1440"),
        ("responses:\n  rejected-as: maybe\n", 2, "published, pending or rejected"),
    ])
    func refusesBadValuesWithTheirLine(_ text: String, _ line: Int, _ message: String) {
        guard case .failure(let error) = Self.parse(text) else {
            Issue.record("accepted \(text)")
            return
        }
        #expect(error.diagnostics.contains { $0.line == line && $0.message.contains(message) }, "\(error.diagnostics)")
    }

    @Test func aBucketRefillsAtItsRateUpToItsBurst() {
        let rule = BucketRule(burst: 3, perMinute: 6)
        var bucket = TokenBucket(rule: rule, at: 0)
        for _ in 0..<3 { bucket.take(rule: rule, at: 0) }
        #expect(bucket.waitMillis(rule: rule, at: 0) == 10_000)
        #expect(bucket.waitMillis(rule: rule, at: 10_000) == 0)
        #expect(bucket.available(rule: rule, at: 3_600_000) == 3)
        #expect(!bucket.isFull(rule: rule, at: 29_000) && bucket.isFull(rule: rule, at: 30_000))
    }

    @Test func anArrivalWindowCountsOnlyItsWindowAndStaysSmall() {
        var window = ArrivalWindow()
        var last = 0
        for n in 0..<10_000 { last = window.record(at: Int64(n) * 100, windowMillis: 1_000, limit: 50) }
        #expect(last == 10)
        var busy = ArrivalWindow()
        for _ in 0..<1_000 { last = busy.record(at: 5, windowMillis: 1_000, limit: 50) }
        #expect(last == 51)
    }
}
