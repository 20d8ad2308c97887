import Foundation
import GRDB
import SaringCore
import SaringStore
import Testing

@Suite("Export and import (the real binary)")
struct ExportImportCLITests {
    static func lines(_ text: String) -> [String] { text.split(separator: "\n").map(String.init) }

    /// The policy a judged import runs: phone numbers masked, nothing held.
    static let phoneMask = """
        rules:
          - id: pii.phone
            description: Phone number in a comment
            pattern: '08\\d{2}-?\\d{4}-?\\d{4}'
            action: mask
            examples:
              match: ["hubungi 0812-3456-7890"]
        """

    @Test func exportThenImportIntoAFreshDatabaseThenExportGivesTheSameLines() async throws {
        let site = try await SiteData.make()
        let folder = URL(fileURLWithPath: site.path).deletingLastPathComponent()
        let first = try CLI.run(["export", "--db", site.path])
        #expect(first.status == 0, "\(first.stderr)")
        let exported = Self.lines(first.stdout)
        #expect(exported.count == 8)
        let file = folder.appendingPathComponent("export.jsonl").path
        try Data(first.stdout.utf8).write(to: URL(fileURLWithPath: file))

        let fresh = folder.appendingPathComponent("fresh.sqlite").path
        let imported = try CLI.run(["import", "--db", fresh, file, "--format", "jsonl"])
        #expect(imported.status == 0, "\(imported.stderr)")
        #expect(imported.stdout.contains("imported 8 comments"))
        #expect(imported.stdout.contains("ids kept"))
        let again = try CLI.run(["export", "--db", fresh, "--out", folder.appendingPathComponent("again.jsonl").path])
        #expect(again.status == 0, "\(again.stderr)")
        #expect(again.stderr.contains("exported 8 comments"))
        let second = try String(contentsOfFile: folder.appendingPathComponent("again.jsonl").path, encoding: .utf8)
        #expect(Self.lines(second) == exported)
    }

    /// Forgotten authors and erased texts travel too: an erased comment is not refused as empty.
    @Test func aForgottenAuthorAndErasedTextsSurviveTheRoundTrip() async throws {
        let site = try await SiteData.make()
        let folder = URL(fileURLWithPath: site.path).deletingLastPathComponent()
        #expect(try CLI.run(["forget", "--db", site.path, "budi.santoso@example.com", "--comments"]).status == 0)
        let file = folder.appendingPathComponent("export.jsonl").path
        #expect(try CLI.run(["export", "--db", site.path, "--out", file]).status == 0)
        let exported = try String(contentsOfFile: file, encoding: .utf8)
        #expect(exported.contains(#""identity":"forgotten:"#))
        #expect(exported.contains(#""textErasedAt":"#))
        let fresh = folder.appendingPathComponent("fresh.sqlite").path
        let imported = try CLI.run(["import", "--db", fresh, file, "--format", "jsonl"])
        #expect(imported.status == 0, "\(imported.stderr)")
        #expect(try CLI.run(["export", "--db", fresh]).stdout == exported)
    }

    @Test func importWithJudgeLetsThePolicyDecideAnExport() async throws {
        let site = try await SiteData.make()
        let folder = URL(fileURLWithPath: site.path).deletingLastPathComponent()
        let file = folder.appendingPathComponent("export.jsonl").path
        #expect(try CLI.run(["export", "--db", site.path, "--out", file]).status == 0)
        try CLI.write(["pii.yaml": Self.phoneMask], to: folder.appendingPathComponent("Policies"))
        let fresh = folder.appendingPathComponent("judged.sqlite").path
        let result = try CLI.run(["import", "--db", fresh, file, "--format", "jsonl", "--judge"], in: folder)
        #expect(result.status == 0, "\(result.stderr)")
        let store = try SaringStore(path: fresh, mode: .existingOnly)
        // The file said pending; the policy (no rule holds it) publishes it, and masks what it must.
        #expect(try await store.comment(id: site.ids["question"]!)?.status == .published)
        #expect(try await store.comment(id: site.ids["masked"]!)?.publishedBody == "Hubungi saya di *** soal relawan banjir.")
        let history = try await store.decisions(commentId: site.ids["question"]!)
        #expect(history.last?.actor == .policy)
        #expect(history.last?.reasons.first == "judged on import")
    }

