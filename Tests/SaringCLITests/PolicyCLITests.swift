import Foundation
import Testing

@Suite("saring policy …, migrate, serve (the real binary)")
struct PolicyCLITests {
    static let rules = """
        rules:
          - id: judol.keywords
            description: Online-gambling spam keywords
            category: judol
            words: [slot gacor, maxwin]
            action: reject
            examples:
              match: ["main slot gacor"]
              no-match: ["judi online itu haram"]
          - id: kasar.umpatan
            description: Profanity
            category: kasar
            words: [bangsat]
            action: mask
            examples:
              match: ["dasar bangsat"]
        """

    @Test func checkPassesOnAGoodFolder() throws {
        let folder = try CLI.temporaryFolder()
        try CLI.write(["rules.yaml": Self.rules], to: folder)
        let result = try CLI.run(["policy", "check", folder.path])
        #expect(result.status == 0, "\(result.stderr)")
        #expect(result.stdout.contains("ok — 2 rules in 1 files, 3 examples hold"))
    }

    @Test func checkListsEveryProblemAsFileLineRuleMessage() throws {
        let folder = try CLI.temporaryFolder()
        let broken = Self.rules.replacingOccurrences(of: "words: [slot gacor, maxwin]", with: "pattern: 'slot(gacor'")
            .replacingOccurrences(of: "match: [\"dasar bangsat\"]", with: "match: [\"dasar baik\"]")
        try CLI.write(["rules.yaml": broken, "settings.yaml": "colour: red\n"], to: folder)
        let result = try CLI.run(["policy", "check", folder.path])
        #expect(result.status == 1)
        let lines = result.stderr.split(separator: "\n").map(String.init)
        #expect(lines.contains { $0.hasPrefix("\(folder.path)/rules.yaml:2: judol.keywords: pattern does not compile: missing closing parenthesis") })
        #expect(lines.contains { $0.hasPrefix("\(folder.path)/rules.yaml:10: kasar.umpatan: example does not match: \"dasar baik\"") })
        #expect(lines.contains { $0.hasPrefix("\(folder.path)/settings.yaml:1: unknown key 'colour'") })
        #expect(lines.last == "\(folder.path): 3 problems")
    }

    @Test func checkNamesAMissingFolder() throws {
        let result = try CLI.run(["policy", "check", "/nonexistent/policies"])
        #expect(result.status == 1)
        #expect(result.stderr.contains("/nonexistent/policies: no such policy folder"))
    }

    @Test func testShowsVerdictHitsAndNormalizedText() throws {
        let folder = try CLI.temporaryFolder()
        try CLI.write(["rules.yaml": Self.rules], to: folder)
        let plain = try CLI.run(["policy", "test", "--policies", folder.path, "Dasar B4NGSAT"])
        #expect(plain.status == 0, "\(plain.stderr)")
        #expect(plain.stdout.contains("status:     published"))
        #expect(plain.stdout.contains("text:       Dasar [[B4NGSAT]]"))
        #expect(plain.stdout.contains("published:  Dasar ***"))
        #expect(plain.stdout.contains("normalized: dasar bangsat"))

        let json = try CLI.run(["policy", "test", "--policies", folder.path, "--json", "-"], stdin: "main 𝗦𝗟𝗢𝗧 𝗚𝗔𝗖𝗢𝗥")
        let verdict = try JSONSerialization.jsonObject(with: Data(json.stdout.utf8)) as? [String: Any]
        #expect(verdict?["status"] as? String == "rejected")
        let hit = (verdict?["hits"] as? [[String: Any]])?.first
        #expect(hit?["ruleId"] as? String == "judol.keywords")
        #expect(hit?["start"] as? Int == 5)
        #expect(hit?["end"] as? Int == 15)
    }

    @Test func testRefusesAFolderGivenAsTheTextInsteadOfJudgingItsName() throws {
        let folder = try CLI.temporaryFolder()
        try CLI.write(["rules.yaml": Self.rules], to: folder.appendingPathComponent("Policies"))
        let result = try CLI.run(["policy", "test", "Policies"], in: folder)
        #expect(result.status == 64, "\(result.stdout)")
        #expect(result.stderr.contains("'Policies' is a folder, not a text to judge"))
        #expect(result.stderr.contains("saring policy check Policies"))
        #expect(!result.stdout.contains("status:"))
        // The same word as a comment still gets judged when it comes on stdin.
        let judged = try CLI.run(["policy", "test", "--policies", "Policies", "-"], stdin: "Policies", in: folder)
        #expect(judged.status == 0, "\(judged.stderr)")
        #expect(judged.stdout.contains("status:     published"))
    }

