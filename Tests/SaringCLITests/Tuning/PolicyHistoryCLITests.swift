import Foundation
import SaringCore
import SaringStore
import Testing

@Suite("Policy history: saring show names the version, saring policy show prints it")
struct PolicyHistoryCLITests {
    @Test func everyPolicyDecisionLeadsBackToItsRecordedVersionAndFiles() async throws {
        let site = try await TuningFixture.make()
        let version = site.policy.version
        let shown = try CLI.run(["show", "--db", site.dbPath, String(site.ids["kasar0"]!)])
        #expect(shown.status == 0, "\(shown.stderr)")
        #expect(shown.stdout.contains("policy \(version)  hold → pending"))
        #expect(shown.stdout.contains("policy version \(version) (#1): `saring policy show \(version)` prints its rules and files"))

        let policy = try CLI.run(["policy", "show", "--db", site.dbPath, String(version.prefix(6))])
        #expect(policy.status == 0, "\(policy.stderr)")
        #expect(policy.stdout.contains("policy version \(version) (#1)"))
        #expect(policy.stdout.contains("rules:      4 in 1 file"))
        #expect(policy.stdout.contains("  kasar.umpatan [kasar] hold rules.yaml:9 — Profanity"))
        #expect(policy.stdout.contains("  trial.promo [trial] hold (shadow) rules.yaml:15 — Promotions offering something free"))
        #expect(policy.stdout.contains("==> rules.yaml <=="))
        #expect(policy.stdout.contains("# The fixture's policy in force."))

        let history = try CLI.run(["policy", "history", "--db", site.dbPath, "--json"])
        let lines = history.stdout.split(separator: "\n")
        #expect(lines.count == 1)
        let entry = try #require(try JSONSerialization.jsonObject(with: Data(lines[0].utf8)) as? [String: Any])
        #expect(entry["version"] as? String == version)
        #expect(entry["rules"] as? Int == 4)
    }

    @Test func policyShowNeutralizesControlCharactersOfStoredFiles() async throws {
        let site = try await TuningFixture.make()
        let store = try #require(site.store)
        // Stored as a server would record them, whatever they hold: the files of another version.
        let empty = try PolicyCompiler.compile(PolicySource(files: [.init(name: "empty.yaml", text: "rules: []\n")])).get()
        let hostile = PolicySource(files: [.init(name: "notes\u{1B}[2J.yaml", text: "# \u{1B}]0;pwned\u{07} \u{202E}gnp.exe\nrules: []\n")])
        try await store.recordPolicyVersion(hostile, empty)
        let result = try CLI.run(["policy", "show", "--db", site.dbPath, empty.version])
        #expect(result.status == 0, "\(result.stderr)")
        #expect(!result.stdout.contains("\u{1B}"))
        #expect(!result.stdout.contains("\u{07}"))
        #expect(!result.stdout.contains("\u{202E}"))
        #expect(result.stdout.contains("==> notes␛[2J.yaml <=="))
        #expect(result.stdout.contains("# ␛]0;pwned␇ \u{FFFD}gnp.exe"))
    }

    @Test func policyShowNamesAnUnknownOrAmbiguousVersion() async throws {
        let site = try await TuningFixture.make()
        let unknown = try CLI.run(["policy", "show", "--db", site.dbPath, "ffffffffffff"])
        #expect(unknown.status == 1)
        #expect(unknown.stderr.contains("no policy version ffffffffffff in the history of \(site.dbPath)"))
        let short = try CLI.run(["policy", "show", "--db", site.dbPath, String(site.policy.version.prefix(2))])
        #expect(short.status == 1)
    }
}
