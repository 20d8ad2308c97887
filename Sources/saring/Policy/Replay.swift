import ArgumentParser
import Foundation
import SaringCore
import SaringFiles
import SaringStore

extension Saring.PolicyCommand {
    struct Replay: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Show what a candidate policy folder would have done to stored comments. Writes nothing.",
            discussion: """
                Judges the stored comments (their original text; the author's standing as it was when each \
                arrived, from the moderators' action log; the author's published comments before it, as \
                published now) with the candidate folder and with the policy in force, on every core, from a \
                read-only connection. Prints the count of each transition (published → rejected, …), the \
                rules that cause it (+ decides only under the candidate, - only under the policy in force, \
                ~ under both with another action) \
                and a sample with the spans highlighted. Spam campaigns, the article brake and address bans \
                depend on traffic as it arrived and are not replayed.
                """)

        @OptionGroup var database: DatabaseOptions

        @Option(help: "The candidate policy folder.")
        var policies: String

        @Option(name: .customLong("in-force"), help: "The policy in force: the folder the server uses (env SARING_POLICIES; default ./Policies).")
        var inForce: String?

        @Option(help: "Only comments newer than this age, e.g. 12h, 7d.")
        var since: String?

        @Option(help: "Only comments of this article id.")
        var article: String?

        @Option(help: "Only the newest N comments (after --since and --article).")
        var limit: Int?

        @Option(help: "Sample comments shown per transition (default 3).")
        var samples: Int = 3

        @Option(help: "Threads that judge (default: one per core).")
        var workers: Int = ProcessInfo.processInfo.activeProcessorCount

        @Flag(help: "Print one JSON object: replayed, changed, seconds, transitions (from, to, count, rules, sample).")
        var json = false

        func validate() throws {
            if let since, AgeParser.seconds(since) == nil {
                throw ValidationError("--since must be an age like 45s, 30m, 2h or 7d, got '\(since)'")
            }
            if let article {
                do { try ArticleID.validate(article) } catch { throw ValidationError("--article: \(error.message)") }
            }
            if let limit, limit < 1 { throw ValidationError("--limit must be at least 1, got \(limit)") }
            if !(0...100).contains(samples) { throw ValidationError("--samples must be 0-100, got \(samples)") }
            if !(1...256).contains(workers) { throw ValidationError("--workers must be 1-256, got \(workers)") }
        }

        private func replay(_ store: any ReplayStore, scope: ReplayScope, current: Policy, candidate: Policy) async throws -> ReplayReport {
            try await ReplayRunner(store: store, scope: scope, current: current, candidate: candidate, samples: samples, workers: workers).run()
        }

        func run() async throws {
            let inForcePath = Configuration().policiesPath(flag: inForce)
            let current = try PolicyOptions.load(inForcePath)
            let candidate = try PolicyOptions.load(policies)
            let scope = ReplayScope(
                since: since.flatMap(AgeParser.seconds).map { Date().addingTimeInterval(-$0) }, articleId: article, limit: limit)
            let started = ContinuousClock.now
            let report: ReplayReport
            if case .postgresql = try database.location() {
                report = try await database.withSiteStore { try await replay($0, scope: scope, current: current, candidate: candidate) }
            } else {
                // Read-only: a replay leaves the file and its WAL as they were, byte for byte.
                let store = try database.openStore(mode: .readOnly)
                do {
                    report = try await replay(store, scope: scope, current: current, candidate: candidate)
                } catch let error as StoreError {
                    throw CLIError("\(database.resolvedPath): \(error)")
                } catch {
                    throw CLIError("\(database.resolvedPath): cannot read comments: \(error)")
                }
            }
            let elapsed = started.duration(to: .now)
            let seconds = Double(elapsed.components.seconds) + Double(elapsed.components.attoseconds) / 1e18
            if json {
                print(try ReplayJSON(report: report, seconds: seconds, workers: workers, inForce: current.version, candidate: candidate.version).jsonLine())
                return
            }
            let say = { (line: String) in print(TerminalText.neutralized(line)) }
            say(
                "replayed \(Plural.count(report.replayed, "comment")) in \(String(format: "%.1f", seconds)) s on \(Plural.count(workers, "worker")): "
                    + "in force \(inForcePath) (\(current.version)), candidate \(policies) (\(candidate.version)); "
                    + "\(report.changed) would change")
            let style = TerminalStyle.forStandardOutput()
            for transition in report.transitions {
                say("")
                say("\(transition.from.rawValue) → \(transition.to.rawValue): \(transition.count)")
                let rules = transition.rules.map { "\($0.change == "added" ? "+" : $0.change == "removed" ? "-" : "~")\($0.rule) (\($0.count))" }
                if !rules.isEmpty { say("  rules: " + rules.joined(separator: ", ")) }
                for sample in transition.sample {
                    let body = TerminalText.neutralized(sample.body, lineBreaks: .spaces)
                    let highlighted = Highlighter.highlight(body, spans: sample.spans.map { $0.start..<$0.end }, style: style)
                    print("  #\(sample.id) \(TerminalText.neutralized(sample.articleId)) \(TerminalText.neutralized(sample.author)): \(highlighted)")
                }
            }
        }
    }
}

/// `saring policy replay --json`.
struct ReplayJSON: Encodable {
    let replayed: Int
    let changed: Int
    let seconds: Double
    let workers: Int
    let inForce: String
    let candidate: String
    let transitions: [ReplayReport.Transition]

    init(report: ReplayReport, seconds: Double, workers: Int, inForce: String, candidate: String) {
        replayed = report.replayed
        changed = report.changed
        self.seconds = (seconds * 1000).rounded() / 1000
        self.workers = workers
        self.inForce = inForce
        self.candidate = candidate
        transitions = report.transitions
    }
}