    @Test func evalCountsConfusionAgainstLabels() throws {
        let folder = try CLI.temporaryFolder()
        try CLI.write(["rules.yaml": Self.rules], to: folder)
        let csv = folder.appendingPathComponent("data.csv")
        try Data(
            """
            text,label
            "main slot gacor, ""pasti"" maxwin",1
            s l o t g4c0r,1
            promo depo 10k,1
            "judi online
            itu haram",0
            maxwin katanya,0
            """.utf8
        ).write(to: csv)
        let result = try CLI.run([
            "policy", "eval", "--policies", folder.path, "--dataset", csv.path, "--text-column", "text", "--label-column", "label",
            "--category", "judol", "--json",
        ])
        #expect(result.status == 0, "\(result.stderr)")
        let counts = try JSONSerialization.jsonObject(with: Data(result.stdout.utf8)) as? [String: Any]
        #expect(counts?["tp"] as? Int == 2)
        #expect(counts?["fn"] as? Int == 1)
        #expect(counts?["fp"] as? Int == 1)
        #expect(counts?["tn"] as? Int == 1)
        #expect(counts?["precision"] as? Double == 2.0 / 3.0)
    }

    @Test func evalNamesAMissingColumn() throws {
        let folder = try CLI.temporaryFolder()
        try CLI.write(["rules.yaml": Self.rules, "d.csv": "comment,label\nx,1\n"], to: folder)
        let result = try CLI.run([
            "policy", "eval", "--policies", folder.path, "--dataset", folder.appendingPathComponent("d.csv").path, "--category", "judol",
        ])
        #expect(result.status == 1)
        #expect(result.stderr.contains("no column 'text' (columns: comment, label)"))
    }

    @Test func migrateAppliesThenReportsStatus() throws {
        let folder = try CLI.temporaryFolder()
        let db = folder.appendingPathComponent("m.sqlite").path
        let before = try CLI.run(["migrate", "--status", "--db", db])
        #expect(before.stdout.contains("0001_initial.sql  pending"))
        let applied = try CLI.run(["migrate", "--db", db])
        #expect(applied.status == 0)
        #expect(applied.stdout.contains("applied 0001_initial.sql"))
        let again = try CLI.run(["migrate"], environment: ["SARING_DB": db])
        #expect(again.stdout.contains("up to date"))
        let after = try CLI.run(["migrate", "--status", "--db", db])
        #expect(after.stdout.contains("0001_initial.sql  applied"))
    }

    @Test func serveRefusesToStartOnAnInvalidPolicyFolder() throws {
        let folder = try CLI.temporaryFolder()
        try CLI.write(["rules.yaml": "rules: ["], to: folder.appendingPathComponent("Policies"))
        let result = try CLI.run(["serve", "--port", "0", "--db", folder.appendingPathComponent("s.sqlite").path], in: folder)
        #expect(result.status == 1)
        #expect(result.stderr.contains("refusing to start: policy folder Policies has problems"))
        #expect(result.stderr.contains("Policies/rules.yaml:2: invalid YAML"))
        // Nothing was started or created.
        #expect(!FileManager.default.fileExists(atPath: folder.appendingPathComponent("s.sqlite").path))
    }

    @Test(arguments: [
        ["serve", "--port", "70000"], ["serve", "--max-comment-length", "0"], ["policy", "test"], ["frobnicate"],
        ["serve", "--trusted-proxies", "10.0.0.0/33"], ["serve", "--trusted-proxies", "proxy.example"],
        ["serve", "--cors-origins", "https://x.example/path"], ["serve", "--body-deadline", "0"],
        ["serve", "--max-connections-per-client", "0"], ["ban", "x", "--address-hours", "-1"],
    ])
    func refusesBadArgumentsWithUsageExitCode(_ arguments: [String]) throws {
        let result = try CLI.run(arguments)
        #expect(result.status == 64)
        #expect(!result.stderr.isEmpty)
    }
}
