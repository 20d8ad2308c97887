import Foundation
import GRDB
import SaringCore
import SaringServer
import SaringStore
import SaringTestSupport
import Testing

/// The Prometheus listener of a live server (a registry of the test's own), scraped over HTTP.
@Suite("Metrics")
struct MetricsTests {
    static let files: [String: String] = [
        "settings.yaml": "responses:\n  rejected-as: rejected\n",
        "judol.yaml": """
            rules:
              - id: judol.keywords
                description: Online-gambling spam keywords
                category: judol
                words: [slot gacor, maxwin]
                action: reject
                examples:
                  match: ["main slot gacor"]
              - id: judol.trial-link
                description: Trial of a rule on link shorteners
                category: judol
                words: [bit.ly]
                action: hold
                mode: shadow
                examples:
                  match: ["lihat bit.ly/abc"]
            """,
    ]

    static func scrape(_ server: LiveServer) async throws -> String {
        let reply = try await server.metricsClient!.send("GET", "/metrics", contentType: nil)
        #expect(reply.status == 200)
        #expect(reply.headers["content-type"]?.hasPrefix("text/plain") == true)
        return reply.text
    }

    /// The value of one series (`name{labels}` exactly as written), or nil.
    static func value(_ text: String, _ series: String) -> Double? {
        for line in text.split(separator: "\n") where line.hasPrefix(series + " ") {
            return Double(line.dropFirst(series.count + 1))
        }
        return nil
    }

    @Test func countsRequestsByRoutePatternNeverByRawPath() async throws {
        try await LiveServer.run(metrics: true) { server in
            for n in 0..<3 {
                let reply = try await server.client.json("POST", "/v1/articles/berita-\(n)/comments", Readers.body(n))
                #expect(reply.status == 201)
            }
            _ = try await server.client.send("GET", "/v1/articles/berita-1/comments", contentType: nil)
            _ = try await server.client.send("GET", "/v1/articles/bad%20id/comments", contentType: nil)
            _ = try await server.client.send("GET", "/no/such/route-123", contentType: nil)
            let text = try await Self.scrape(server)
            let route = "/v1/articles/{articleId}/comments"
            #expect(Self.value(text, #"saring_http_requests_total{route="\#(route)",method="POST",status="201"}"#) == 3, "\(text)")
            #expect(Self.value(text, #"saring_http_requests_total{route="\#(route)",method="GET",status="200"}"#) == 1)
            #expect(Self.value(text, #"saring_http_requests_total{route="\#(route)",method="GET",status="400"}"#) == 1)
            #expect(Self.value(text, #"saring_http_requests_total{route="NotFound",method="GET",status="404"}"#) == 1, "\(text)")
            #expect(Self.value(text, #"saring_http_request_duration_seconds_count{route="\#(route)",method="POST"}"#) == 3)
            #expect(text.contains(#"saring_http_request_duration_seconds_bucket{route="\#(route)",method="POST",le="0.0005"}"#))
            // No raw path, article id or comment text became a label.
            #expect(!text.contains("berita-") && !text.contains("route-123") && !text.contains("bad"))
        }
    }

    /// Another process (a moderator's CLI, a backup gone wrong) holding the write lock past the busy
    /// timeout: the reader is answered 503 storage_busy with Retry-After, the answer is counted, and
    /// once the lock goes the same comment is stored.
    @Test func aBusyDatabaseIsAnswered503AndCounted() async throws {
        try await LiveServer.run(metrics: true, busyTimeout: 0.2) { server in
            // GRDB refuses to leave a transaction open between accesses: one access holds the
            // lock on a thread of its own until the test lets it go.
            let other = try DatabaseQueue(path: server.databasePath)
            let release = DispatchSemaphore(value: 0)
            let done = DispatchSemaphore(value: 0)
            let locked: Bool = await withCheckedContinuation { continuation in
                DispatchQueue.global().async {
                    do {
                        try other.inDatabase { db in
                            try db.execute(sql: "BEGIN IMMEDIATE")
                            continuation.resume(returning: true)
                            release.wait()
                            try db.execute(sql: "ROLLBACK")
                        }
                    } catch {
                        continuation.resume(returning: false)
                    }
                    done.signal()
                }
            }
            try #require(locked)
            let refused = try await server.client.json("POST", "/v1/articles/berita-9/comments", Readers.body(9))
            #expect(refused.status == 503, "\(refused.text)")
            #expect(refused.text.contains("storage_busy"))
            #expect(refused.headers["retry-after"] == "1")
            #expect(Self.value(try await Self.scrape(server), "saring_storage_busy_total") == 1)
            release.signal()
            await withCheckedContinuation { continuation in
                DispatchQueue.global().async {
                    done.wait()
                    continuation.resume()
                }
            }
            let stored = try await server.client.json("POST", "/v1/articles/berita-9/comments", Readers.body(9))
            #expect(stored.status == 201, "\(stored.text)")
            #expect(Self.value(try await Self.scrape(server), "saring_storage_busy_total") == 1)
        }
    }

