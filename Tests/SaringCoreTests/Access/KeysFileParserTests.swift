import SaringCore
import Testing

@Suite("Keys file")
struct KeysFileParserTests {
    static let good = """
        site-keys:
          - name: portal-web
            key: "sk-portal-0123456789abcdef"
        moderators:
          - name: ana
            token: "mod-ana-0123456789abcdef"
          - name: budi
            token-sha256: "\(Digests.sha256Hex("mod-budi-0123456789abcdef"))"
        admins:
          - name: ops
            token: "adm-ops-0123456789abcdef"
        """

    @Test func readsEveryKindOfCredentialAndTellsCallersApart() throws {
        let keys = try KeysFileParser.parse(Self.good, file: "keys.yaml").get()
        #expect(keys.caller(forToken: "sk-portal-0123456789abcdef") == .site(name: "portal-web"))
        #expect(keys.caller(forToken: "mod-ana-0123456789abcdef") == .moderator(name: "ana"))
        #expect(keys.caller(forToken: "mod-budi-0123456789abcdef") == .moderator(name: "budi"))
        #expect(keys.caller(forToken: "adm-ops-0123456789abcdef") == .admin(name: "ops"))
        #expect(keys.caller(forToken: "adm-ops-0123456789abcdeF") == nil)
        #expect(keys.caller(forToken: "") == nil)
    }

    @Test func anEmptyFileHoldsNoCredentials() throws {
        #expect(try KeysFileParser.parse("", file: "keys.yaml").get().isEmpty)
    }

    @Test(arguments: [
        ("moderators:\n  - name: ana\n    token: short\n", 3, "shorter than 16"),
        ("moderators:\n  - name: ana\n", 2, "needs 'token' or 'token-sha256'"),
        ("moderators:\n  - token: abcdefghijklmnopqrstu\n", 2, "needs a 'name'"),
        ("moderators:\n  - name: ana\n    token-sha256: abc\n", 3, "64 hex digits"),
        ("moderators:\n  - name: ana\n    token: abcdefghijklmnopqrstu\n    token-sha256: \(String(repeating: "a", count: 64))\n", 3, "give one"),
        ("moderators:\n  - name: ana\n    key: abcdefghijklmnopqrstu\n", 3, "unknown key 'key'"),
        ("editors:\n  - name: ana\n", 1, "unknown key 'editors'"),
        ("moderators: ana\n", 1, "must be a list"),
        ("admins:\n  - name: a\n    token: abcdefghijklmnopqrstu\n  - name: a\n    token: bcdefghijklmnopqrstuv\n", 4, "appears twice"),
        ("admins:\n  - name: a\n    token: abcdefghijklmnopqrstu\nmoderators:\n  - name: b\n    token: abcdefghijklmnopqrstu\n", 2, "same secret as the entry on line 5"),
        ("admins:\n  - name: a b\n    token: abcdefghijklmnopqrstu\n", 2, "without spaces"),
        ("admins: [\n", 2, "invalid YAML"),
    ])
    func refusesABrokenFileNamingTheLine(_ text: String, _ line: Int, _ message: String) {
        guard case .failure(let error) = KeysFileParser.parse(text, file: "keys.yaml") else {
            Issue.record("accepted: \(text)")
            return
        }
        #expect(error.diagnostics.contains { $0.line == line && $0.message.contains(message) }, "\(error.diagnostics)")
    }
}

@Suite("Author identities")
struct AuthorIdentityTests {
    @Test(arguments: ["Tukang\u{200B}Rusuh", "TUKANGRUSUH", "Ｔｕｋａｎｇ Ｒｕｓｕｈ".replacingOccurrences(of: " ", with: ""), "Tukаng Rusuh".replacingOccurrences(of: " ", with: "")])
    func namesAreFoldedLikeText(_ name: String) {
        #expect(AuthorIdentity(name: name, email: nil) == AuthorIdentity(name: "TukangRusuh", email: nil))
        #expect(AuthorIdentity(moderatorInput: "TukangRusuh") == AuthorIdentity(name: name, email: nil))
    }

    @Test func verifiedIdentitiesAreTheirOwnNamespace() {
        let verified = AuthorIdentity(name: "Budi", email: "budi@example.com", userId: "42")
        #expect(verified.key == "user:42")
        #expect(verified.isVerified)
        #expect(AuthorIdentity(moderatorInput: "user:42") == verified)
        #expect(!AuthorIdentity(name: "user:42", email: nil).isVerified)
        #expect(AuthorIdentity(name: "x", email: "Budi@Example.com").key == "email:budi@example.com")
    }

    @Test(arguments: [("Redaksi", true), ("Admin Portal", true), ("ADM1N", true), ("Tim R e d a k s i", true), ("Adminah", false), ("Budi", false)])
    func reservedNamesMatchWholeWordsAfterFolding(_ name: String, _ reserved: Bool) {
        #expect(AbuseSettings().isReserved(name: name) == reserved)
    }
}
