import Foundation
import SaringCore
import SaringServer
import SaringStore
import SaringTestSupport
import Testing

/// Who may post as whom: site-verified readers, anonymous readers folded and kept apart, reserved
/// names, address bans, and the credentials of the keys file.
@Suite("Identities and keys on the live server")
struct IdentityTests {
    static let keys = """
        site-keys:
          - name: portal-web
            key: "sk-portal-0123456789abcdef"
        moderators:
          - name: ana
            token: "mod-ana-0123456789abcdef"
        admins:
          - name: ops
            token: "adm-ops-0123456789abcdef"
        """
    static let site = ["Authorization": "Bearer sk-portal-0123456789abcdef"]

    static func post(
        _ server: LiveServer, _ author: [String: Any], _ n: Int, headers: [String: String] = [:]
    ) async throws -> HTTPReply {
        try await server.client.json(
            "POST", "/v1/articles/a1/comments", ["author": author, "body": Readers.comment(n)], headers: headers)
    }

    static func id(_ reply: HTTPReply) throws -> Int64 { Int64(try reply.json()["id"] as? Int ?? 0) }

    @Test func theSitesBackendPostsForAVerifiedReaderWhoseStandingFollowsTheirId() async throws {
        try await LiveServer.run(keysFile: Self.keys) { server in
            let first = try await Self.post(server, ["id": "u-42", "name": "Budi"], 1, headers: Self.site)
            #expect(first.status == 201, "\(first.text)")
            // Another display name, same reader.
            let second = try await Self.post(server, ["id": "u-42", "name": "Budi S."], 2, headers: Self.site)
            #expect(second.status == 201)
            let author = try #require(try await server.store.author(AuthorIdentity(moderatorInput: "user:u-42")))
            #expect(author.published == 2)
            // Spam under Budi's name and e-mail from the public changes nothing for the verified Budi.
            for n in 3..<6 {
                _ = try await Self.post(server, ["name": "Budi", "email": "BUDI@example.com"], n)
            }
            try await ModerationDesk(store: server.store, moderator: "ana").ban(AuthorIdentity(moderatorInput: "budi@example.com"), reason: nil)
            let third = try await Self.post(server, ["id": "u-42", "name": "Budi"], 7, headers: Self.site)
            #expect(try await server.store.comment(id: try Self.id(third))?.status == .published)
        }
    }

    @Test(arguments: [nil, "Bearer mod-ana-0123456789abcdef", "Bearer adm-ops-0123456789abcdef"])
    func anAuthorIdWithoutASiteKeyIsRefused(_ authorization: String?) async throws {
        try await LiveServer.run(keysFile: Self.keys) { server in
            let headers = authorization.map { ["Authorization": $0] } ?? [:]
            let reply = try await Self.post(server, ["id": "u-42", "name": "Budi"], 1, headers: headers)
            #expect(reply.status == 403)
            #expect(reply.errorCode == "site_key_required")
            #expect(try await server.store.commentCounts().isEmpty)
        }
    }

    @Test(arguments: ["Bearer nope-0123456789abcdef", "Basic c2l0ZQ==", "Bearer "])
    func anUnknownCredentialIs401(_ authorization: String) async throws {
        try await LiveServer.run(keysFile: Self.keys) { server in
            let reply = try await Self.post(server, ["name": "Budi"], 1, headers: ["Authorization": authorization])
            #expect(reply.status == 401)
            #expect(reply.errorCode == "unauthorized")
        }
    }

    @Test(arguments: ["", "a b", String(repeating: "x", count: 129), "u\u{0}1"])
    func aBadAuthorIdIs422(_ id: String) async throws {
        try await LiveServer.run(keysFile: Self.keys) { server in
            let reply = try await Self.post(server, ["id": id, "name": "Budi"], 1, headers: Self.site)
            #expect(reply.status == 422)
            #expect(reply.errorCode == "invalid_author_id")
        }
    }

