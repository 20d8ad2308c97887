import Foundation
import SaringCore
import SaringStore
import SaringTestSupport
import Testing

/// The moderators' HTTP API on the live server, as the moderator whose token made each request.
@Suite("Moderators' HTTP API")
struct ModerationAPITests {
    static let keys = """
        site-keys:
          - name: portal-web
            key: "sk-portal-0123456789abcdef"
        moderators:
          - name: ana
            token: "mod-ana-0123456789abcdef"
          - name: budi
            token: "mod-budi-0123456789abcdef"
        admins:
          - name: ops
            token: "adm-ops-0123456789abcdef"
        """
    static let ana = ["Authorization": "Bearer mod-ana-0123456789abcdef"]
    static let budi = ["Authorization": "Bearer mod-budi-0123456789abcdef"]
    static let admin = ["Authorization": "Bearer adm-ops-0123456789abcdef"]
    static let site = ["Authorization": "Bearer sk-portal-0123456789abcdef"]

    /// Stores comments as the policy left them: `pending` held, the rest published.
    static func seed(_ server: LiveServer, _ count: Int, status: CommentStatus = .pending, article: String = "a1", from: Int = 0)
        async throws -> [Int64]
    {
        var ids: [Int64] = []
        for n in from..<(from + count) {
            let draft = CommentDraft(
                articleId: article, authorName: Readers.name(n), authorEmail: nil, body: Readers.comment(n), parentId: nil)
            let comment = try await server.store.submit(
                draft, verdict: Verdict(status: status, publishedBody: draft.body, policyVersion: "test"))
            ids.append(comment.id)
        }
        return ids
    }

    static func call(
        _ server: LiveServer, _ method: String, _ path: String, _ body: Any? = nil, as headers: [String: String]
    ) async throws -> HTTPReply {
        if let body { return try await server.client.json(method, path, body, headers: headers) }
        return try await server.client.send(method, path, contentType: nil, headers: headers)
    }

    static func routes() -> [(method: String, path: String, body: Any?)] { [
        ("GET", "/v1/queue", nil),
        ("GET", "/v1/bans", nil),
        ("GET", "/v1/comments/1/moderation", nil),
        ("POST", "/v1/comments/1/decision", ["action": "approve"]),
        ("POST", "/v1/comments/1/claim", nil),
        ("DELETE", "/v1/comments/1/claim", nil),
        ("POST", "/v1/authors/ban", ["author": "Nobody Here"]),
        ("POST", "/v1/authors/unban", ["author": "Nobody Here"]),
        ("POST", "/v1/authors/trust", ["author": "Nobody Here"]),
        ("POST", "/v1/bulk/reject", ["matching": "slot gacor", "dryRun": true]),
        ("POST", "/v1/batches/1/undo", nil),
        ("POST", "/v1/decisions/1/undo", nil),
    ] }

    @Test func everyRouteRefusesReadersAndSiteKeysAndServesModeratorsAndAdmins() async throws {
        try await LiveServer.run(keysFile: Self.keys) { server in
            _ = try await Self.seed(server, 2)
            for (n, route) in Self.routes().enumerated() {
                let reader = try await Self.call(server, route.method, route.path, route.body, as: [:])
                #expect(reader.status == 401, "\(route.method) \(route.path) reader: \(reader.text)")
                #expect(reader.errorCode == "unauthorized")
                let site = try await Self.call(server, route.method, route.path, route.body, as: Self.site)
                #expect(site.status == 403, "\(route.method) \(route.path) site: \(site.text)")
                #expect(site.errorCode == "forbidden")
                let wrong = try await Self.call(server, route.method, route.path, route.body, as: [
                    "Authorization": "Bearer nope", "X-Forwarded-For": "198.51.100.\(n + 1)",
                ])
                #expect(wrong.status == 401, "\(route.method) \(route.path) bad token")
                for (who, headers) in [("moderator", Self.ana), ("admin", Self.admin)] {
                    let reply = try await Self.call(server, route.method, route.path, route.body, as: headers)
                    #expect(try ![401, 403].contains(reply.status) && reply.status < 500, "\(route.method) \(route.path) \(who): \(reply.text)")
                }
            }
        }
    }