    @Test func anExportLineHoldsArticleAuthorTextsAndHistoryButNoAddress() async throws {
        let site = try await SiteData.make()
        let result = try CLI.run(["export", "--db", site.path, "--article", "berita-banjir"])
        #expect(result.status == 0, "\(result.stderr)")
        let lines = Self.lines(result.stdout)
        #expect(lines.count == 3)
        let masked = try #require(lines.first { $0.contains("0812-3456-7890") })
        let object = try #require(try JSONSerialization.jsonObject(with: Data(masked.utf8)) as? [String: Any])
        #expect(
            Array(object.keys).sorted() == [
                "article", "author", "authorName", "body", "createdAt", "decisions", "flagged", "id", "publishedBody", "score", "status",
                "updatedAt",
            ])
        #expect(object["publishedBody"] as? String == "Hubungi saya di *** soal relawan banjir.")
        #expect((object["article"] as? [String: Any])?["title"] as? String == "Banjir & genangan di \"Jakarta Timur\"")
        #expect((object["author"] as? [String: Any])?["identity"] as? String == "email:budi.santoso@example.com")
        #expect((object["author"] as? [String: Any])?["standing"] as? String == "banned")
        // Keys in one stable (sorted) order, so two exports compare line by line.
        #expect(masked.hasPrefix(#"{"article":{"id":"berita-banjir","open":true,"premoderated":false,"section":"metro","#))
        for hash in ["77aa88bb99cc0011", "a1b2c3d4e5f60718", "0f1e2d3c4b5a6978", "client"] { #expect(!result.stdout.contains(hash)) }

        // The ban's batch and an undo's link are in the history.
        let all = try CLI.run(["export", "--db", site.path])
        let held = try #require(
            Self.lines(all.stdout).first {
                $0.contains(#""id":\#(site.ids["held"]!),"parentId""#) || $0.contains("\"id\":\(site.ids["held"]!),\"publishedBody\"")
            })
        #expect(held.contains(#""batch":{"by":"ana","createdAt":"#))
        #expect(held.contains(#""kind":"ban""#))
        let thanks = try #require(Self.lines(all.stdout).first { $0.contains(SiteData.texts[4]) })
        #expect(thanks.contains(#""undoes":"#))
        let later = try #require(Self.lines(all.stdout).first { $0.contains(SiteData.texts[7]) })
        #expect(later.contains("\"campaignId\":\(site.ids["held"]!)"))
    }

    @Test(arguments: [
        (["--status", "pending"], 1), (["--status", "published,rejected"], 7), (["--since", "1h"], 8), (["--article", "harga-cabai"], 5),
        (["--article", "harga-cabai", "--status", "pending"], 1), (["--status", "rejected", "--since", "10m"], 2),
    ])
    func exportFiltersByArticleAgeAndStatus(arguments: [String], count: Int) async throws {
        let site = try await SiteData.make()
        let result = try CLI.run(["export", "--db", site.path] + arguments)
        #expect(result.status == 0, "\(result.stderr)")
        #expect(Self.lines(result.stdout).count == count, "\(arguments)")
    }

    @Test(arguments: [
        (["--status", "deleted"], "--status takes published, pending or rejected"), (["--since", "yesterday"], "--since must be an age"),
        (["--article", "no such/id"], "--article"), (["--article", "berita-lain"], "no article berita-lain"),
    ])
    func exportRefusesBadArguments(arguments: [String], message: String) async throws {
        let site = try await SiteData.make()
        let result = try CLI.run(["export", "--db", site.path] + arguments)
        #expect(result.status != 0)
        #expect(result.stderr.contains(message), "\(result.stderr)")
        #expect(result.stdout.isEmpty)
    }

    @Test func exportRefusesToOverwriteAFileWithoutForce() async throws {
        let site = try await SiteData.make()
        let out = URL(fileURLWithPath: site.path).deletingLastPathComponent().appendingPathComponent("taken.jsonl").path
        try Data("punya orang lain\n".utf8).write(to: URL(fileURLWithPath: out))
        let refused = try CLI.run(["export", "--db", site.path, "--out", out])
        #expect(refused.status == 1)
        #expect(refused.stderr.contains("exists already"))
        #expect(try String(contentsOfFile: out, encoding: .utf8) == "punya orang lain\n")
        #expect(try CLI.run(["export", "--db", site.path, "--out", out, "--force"]).status == 0)
    }