    @Test func countsCommentsByDecisionAndRuleWithShadowHitsApart() async throws {
        try await LiveServer.run(policyFiles: Self.files, metrics: true) { server in
            let texts = [
                "Harga beras di pasar Kramat Jati naik lagi minggu ini",
                "Ayo main slot gacor malam ini pasti maxwin",
                "Liputan lengkap ada di bit.ly/banjir-jakarta, semoga bermanfaat",
            ]
            for (n, text) in texts.enumerated() {
                let reply = try await server.client.json(
                    "POST", "/v1/articles/berita-7/comments", ["author": ["name": Readers.name(n)], "body": text])
                #expect(reply.status == 201)
            }
            let text = try await Self.scrape(server)
            #expect(Self.value(text, #"saring_comments_total{decision="published"}"#) == 2, "\(text)")
            #expect(Self.value(text, #"saring_comments_total{decision="rejected"}"#) == 1)
            // One comment, two matches (slot gacor, maxwin): one hit of the rule.
            #expect(Self.value(text, #"saring_rule_hits_total{rule="judol.keywords",shadow="false"}"#) == 1)
            #expect(Self.value(text, #"saring_rule_hits_total{rule="judol.trial-link",shadow="true"}"#) == 1)
            #expect(Self.value(text, #"saring_policy_info{version="\#(server.policies!.current.version)"}"#) == 1)
        }
    }

    @Test func policyReloadsAreCountedAndTheVersionInForceFollows() async throws {
        try await LiveServer.run(policyFiles: Self.files, metrics: true) { server in
            let first = server.policies!.current.version
            var broken = Self.files
            broken["broken.yaml"] = "rules:\n  - id: rusak\n    pattern: '(unclosed'\n    action: reject\n"
            try LiveServer.writePolicyFolder(server.policyFolder!, broken)
            var text = ""
            // Bounded waits: a broken reload counter fails the test instead of hanging the suite.
            let deadline = ContinuousClock.now + .seconds(30)
            while Self.value(text, #"saring_policy_reloads_total{result="refused"}"#) == nil {
                try #require(ContinuousClock.now < deadline, "no refused reload counted: \(text)")
                try await Task.sleep(for: .milliseconds(20))
                text = try await Self.scrape(server)
            }
            var fixed = Self.files
            fixed["kasar.yaml"] = "rules:\n  - id: kasar.umpatan\n    description: Profanity\n    category: kasar\n    words: [bangsat]\n    action: mask\n    examples:\n      match: [\"dasar bangsat\"]\n"
            try LiveServer.writePolicyFolder(server.policyFolder!, fixed)
            while server.policies!.current.version == first {
                try #require(ContinuousClock.now < deadline, "the fixed folder was never loaded")
                try await Task.sleep(for: .milliseconds(20))
            }
            text = try await Self.scrape(server)
            #expect(Self.value(text, #"saring_policy_reloads_total{result="ok"}"#) == 1, "\(text)")
            #expect(Self.value(text, #"saring_policy_reloads_total{result="refused"}"#) == 1)
            #expect(Self.value(text, #"saring_policy_info{version="\#(server.policies!.current.version)"}"#) == 1)
            #expect(!text.contains(first), "the replaced version's series is gone")
        }
    }

