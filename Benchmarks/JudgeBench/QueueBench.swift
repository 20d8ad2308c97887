// How fast a moderator sees the first page of a very long queue: the store call, and the whole
// `saring queue` process (release build) as a moderator runs it.
import Foundation
import SaringCore
import SaringStore

enum QueueBench {
    static func run(comments: Int) async throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("saring-queue-bench-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        let path = folder.appendingPathComponent("queue.sqlite").path
        let store = try SaringStore(path: path)
        try store.migrate()
        let fill = ContinuousClock.now
        let bodies = Corpus.make(count: 1_000, seed: 11)
        for n in 0..<comments {
            let draft = CommentDraft(
                articleId: "artikel-\(n % 500)", authorName: "pembaca \(n % 5_000)", authorEmail: nil, body: bodies[n % bodies.count],
                parentId: nil)
            let hit = RuleHit(ruleId: "judol.keywords", category: "judol", description: "Gambling", action: .hold, span: 0..<4)
            _ = try await store.submit(
                draft, verdict: Verdict(status: .pending, score: Double(n % 10), hits: [hit], publishedBody: draft.body, policyVersion: "bench"))
        }
        print("filled \(comments) pending comments in \(ContinuousClock.now - fill)")

        for byScore in [false, true] {
            var best = Duration.seconds(100)
            for _ in 0..<10 {
                let start = ContinuousClock.now
                _ = try await store.queue(QueueFilter(kind: .pending, byScore: byScore, limit: 50))
                best = min(best, ContinuousClock.now - start)
            }
            print("store.queue first 50 of \(comments)\(byScore ? " by score" : ""): best of 10 \(best.formatted(.units(allowed: [.milliseconds], fractionalPart: .show(length: 2))))")
        }

        let binary = URL(fileURLWithPath: CommandLine.arguments[0]).deletingLastPathComponent().appendingPathComponent("saring")
        guard FileManager.default.isExecutableFile(atPath: binary.path) else {
            print("(build the release saring binary to time the whole command: swift build -c release --product saring)")
            return
        }
        var best = Duration.seconds(100)
        for _ in 0..<5 {
            let process = Process()
            process.executableURL = binary
            process.arguments = ["queue", "--db", path]
            process.standardOutput = FileHandle.nullDevice
            let start = ContinuousClock.now
            try process.run()
            process.waitUntilExit()
            best = min(best, ContinuousClock.now - start)
        }
        print("`saring queue` process, first page of \(comments): best of 5 \(best.formatted(.units(allowed: [.milliseconds], fractionalPart: .show(length: 1))))")
    }
}