    @Test func theQueuePagesWithACursorAndFiltersByKindArticleAndTime() async throws {
        try await LiveServer.run(keysFile: Self.keys) { server in
            let held = try await Self.seed(server, 7)
            let elsewhere = try await Self.seed(server, 2, article: "a2", from: 50)
            _ = try await Self.seed(server, 3, status: .published, from: 100)
            var seen: [Int64] = []
            var cursor: String?
            repeat {
                let reply = try await Self.call(server, "GET", "/v1/queue?limit=4" + (cursor.map { "&cursor=\($0)" } ?? ""), as: Self.ana)
                #expect(reply.status == 200, "\(reply.text)")
                let json = try reply.json()
                let items = try #require(json["items"] as? [[String: Any]])
                seen += items.compactMap { ($0["id"] as? Int).map(Int64.init) }
                #expect(try items.allSatisfy { $0["status"] as? String == "pending" && $0["author"] is [String: Any] })
                cursor = json["nextCursor"] as? String
            } while cursor != nil
            #expect(seen == held + elsewhere)
            let a2 = try await Self.call(server, "GET", "/v1/queue?article=a2", as: Self.admin).json()["items"] as? [[String: Any]]
            #expect(a2?.compactMap { $0["id"] as? Int }.map(Int64.init) == elsewhere)
            let byAuthor = try await Self.call(server, "GET", "/v1/queue?author=\(Readers.name(3).addingPercentEncoding(withAllowedCharacters: .alphanumerics)!)", as: Self.ana)
            #expect((try byAuthor.json()["items"] as? [[String: Any]])?.compactMap { $0["id"] as? Int } == [Int(held[3])], "\(byAuthor.text)")
            let unknown = try await Self.call(server, "GET", "/v1/queue?author=Siapa%20Saja", as: Self.ana)
            #expect(unknown.status == 404)
            #expect(unknown.errorCode == "author_not_found")
            let future = try await Self.call(server, "GET", "/v1/queue?since=2999-01-01T00:00:00Z", as: Self.ana).json()
            #expect((future["items"] as? [Any])?.isEmpty == true)
            for (query, code) in [
                ("kind=weird", "invalid_kind"), ("limit=0", "invalid_limit"), ("limit=abc", "invalid_limit"), ("cursor=xyz", "invalid_cursor"),
                ("since=yesterday", "invalid_since"), ("article=%20", "invalid_article_id"),
            ] {
                let reply = try await Self.call(server, "GET", "/v1/queue?\(query)", as: Self.ana)
                #expect(reply.status == 400, "\(query): \(reply.text)")
                #expect(reply.errorCode == code)
            }
        }
    }