    @Test func rateLimitedRequestsAreCountedByTheLimitThatRefusedThem() async throws {
        let files = ["settings.yaml": "rate-limits:\n  per-article: {burst: 3, per-minute: 3}\n"]
        // A clock that stands still: no token comes back however slow the machine is.
        let clock = TestClock()
        try await LiveServer.run(policyFiles: files, rateLimits: true, now: { clock.now }, metrics: true) { server in
            var limited = 0
            for n in 0..<5 {
                let reply = try await server.client.json(
                    "POST", "/v1/articles/berita-9/comments", Readers.body(n), headers: ["X-Forwarded-For": "203.0.113.\(n + 1)"])
                if reply.status == 429 { limited += 1 }
            }
            #expect(limited == 2)
            let text = try await Self.scrape(server)
            #expect(Self.value(text, #"saring_rate_limited_total{limit="per-article"}"#) == 2, "\(text)")
        }
    }

    @Test func campaignCommentsAndArticleBrakesAreCounted() async throws {
        let files = [
            "settings.yaml": "campaigns:\n  min-sources: 3\n  action: hold\narticle-brake:\n  max-comments: 4\n  window-minutes: 5\n  hold-minutes: 30\n"
        ]
        try await LiveServer.run(policyFiles: files, metrics: true) { server in
            for n in 0..<6 {
                let reply = try await server.client.json(
                    "POST", "/v1/articles/promo-\(n)/comments", ["author": ["name": Readers.name(n)], "body": SpamWave.variant(n)],
                    headers: ["X-Forwarded-For": "198.51.100.\(n + 10)"])
                #expect(reply.status == 201)
            }
            for n in 0..<5 {
                let reply = try await server.client.json(
                    "POST", "/v1/articles/berita-panas/comments", Readers.body(n + 40), headers: ["X-Forwarded-For": "203.0.113.\(n + 10)"])
                #expect(reply.status == 201)
            }
            let text = try await Self.scrape(server)
            let campaign = try #require(Self.value(text, "saring_campaign_comments_total"), "\(text)")
            #expect((3...6).contains(campaign))
            #expect(Self.value(text, #"saring_article_brakes_total{event="engaged"}"#) == 1)
        }
    }

    @Test func groupCommitSizesAddUpToTheCommentsStored() async throws {
        try await LiveServer.run(metrics: true) { server in
            try await withThrowingTaskGroup(of: Int.self) { group in
                for n in 0..<40 {
                    group.addTask {
                        try await server.client.json(
                            "POST", "/v1/articles/berita-\(n % 4)/comments", Readers.body(n),
                            headers: ["X-Forwarded-For": "198.51.100.\(n + 1)"]
                        ).status
                    }
                }
                for try await status in group { #expect(status == 201) }
            }
            let text = try await Self.scrape(server)
            #expect(Self.value(text, "saring_group_commit_batch_size_sum") == 40, "\(text)")
            let batches = try #require(Self.value(text, "saring_group_commit_batch_size_count"))
            #expect((1...40).contains(batches))
        }
    }

    @Test func queueDepthsAreReadOnAScrapeAndCached() async throws {
        try await LiveServer.run(policyFiles: Self.files, metrics: true, queueDepthInterval: .seconds(3600)) { server in
            let reply = try await server.client.json(
                "POST", "/v1/articles/berita-3/comments", ["author": ["name": "Wulan"], "body": "Main slot gacor sekarang juga"])
            #expect(reply.status == 201)
            var text = try await Self.scrape(server)
            #expect(Self.value(text, #"saring_queue_depth{kind="rejected"}"#) == 1, "\(text)")
            #expect(Self.value(text, #"saring_queue_depth{kind="pending"}"#) == 0)
            // Within the interval, the next scrape shows the cached values, not a new count.
            _ = try await server.client.json(
                "POST", "/v1/articles/berita-3/comments", ["author": ["name": "Joko"], "body": "Situs slot gacor maxwin hari ini"])
            text = try await Self.scrape(server)
            #expect(Self.value(text, #"saring_queue_depth{kind="rejected"}"#) == 1)
        }
    }
}
