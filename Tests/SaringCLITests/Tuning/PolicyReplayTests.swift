import Foundation
import Testing

@Suite("saring policy replay (the real binary on a seeded database)")
struct PolicyReplayTests {
    static func json(_ result: CLIResult) throws -> [String: Any] {
        try #require(try JSONSerialization.jsonObject(with: Data(result.stdout.utf8)) as? [String: Any], "\(result.stdout)\n\(result.stderr)")
    }

    static func transitions(_ object: [String: Any]) -> [String: [String: Any]] {
        var result: [String: [String: Any]] = [:]
        for transition in object["transitions"] as? [[String: Any]] ?? [] {
            result["\(transition["from"]!)→\(transition["to"]!)"] = transition
        }
        return result
    }

    @Test func replayCountsEachTransitionWithItsRulesAndExactSamplesAndWritesNothing() async throws {
        let site = try await TuningFixture.make()
        let before = try site.files()
        #expect(before["site.sqlite-wal"] != nil, "the seeding connection keeps a WAL: \(before.keys)")
        let result = try CLI.run([
            "policy", "replay", "--db", site.dbPath, "--policies", site.candidate.path, "--in-force", site.inForce.path, "--json",
        ])
        #expect(result.status == 0, "\(result.stderr)")
        let object = try Self.json(result)
        #expect(object["replayed"] as? Int == 25)
        #expect(object["changed"] as? Int == 6)
        let transitions = Self.transitions(object)
        #expect(Set(transitions.keys) == ["published→rejected", "pending→flagged"])

        // The new rule rejects the four deposits published then; the author banned before posting
        // was rejected on arrival under either policy, the one banned afterwards was not.
        let rejected = try #require(transitions["published→rejected"])
        #expect(rejected["count"] as? Int == 4)
        #expect((rejected["rules"] as? [[String: Any]])?.map { "\($0["change"]!) \($0["rule"]!) \($0["count"]!)" } == ["added judol.depo 4"])
        let samples = try #require(rejected["sample"] as? [[String: Any]])
        #expect(samples.map { $0["id"] as? Int } == ["depo0", "depo1", "depo2"].map { Int(site.ids[$0]!) })
        #expect(samples.map { $0["body"] as? String } == ["depo0", "depo1", "depo2"].map { site.bodies[$0] })
        #expect(samples.map { $0["author"] as? String } == ["Joko Susilo", "Lina Marlina", "Tono Prasetyo"])
        for (sample, key) in zip(samples, ["depo0", "depo1", "depo2"]) {
            let spans = sample["spans"] as? [[String: Any]] ?? []
            #expect(spans.map { [$0["start"] as? Int ?? -1, $0["end"] as? Int ?? -1] } == [site.span(key, "deposit pulsa")])
            #expect(spans.map { $0["rule"] as? String } == ["judol.depo"])
        }

        let flagged = try #require(transitions["pending→flagged"])
        #expect(flagged["count"] as? Int == 2)
        #expect((flagged["rules"] as? [[String: Any]])?.map { "\($0["change"]!) \($0["rule"]!) \($0["count"]!)" } == ["changed kasar.umpatan 2"])
        let flaggedSamples = try #require(flagged["sample"] as? [[String: Any]])
        #expect(flaggedSamples.map { $0["id"] as? Int } == ["kasar0", "kasar1"].map { Int(site.ids[$0]!) })
        #expect(
            (flaggedSamples.first?["spans"] as? [[String: Any]])?.map { [$0["start"] as? Int ?? -1, $0["end"] as? Int ?? -1] }
                == [site.span("kasar0", "bangsat")])

