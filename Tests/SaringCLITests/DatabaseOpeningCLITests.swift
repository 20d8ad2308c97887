import Foundation
import SaringStore
import Testing

@Suite("A mistyped --db: only serve and migrate create a database (the real binary)")
struct DatabaseOpeningCLITests {
    /// Every command that reads or decides, with a missing file.
    static let commands: [[String]] = [
        ["queue"], ["queue", "--summary"], ["show", "1"], ["approve", "1"], ["reject", "1"],
        ["reject", "--matching", "slot", "--dry-run"], ["reject", "--campaign", "1", "--dry-run"], ["ban", "Budi"],
        ["unban", "Budi"], ["trust", "Budi"], ["bans"], ["migrate", "--status"],
    ]

    @Test(arguments: commands)
    func aCommandOnAMissingDatabaseNamesItAndCreatesNothing(_ command: [String]) throws {
        let folder = try CLI.temporaryFolder()
        let path = folder.appendingPathComponent("saring-typo.sqlite").path
        let result = try CLI.run(command + ["--db", path])
        let created = try FileManager.default.contentsOfDirectory(atPath: folder.path)
        #expect(created.isEmpty, "\(command) left \(created)")
        if command == ["migrate", "--status"] {
            // Listing migrations of a file that is not there yet is an answer, not a failure.
            #expect(result.status == 0)
            #expect(result.stdout.contains("no database at \(path) yet: every migration is pending"))
            #expect(result.stdout.contains("0001_initial.sql  pending"))
            return
        }
        #expect(result.status == 1, "\(command): \(result.stderr)")
        #expect(result.stderr == "Error: no database at \(path): check --db (or SARING_DB); `saring migrate --db \(path)` creates a new one\n")
        #expect(result.stdout.isEmpty)
    }

    @Test func theEnvironmentsDatabaseIsRefusedTheSameWay() throws {
        let folder = try CLI.temporaryFolder()
        let result = try CLI.run(["queue"], environment: ["SARING_DB": "salah.sqlite"], in: folder)
        #expect(result.status == 1)
        #expect(result.stderr.contains("no database at salah.sqlite"))
        #expect(try FileManager.default.contentsOfDirectory(atPath: folder.path).isEmpty)
    }

    @Test func migrateCreatesTheDatabaseAndThenTheOthersOpenIt() throws {
        let path = try CLI.temporaryFolder().appendingPathComponent("new.sqlite").path
        #expect(try CLI.run(["migrate", "--db", path]).status == 0)
        let queue = try CLI.run(["queue", "--db", path])
        #expect(queue.status == 0, "\(queue.stderr)")
        #expect(queue.stdout.hasPrefix("pending queue: 0 comments"))
    }

    /// A path that exists but cannot be a database: the message says the path once.
    @Test func aFileThatCannotBeOpenedIsNamedOnce() throws {
        let folder = try CLI.temporaryFolder()
        let result = try CLI.run(["queue", "--db", folder.path])
        #expect(result.status == 1)
        #expect(result.stderr.hasPrefix("Error: cannot open database \(folder.path): "))
        #expect(result.stderr.components(separatedBy: "cannot open database").count == 2, "\(result.stderr)")
    }

    /// Through the pseudo-terminal, as a moderator would start it: no screen, no database.
    @Test func reviewOnAMissingDatabaseExitsBeforeTakingTheScreen() throws {
        let folder = try CLI.temporaryFolder()
        let path = folder.appendingPathComponent("typo.sqlite").path
        let review = try PseudoTerminal(["review", "--db", path, "--as", "ana"])
        #expect(try review.waitForExit() == 1)
        #expect(review.text.hasPrefix("Error: no database at /"))
        #expect(review.text.contains("typo.sqlite"))
        #expect(!review.text.contains("Nothing to review"))
        #expect(try FileManager.default.contentsOfDirectory(atPath: folder.path).isEmpty)
    }
}
