import Foundation
import Testing

@Suite("saring policy suggest (the real binary on a seeded database)")
struct PolicySuggestTests {
    @Test func aPlantedPhraseModeratorsKeepRejectingBecomesARuleThatPassesCheck() async throws {
        let site = try await TuningFixture.make()
        let result = try CLI.run(["policy", "suggest", "--db", site.dbPath, "--policies", site.inForce.path])
        #expect(result.status == 0, "\(result.stderr)")
        let yaml = result.stdout
        #expect(yaml.contains("  - id: suggested.deposit-pulsa"))
        #expect(yaml.contains("    words: [\"deposit pulsa\"]"))
        #expect(yaml.contains("Suggested: 'deposit pulsa' in 4 rejected, 0 approved comments"))
        #expect(yaml.contains("    mode: shadow"))
        // Examples are the rejected comments themselves (shortest first).
        #expect(yaml.contains("        - \"\(site.bodies["depo2"]!)\""))
        // The shadow rule's phrase is no active rule: suggested with its one kept comment.
        #expect(yaml.contains("Suggested: 'promo gratis' in 5 rejected, 1 approved comments"))
        // Caught phrases are not suggested.
        #expect(!yaml.contains("bangsat"))
        #expect(!yaml.contains("slot gacor"))

        let folder = site.folder.appendingPathComponent("with-suggestions")
        try CLI.write(["rules.yaml": TuningFixture.inForceRules, "suggested.yaml": yaml], to: folder)
        let check = try CLI.run(["policy", "check", folder.path])
        #expect(check.status == 0, "\(check.stderr)\n\(yaml)")
        let alone = site.folder.appendingPathComponent("suggestions-alone")
        try CLI.write(["suggested.yaml": yaml], to: alone)
        #expect(try CLI.run(["policy", "check", alone.path]).status == 0)
    }

    @Test func aHighBarLeavesNothingToSuggestAndStillAValidFile() async throws {
        let site = try await TuningFixture.make()
        let result = try CLI.run(["policy", "suggest", "--db", site.dbPath, "--policies", site.inForce.path, "--min-rejected", "50"])
        #expect(result.status == 0, "\(result.stderr)")
        #expect(result.stdout.contains("rules: []"))
        #expect(result.stdout.contains("# Nothing to suggest"))
        let folder = site.folder.appendingPathComponent("empty-suggestions")
        try CLI.write(["suggested.yaml": result.stdout], to: folder)
        let check = try CLI.run(["policy", "check", folder.path])
        #expect(check.status == 0, "\(check.stderr)")
    }

    @Test func suggestRefusesABadCount() async throws {
        let site = try await TuningFixture.make()
        let result = try CLI.run(["policy", "suggest", "--db", site.dbPath, "--policies", site.inForce.path, "--count", "0"])
        #expect(result.status != 0)
        #expect(result.stderr.contains("--count must be 1-100"))
    }
}