    @Test func aDecisionRecordsTheTokensModeratorAndThePublicPageFollowsAtOnce() async throws {
        try await LiveServer.run(keysFile: Self.keys) { server in
            let id = try #require(try await Self.seed(server, 1).first)
            // The page is cached before the decision.
            let before = try await server.client.send("GET", "/v1/articles/a1/comments", contentType: nil)
            #expect((try before.json()["comments"] as? [Any])?.isEmpty == true)
            let approve = try await Self.call(server, "POST", "/v1/comments/\(id)/decision", ["action": "approve", "reason": "aman"], as: Self.ana)
            #expect(approve.status == 200, "\(approve.text)")
            let json = try approve.json()
            #expect(json["status"] as? String == "published" && json["changed"] as? Bool == true)
            #expect((json["decision"] as? [String: Any])?["decidedBy"] as? String == "ana")
            let after = try await server.client.send("GET", "/v1/articles/a1/comments", contentType: nil)
            #expect((try after.json()["comments"] as? [[String: Any]])?.first?["id"] as? Int == Int(id))

            let again = try await Self.call(server, "POST", "/v1/comments/\(id)/decision", ["action": "approve"], as: Self.budi)
            #expect(try again.status == 200 && (again.json()["changed"] as? Bool) == false)
            let contrary = try await Self.call(server, "POST", "/v1/comments/\(id)/decision", ["action": "reject"], as: Self.budi)
            #expect(contrary.status == 409, "\(contrary.text)")
            #expect(contrary.errorCode == "override_needed")
            let stale = try await Self.call(
                server, "POST", "/v1/comments/\(id)/decision", ["action": "reject", "override": true, "expectedLastDecision": 1], as: Self.budi)
            #expect(stale.status == 409, "\(stale.text)")
            #expect(stale.errorCode == "decided_meanwhile")
            let overridden = try await Self.call(
                server, "POST", "/v1/comments/\(id)/decision", ["action": "reject", "override": true], as: Self.budi)
            #expect(try overridden.status == 200 && (overridden.json()["status"] as? String) == "rejected")
            let hidden = try await server.client.send("GET", "/v1/articles/a1/comments", contentType: nil)
            #expect((try hidden.json()["comments"] as? [Any])?.isEmpty == true)

            let detail = try await Self.call(server, "GET", "/v1/comments/\(id)/moderation", as: Self.ana).json()
            let decisions = try #require(detail["decisions"] as? [[String: Any]])
            #expect(decisions.compactMap { $0["decidedBy"] as? String } == ["test", "ana", "budi"])
            #expect((detail["comment"] as? [String: Any])?["body"] as? String == Readers.comment(0))

            // Undo through the API takes back budi's rejection.
            let undoId = try #require(decisions.last?["id"] as? Int)
            let notHis = try await Self.call(server, "POST", "/v1/decisions/\(undoId)/undo", as: Self.ana)
            #expect(notHis.status == 409)
            #expect(notHis.errorCode == "override_needed")
            let undone = try await Self.call(server, "POST", "/v1/decisions/\(undoId)/undo", as: Self.budi)
            #expect(try undone.status == 200 && (undone.json()["status"] as? String) == "published", "\(undone.text)")
        }
    }

