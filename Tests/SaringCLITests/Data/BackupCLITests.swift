import Foundation
import GRDB
import SaringStore
import SaringTestSupport
import Testing

@Suite("Backups (the real binary)")
struct BackupCLITests {
    /// An ordinary comment of reader `n`: distinct words, so no campaign is seen in the load.
    static func comment(_ n: Int) -> String {
        let places = ["Cawang", "Depok", "Bekasi", "Tangerang", "Bogor", "Cikarang", "Serpong", "Ciputat", "Cibubur", "Kemayoran", "Pluit"]
        let things = [
            "jalan berlubang", "lampu merah mati", "antrean SPBU", "harga telur", "jadwal bus", "sampah menumpuk", "air PDAM keruh",
        ]
        let moods = ["semoga cepat ditangani", "sudah lapor ke kelurahan", "kapan diperbaiki", "terima kasih beritanya", "warga resah"]
        return "Di \(places[n % places.count]) \(things[n / places.count % things.count]) \(moods[n / 77 % moods.count]), catatan ke-\(n)."
    }

    @Test func aBackupTakenWhileServeTakesCommentsPassesTheIntegrityCheckAndOpens() async throws {
        let folder = try CLI.temporaryFolder()
        try CLI.write(["rules.yaml": "rules: []\n"], to: folder.appendingPathComponent("Policies"))
        let server = try ServeProcess(folder: folder, arguments: ["--no-rate-limits"])
        defer { server.stop() }
        let db = folder.appendingPathComponent("serve.sqlite").path

        /// The comments answered 201, and a wait for the first `count` of them.
        actor Acknowledged {
            var ids: [Int] = []
            var waiting: (count: Int, continuation: CheckedContinuation<Void, Never>)?
            func add(_ id: Int) {
                ids.append(id)
                if let waiting, ids.count >= waiting.count {
                    waiting.continuation.resume()
                    self.waiting = nil
                }
            }
            /// The load ended (or failed): nobody waits for more.
            func finish() {
                waiting?.continuation.resume()
                waiting = nil
            }
            func wait(for count: Int) async {
                if ids.count >= count { return }
                await withCheckedContinuation { waiting = (count, $0) }
            }
        }
        let acknowledged = Acknowledged()
        @Sendable func post() async throws {
            try await withThrowingTaskGroup(of: Void.self) { group in
                for client in 0..<4 {
                    group.addTask {
                        for n in 0..<150 {
                            let reader = client * 1_000 + n
                            let reply = try await server.client.json(
                                "POST", "/v1/articles/berita-\(reader % 9)/comments",
                                ["author": ["name": "Pembaca \(reader)"], "body": Self.comment(reader)])
                            guard reply.status == 201, let id = try reply.json()["id"] as? Int else {
                                throw RawHTTP.Failure(description: "POST answered \(reply.status)")
                            }
                            await acknowledged.add(id)
                        }
                    }
                }
                try await group.waitForAll()
            }
        }
        let load = Task {
            do { try await post() } catch {
                await acknowledged.finish()
                throw error
            }
            await acknowledged.finish()
        }
        // Once the server is well into the load, back up while it keeps writing.
        await acknowledged.wait(for: 150)
        let before = Set(await acknowledged.ids)
        let copy = folder.appendingPathComponent("backup.sqlite").path
        let result = try CLI.run(["backup", "--db", db, copy])
        let during = await acknowledged.ids.count
        try await load.value
        #expect(result.status == 0, "\(result.stderr)")
        #expect(result.stdout.contains("integrity ok"))
        #expect(during < 600, "the load ended before the backup did; the test proves nothing")

        let queue = try DatabaseQueue(path: copy)
        let (check, ids) = try await queue.read { db in
            (try String.fetchAll(db, sql: "PRAGMA integrity_check"), Set(try Int.fetchAll(db, sql: "SELECT id FROM comments")))
        }
        try queue.close()
        #expect(check == ["ok"])
        #expect(before.isSubset(of: ids), "comments acknowledged before the backup are in it")
        #expect(ids.count < 600)
        // The copy opens with saring, and its address key came along.
        let summary = try CLI.run(["queue", "--summary", "--db", copy])
        #expect(summary.status == 0, "\(summary.stderr)")
        #expect(FileManager.default.fileExists(atPath: copy + ".key"))
        let original = try Data(contentsOf: URL(fileURLWithPath: db + ".key"))
        #expect(try Data(contentsOf: URL(fileURLWithPath: copy + ".key")) == original)
        let attributes = try FileManager.default.attributesOfItem(atPath: copy + ".key")
        #expect((attributes[.posixPermissions] as? NSNumber)?.intValue == 0o600)
    }

