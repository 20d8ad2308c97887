import Foundation
import SaringTestSupport
import Testing

/// `saring serve --keys FILE`: refuses a broken file at start, reloads on SIGHUP, keeps the keys
/// in force when the new file is broken.
@Suite("saring serve with a keys file")
struct KeysFileProcessTests {
    static func keys(admin token: String) -> String {
        "admins:\n  - name: ops\n    token: \"\(token)\"\n"
    }

    static func put(_ server: ServeProcess, token: String) async throws -> Int {
        try await server.client.json("PUT", "/v1/articles/a1", ["open": true], headers: ["Authorization": "Bearer \(token)"]).status
    }

    @Test func reloadsTheKeysFileOnSIGHUPAndKeepsTheOldKeysWhenTheNewFileIsBroken() async throws {
        let folder = try CLI.temporaryFolder()
        try CLI.write(["rules.yaml": "rules: []\n"], to: folder.appendingPathComponent("Policies"))
        let keysFile = folder.appendingPathComponent("keys.yaml")
        try Data(Self.keys(admin: "first-token-0123456789").utf8).write(to: keysFile)
        let server = try ServeProcess(folder: folder, arguments: ["--keys", keysFile.path])
        defer { server.stop() }
        #expect(try await Self.put(server, token: "first-token-0123456789") == 200)

        try Data(Self.keys(admin: "second-token-0123456789").utf8).write(to: keysFile)
        server.signal(SIGHUP)
        var status = 0
        for _ in 0..<50 where status != 200 {
            status = try await Self.put(server, token: "second-token-0123456789")
            if status != 200 { try await Task.sleep(for: .milliseconds(100)) }
        }
        #expect(status == 200)
        #expect(try await Self.put(server, token: "first-token-0123456789") == 401)

        try Data("admins:\n  - name: ops\n    token: short\n".utf8).write(to: keysFile)
        server.signal(SIGHUP)
        // The refusal is logged; the keys in force still work meanwhile and after.
        try server.waitForOutput("keys reload refused")
        #expect(try await Self.put(server, token: "second-token-0123456789") == 200)
    }

    /// A signal reaches one dispatch source only: both reloaders must still hear every SIGHUP.
    @Test func oneSIGHUPReloadsBothThePolicyFolderAndTheKeysFile() async throws {
        let folder = try CLI.temporaryFolder()
        let policies = folder.appendingPathComponent("Policies")
        try CLI.write(["rules.yaml": "rules: []\n"], to: policies)
        let keysFile = folder.appendingPathComponent("keys.yaml")
        try Data(Self.keys(admin: "first-token-0123456789").utf8).write(to: keysFile)
        let server = try ServeProcess(folder: folder, arguments: ["--keys", keysFile.path, "--reload-interval", "3600"])
        defer { server.stop() }
        try Data(Self.keys(admin: "second-token-0123456789").utf8).write(to: keysFile)
        try CLI.write(["rules.yaml": ServeProcessTests.rules], to: policies)
        server.signal(SIGHUP)
        try server.waitForOutput("keys reloaded")
        try server.waitForOutput("in force (1 rules")
        #expect(try await Self.put(server, token: "second-token-0123456789") == 200)
    }

    @Test func refusesToStartOnABrokenKeysFileNamingTheLine() throws {
        let folder = try CLI.temporaryFolder()
        try CLI.write(["rules.yaml": "rules: []\n"], to: folder.appendingPathComponent("Policies"))
        let keysFile = folder.appendingPathComponent("keys.yaml")
        try Data("moderators:\n  - name: ana\n    token: kurz\n".utf8).write(to: keysFile)
        let result = try CLI.run(["serve", "--port", "0", "--db", folder.appendingPathComponent("s.sqlite").path, "--keys", keysFile.path], in: folder)
        #expect(result.status == 1)
        #expect(result.stderr.contains("keys.yaml:3:"))
        #expect(result.stderr.contains("shorter than 16"))
    }
}
