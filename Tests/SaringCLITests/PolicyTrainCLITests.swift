import Foundation
import SaringCore
import SaringStore
import SaringTestSupport
import Testing

@Suite("policy train (the real binary)")
struct PolicyTrainCLITests {
    static let openings = ["Gas main di", "Mampir ke", "Cobain", "Daftar sekarang di", "Yang mau jackpot ke", "Buruan join"]
    static let sites = ["PULAUWIN", "garuda88", "Mahjong777", "zeus4d", "BERKAH99", "naga303", "dewa slot", "koi55"]
    static let closings = ["pasti gacor maxwin", "depo 20k langsung wd", "scatter hitam turun terus", "bonus new member 100%", "rtp tinggi jackpot"]
    static let subjects = ["Pemerintah daerah", "Warga kampung saya", "Pak camat", "Tim nasional", "Harga cabai", "Jalan tol baru", "Pelayanan puskesmas"]
    static let predicates = ["harus lebih terbuka soal anggaran", "semoga cepat diperbaiki", "sudah bagus tapi antreannya panjang", "bikin macet tiap pagi", "perlu diawasi"]

    static func spam(_ index: Int) -> String { "\(openings[index % 6]) \(sites[(index / 2) % 8]) \(closings[(index / 3) % 5])" }
    static func clean(_ index: Int) -> String { "\(subjects[index % 7]) \(predicates[(index / 2) % 5]), \(index % 2 == 0 ? "menurut saya" : "kata tetangga")" }

    static func csv(_ count: Int) -> String {
        var lines = ["text,label"]
        for index in 0..<count {
            lines.append("\"\(spam(index))\",1")
            lines.append("\"\(clean(index))\",0")
        }
        return lines.joined(separator: "\n") + "\n"
    }

    static let rule = """
        rules:
          - id: judol.model
            description: Reads like a gambling promotion (learned)
            category: judol
            classifier: judol.model
            action: hold
            examples:
              match: ["Mampir ke garuda88 pasti gacor maxwin"]
              no-match: ["Harga cabai semoga cepat diperbaiki, menurut saya"]
        """

    @Test func trainWritesTheSameModelTwiceThatCheckTestAndEvalUseAsAnyRule() throws {
        let folder = try CLI.temporaryFolder()
        try CLI.write(["data.csv": Self.csv(30)], to: folder)
        try CLI.write(["judol.yaml": Self.rule], to: folder.appendingPathComponent("policies"))
        let model = folder.appendingPathComponent("policies/judol.model").path
        let first = try CLI.run(["policy", "train", "--dataset", folder.appendingPathComponent("data.csv").path, "--out", model, "--note", "fixture data"])
        #expect(first.status == 0, "\(first.stderr)")
        #expect(first.stdout.contains("trained on 60 texts (30 positive)"))
        #expect(first.stdout.contains("5-fold cross-validation at threshold 0.50: precision"))
        let written = try String(contentsOfFile: model, encoding: .utf8)
        #expect(written.contains("trained-on: data.csv, text column 'text', label column 'label'"))
        #expect(written.contains("trained-on: fixture data"))
        let second = try CLI.run(["policy", "train", "--dataset", folder.appendingPathComponent("data.csv").path, "--out", model, "--note", "fixture data"])
        #expect(second.status == 0)
        #expect(try String(contentsOfFile: model, encoding: .utf8) == written)

        let policies = folder.appendingPathComponent("policies").path
        let check = try CLI.run(["policy", "check", policies])
        #expect(check.status == 0, "\(check.stdout)\(check.stderr)")
        let test = try CLI.run(["policy", "test", "--policies", policies, "Buruan join naga303 bonus new member 100%"])
        #expect(test.stdout.contains("judol.model"), "\(test.stdout)")
        let eval = try CLI.run(["policy", "eval", "--policies", policies, "--dataset", folder.appendingPathComponent("data.csv").path, "--category", "judol", "--json"])
        let figures = try #require(try JSONSerialization.jsonObject(with: Data(eval.stdout.utf8)) as? [String: Any])
        #expect((figures["recall"] as? Double ?? 0) >= 0.9)
        #expect((figures["precision"] as? Double ?? 0) >= 0.9)
    }