    @Test func onlyAnAdminChangesArticleSettings() async throws {
        try await LiveServer.run(settings: ServerSettings(adminToken: nil), keysFile: Self.keys) { server in
            var statuses: [Int] = []
            for token in ["mod-ana-0123456789abcdef", "sk-portal-0123456789abcdef", "adm-ops-0123456789abcdef"] {
                statuses.append(
                    try await server.client.json("PUT", "/v1/articles/a9", ["open": false], headers: ["Authorization": "Bearer \(token)"]).status)
            }
            #expect(statuses == [403, 403, 200])
        }
    }

    @Test func aBanHoldsAgainstAnInvisibleCharacterInTheName() async throws {
        try await LiveServer.run { server in
            _ = try await Self.post(server, ["name": "TukangRusuh"], 1)
            try await ModerationDesk(store: server.store, moderator: "ana").ban(AuthorIdentity(moderatorInput: "TukangRusuh"), reason: nil)
            let evading = try await Self.post(server, ["name": "Tukang\u{200B}Rusuh"], 2, headers: ["X-Forwarded-For": "198.51.100.1"])
            #expect(try await server.store.comment(id: try Self.id(evading))?.status == .rejected)
        }
    }

    @Test(arguments: ["Redaksi", "Admin Portal", "R e d a k s i", "ℝ𝕖𝕕𝕒𝕜𝕤𝕚"])
    func reservedNamesAreRefusedForAnonymousReaders(_ name: String) async throws {
        try await LiveServer.run(keysFile: Self.keys) { server in
            let reply = try await Self.post(server, ["name": name], 1)
            #expect(reply.status == 422)
            #expect(reply.errorCode == "reserved_name")
            let verified = try await Self.post(server, ["id": "newsroom-1", "name": name], 2, headers: Self.site)
            #expect(verified.status == 201)
        }
    }

    @Test func banningAnAnonymousAuthorAlsoBansTheirAddressForOtherNamesButNotVerifiedReaders() async throws {
        try await LiveServer.run(keysFile: Self.keys) { server in
            let spammer = ["X-Forwarded-For": "203.0.113.66"]
            _ = try await Self.post(server, ["name": "Akun Satu"], 1, headers: spammer)
            try await ModerationDesk(store: server.store, moderator: "ana").ban(AuthorIdentity(moderatorInput: "Akun Satu"), reason: "judol")
            let rotated = try await Self.post(server, ["name": "Akun Dua"], 2, headers: spammer)
            let stored = try #require(try await server.store.comment(id: try Self.id(rotated)))
            #expect(stored.status == .rejected)
            #expect(try await server.store.decisions(commentId: stored.id).first?.reasons.contains { $0.contains("address banned with author Akun Satu") } == true)
            // Elsewhere, and for a verified reader on the same address, nothing changes.
            let elsewhere = try await Self.post(server, ["name": "Akun Tiga"], 3, headers: ["X-Forwarded-For": "203.0.113.67"])
            #expect(try await server.store.comment(id: try Self.id(elsewhere))?.status == .published)
            var siteHeaders = Self.site
            siteHeaders["X-Forwarded-For"] = "203.0.113.66"
            let verified = try await Self.post(server, ["id": "u-7", "name": "Sari"], 4, headers: siteHeaders)
            #expect(try await server.store.comment(id: try Self.id(verified))?.status == .published)
            // Unban lifts the address ban too.
            try await ModerationDesk(store: server.store, moderator: "ana").unban(AuthorIdentity(moderatorInput: "Akun Satu"), reason: nil)
            let after = try await Self.post(server, ["name": "Akun Empat"], 5, headers: spammer)
            #expect(try await server.store.comment(id: try Self.id(after))?.status == .published)
        }
    }

    @Test func theSiteBackendsForwardedAddressIsTheReaders() async throws {
        // 127.0.0.1 is no trusted proxy here: only the site key makes its X-Forwarded-For count.
        try await LiveServer.run(rateLimits: true, trustedProxies: "", keysFile: Self.keys) { server in
            var statuses: [Int] = []
            for n in 0..<70 {
                var headers = Self.site
                headers["X-Forwarded-For"] = "10.20.\(n / 200).\(n % 200 + 1)"
                statuses.append(try await Self.post(server, ["id": "reader-\(n)", "name": Readers.name(n)], n, headers: headers).status)
            }
            #expect(statuses.allSatisfy { $0 == 201 })
        }
    }
}
