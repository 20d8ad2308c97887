// Two `saring serve` processes on one PostgreSQL database, as behind a load balancer.
import Foundation
import SaringTestSupport
import Testing

@Suite("Several servers on one PostgreSQL database")
struct SeveralNodesTests {
    static let key = String(repeating: "5a", count: 32)
    static let admin = "node-test-admin-token"

    /// A comment of reader `n`: a different person and different wording each time.
    static func body(_ n: Int) -> [String: Any] { Readers.body(n) }

    /// A node on `url` with the shared address key, started off the concurrency pool.
    static func node(
        _ folder: URL, _ url: String, arguments: [String] = ["--admin-token", admin, "--no-rate-limits"]
    ) async throws -> ServeProcess {
        try await offThePool {
            try ServeProcess(folder: folder, arguments: arguments, database: url, environment: ["SARING_ADDRESS_KEY": key])
        }
    }

    /// Two nodes on `url` with the test's gambling rules in one folder (returned, to change it).
    static func twoNodes(_ url: String, arguments: [String] = ["--no-rate-limits"]) async throws -> (URL, ServeProcess, ServeProcess) {
        let folder = try CLI.temporaryFolder()
        try CLI.write(["judol.yaml": ServeProcessTests.rules], to: folder.appendingPathComponent("Policies"))
        let arguments = ["--admin-token", admin] + arguments
        let one = try await node(folder, url, arguments: arguments)
        do {
            return (folder, one, try await node(folder, url, arguments: arguments))
        } catch {
            one.stop()
            throw error
        }
    }

    static func policyVersion(_ node: ServeProcess) async throws -> String? {
        let reply = try await node.client.send("GET", "/v1/policy", headers: ["Authorization": "Bearer \(admin)"])
        return try reply.json()["version"] as? String
    }

    @Test func aCommentPostedToOneNodeIsListedByTheOtherAtOnce() async throws {
        try await PostgresScratch.withDatabase { url in
            let (folder, one, two) = try await Self.twoNodes(url)
            defer { one.stop() }
            defer { two.stop() }
            var ids: [Int] = []
            for n in 0..<12 {
                let (writer, reader) = n.isMultiple(of: 2) ? (one, two) : (two, one)
                let posted = try await writer.client.json("POST", "/v1/articles/berita-nodes/comments", Self.body(n))
                #expect(posted.status == 201, "\(posted.text)")
                let id = try #require(try posted.json()["id"] as? Int)
                ids.append(id)
                let page = try await reader.client.send("GET", "/v1/articles/berita-nodes/comments?limit=100")
                let listed = (try page.json()["comments"] as? [[String: Any]] ?? []).compactMap { $0["id"] as? Int }
                #expect(listed == ids, "node \(n.isMultiple(of: 2) ? 2 : 1) listed \(listed) after \(ids)")
            }
            // Readers' reports are stored, and reach the other node's reported queue.
            let report = try await one.client.json("POST", "/v1/comments/\(ids[0])/reports", ["reason": "spam"])
            #expect(report.status == 202, "\(report.text)")
            let reported = try await two.client.send("GET", "/v1/queue?kind=reported", headers: ["Authorization": "Bearer \(Self.admin)"])
            #expect(reported.status == 200, "\(reported.text)")
            #expect((try reported.json()["items"] as? [[String: Any]])?.compactMap { $0["id"] as? Int } == [ids[0]])
            // Each node reloads its own folder (here both read one); both tell the version they run.
            let before = try #require(try await Self.policyVersion(one))
            #expect(try await Self.policyVersion(two) == before)
            try CLI.write(
                ["judol.yaml": ServeProcessTests.rules + "\n  - id: judol.togel\n    description: Togel\n    words: [togel hongkong]\n    action: reject\n    examples:\n      match: [\"pasang togel hongkong\"]\n"],
                to: folder.appendingPathComponent("Policies"))
            one.signal(SIGHUP)
            two.signal(SIGHUP)
            var versions: [String?] = [before, before]
            let deadline = Date().addingTimeInterval(30)
            while versions.contains(before), Date() < deadline {
                versions = [try await Self.policyVersion(one), try await Self.policyVersion(two)]
                if versions.contains(before) { try await Task.sleep(for: .milliseconds(100)) }
            }
            #expect(!versions.contains(before), "a node kept the old policy: \(versions)")
            #expect(versions[0] == versions[1])
        }
    }

    /// A node killed with SIGKILL while it takes comments loses none it acknowledged: every 201
    /// it sent is a row the other node (and the database) has.
    static let moderatorKeys = """
        moderators:
          - name: dewi
            token: "dewi-moderator-token-0001"
          - name: budi
            token: "budi-moderator-token-0002"
        """

    static func moderator(_ name: String) -> [String: String] {
        ["Authorization": "Bearer " + (name == "dewi" ? "dewi-moderator-token-0001" : "budi-moderator-token-0002")]
    }