    @Test func backupRefusesToOverwriteUnlessForced() async throws {
        let site = try await SiteData.make()
        let folder = URL(fileURLWithPath: site.path).deletingLastPathComponent()
        let copy = folder.appendingPathComponent("kemarin.sqlite").path
        try Data("backup kemarin".utf8).write(to: URL(fileURLWithPath: copy))
        let refused = try CLI.run(["backup", "--db", site.path, copy])
        #expect(refused.status == 1)
        #expect(refused.stderr.contains("\(copy) exists already"))
        #expect(try String(contentsOfFile: copy, encoding: .utf8) == "backup kemarin")

        let forced = try CLI.run(["backup", "--db", site.path, copy, "--force"])
        #expect(forced.status == 0, "\(forced.stderr)")
        let export = try CLI.run(["export", "--db", copy])
        #expect(export.stdout == (try CLI.run(["export", "--db", site.path])).stdout)
        #expect(try FileManager.default.contentsOfDirectory(atPath: folder.path).allSatisfy { !$0.contains(".partial-") })
    }

    /// A backup before an upgrade holds the database as the old version left it.
    @Test func backupCopiesAnOlderSchemaWithoutMigratingIt() async throws {
        let folder = try CLI.temporaryFolder()
        let path = folder.appendingPathComponent("lama.sqlite").path
        try SaringStore(path: path, migrations: try Migration.embedded().filter { $0.version < 8 }).migrate()
        let copy = folder.appendingPathComponent("lama-backup.sqlite").path
        let result = try CLI.run(["backup", "--db", path, copy])
        #expect(result.status == 0, "\(result.stderr)")
        for file in [path, copy] {
            let queue = try DatabaseQueue(path: file)
            #expect(try await queue.read { db in try Int.fetchOne(db, sql: "SELECT max(version) FROM saring_migrations") } == 7)
            try queue.close()
        }
    }

    @Test func aStaleWALBesidePathIsRefusedUnlessForcedAndNeverReadIntoTheCopy() async throws {
        let site = try await SiteData.make()
        let folder = URL(fileURLWithPath: site.path).deletingLastPathComponent()
        let copy = folder.appendingPathComponent("salinan.sqlite").path
        try Data(repeating: 7, count: 4096).write(to: URL(fileURLWithPath: copy + "-wal"))
        let refused = try CLI.run(["backup", "--db", site.path, copy])
        #expect(refused.status == 1)
        #expect(refused.stderr.contains("\(copy)-wal exists"), "\(refused.stderr)")
        #expect(!FileManager.default.fileExists(atPath: copy))
        let forced = try CLI.run(["backup", "--db", site.path, copy, "--force"])
        #expect(forced.status == 0, "\(forced.stderr)")
        #expect(try CLI.run(["export", "--db", copy]).stdout == (try CLI.run(["export", "--db", site.path])).stdout)
    }

    @Test(arguments: [
        ("no-such-folder/copy.sqlite", "there is no folder"), ("", "PATH must not be empty"), (".", "is a folder"),
    ])
    func backupRefusesPathsItCannotWrite(path: String, message: String) async throws {
        let site = try await SiteData.make()
        let folder = URL(fileURLWithPath: site.path).deletingLastPathComponent()
        let result = try CLI.run(["backup", "--db", site.path, path], in: folder)
        #expect(result.status != 0)
        #expect(result.stderr.contains(message), "\(result.stderr)")
    }

    @Test func backupOfAMissingDatabaseSaysSo() throws {
        let folder = try CLI.temporaryFolder()
        let result = try CLI.run([
            "backup", "--db", folder.appendingPathComponent("tidak-ada.sqlite").path, folder.appendingPathComponent("b.sqlite").path,
        ])
        #expect(result.status == 1)
        #expect(result.stderr.contains("no database at"))
        #expect(!FileManager.default.fileExists(atPath: folder.appendingPathComponent("b.sqlite").path))
    }
}
