import Foundation
import SaringCore
import SaringServer
import SaringStore
import SaringTestSupport
import Testing

/// Token buckets per client address, author and article on the live server, with a clock the
/// test moves, so refills are tested without waiting.
@Suite("Rate limits on the live server")
struct RateLimitTests {
    static func post(_ server: LiveServer, _ payload: [String: Any], client: String, article: String = "a1") async throws -> HTTPReply {
        try await server.client.json("POST", "/v1/articles/\(article)/comments", payload, headers: ["X-Forwarded-For": client])
    }

    @Test func anAuthorPostingFasterThanAPersonIsLimitedAndNothingIsStored() async throws {
        let clock = TestClock()
        try await LiveServer.run(rateLimits: true, now: { clock.now }) { server in
            // Default per-author bucket: 5 at once, then 3 a minute.
            for n in 0..<5 {
                let reply = try await Self.post(server, Readers.body(n, name: "Budi Santoso"), client: "203.0.113.7")
                #expect(reply.status == 201, "\(reply.text)")
            }
            let limited = try await Self.post(server, Readers.body(5, name: "Budi Santoso"), client: "203.0.113.7")
            #expect(limited.status == 429)
            #expect(limited.errorCode == "rate_limited")
            #expect(limited.headers["retry-after"].flatMap(Int.init) == 20)
            #expect(limited.text.contains("per-author"))
            #expect(try await server.store.commentCounts()[.published] == 5)
            // Another reader behind the same address is not held back by Budi's bucket.
            let other = try await Self.post(server, Readers.body(6), client: "203.0.113.7")
            #expect(other.status == 201)
            // 20 s later one token is back.
            clock.advance(20)
            #expect(try await Self.post(server, Readers.body(7, name: "Budi Santoso"), client: "203.0.113.7").status == 201)
            #expect(try await Self.post(server, Readers.body(8, name: "Budi Santoso"), client: "203.0.113.7").status == 429)
        }
    }

    @Test func oneAddressRotatingNamesMeetsThePerClientLimitWhileOthersPost() async throws {
        // A clock that stands still: no refill while the test runs, however slow the machine.
        let clock = TestClock()
        try await LiveServer.run(rateLimits: true, now: { clock.now }) { server in
            var statuses: [Int] = []
            for n in 0..<65 { statuses.append(try await Self.post(server, Readers.body(n), client: "198.51.100.20").status) }
            // Default per-client bucket: 60 at once (room for a crowd behind carrier NAT).
            #expect(statuses.prefix(60).allSatisfy { $0 == 201 })
            #expect(statuses.suffix(5).allSatisfy { $0 == 429 })
            #expect(try await Self.post(server, Readers.body(100), client: "198.51.100.21").status == 201)
        }
    }

    @Test func anIPv6ClientIsItsSlash64() async throws {
        // A clock that stands still: no refill while the test runs, however slow the machine.
        let clock = TestClock()
        try await LiveServer.run(rateLimits: true, now: { clock.now }) { server in
            var statuses: [Int] = []
            for n in 0..<61 {
                // Every request from a different address of the same /64.
                statuses.append(try await Self.post(server, Readers.body(n), client: "2001:db8:aa:bb::\(String(n + 1, radix: 16))").status)
            }
            #expect(statuses.last == 429)
            #expect(try await Self.post(server, Readers.body(200), client: "2001:db8:aa:bc::1").status == 201)
        }
    }

    @Test func forwardedForFromAnUntrustedPeerIsIgnored() async throws {
        let clock = TestClock()
        try await LiveServer.run(rateLimits: true, trustedProxies: "", now: { clock.now }) { server in
            var statuses: [Int] = []
            // A spoofed header per request does not make the peer (127.0.0.1) many clients.
            for n in 0..<61 { statuses.append(try await Self.post(server, Readers.body(n), client: "192.0.2.\(n + 1)").status) }
            #expect(statuses.last == 429)
            let stored = try #require(try await server.store.comment(id: 1))
            let last = try #require(try await server.store.comment(id: 60))
            #expect(stored.clientHash == last.clientHash)
        }
    }

    @Test func anArticleUnderAFloodIsLimitedForEveryone() async throws {
        let files = ["settings.yaml": "rate-limits:\n  per-article: {burst: 10, per-minute: 10}\n"]
        let clock = TestClock()
        try await LiveServer.run(policyFiles: files, rateLimits: true, now: { clock.now }) { server in
            for n in 0..<10 {
                #expect(try await Self.post(server, Readers.body(n), client: "10.1.0.\(n + 1)", article: "hot").status == 201)
            }
            let limited = try await Self.post(server, Readers.body(10), client: "10.1.0.99", article: "hot")
            #expect(limited.status == 429)
            #expect(limited.text.contains("per-article"))
            #expect(try await Self.post(server, Readers.body(11), client: "10.1.0.99", article: "quiet").status == 201)
        }
    }