    @Test func trainFromTheDatabaseLearnsTheModeratorsDecisions() async throws {
        let folder = try CLI.temporaryFolder()
        let path = folder.appendingPathComponent("site.sqlite").path
        let store = try SaringStore(path: path)
        try store.migrate()
        let desk = ModerationDesk(store: store, moderator: "sari")
        // An erased text (retention, forget) teaches nothing: its placeholder is not what was written.
        let erased = CommentDraft(articleId: "a9", authorName: "Lama", authorEmail: nil, body: "Komentar lama yang sudah dihapus isinya", parentId: nil)
        let erasedId = try await store.submit(erased, verdict: Verdict(status: .pending, publishedBody: erased.body, policyVersion: "v1")).id
        _ = try await desk.decide(erasedId, .reject)
        _ = try await store.eraseRejected(before: Date().addingTimeInterval(60), requestedBy: "test")
        for index in 0..<15 {
            for (text, reject) in [(Self.spam(index), true), (Self.clean(index), false)] {
                let draft = CommentDraft(articleId: "a\(index % 4)", authorName: "Pembaca \(index)\(reject ? "x" : "y")", authorEmail: nil, body: text, parentId: nil)
                let id = try await store.submit(draft, verdict: Verdict(status: .pending, publishedBody: text, policyVersion: "v1")).id
                _ = try await desk.decide(id, reject ? .reject : .approve)
            }
        }
        // Nor does a verdict undone.
        let undone = CommentDraft(articleId: "a9", authorName: "Ragu", authorEmail: nil, body: "Saya masih ragu soal jadwal rapat warga", parentId: nil)
        let undoneId = try await store.submit(undone, verdict: Verdict(status: .pending, publishedBody: undone.body, policyVersion: "v1")).id
        let verdict = try await desk.decide(undoneId, .reject)
        _ = try await desk.undo(decision: verdict.decision.id)
        // A comment still waiting teaches nothing.
        let waiting = CommentDraft(articleId: "a1", authorName: "Belum", authorEmail: nil, body: "Belum diputuskan moderator", parentId: nil)
        _ = try await store.submit(waiting, verdict: Verdict(status: .pending, publishedBody: waiting.body, policyVersion: "v1"))
        let out = folder.appendingPathComponent("site.model").path
        let result = try CLI.run(["policy", "train", "--from-db", "--db", path, "--since", "90d", "--out", out])
        #expect(result.status == 0, "\(result.stderr)")
        #expect(result.stdout.contains("trained on 30 texts (15 positive)"))
        let written = try String(contentsOfFile: out, encoding: .utf8)
        #expect(written.contains("trained-on: moderators' decisions of the last 90d (rejected = 1, approved = 0; standing verdicts, erased texts left out)"))
        // The same site on PostgreSQL gives the very same file.
        try await PostgresScratch.withDatabase { url in
            let moved = try await CLI.running(["copy-store", "--from", path, "--to", url])
            #expect(moved.status == 0, "\(moved.stderr)")
            let there = folder.appendingPathComponent("pg.model").path
            let trained = try await CLI.running(["policy", "train", "--from-db", "--db", url, "--since", "90d", "--out", there])
            #expect(trained.status == 0, "\(trained.stderr)")
            #expect(try String(contentsOfFile: there, encoding: .utf8) == written)
        }
    }

    @Test(arguments: [
        (["policy", "train", "--out", "x.model"], "give either --dataset CSV or --from-db"),
        (["policy", "train", "--dataset", "a.csv", "--from-db", "--out", "x.model"], "give either --dataset CSV or --from-db"),
        (["policy", "train", "--dataset", "a.csv", "--out", "x.yaml"], "--out must name a .model file"),
        (["policy", "train", "--dataset", "a.csv", "--since", "9d", "--out", "x.model"], "--since goes with --from-db"),
        (["policy", "train", "--from-db", "--since", "soon", "--out", "x.model"], "--since must be an age like 12h, 30d or 90d, got 'soon'"),
        (["policy", "train", "--dataset", "a.csv", "--min-precision", "1.5", "--out", "x.model"], "--min-precision must be between 0 and 1"),
    ])
    func badArgumentsAreRefusedWithTheUsageExitCode(arguments: [String], message: String) throws {
        let result = try CLI.run(arguments)
        #expect(result.status == 64)
        #expect(result.stderr.contains(message), "\(result.stderr)")
    }

    @Test func anUnreachablePrecisionWritesNothing() throws {
        let folder = try CLI.temporaryFolder()
        // The same texts under both labels: no threshold separates them.
        var lines = ["text,label"]
        for index in 0..<12 { lines += ["\"\(Self.spam(index))\",1", "\"\(Self.spam(index))\",0"] }
        try CLI.write(["same.csv": lines.joined(separator: "\n") + "\n"], to: folder)
        let model = folder.appendingPathComponent("m.model").path
        let result = try CLI.run(["policy", "train", "--dataset", folder.appendingPathComponent("same.csv").path, "--out", model, "--min-precision", "0.99"])
        #expect(result.status == 1)
        #expect(result.stderr.contains("no threshold reaches a cross-validated precision of 0.99 on these texts; nothing written"), "\(result.stderr)")
        #expect(!FileManager.default.fileExists(atPath: model))
    }

    @Test func aDatasetWithOneKindOnlyOrABadLabelIsRefused() throws {
        let folder = try CLI.temporaryFolder()
        try CLI.write(["one.csv": "text,label\nsatu,0\ndua,0\n", "bad.csv": "text,label\nsatu,mungkin\n"], to: folder)
        let one = try CLI.run(["policy", "train", "--dataset", folder.appendingPathComponent("one.csv").path, "--out", folder.appendingPathComponent("m.model").path])
        #expect(one.status == 1)
        #expect(one.stderr.contains("cannot train on 2 texts with 0 positive: both kinds are needed"))
        let bad = try CLI.run(["policy", "train", "--dataset", folder.appendingPathComponent("bad.csv").path, "--out", folder.appendingPathComponent("m.model").path])
        #expect(bad.stderr.contains("row 2: label 'mungkin' is not 1/0, true/false or yes/no"))
        #expect(!FileManager.default.fileExists(atPath: folder.appendingPathComponent("m.model").path))
    }
}