    @Test func importIntoANonEmptyDatabaseGivesNewIdsAndKeepsThreadsAndHistory() async throws {
        let site = try await SiteData.make()
        let folder = URL(fileURLWithPath: site.path).deletingLastPathComponent()
        let file = folder.appendingPathComponent("banjir.jsonl").path
        #expect(try CLI.run(["export", "--db", site.path, "--article", "berita-banjir", "--out", file]).status == 0)
        let other = try await SiteData.make(in: folder.appendingPathComponent("other"))
        let result = try CLI.run(["import", "--db", other.path, file, "--format", "jsonl"])
        #expect(result.status == 0, "\(result.stderr)")
        #expect(result.stdout.contains("new ids given"))
        let lines = Self.lines(try CLI.run(["export", "--db", other.path, "--article", "berita-banjir"]).stdout)
        #expect(lines.count == 6)
        let copies = try lines.suffix(3).map { try JSONSerialization.jsonObject(with: Data($0.utf8)) as! [String: Any] }
        let ids = copies.map { $0["id"] as! Int }
        #expect(ids.allSatisfy { $0 > 8 })
        #expect(copies[1]["parentId"] as? Int == ids[0])
        #expect(copies.allSatisfy { !($0["decisions"] as! [Any]).isEmpty })
    }

    /// A file whose third line is bad, in each way a line can be.
    @Test(arguments: [
        ("{\"id\": 3", "line 3: not a JSON object"),
        (#"{"id":3}"#, "line 3: missing article"),
        ("STATUS", "line 3: status must be published, pending or rejected, got 'hidden'"),
        ("PARENT", "line 3: parentId 99 is not a comment earlier in the file"),
        ("DATE", "line 3: createdAt must be an ISO 8601 time"),
        ("BODY", "line 3: body must not contain control characters"),
        ("DUPLICATE", "line 3: comment id 1 appears twice in the file"),
    ])
    func aBadLineIsRefusedWithItsNumberAndNothingIsStored(bad: String, message: String) async throws {
        let site = try await SiteData.make()
        let folder = URL(fileURLWithPath: site.path).deletingLastPathComponent()
        let good = Self.lines(try CLI.run(["export", "--db", site.path]).stdout)
        var third = good[2]
        switch bad {
        case "STATUS": third = third.replacingOccurrences(of: #""status":"published","updatedAt""#, with: #""status":"hidden","updatedAt""#)
        case "PARENT": third = third.replacingOccurrences(of: #""parentId":1,"#, with: #""parentId":99,"#)
        case "DATE": third = third.replacingOccurrences(of: #""createdAt":"20"#, with: #""createdAt":"kemarin 20"#)
        case "BODY": third = third.replacingOccurrences(of: "Hubungi saya", with: #"Hubungi\u001b[2J saya"#)
        case "DUPLICATE": third = good[0]
        default: third = bad
        }
        if bad == "PARENT" { third = good[1].replacingOccurrences(of: #""parentId":1,"#, with: #""parentId":99,"#) }
        let file = folder.appendingPathComponent("bad.jsonl").path
        try Data(([good[0], bad == "PARENT" ? good[2] : good[1], third] + good.dropFirst(3)).joined(separator: "\n").utf8)
            .write(to: URL(fileURLWithPath: file))
        let fresh = folder.appendingPathComponent("fresh.sqlite").path
        let result = try CLI.run(["import", "--db", fresh, file, "--format", "jsonl"])
        #expect(result.status == 1)
        #expect(result.stderr.contains("\(file): \(message)"), "\(result.stderr)")
        #expect(result.stderr.contains("nothing was imported"))
        let after = try CLI.run(["export", "--db", fresh])
        #expect(after.status == 0 && after.stdout.isEmpty, "\(after.stderr)")
    }

    @Test func importRefusesAMissingFileAndAnUnknownFormat() async throws {
        let folder = try CLI.temporaryFolder()
        let db = folder.appendingPathComponent("x.sqlite").path
        let missing = try CLI.run(["import", "--db", db, folder.appendingPathComponent("tidak-ada.jsonl").path, "--format", "jsonl"])
        #expect(missing.status == 1)
        #expect(missing.stderr.contains("cannot read"))
        let format = try CLI.run(["import", "--db", db, "x.jsonl", "--format", "csv"])
        #expect(format.status == 64)
        #expect(format.stderr.contains("--format"))
    }
}