    /// Two moderators, each on a node of their own, work one queue: a comment one of them holds
    /// is refused to the other, on either node, and a decision on one node is what the other serves.
    @Test func moderatorsOnTwoNodesShareOneQueueAndNeverGetTheSameComment() async throws {
        try await PostgresScratch.withDatabase { url in
            let folder = try CLI.temporaryFolder()
            let hold = "rules:\n  - id: kasar.tahan\n    description: Held for a look\n    words: [anjir]\n    action: hold\n    examples:\n      match: [\"anjir lah\"]\n"
            try CLI.write(["kasar.yaml": hold], to: folder.appendingPathComponent("Policies"))
            let keys = folder.appendingPathComponent("keys.yaml")
            try Data(Self.moderatorKeys.utf8).write(to: keys)
            let arguments = ["--keys", keys.path, "--no-rate-limits"]
            let one = try await Self.node(folder, url, arguments: arguments)
            defer { one.stop() }
            let two = try await Self.node(folder, url, arguments: arguments)
            defer { two.stop() }
            var ids: [Int] = []
            for n in 0..<6 {
                var body = Self.body(100 + n)
                body["body"] = "\(body["body"] as? String ?? "") anjir"
                let posted = try await (n.isMultiple(of: 2) ? one : two).client.json("POST", "/v1/articles/berita-desk/comments", body)
                #expect(posted.status == 201 || posted.status == 202, "\(posted.text)")
                ids.append(try #require(try posted.json()["id"] as? Int))
            }
            for node in [one, two] {
                let queue = try await node.client.send("GET", "/v1/queue?kind=pending&limit=50", headers: Self.moderator("budi"))
                #expect(queue.status == 200, "\(queue.text)")
                #expect((try queue.json()["items"] as? [[String: Any]])?.compactMap { $0["id"] as? Int } == ids)
            }
            var decisions: [Int] = []
            for (n, id) in ids.enumerated() {
                let (mine, theirs) = n.isMultiple(of: 2) ? (one, two) : (two, one)
                let claim = try await mine.client.json("POST", "/v1/comments/\(id)/claim", ["seconds": 300], headers: Self.moderator("dewi"))
                #expect(claim.status == 200, "\(claim.text)")
                let taken = try await theirs.client.json("POST", "/v1/comments/\(id)/claim", ["seconds": 300], headers: Self.moderator("budi"))
                #expect(taken.status == 409 && taken.errorCode == "claimed_by_other", "\(taken.text)")
                let refused = try await theirs.client.json(
                    "POST", "/v1/comments/\(id)/decision", ["action": "reject"], headers: Self.moderator("budi"))
                #expect(refused.status == 409 && refused.errorCode == "claimed_by_other", "\(refused.text)")
                let detail = try await theirs.client.send("GET", "/v1/comments/\(id)/moderation", headers: Self.moderator("budi"))
                #expect(try detail.json()["claimedBy"] as? String == "dewi")
                let decided = try await mine.client.json(
                    "POST", "/v1/comments/\(id)/decision", ["action": "approve", "reason": "wajar"], headers: Self.moderator("dewi"))
                #expect(decided.status == 200, "\(decided.text)")
                decisions.append(try #require((try decided.json()["decision"] as? [String: Any])?["id"] as? Int))
            }
            let page = try await two.client.send("GET", "/v1/articles/berita-desk/comments?limit=100")
            #expect((try page.json()["comments"] as? [[String: Any]] ?? []).compactMap { $0["id"] as? Int } == ids)
            // Taking back another moderator's decision needs override, on any node.
            let undo = try await two.client.send("POST", "/v1/decisions/\(decisions[0])/undo", headers: Self.moderator("budi"))
            #expect(undo.status == 409 && undo.errorCode == "override_needed", "\(undo.text)")
            let own = try await two.client.send("POST", "/v1/decisions/\(decisions[0])/undo", headers: Self.moderator("dewi"))
            #expect(own.status == 200, "\(own.text)")
            let back = try await one.client.send("GET", "/v1/queue?kind=pending", headers: Self.moderator("dewi"))
            #expect((try back.json()["items"] as? [[String: Any]])?.compactMap { $0["id"] as? Int } == [ids[0]])
            // A ban on one node is the ban every node enforces and lists.
            let banned = Readers.name(100)
            let ban = try await one.client.json(
                "POST", "/v1/authors/ban", ["author": banned, "reason": "uji"], headers: Self.moderator("dewi"))
            #expect(ban.status == 200, "\(ban.text)")
            #expect(try ban.json()["rejected"] as? [Int] == [ids[0]])
            let bans = try await two.client.send("GET", "/v1/bans", headers: Self.moderator("budi"))
            #expect((try bans.json()["bans"] as? [[String: Any]])?.compactMap { $0["name"] as? String } == [banned])
            var again = Self.body(100)
            again["body"] = "Saya mau berkomentar lagi soal berita ini, semoga boleh."
            let refused = try await two.client.json("POST", "/v1/articles/berita-desk/comments", again)
            #expect(refused.status == 201 || refused.status == 202, "\(refused.text)")
            let stored = try await two.client.send(
                "GET", "/v1/comments/\(try #require(try refused.json()["id"] as? Int))/moderation", headers: Self.moderator("budi"))
            #expect((try stored.json()["comment"] as? [String: Any])?["status"] as? String == "rejected", "\(stored.text)")
            let anonymous = try await one.client.json("POST", "/v1/authors/ban", ["author": "spam@example.com"])
            #expect(anonymous.status == 401, "\(anonymous.text)")
        }
    }

    /// With rate limits on, one author gets the per-author burst (5) once over both nodes, not
    /// once per node: the buckets are the database's. (A token every 100 minutes: no refill
    /// during the test, however slow the machine.)
    /// Near-copies of one spam message, each with its own small change, as a bot farm posts them.
    static func spam(_ n: Int) -> String {
        let amounts = ["5 juta", "7 juta", "10 juta", "3 juta", "8 juta"]
        return "Mau cuan cepat? Gabung grup investasi kami, modal 100 ribu jadi \(amounts[n % amounts.count]) seminggu, "
            + "dijamin aman dan terpercaya, hubungi admin di wa.me/6281234567\(n) sekarang juga sebelum kuota habis"
    }

    /// A node's metrics listener (started with `--metrics-port 0`), once it says where it is.
    static func metricsListener(of node: ServeProcess) async throws -> RawHTTP {
        let port = try await offThePool { () throws -> Int in
            try node.waitForOutput("/metrics")
            let text = node.outputText
            let range = try #require(text.range(of: "metrics on http://127.0.0.1:"))
            return try #require(Int(text[range.upperBound...].prefix { $0.isNumber }))
        }
        return RawHTTP(port: port)
    }

    /// A flood on one article spread over two nodes by the load balancer — two comments through
    /// each, the brake set at more than three within five minutes: each node alone sees two, but
    /// reads the other's from the database, so the brake engages and the next comment is held,
    /// whichever node it comes through.
    @Test func aFloodSpreadOverTheNodesBrakesTheArticle() async throws {
        try await PostgresScratch.withDatabase { url in
            let folder = try CLI.temporaryFolder()
            try CLI.write(
                ["judol.yaml": ServeProcessTests.rules, "settings.yaml": "article-brake:\n  max-comments: 3\n  window-minutes: 5\n  hold-minutes: 30\n"],
                to: folder.appendingPathComponent("Policies"))
            let arguments = ["--admin-token", Self.admin, "--no-rate-limits", "--metrics-port", "0"]
            let one = try await Self.node(folder, url, arguments: arguments)
            defer { one.stop() }
            let two = try await Self.node(folder, url, arguments: arguments)
            defer { two.stop() }
            let metrics = [try await Self.metricsListener(of: one), try await Self.metricsListener(of: two)]
            for n in 0..<4 {
                let posted = try await (n % 2 == 0 ? one : two).client.json("POST", "/v1/articles/berita-banjir/comments", Self.body(500 + n))
                #expect(posted.status == 201, "\(posted.text)")
            }
            let deadline = Date().addingTimeInterval(20)
            var engaged = 0.0
            while engaged < 1 {
                engaged = 0
                for listener in metrics { engaged += try await Self.counter("saring_article_brakes_total{event=\"engaged\"}", on: listener) }
                #expect(Date() < deadline, "neither node braked the article")
                guard Date() < deadline else { return }
                if engaged < 1 { try await Task.sleep(for: .milliseconds(50)) }
            }
            for node in [one, two] {
                let next = try await node.client.json("POST", "/v1/articles/berita-banjir/comments", Self.body(510 + (node === one ? 0 : 1)))
                #expect(try next.json()["status"] as? String == "pending", "\(next.text)")
            }
            let queue = try await CLI.running(["queue", "--db", url], in: folder)
            #expect(queue.stdout.contains("article brake on berita-banjir"), "\(queue.stdout)")
        }
    }

    /// The value of a counter on a node's metrics listener (0 before it first counts).
    static func counter(_ name: String, on metrics: RawHTTP) async throws -> Double {
        let text = try await metrics.send("GET", "/metrics").text
        for line in text.split(separator: "\n") where line.hasPrefix(name + " ") {
            return Double(line.split(separator: " ").last ?? "") ?? 0
        }
        return 0
    }

    /// Three sources post through one node, the fourth through the other: the second node reads
    /// the first node's comments into its campaign window from the database, so the fourth is
    /// held as part of the campaign there, and the first three (stored through the other node)
    /// are tagged with it. Without the shared window the second node would see one source.
    @Test func nearCopiesPostedThroughDifferentNodesAreOneCampaign() async throws {
        try await PostgresScratch.withDatabase { url in
            let folder = try CLI.temporaryFolder()
            try CLI.write(["judol.yaml": ServeProcessTests.rules], to: folder.appendingPathComponent("Policies"))
            let arguments = ["--admin-token", Self.admin, "--no-rate-limits", "--metrics-port", "0"]
            let one = try await Self.node(folder, url, arguments: arguments)
            defer { one.stop() }
            let two = try await Self.node(folder, url, arguments: arguments)
            defer { two.stop() }
            let metrics = try await Self.metricsListener(of: two)
            var ids: [Int] = []
            for n in 0..<3 {
                let posted = try await one.client.json(
                    "POST", "/v1/articles/berita-\(n)/comments", ["author": ["name": Readers.name(n)], "body": Self.spam(n)])
                #expect(posted.status == 201, "\(posted.text)")
                #expect(try posted.json()["status"] as? String == "published", "\(posted.text)")
                ids.append(try #require(try posted.json()["id"] as? Int))
            }
            // Node two learns them from the database (it polls a few times a second).
            let deadline = Date().addingTimeInterval(20)
            while try await Self.counter("saring_campaign_feed_comments_total", on: metrics) < 3 {
                #expect(Date() < deadline, "node two never read node one's comments")
                guard Date() < deadline else { return }
                try await Task.sleep(for: .milliseconds(50))
            }
            let fourth = try await two.client.json(
                "POST", "/v1/articles/berita-3/comments", ["author": ["name": Readers.name(3)], "body": Self.spam(3)])
            #expect(fourth.status == 201 || fourth.status == 202, "\(fourth.text)")
            #expect(try fourth.json()["status"] as? String == "pending", "\(fourth.text)")
            let fourthId = try #require(try fourth.json()["id"] as? Int)
            let held = try await one.client.send("GET", "/v1/comments/\(fourthId)/moderation", headers: ["Authorization": "Bearer \(Self.admin)"])
            let campaign = try #require((try held.json()["comment"] as? [String: Any])?["campaignId"] as? Int, "\(held.text)")
            for id in ids {
                let story = try await one.client.send("GET", "/v1/comments/\(id)/moderation", headers: ["Authorization": "Bearer \(Self.admin)"])
                let comment = try #require(try story.json()["comment"] as? [String: Any], "\(story.text)")
                #expect(comment["campaignId"] as? Int == campaign, "\(story.text)")
                #expect(comment["flagged"] as? Bool == true, "\(story.text)")
            }
        }
    }

    @Test func anAuthorsLimitHoldsOverBothNodesTogether() async throws {
        try await PostgresScratch.withDatabase { url in
            let folder = try CLI.temporaryFolder()
            try CLI.write(
                [
                    "judol.yaml": ServeProcessTests.rules,
                    "settings.yaml": "rate-limits:\n  per-author: {burst: 5, per-minute: 0.01}\n",
                ], to: folder.appendingPathComponent("Policies"))
            let one = try await Self.node(folder, url, arguments: ["--admin-token", Self.admin])
            defer { one.stop() }
            let two = try await Self.node(folder, url, arguments: ["--admin-token", Self.admin])
            defer { two.stop() }
            var statuses: [Int] = []
            for n in 0..<7 {
                // One reader, a different thought each time.
                let body = Readers.body(200 + n * 7, name: "Pembaca Rajin Sekali")
                let posted = try await (n.isMultiple(of: 2) ? one : two).client.json("POST", "/v1/articles/berita-batas/comments", body)
                statuses.append(posted.status)
                if posted.status == 429 {
                    #expect(posted.errorCode == "rate_limited", "\(posted.text)")
                    #expect(posted.text.contains("author"), "\(posted.text)")
                }
            }
            #expect(statuses == [201, 201, 201, 201, 201, 429, 429], "\(statuses)")
        }
    }

    /// The page one node keeps in memory changes at once when another node, or a moderator's
    /// command on the database, changes what readers see there: a new comment, a rejection
    /// through the API, a rejection with `saring reject`. (Unlike the test above, where each
    /// node's own post also cleared its own memory, one node only writes and the other only reads.)
    @Test func aPageKeptByOneNodeChangesAtOnceWhenAnotherNodeOrTheCLIChangesIt() async throws {
        try await PostgresScratch.withDatabase { url in
            let (folder, one, two) = try await Self.twoNodes(url)
            defer { one.stop() }
            defer { two.stop() }
            let admin = ["Authorization": "Bearer \(Self.admin)"]
            func listed() async throws -> [Int] {
                let page = try await two.client.send("GET", "/v1/articles/berita-segar/comments")
                return (try page.json()["comments"] as? [[String: Any]] ?? []).compactMap { $0["id"] as? Int }
            }
            var ids: [Int] = []
            for n in 0..<3 {
                #expect(try await listed() == ids)
                let posted = try await one.client.json("POST", "/v1/articles/berita-segar/comments", Self.body(60 + n))
                ids.append(try #require(try posted.json()["id"] as? Int, "\(posted.text)"))
                #expect(try await listed() == ids, "after comment \(n) through the other node")
            }
            let rejected = try await one.client.json("POST", "/v1/comments/\(ids[0])/decision", ["action": "reject"], headers: admin)
            #expect(rejected.status == 200, "\(rejected.text)")
            #expect(try await listed() == Array(ids.dropFirst()), "after a rejection on the other node")
            let rejectedByCLI = try await CLI.running(["reject", String(ids[1]), "--as", "dewi", "--db", url], in: folder)
            #expect(rejectedByCLI.status == 0, "\(rejectedByCLI.stderr)")
            #expect(try await listed() == [ids[2]], "after saring reject on the database")
        }
    }

    /// A node serves an article's first page from memory while the article's page version in
    /// the database is the one it read the page at, and reads it again once the version moved.
    /// Shown by changing a comment behind the nodes' backs (psql, without the version bump every
    /// store transaction ends with): the node keeps serving what it read, until the version moves.
    @Test func aPageIsServedFromMemoryWhileItsVersionStands() async throws {
        try await PostgresScratch.withDatabase { url in
            let (_, one, two) = try await Self.twoNodes(url)
            defer { one.stop() }
            defer { two.stop() }
            let posted = try await one.client.json("POST", "/v1/articles/berita-simpan/comments", Self.body(7))
            let id = try #require(try posted.json()["id"] as? Int, "\(posted.text)")
            func shown() async throws -> String? {
                let page = try await two.client.send("GET", "/v1/articles/berita-simpan/comments")
                return (try page.json()["comments"] as? [[String: Any]])?.first?["body"] as? String
            }
            // On PostgreSQL the memory holds a page for a minute at most: a round slowed past
            // that (it takes a fraction of a second) is played again.
            var kept = false
            for round in 1...3 where !kept {
                let started = ContinuousClock.now
                let before = try await shown()
                _ = try await offThePool { try PostgresScratch.psql(url, "UPDATE comments SET published_body = 'diubah di belakang \(round)' WHERE id = \(id)") }
                let during = try await shown()
                if started.duration(to: .now) < .seconds(50) {
                    #expect(during == before, "round \(round): read again though the version stood")
                    kept = true
                }
            }
            #expect(kept, "every round took longer than the page is kept")
            _ = try await offThePool {
                try PostgresScratch.psql(url, "INSERT INTO page_versions VALUES ('berita-simpan', 1) ON CONFLICT (article_id) DO UPDATE SET version = page_versions.version + 1")
            }
            #expect(try await shown()?.hasPrefix("diubah di belakang") == true)
        }
    }

    /// Guessing a token through both nodes gets the failed-authentication throttle once, not
    /// once per node: ten failures in all, then each node refuses (after one more failure of its
    /// own, which tells it the shared bucket is empty). Per node it would take twenty.
    /// The throttle refills one failure every 6 s of real time, so a round slowed past 5 s (a
    /// loaded machine) is played again from a fresh client address; all slow, the round must
    /// still end with fewer failures let through than twenty.
    @Test func failedAuthenticationIsThrottledOverBothNodesTogether() async throws {
        try await PostgresScratch.withDatabase { url in
            // --no-rate-limits leaves this throttle on, as on one node.
            let (_, one, two) = try await Self.twoNodes(url, arguments: ["--no-rate-limits", "--trusted-proxies", "127.0.0.1/32"])
            defer { one.stop() }
            defer { two.stop() }
            func guess(_ node: ServeProcess, _ n: Int, from client: String) async throws -> Int {
                try await node.client.send(
                    "GET", "/v1/queue", headers: ["Authorization": "Bearer tebakan-\(n)", "X-Forwarded-For": client]
                ).status
            }
            // Each round guesses through both nodes in turn until each has refused once in a row.
            var statuses: [Int] = []
            var fast = false
            for round in 1...5 where !fast {
                let client = "198.51.100.\(round)"
                let started = ContinuousClock.now
                statuses = []
                while statuses.count < 40, statuses.suffix(2) != [429, 429] {
                    statuses.append(try await guess(statuses.count.isMultiple(of: 2) ? one : two, statuses.count, from: client))
                }
                fast = started.duration(to: .now) < .seconds(5)
            }
            if fast {
                #expect(statuses == Array(repeating: 401, count: 12) + [429, 429], "\(statuses)")
            } else {
                // Per node, twenty failures would pass before both refused, refills aside.
                #expect(statuses.filter { $0 == 401 }.count < 20, "slow rounds: \(statuses)")
            }
            // Another client is not held back, and a request without credentials still reads.
            #expect(try await guess(two, 99, from: "198.51.100.200") == 401)
            let page = try await one.client.send("GET", "/v1/articles/berita-nodes/comments")
            #expect(page.status == 200, "\(page.text)")
        }
    }

    @Test func killingANodeUnderLoadLosesNoAcknowledgedComment() async throws {
        try await PostgresScratch.withDatabase { url in
            let folder = try CLI.temporaryFolder()
            try CLI.write(["judol.yaml": ServeProcessTests.rules], to: folder.appendingPathComponent("Policies"))
            let victim = try await Self.node(folder, url)
            defer { victim.stop() }
            let survivor = try await Self.node(folder, url)
            defer { survivor.stop() }
            let acknowledged = await withTaskGroup(of: [Int].self) { group in
                for worker in 0..<8 {
                    group.addTask {
                        var mine: [Int] = []
                        for round in 0..<60 {
                            let n = worker * 1_000 + round
                            guard let reply = try? await victim.client.json("POST", "/v1/articles/berita-\(worker)/comments", Self.body(n)) else {
                                break  // the node is gone
                            }
                            if reply.status == 201, let id = try? reply.json()["id"] as? Int { mine.append(id) }
                            if worker == 0 && round == 20 { victim.signal(SIGKILL) }
                        }
                        return mine
                    }
                }
                var all: [Int] = []
                for await ids in group { all += ids }
                return all
            }
            victim.process.waitForExit()
            #expect(victim.process.endedBySignal)
            #expect(acknowledged.count >= 20)
            let stored = Set(try PostgresScratch.psql(url, "SELECT id FROM comments").split(separator: "\n").compactMap { Int($0) })
            let lost = acknowledged.filter { !stored.contains($0) }
            #expect(lost.isEmpty, "acknowledged but not stored: \(lost)")
            // The survivor goes on taking comments.
            let after = try await survivor.client.json("POST", "/v1/articles/berita-0/comments", Self.body(99_999))
            #expect(after.status == 201, "\(after.text)")
        }
    }
}

@Suite("The CLI on a PostgreSQL URL")
struct PostgresCLITests {
    @Test func aDatabaseThatCannotBeReachedIsNamedWithTheServersReason() async throws {
        let server = try PostgresScratch.requireServer()
        guard var parts = URLComponents(string: server) else { throw RawHTTP.Failure(description: "bad test URL \(server)") }
        parts.path = "/tidak_ada_database_ini"
        let missing = try await CLI.running(["migrate", "--db", parts.string!])
        #expect(missing.status == 1)
        #expect(missing.stderr.contains("cannot connect to PostgreSQL at"), "\(missing.stderr)")
        #expect(missing.stderr.contains("\"tidak_ada_database_ini\" does not exist"), "\(missing.stderr)")
        let folder = try CLI.temporaryFolder()
        try CLI.write(["judol.yaml": ServeProcessTests.rules], to: folder.appendingPathComponent("Policies"))
        var environment = ProcessInfo.processInfo.environment
        environment["SARING_ADDRESS_KEY"] = nil
        let keyless = try await CLI.running(["serve", "--port", "0", "--db", server, "--policies", folder.appendingPathComponent("Policies").path], environment: environment)
        #expect(keyless.status == 1)
        #expect(keyless.stderr.contains("set SARING_ADDRESS_KEY"), "\(keyless.stderr)")
    }

    /// A node on `url` whose policy holds comments with "anjir", and `count` distinct readers'
    /// comments held through it (readers `first`, `first + 1`, …); the caller stops the node.
    static func nodeWithHeldComments(_ url: String, count: Int, from first: Int, on article: String) async throws -> (ServeProcess, URL, [Int]) {
        let folder = try CLI.temporaryFolder()
        let hold = "rules:\n  - id: kasar.tahan\n    description: Held for a look\n    words: [anjir]\n    action: hold\n    examples:\n      match: [\"anjir lah\"]\n"
        try CLI.write(["kasar.yaml": hold], to: folder.appendingPathComponent("Policies"))
        let node = try await SeveralNodesTests.node(folder, url)
        do {
            var ids: [Int] = []
            for n in first..<(first + count) {
                var body = Readers.body(n)
                body["body"] = "\(body["body"] as? String ?? "") anjir"
                let posted = try await node.client.json("POST", "/v1/articles/\(article)/comments", body)
                ids.append(try #require(try posted.json()["id"] as? Int, "\(posted.text)"))
            }
            return (node, folder, ids)
        } catch {
            node.stop()
            throw error
        }
    }

    /// The terminal's moderation commands on a PostgreSQL URL, beside a running node: what one
    /// does, the server and the other commands see.
    @Test func theModerationCommandsWorkOnAPostgreSQLDatabase() async throws {
        try await PostgresScratch.withDatabase { url in
            let (node, folder, ids) = try await Self.nodeWithHeldComments(url, count: 4, from: 300, on: "berita-cli")
            defer { node.stop() }
            let listed = try await CLI.running(["queue", "--db", url], in: folder)
            #expect(listed.status == 0, "\(listed.stderr)")
            #expect(listed.stdout.hasPrefix("pending queue: 4 comments"), "\(listed.stdout)")
            #expect(listed.stdout.contains("kasar.tahan"), "\(listed.stdout)")
            let lines = try await CLI.running(["queue", "--json", "--limit", "2", "--text", "anjir", "--db", url], in: folder)
            #expect(lines.status == 0, "\(lines.stderr)")
            let listedIds = lines.stdout.split(separator: "\n").compactMap {
                (try? JSONSerialization.jsonObject(with: Data($0.utf8)) as? [String: Any])?["id"] as? Int
            }
            #expect(listedIds == Array(ids.prefix(2)), "\(lines.stdout)")
            let summary = try await CLI.running(["queue", "--summary", "--json", "--db", url], in: folder)
            #expect(summary.status == 0, "\(summary.stderr)")
            let counts = try JSONSerialization.jsonObject(with: Data(summary.stdout.utf8)) as? [String: Int]
            #expect(counts == ["pending": 4, "flagged": 0, "reported": 0, "rejected": 0], "\(summary.stdout)")
            let noArticle = try await CLI.running(["queue", "--article", "tidak-ada", "--db", url], in: folder)
            #expect(noArticle.status == 1)
            #expect(noArticle.stderr.contains("no article tidak-ada"), "\(noArticle.stderr)")
            let show = try await CLI.running(["show", String(ids[0]), "--db", url], in: folder)
            #expect(show.status == 0, "\(show.stderr)")
            #expect(show.stdout.contains("kasar.tahan"), "\(show.stdout)")
            let approve = try await CLI.running(["approve", String(ids[0]), "--as", "dewi", "--db", url], in: folder)
            #expect(approve.status == 0, "\(approve.stderr)")
            let decision = try #require(approve.stdout.split(separator: "decision ").last.flatMap { Int($0.prefix { $0.isNumber }) }, "\(approve.stdout)")
            let page = try await node.client.send("GET", "/v1/articles/berita-cli/comments")
            #expect((try page.json()["comments"] as? [[String: Any]])?.compactMap { $0["id"] as? Int } == [ids[0]])
            let overriding = try await CLI.running(["reject", String(ids[0]), "--as", "budi", "--db", url], in: folder)
            #expect(overriding.status == 1)
            #expect(overriding.stderr.contains("add --override"), "\(overriding.stderr)")
            let undo = try await CLI.running(["undo", String(decision), "--as", "dewi", "--db", url], in: folder)
            #expect(undo.status == 0, "\(undo.stderr)")
            #expect(undo.stdout.contains("is pending again"), "\(undo.stdout)")
            let bulk = try await CLI.running(["reject", "--matching", "anjir", "--kind", "pending", "--yes", "--as", "dewi", "--db", url], in: folder)
            #expect(bulk.status == 0, "\(bulk.stderr)")
            #expect(bulk.stdout.contains("4"), "\(bulk.stdout)")
            let ban = try await CLI.running(["ban", Readers.name(301), "--reason", "uji", "--as", "dewi", "--db", url], in: folder)
            #expect(ban.status == 0, "\(ban.stderr)")
            let bans = try await CLI.running(["bans", "--json", "--db", url], in: folder)
            #expect(bans.stdout.contains(Readers.name(301)), "\(bans.stdout)")
            let unknown = try await CLI.running(["ban", "Tidak Pernah Menulis", "--db", url], in: folder)
            #expect(unknown.status == 1)
            #expect(unknown.stderr.contains("no author"), "\(unknown.stderr)")
            let queue = try await node.client.send("GET", "/v1/queue?kind=rejected", headers: ["Authorization": "Bearer \(SeveralNodesTests.admin)"])
            #expect((try queue.json()["items"] as? [[String: Any]])?.count == 4, "\(queue.text)")
        }
    }

    /// `saring review` on a PostgreSQL URL in a pseudo-terminal, beside a running node: two
    /// moderators get different comments, a decision is the server's at once, and quitting
    /// releases the claim for the next moderator.
    @Test func reviewRunsOnAPostgreSQLDatabase() async throws {
        try await PostgresScratch.withDatabase { url in
            let (node, _, posted) = try await Self.nodeWithHeldComments(url, count: 2, from: 400, on: "berita-review")
            defer { node.stop() }
            let ids = posted.map(Int64.init)
            let ana = try PseudoTerminal(["review", "--db", url, "--as", "ana"])
            let bob = try PseudoTerminal(["review", "--db", url, "--as", "bob"])
            let isShowingAComment: (ScreenEmulator) -> Bool = { screen in ids.contains { screen.text.contains(showing($0)) } }
            try ana.waitUntil("ana to show a comment", isShowingAComment)
            try bob.waitUntil("bob to show a comment", isShowingAComment)
            let anaSees = ids.filter { ana.text.contains(showing($0)) }
            let bobSees = ids.filter { bob.text.contains(showing($0)) }
            #expect(anaSees.count == 1 && bobSees.count == 1)
            #expect(Set(anaSees + bobSees) == Set(ids))
            #expect(ana.text.contains("kasar.tahan"), "\(ana.text)")

            ana.send("a")
            try ana.waitFor("approved #\(anaSees[0])")
            ana.send("q")
            bob.send("q")
            #expect(try ana.waitForExit() == 0)
            #expect(try bob.waitForExit() == 0)
            let page = try await node.client.send("GET", "/v1/articles/berita-review/comments")
            #expect((try page.json()["comments"] as? [[String: Any]])?.compactMap { ($0["id"] as? Int).map(Int64.init) } == anaSees)

            let citra = try PseudoTerminal(["review", "--db", url, "--as", "citra"])
            try citra.waitFor(showing(bobSees[0]))
            citra.send("q")
            #expect(try citra.waitForExit() == 0)
        }
    }

    /// The policy history on PostgreSQL: a node records the version it loads before judging,
    /// its decisions name the version's row, a reload records the next one, and `saring policy
    /// history` and `policy show` read them from any machine with the URL.
    @Test func thePolicyHistoryIsKeptInPostgreSQL() async throws {
        try await PostgresScratch.withDatabase { url in
            let (node, folder, ids) = try await Self.nodeWithHeldComments(url, count: 1, from: 450, on: "berita-sejarah")
            defer { node.stop() }
            let first = try #require(try await SeveralNodesTests.policyVersion(node))
            let linked = try PostgresScratch.psql(
                url, "SELECT p.version FROM decisions d JOIN policy_versions p ON p.id = d.policy_version_id WHERE d.comment_id = \(ids[0])")
            #expect(linked.trimmingCharacters(in: .whitespacesAndNewlines) == first)

            // An editor adds a rule: the node reloads and records the new version.
            let policies = folder.appendingPathComponent("Policies")
            let added = "rules:\n  - id: kasar.tahan\n    description: Held for a look\n    words: [anjir, anjay]\n    action: hold\n    examples:\n      match: [\"anjir lah\", \"anjay\"]\n"
            try CLI.write(["kasar.yaml": added], to: policies)
            let deadline = Date().addingTimeInterval(20)
            var second = first
            while second == first {
                #expect(Date() < deadline, "the node never reloaded")
                guard Date() < deadline else { return }
                try await Task.sleep(for: .milliseconds(100))
                second = try #require(try await SeveralNodesTests.policyVersion(node))
            }
            let history = try await CLI.running(["policy", "history", "--json", "--db", url], in: folder)
            #expect(history.status == 0, "\(history.stderr)")
            let versions = history.stdout.split(separator: "\n").compactMap {
                (try? JSONSerialization.jsonObject(with: Data($0.utf8)) as? [String: Any])?["version"] as? String
            }
            #expect(versions == [second, first], "\(history.stdout)")
            let shown = try await CLI.running(["policy", "show", String(second.prefix(8)), "--db", url], in: folder)
            #expect(shown.status == 0, "\(shown.stderr)")
            #expect(shown.stdout.contains("policy version \(second)"), "\(shown.stdout)")
            #expect(shown.stdout.contains("anjay"), "\(shown.stdout)")
            let missing = try await CLI.running(["policy", "show", "ffffffff", "--db", url], in: folder)
            #expect(missing.status == 1)
            #expect(missing.stderr.contains("no policy version ffffffff in the history of postgresql://"), "\(missing.stderr)")
        }
    }

    @Test func migrateAppliesThePostgreSQLMigrationsOnceAndListsThem() async throws {
        try await PostgresScratch.withDatabase { url in
            let folder = try CLI.temporaryFolder()
            let pending = try await CLI.running(["migrate", "--status", "--db", url], in: folder)
            #expect(pending.status == 0, "\(pending.stderr)")
            #expect(pending.stdout.contains("pending") && !pending.stdout.contains("applied"), "\(pending.stdout)")
            let first = try await CLI.running(["migrate", "--db", url], in: folder)
            #expect(first.status == 0, "\(first.stderr)")
            #expect(first.stdout.contains("applied 0001"), "\(first.stdout)")
            let again = try await CLI.running(["migrate", "--db", url], in: folder)
            #expect(again.status == 0, "\(again.stderr)")
            #expect(again.stdout.trimmingCharacters(in: .whitespacesAndNewlines) == "up to date", "\(again.stdout)")
            let status = try await CLI.running(["migrate", "--status", "--db", url], in: folder)
            #expect(status.status == 0, "\(status.stderr)")
            #expect(status.stdout.contains("applied") && !status.stdout.contains("pending"), "\(status.stdout)")
            #expect(try FileManager.default.contentsOfDirectory(atPath: folder.path).isEmpty)
        }
    }

    @Test func aCommandThatRunsOnSQLiteOnlyRefusesAURLInsteadOfMakingAFile() async throws {
        let folder = try CLI.temporaryFolder()
        let url = "postgresql://saring@127.0.0.1:5/saring"
        let backup = try await CLI.running(["backup", "--db", url, folder.appendingPathComponent("copy.sqlite").path], in: folder)
        #expect(backup.status == 1)
        #expect(backup.stderr.contains("saring backup copies a SQLite database; back up PostgreSQL with pg_dump"), "\(backup.stderr)")
        #expect(try FileManager.default.contentsOfDirectory(atPath: folder.path).isEmpty)
        let bad = try await CLI.running(["migrate", "--db", "postgresql://saring@127.0.0.1/saring?sslmode=kadang"], in: folder)
        #expect(bad.status == 1)
        #expect(bad.stderr.contains("sslmode must be one of disable, prefer, require"), "\(bad.stderr)")
    }
}