    @Test func withoutRateLimitsAScriptIsNotLimited() async throws {
        try await LiveServer.run(rateLimits: false) { server in
            for n in 0..<80 {
                let reply = try await Self.post(server, Readers.body(n, name: "Pengujian Beban"), client: "127.0.0.1")
                #expect(reply.status == 201)
            }
        }
    }

    @Test func clientAddressesAreStoredOnlyAsKeyedHashes() async throws {
        try await LiveServer.run(rateLimits: true) { server in
            let first = try await Self.post(server, Readers.body(1), client: "203.0.113.7")
            let second = try await Self.post(server, Readers.body(2), client: "203.0.113.7")
            let other = try await Self.post(server, Readers.body(3), client: "203.0.113.8")
            let ids = try [first, second, other].map { Int64(try $0.json()["id"] as? Int ?? 0) }
            var hashes: [String] = []
            for id in ids { hashes.append(try #require(try await server.store.comment(id: id)?.clientHash)) }
            #expect(hashes[0] == hashes[1])
            #expect(hashes[0] != hashes[2])
            #expect(hashes.allSatisfy { $0.count == 32 && $0.allSatisfy(\.isHexDigit) })
            // The key lives beside the database, readable by its owner only.
            let keyPath = server.databasePath + ".key"
            let attributes = try FileManager.default.attributesOfItem(atPath: keyPath)
            #expect((attributes[.posixPermissions] as? Int) == 0o600)
            for file in [server.databasePath, server.databasePath + "-wal"] {
                let bytes = (try? Data(contentsOf: URL(fileURLWithPath: file))) ?? Data()
                #expect(bytes.range(of: Data("203.0.113.7".utf8)) == nil)
            }
        }
    }

    @Test func failedAdminTokensAreThrottledPerClient() async throws {
        let clock = TestClock()
        try await LiveServer.run(now: { clock.now }) { server in
            var statuses: [Int] = []
            for _ in 0..<12 {
                statuses.append(
                    try await server.client.json(
                        "PUT", "/v1/articles/x", ["open": false],
                        headers: ["Authorization": "Bearer guess", "X-Forwarded-For": "203.0.113.50"]
                    ).status)
            }
            #expect(statuses.prefix(10).allSatisfy { $0 == 401 })
            #expect(statuses.suffix(2).allSatisfy { $0 == 429 })
            // Even the right token waits: the throttle does not tell a guesser when it hit.
            let right = try await server.client.json(
                "PUT", "/v1/articles/x", ["open": true],
                headers: ["Authorization": "Bearer test-admin-token", "X-Forwarded-For": "203.0.113.50"])
            #expect(right.status == 429)
            let elsewhere = try await server.client.json(
                "PUT", "/v1/articles/x", ["open": true],
                headers: ["Authorization": "Bearer test-admin-token", "X-Forwarded-For": "203.0.113.51"])
            #expect(elsewhere.status == 200)
        }
    }
}

/// What a node keeps of the shared bucket's answer: emptied until the wait it was told, never
/// fuller than it already was, and refilling from then on.
@Suite("An in-memory bucket emptied by the shared one")
struct ExhaustedBucketTests {
    @Test func anExhaustedBucketRefusesForTheWaitItWasToldThenRefills() {
        let limiter = InMemoryRateLimiter()
        let rule = BucketRule(burst: 10, perMinute: 10)
        #expect(limiter.peek("auth-failures:x", rule: rule, at: 1_000) == .allowed)
        limiter.exhaust("auth-failures:x", rule: rule, waitMillis: 6_000, at: 1_000)
        #expect(limiter.peek("auth-failures:x", rule: rule, at: 1_000) == .limited(limit: "auth-failures:x", retryAfterMillis: 6_000))
        #expect(limiter.peek("auth-failures:x", rule: rule, at: 6_999) != .allowed)
        #expect(limiter.peek("auth-failures:x", rule: rule, at: 7_000) == .allowed)
        // Told a shorter wait than its own, it keeps its own.
        limiter.exhaust("auth-failures:y", rule: rule, waitMillis: 30_000, at: 1_000)
        limiter.exhaust("auth-failures:y", rule: rule, waitMillis: 1_000, at: 1_000)
        #expect(limiter.peek("auth-failures:y", rule: rule, at: 20_000) != .allowed)
        #expect(limiter.peek("auth-failures:other", rule: rule, at: 1_000) == .allowed)
    }
}
