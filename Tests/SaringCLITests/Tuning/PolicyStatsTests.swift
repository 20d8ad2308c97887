import Foundation
import Testing

@Suite("saring policy stats (the real binary on a seeded database)")
struct PolicyStatsTests {
    static func lines(_ result: CLIResult) -> [[String: Any]] {
        result.stdout.split(separator: "\n").compactMap { try? JSONSerialization.jsonObject(with: Data($0.utf8)) as? [String: Any] }
    }

    @Test func statsGiveEachRuleItsHitsModeratorAnswersAndExactPrecision() async throws {
        let site = try await TuningFixture.make()
        let result = try CLI.run(["policy", "stats", "--db", site.dbPath, "--json"])
        #expect(result.status == 0, "\(result.stderr)")
        let objects = Self.lines(result)
        let rules = Dictionary(objects.compactMap { o in (o["rule"] as? String).map { ($0, o) } }, uniquingKeysWith: { a, _ in a })
        for (_, rule) in rules {
            for key in ["rule", "hits", "approved", "rejected", "precision"] { #expect(rule.keys.contains(key), "\(key) in \(rule)") }
        }
        // Held twice; one approved, one rejected.
        let kasar = try #require(rules["kasar.umpatan"])
        #expect(kasar["hits"] as? Int == 2)
        #expect(kasar["approved"] as? Int == 1)
        #expect(kasar["rejected"] as? Int == 1)
        #expect(kasar["precision"] as? Double == 0.5)
        #expect(kasar["action"] as? String == "hold")
        // Rejected twice by the policy, never answered: no estimate.
        let judol = try #require(rules["judol.keywords"])
        #expect(judol["hits"] as? Int == 2)
        #expect(judol["precision"] is NSNull)
        // Never fired, but in force.
        let nik = try #require(rules["pii.nik"])
        #expect(nik["hits"] as? Int == 0)
        #expect(nik["inForce"] as? Bool == true)
        // The deposits' new rule is not in force (nor in the history): not listed.
        #expect(rules["judol.depo"] == nil)

        let summary = try #require(objects.last)
        let misses = try #require(summary["misses"] as? [String: Any])
        #expect(misses["count"] as? Int == 9)
        let groups = (misses["groups"] as? [[String: Any]] ?? []).map { "\($0["kind"]!) \($0["key"]!) \($0["count"]!)" }
        #expect(groups.prefix(2) == ["phrase promo gratis 5", "phrase deposit pulsa 4"])
        #expect(summary["comments"] as? Int == 25)
        #expect(summary["versionInForce"] as? String == site.policy.version)
    }

    @Test func shadowRuleWouldBeDecisionsAreJudgedAgainstModerators() async throws {
        let site = try await TuningFixture.make()
        let rules = Self.lines(try CLI.run(["policy", "stats", "--db", site.dbPath, "--json"]))
        let promo = try #require(rules.first { $0["rule"] as? String == "trial.promo" })
        #expect(promo["shadow"] as? Bool == true)
        #expect(promo["hits"] as? Int == 0)
        #expect(promo["shadowHits"] as? Int == 6)
        #expect(promo["shadowRejected"] as? Int == 5)
        #expect(promo["shadowApproved"] as? Int == 1)
        #expect(promo["shadowPrecision"] as? Double == 5.0 / 6.0)
        #expect(promo["shadowCaughtMisses"] as? Int == 5)
        #expect(promo["readiness"] as? String == "not ready")

        let text = try CLI.run(["policy", "stats", "--db", site.dbPath])
        #expect(text.status == 0, "\(text.stderr)")
        #expect(text.stdout.contains("trial.promo (would hold): 6 hits, 6 answered: 5 rejected, 1 approved, precision 83%; would catch 5 misses → not ready"))
        #expect(text.stdout.contains("never fired (in force, no hit in the window): pii.nik"))
        #expect(text.stdout.contains("misses: 9 comments the policy published, a moderator rejected and no rule caught"))
        #expect(text.stdout.contains("  phrase \"deposit pulsa\": 4 (#\(site.ids["depo0"]!) #\(site.ids["depo1"]!) #\(site.ids["depo2"]!) #\(site.ids["depo3"]!))"))
        let kasar = try #require(text.stdout.split(separator: "\n").first { $0.hasPrefix("kasar.umpatan ") })
        #expect(kasar.split(separator: " ").map(String.init) == ["kasar.umpatan", "hold", "2", "1", "1", "50%"])
    }

    @Test func anEmptyWindowHasNoHitsButStillTheRulesInForce() async throws {
        let site = try await TuningFixture.make()
        let objects = Self.lines(try CLI.run(["policy", "stats", "--db", site.dbPath, "--json", "--since", "1h"]))
        #expect(objects.filter { $0["rule"] != nil }.map { $0["rule"] as? String }.sorted { ($0 ?? "") < ($1 ?? "") }
            == ["judol.keywords", "kasar.umpatan", "pii.nik", "trial.promo"])
        #expect(objects.filter { $0["rule"] != nil }.allSatisfy { $0["hits"] as? Int == 0 })
        #expect((objects.last?["misses"] as? [String: Any])?["count"] as? Int == 0)
    }

    @Test(arguments: [(["--since", "soon"], "--since must be an age"), (["--slowest", "1000"], "--slowest must be 0-100")])
    func statsRefuseBadArguments(extra: [String], message: String) async throws {
        let site = try await TuningFixture.make()
        let result = try CLI.run(["policy", "stats", "--db", site.dbPath] + extra)
        #expect(result.status != 0)
        #expect(result.stderr.contains(message), "\(result.stderr)")
    }
}