    @Test func badDecisionsGetPreciseErrorsAndChangeNothing() async throws {
        try await LiveServer.run(keysFile: Self.keys) { server in
            let id = try #require(try await Self.seed(server, 1).first)
            let cases: [(String, Data, Int, String)] = [
                ("/v1/comments/\(id)/decision", Data(#"{"action":"publish"}"#.utf8), 422, "invalid_action"),
                ("/v1/comments/\(id)/decision", Data(#"{"action":"#.utf8), 400, "malformed_json"),
                ("/v1/comments/\(id)/decision", Data(#"{"action":"reject","reason":"a\u0007b"}"#.utf8), 422, "invalid_reason"),
                ("/v1/comments/\(id)/decision", Data(#"{"action":"reject","reason":"\#(String(repeating: "x", count: 501))"}"#.utf8), 422, "reason_too_long"),
                ("/v1/comments/999/decision", Data(#"{"action":"reject"}"#.utf8), 404, "comment_not_found"),
                ("/v1/comments/abc/decision", Data(#"{"action":"reject"}"#.utf8), 400, "invalid_comment_id"),
                ("/v1/comments/\(id)/claim", Data(#"{"seconds":5}"#.utf8), 422, "invalid_lease"),
                ("/v1/authors/ban", Data(#"{"author":""}"#.utf8), 422, "invalid_author"),
                ("/v1/authors/ban", Data(#"{"author":"Siapa Saja"}"#.utf8), 404, "author_not_found"),
                ("/v1/authors/ban", Data(#"{"author":"Siapa Saja","addressHours":-1}"#.utf8), 422, "invalid_address_hours"),
                ("/v1/bulk/reject", Data(#"{"matching":""}"#.utf8), 422, "invalid_pattern"),
                ("/v1/bulk/reject", Data(#"{"matching":".*"}"#.utf8), 422, "invalid_pattern"),
                ("/v1/bulk/reject", Data(#"{"matching":"slot("}"#.utf8), 422, "invalid_pattern"),
                ("/v1/bulk/reject", Data(#"{"matching":"x","campaign":3}"#.utf8), 422, "invalid_selection"),
                ("/v1/bulk/reject", Data(#"{"campaign":77}"#.utf8), 404, "campaign_not_found"),
                ("/v1/bulk/reject", Data(#"{"matching":"x","kind":"all"}"#.utf8), 400, "invalid_kind"),
                ("/v1/batches/42/undo", Data(), 404, "batch_not_found"),
            ]
            for (path, body, status, code) in cases {
                let reply = try await server.client.send("POST", path, body: body, headers: Self.ana)
                #expect(reply.status == status, "\(path) \(String(decoding: body, as: UTF8.self)): \(reply.text)")
                #expect(reply.errorCode == code)
            }
            #expect(try await server.store.comment(id: id)?.status == .pending)
            #expect(try await server.store.decisions(commentId: id).count == 1)
        }
    }

    @Test func claimsAreExclusiveAndOnlyTheHolderReleases() async throws {
        try await LiveServer.run(keysFile: Self.keys) { server in
            let id = try #require(try await Self.seed(server, 1).first)
            let claim = try await Self.call(server, "POST", "/v1/comments/\(id)/claim", ["seconds": 120], as: Self.ana)
            #expect(try claim.status == 200 && (claim.json()["claimedBy"] as? String) == "ana", "\(claim.text)")
            let taken = try await Self.call(server, "POST", "/v1/comments/\(id)/claim", as: Self.budi)
            #expect(taken.status == 409)
            #expect(taken.errorCode == "claimed_by_other")
            let decide = try await Self.call(server, "POST", "/v1/comments/\(id)/decision", ["action": "reject"], as: Self.budi)
            #expect(decide.status == 409)
            #expect(decide.errorCode == "claimed_by_other")
            let steal = try await Self.call(server, "DELETE", "/v1/comments/\(id)/claim", as: Self.budi)
            #expect(steal.status == 409)
            #expect(try await Self.call(server, "DELETE", "/v1/comments/\(id)/claim", as: Self.ana).status == 204)
            #expect(try await Self.call(server, "POST", "/v1/comments/\(id)/claim", as: Self.budi).status == 200)
        }
    }

    @Test func banAndBulkRejectAreBatchesUndoneOverHTTP() async throws {
        try await LiveServer.run(keysFile: Self.keys) { server in
            let ordinary = try await Self.seed(server, 4)
            var spam: [Int64] = []
            for (n, text) in ["slot gacor maxwin malam ini", "daftar slot gacor sekarang juga", "bonus slot gacor tiap hari"].enumerated() {
                let draft = CommentDraft(articleId: "a1", authorName: "Promo \(n)", authorEmail: nil, body: text, parentId: nil)
                spam.append(try await server.store.submit(draft, verdict: Verdict(status: .pending, publishedBody: text, policyVersion: "t")).id)
            }
            let dry = try await Self.call(server, "POST", "/v1/bulk/reject", ["matching": "slot\\s*gacor", "dryRun": true], as: Self.ana)
            let dryJSON = try dry.json()
            #expect(try dry.status == 200 && dryJSON["count"] as? Int == 3 && dryJSON["batchId"] == nil, "\(dry.text)")
            #expect((dryJSON["sample"] as? [[String: Any]])?.first?["spans"] as? [[Int]] == [[0, 10]])
            #expect(try await server.store.queueCount(QueueFilter()) == 7)

            let done = try await Self.call(
                server, "POST", "/v1/bulk/reject", ["matching": "slot\\s*gacor", "except": [spam[2]], "reason": "gelombang judol"], as: Self.ana)
            let doneJSON = try done.json()
            #expect(doneJSON["decided"] as? [Int] == spam.prefix(2).map { Int($0) })
            let batch = try #require(doneJSON["batchId"] as? Int)
            #expect(try await server.store.comment(id: spam[0])?.status == .rejected)
            #expect(try await server.store.comment(id: spam[2])?.status == .pending)
            let undo = try await Self.call(server, "POST", "/v1/batches/\(batch)/undo", as: Self.ana)
            #expect(try undo.status == 200 && (undo.json()["restored"] as? [Int]) == spam.prefix(2).map { Int($0) })
            let twice = try await Self.call(server, "POST", "/v1/batches/\(batch)/undo", as: Self.ana)
            #expect(twice.status == 409)
            #expect(twice.errorCode == "batch_undone")

            let ban = try await Self.call(server, "POST", "/v1/authors/ban", ["author": Readers.name(1), "reason": "spam"], as: Self.budi)
            let bans = try await Self.call(server, "GET", "/v1/bans", as: Self.ana).json()["bans"] as? [[String: Any]]
            #expect(bans?.count == 1)
            #expect(bans?.first?["by"] as? String == "budi" && bans?.first?["reason"] as? String == "spam")
            let rejected = try await Self.call(server, "GET", "/v1/queue?kind=rejected", as: Self.ana).json()["items"] as? [[String: Any]]
            #expect(rejected?.compactMap { $0["id"] as? Int } == [Int(ordinary[1])])
            let banJSON = try ban.json()
            #expect(try ban.status == 200 && banJSON["rejected"] as? [Int] == [Int(ordinary[1])], "\(ban.text)")
            #expect(try await server.store.author(AuthorIdentity(moderatorInput: Readers.name(1)))?.standing == .banned)
            let banBatch = try #require(banJSON["batchId"] as? Int)
            let byOther = try await Self.call(server, "POST", "/v1/batches/\(banBatch)/undo", as: Self.ana)
            #expect(byOther.status == 409)
            #expect(byOther.errorCode == "override_needed")
            let undoBan = try await Self.call(server, "POST", "/v1/batches/\(banBatch)/undo", ["override": true], as: Self.ana)
            #expect(undoBan.status == 200, "\(undoBan.text)")
            #expect(try await server.store.author(AuthorIdentity(moderatorInput: Readers.name(1)))?.standing == .normal)
            #expect(try await server.store.comment(id: ordinary[1])?.status == .pending)

            let trust = try await Self.call(server, "POST", "/v1/authors/trust", ["author": Readers.name(2)], as: Self.ana)
            #expect(try trust.status == 200 && (trust.json()["changed"] as? Bool) == true)
            let unban = try await Self.call(server, "POST", "/v1/authors/unban", ["author": Readers.name(3)], as: Self.ana)
            #expect(try unban.status == 200 && (unban.json()["changed"] as? Bool) == false)
        }
    }

    /// Moderators on HTTP and on the terminal's path (another connection to the same file, as a CLI
    /// process has) work one queue at once: every comment ends up decided exactly once.
    @Test func httpAndTheCLIAtOnceNeverDecideACommentTwice() async throws {
        try await LiveServer.run(keysFile: Self.keys) { server in
            let ids = try await Self.seed(server, 40)
            let cli = try SaringStore(path: server.databasePath)
            let budi = ModerationDesk(store: cli, moderator: "budi-cli")
            async let overHTTP: Int = {
                var decided = 0
                for id in ids {
                    guard try await Self.call(server, "POST", "/v1/comments/\(id)/claim", as: Self.ana).status == 200 else { continue }
                    let reply = try await Self.call(server, "POST", "/v1/comments/\(id)/decision", ["action": "approve"], as: Self.ana)
                    if reply.status == 200, try reply.json()["changed"] as? Bool == true { decided += 1 }
                }
                return decided
            }()
            async let onTerminal: Int = {
                var decided = 0
                while let item = try await cli.claimNext(moderator: "budi-cli", filter: QueueFilter(), lease: .seconds(60)) {
                    if (try? await budi.decide(item.comment.id, .reject, expectedLastDecision: item.lastDecisionId))?.changed == true {
                        decided += 1
                    }
                }
                return decided
            }()
            let (a, b) = try await (overHTTP, onTerminal)
            #expect(a + b == ids.count)
            for id in ids {
                let verdicts = try await server.store.decisions(commentId: id).filter(\.isModeratorVerdict)
                #expect(verdicts.count == 1, "comment \(id): \(verdicts.map(\.decidedBy))")
            }
        }
    }
}