        // Byte for byte: the database file and its WAL.
        let after = try site.files()
        #expect(after["site.sqlite"] == before["site.sqlite"])
        #expect(after["site.sqlite-wal"] == before["site.sqlite-wal"])
        #expect(Set(after.keys) == Set(before.keys))
    }

    @Test func replayOfADatabaseAtRestLeavesItAtRest() async throws {
        let site = try await TuningFixture.make(atRest: true)
        let before = try site.files()
        #expect(before["site.sqlite-wal"] == nil, "closed as a stopped server leaves it: \(before.keys)")
        let result = try CLI.run(["policy", "replay", "--db", site.dbPath, "--policies", site.candidate.path, "--in-force", site.inForce.path])
        #expect(result.status == 0, "\(result.stderr)")
        #expect(result.stdout.contains("replayed 25 comments"))
        #expect(result.stdout.contains("published → rejected: 4"))
        #expect(result.stdout.contains("  rules: +judol.depo (4)"))
        #expect(result.stdout.contains("pending → flagged: 2"))
        #expect(result.stdout.contains("  rules: ~kasar.umpatan (2)"))
        #expect(result.stdout.contains("Joko Susilo: Mau cuan cepat? Situs kami terima [[deposit pulsa]] tanpa potongan, langsung main."))
        let after = try site.files()
        #expect(after["site.sqlite"] == before["site.sqlite"])
        // A read-only connection may leave an empty WAL beside a database at rest (SQLite opens
        // one to read), never a frame in it.
        #expect(after["site.sqlite-wal"] == nil || after["site.sqlite-wal"]?.isEmpty == true)
    }

    @Test func limitSinceAndArticleNarrowTheReplay() async throws {
        let site = try await TuningFixture.make()
        let base = ["policy", "replay", "--db", site.dbPath, "--policies", site.candidate.path, "--in-force", site.inForce.path, "--json"]
        // The newest 8: six promotions, the banned author's deposit and the last published one.
        let newest = try Self.json(try CLI.run(base + ["--limit", "8"]))
        #expect(newest["replayed"] as? Int == 8)
        #expect(Self.transitions(newest)["published→rejected"]?["count"] as? Int == 1)
        let recent = try Self.json(try CLI.run(base + ["--since", "1d"]))
        #expect(recent["replayed"] as? Int == 0)
        #expect(try Self.json(try CLI.run(base + ["--since", "3d"]))["replayed"] as? Int == 25)
        let article = try Self.json(try CLI.run(base + ["--article", "berita-3"]))
        #expect(article["replayed"] as? Int == 1)
        let oneWorker = try Self.json(try CLI.run(base + ["--workers", "1"]))
        #expect(Self.transitions(oneWorker)["published→rejected"]?["sample"] as? [[String: Any]] != nil)
        #expect(oneWorker["changed"] as? Int == 6)
    }

    @Test(arguments: [
        (["--since", "7x"], "--since must be an age like"),
        (["--limit", "0"], "--limit must be at least 1"),
        (["--samples", "101"], "--samples must be 0-100"),
        (["--article", ""], "--article:"),
    ])
    func replayRefusesBadArgumentsByName(extra: [String], message: String) async throws {
        let site = try await TuningFixture.make()
        let result = try CLI.run(
            ["policy", "replay", "--db", site.dbPath, "--policies", site.candidate.path, "--in-force", site.inForce.path] + extra)
        #expect(result.status != 0)
        #expect(result.stderr.contains(message), "\(result.stderr)")
    }

    @Test func replayNamesAMissingDatabaseAndABrokenCandidate() async throws {
        let site = try await TuningFixture.make()
        let missing = try CLI.run(["policy", "replay", "--db", "/nonexistent/x.sqlite", "--policies", site.candidate.path, "--in-force", site.inForce.path])
        #expect(missing.status == 1)
        #expect(missing.stderr.contains("no database at /nonexistent/x.sqlite"))
        let garbage = site.folder.appendingPathComponent("notes.sqlite")
        try Data("bukan database, hanya catatan".utf8).write(to: garbage)
        let notADatabase = try CLI.run(["policy", "replay", "--db", garbage.path, "--policies", site.candidate.path, "--in-force", site.inForce.path])
        #expect(notADatabase.status == 1)
        #expect(notADatabase.stderr.hasPrefix("Error: cannot open database \(garbage.path): "), "\(notADatabase.stderr)")
        #expect(notADatabase.stderr.contains("not a database"), "\(notADatabase.stderr)")
        #expect(try Data(contentsOf: garbage) == Data("bukan database, hanya catatan".utf8))
        let broken = site.folder.appendingPathComponent("broken")
        try CLI.write(["rules.yaml": "rules:\n  - id: x.y\n    description: d\n    pattern: 'a(b'\n    action: hold\n    examples:\n      match: [ab]\n"], to: broken)
        let refused = try CLI.run(["policy", "replay", "--db", site.dbPath, "--policies", broken.path, "--in-force", site.inForce.path])
        #expect(refused.status == 1)
        #expect(refused.stderr.contains("\(broken.path)/rules.yaml:2: x.y: pattern does not compile"), "\(refused.stderr)")
    }
}
