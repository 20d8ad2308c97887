// `saring import` on PostgreSQL stores what it stores on SQLite: the same lines come back out of
// `saring export`, the same refusals name the same line, and nothing of a refused file stays.
import Foundation
import SaringTestSupport
import Testing

@Suite("Import on PostgreSQL (the real binary)")
struct ImportOnPostgresTests {
    static func lines(_ text: String) -> [String] { text.split(separator: "\n").map(String.init) }

    /// Times an import stamps as it runs (a judged comment's decision and update), made alike.
    static func withoutTimes(_ text: String) -> String {
        text.replacingOccurrences(of: #""\d{4}-\d{2}-\d{2}T[0-9:.]+Z""#, with: #""…""#, options: .regularExpression)
    }

    @Test func anExportLoadedIntoPostgreSQLExportsTheSameLinesAndLaterIdsFollowIt() async throws {
        let site = try await SiteData.make()
        let folder = URL(fileURLWithPath: site.path).deletingLastPathComponent()
        // A forgotten author and an erased text travel too.
        #expect(try await CLI.running(["forget", "--db", site.path, "budi.santoso@example.com", "--comments"]).status == 0)
        let file = folder.appendingPathComponent("export.jsonl").path
        #expect(try await CLI.running(["export", "--db", site.path, "--out", file]).status == 0)
        let exported = try String(contentsOfFile: file, encoding: .utf8)
        #expect(Self.lines(exported).count == 8)
        #expect(exported.contains(#""textErasedAt":"#))
        let banjir = folder.appendingPathComponent("banjir.jsonl").path
        #expect(try await CLI.running(["export", "--db", site.path, "--article", "berita-banjir", "--out", banjir]).status == 0)

        try await PostgresScratch.withDatabase { url in
            let imported = try await CLI.running(["import", "--db", url, file, "--format", "jsonl"])
            #expect(imported.status == 0, "\(imported.stderr)")
            #expect(imported.stdout.contains("imported 8 comments"), "\(imported.stdout)")
            #expect(imported.stdout.contains("ids kept"))
            let again = try await CLI.running(["export", "--db", url])
            #expect(again.status == 0, "\(again.stderr)")
            #expect(again.stdout == exported)

            // Now not empty: new ids, which the sequences give past the kept ones (a sequence left
            // at 1 would collide with comment 1 and refuse the file), threads and history kept.
            let second = try await CLI.running(["import", "--db", url, banjir, "--format", "jsonl"])
            #expect(second.status == 0, "\(second.stderr)")
            #expect(second.stdout.contains("new ids given"), "\(second.stdout)")
            let lines = Self.lines(try await CLI.running(["export", "--db", url, "--article", "berita-banjir"]).stdout)
            #expect(lines.count == 6)
            let copies = try lines.suffix(3).map { try #require(try JSONSerialization.jsonObject(with: Data($0.utf8)) as? [String: Any]) }
            let ids = copies.compactMap { $0["id"] as? Int }
            #expect(ids.count == 3 && ids.allSatisfy { $0 > 8 }, "\(ids)")
            #expect(copies[1]["parentId"] as? Int == ids.first)
            #expect(copies.allSatisfy { !(($0["decisions"] as? [Any]) ?? []).isEmpty })
        }
    }

    @Test func aJudgedImportDecidesAsOnSQLite() async throws {
        let site = try await SiteData.make()
        let folder = URL(fileURLWithPath: site.path).deletingLastPathComponent()
        let file = folder.appendingPathComponent("export.jsonl").path
        #expect(try await CLI.running(["export", "--db", site.path, "--out", file]).status == 0)
        try CLI.write(["pii.yaml": ExportImportCLITests.phoneMask], to: folder.appendingPathComponent("Policies"))
        let sqlite = folder.appendingPathComponent("judged.sqlite").path
        let onSQLite = try await CLI.running(["import", "--db", sqlite, file, "--format", "jsonl", "--judge"], in: folder)
        #expect(onSQLite.status == 0, "\(onSQLite.stderr)")
        try await PostgresScratch.withDatabase { url in
            let onPostgres = try await CLI.running(["import", "--db", url, file, "--format", "jsonl", "--judge"], in: folder)
            #expect(onPostgres.status == 0, "\(onPostgres.stderr)")
            #expect(onPostgres.stdout.replacingOccurrences(of: url, with: "") == onSQLite.stdout.replacingOccurrences(of: sqlite, with: ""))
            let fromPostgres = try await CLI.running(["export", "--db", url]).stdout
            let fromSQLite = try await CLI.running(["export", "--db", sqlite]).stdout
            #expect(fromPostgres.contains("Hubungi saya di *** soal relawan banjir."))
            #expect(fromPostgres.contains("judged on import"))
            #expect(Self.withoutTimes(fromPostgres) == Self.withoutTimes(fromSQLite))
        }
    }

    @Test(arguments: [
        ("STATUS", "line 3: status must be published, pending or rejected, got 'hidden'"),
        ("DUPLICATE", "line 3: comment id 1 appears twice in the file"),
        ("LONG", "line 3: the database refused it: "),
    ])
    func aBadLineIsRefusedWithItsNumberAndNothingIsStored(bad: String, message: String) async throws {
        let site = try await SiteData.make()
        let folder = URL(fileURLWithPath: site.path).deletingLastPathComponent()
        var good = Self.lines(try await CLI.running(["export", "--db", site.path]).stdout)
        switch bad {
        case "STATUS": good[2] = good[2].replacingOccurrences(of: #""status":"published","updatedAt""#, with: #""status":"hidden","updatedAt""#)
        case "DUPLICATE": good[2] = good[0]
        default:
            // A decision by nobody: the importer leaves that to the schema's CHECK, and the
            // database's own refusal is named with the line all the same.
            good[2] = good[2].replacingOccurrences(of: #""by":"[^"]*""#, with: #""by":"""#, options: .regularExpression)
        }
        let file = folder.appendingPathComponent("bad.jsonl").path
        try Data(good.joined(separator: "\n").utf8).write(to: URL(fileURLWithPath: file))
        try await PostgresScratch.withDatabase { url in
            let result = try await CLI.running(["import", "--db", url, file, "--format", "jsonl"])
            #expect(result.status == 1)
            #expect(result.stderr.contains("\(file): \(message)"), "\(result.stderr)")
            #expect(result.stderr.contains("nothing was imported"))
            let after = try await CLI.running(["export", "--db", url])
            #expect(after.status == 0 && after.stdout.isEmpty, "\(after.stderr)\(after.stdout)")
        }
    }
}
