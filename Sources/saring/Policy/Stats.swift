import ArgumentParser
import Foundation
import SaringCore
import SaringStore

extension Saring.PolicyCommand {
    struct Stats: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Each rule's record: hits, what moderators answered, precision, shadow readiness, misses.",
            discussion: """
                Over the comments created in the window: per rule, the comments it hit (active and shadow), \
                how many of those moderators approved and rejected (their standing verdicts, undone ones not \
                counted) and the estimated precision, rejected / (approved + rejected). A shadow rule's \
                would-be decisions are judged the same way: ready when at least \(RuleHealth.readyAnswers) of \
                its hits were answered and at least \(Int(RuleHealth.readyPrecision * 100))% of them rejected. \
                Also the rules in force (the version the server loaded last) that never fired, the rules whose \
                regex hit the match limit, the slowest rules (time per regex run, measured by the server on a \
                sample of comments, per UTC day), and the misses: comments the policy published that a \
                moderator then rejected and no rule caught, grouped by campaign, author or shared phrase.
                """)

        @OptionGroup var database: DatabaseOptions

        @Option(help: "The window: comments newer than this age (default 30d).")
        var since: String = "30d"

        @Option(help: "Slowest rules shown (default 5).")
        var slowest: Int = 5

        @Flag(help: "Print one JSON object per rule (rule, hits, approved, rejected, precision, …), then one with the misses.")
        var json = false

        func validate() throws {
            if AgeParser.seconds(since) == nil { throw ValidationError("--since must be an age like 12h, 7d or 30d, got '\(since)'") }
            if !(0...100).contains(slowest) { throw ValidationError("--slowest must be 0-100, got \(slowest)") }
        }

        func run() async throws {
            try await database.withSiteStore { try await report($0) }
        }

        private func report(_ store: any TuningStore) async throws {
            let start = Date().addingTimeInterval(-(AgeParser.seconds(since) ?? 0))
            let window = try await store.tuningWindow(since: start)
            let health = RuleHealth.of(window)
            let misses = window.misses
            let groups = MissGroup.of(misses, phrases: Phrases())
            if json {
                for rule in health { print(try rule.jsonLine()) }
                print(
                    try StatsSummaryJSON(
                        since: ISOTimestamp.string(millis: Int64(start.timeIntervalSince1970 * 1000)), comments: window.items.count,
                        answered: window.answers.count, versionInForce: window.versionInForce,
                        misses: .init(count: misses.count, groups: groups)
                    ).jsonLine())
                return
            }
            let say = { (line: String) in print(TerminalText.neutralized(line)) }
            say(
                "since \(TimeText.utc(start)) (\(since)): \(Plural.count(window.items.count, "comment")), "
                    + "\(window.answers.count) answered by moderators; in force: \(window.versionInForce ?? "no version recorded")")
            let active = health.filter { $0.hits + $0.limitHits > 0 || (!$0.shadow && $0.inForce) }
            let fired = active.filter { $0.hits + $0.limitHits > 0 }
            if !fired.isEmpty {
                say("")
                say(Self.row("rule", "action", "hits", "approved", "rejected", "precision"))
                for rule in fired {
                    say(Self.row(rule.rule, rule.action, "\(rule.hits)", "\(rule.approved)", "\(rule.rejected)", Self.percent(rule.precision)))
                }
            }
            let shadows = health.filter { $0.shadowHits > 0 || ($0.shadow && $0.inForce) }
            if !shadows.isEmpty {
                say("")
                say("shadow rules, their would-be decisions against what moderators did:")
                for rule in shadows {
                    let answered = rule.shadowApproved + rule.shadowRejected
                    say(
                        "  \(rule.rule) (would \(rule.action)): \(Plural.count(rule.shadowHits, "hit")), \(answered) answered: "
                            + "\(rule.shadowRejected) rejected, \(rule.shadowApproved) approved, precision \(Self.percent(rule.shadowPrecision)); "
                            + "would catch \(Plural.count(rule.shadowCaughtMisses, "miss", plural: "misses"))"
                            + (rule.readiness.map { " → \($0)" } ?? ""))
                }
            }
            let never = RuleHealth.neverFiring(health)
            if !never.isEmpty {
                say("")
                say("never fired (in force, no hit in the window): " + never.map(\.rule).joined(separator: ", "))
            }
            let limited = health.filter { $0.limitHits > 0 }
            if !limited.isEmpty {
                say("")
                say("hit the match limit: " + limited.map { "\($0.rule) on \(Plural.count($0.limitHits, "comment"))" }.joined(separator: ", "))
            }
            let slow = RuleHealth.slowest(health, count: slowest)
            if !slow.isEmpty {
                say("")
                say("slowest rules (µs per regex run, measured in the server on sampled comments):")
                for rule in slow {
                    say("  \(rule.rule): \(String(format: "%.2f", rule.microsPerRun ?? 0)) µs over \(Plural.count(rule.timedRuns, "run"))")
                }
            }
            say("")
            say("misses: \(Plural.count(misses.count, "comment")) the policy published, a moderator rejected and no rule caught")
            for group in groups {
                let ids = group.commentIds.map { "#\($0)" }.joined(separator: " ")
                say("  \(group.kind) \(group.kind == "phrase" ? "\"\(group.key)\"" : group.key): \(group.count) (\(ids))")
            }
        }

        static func row(_ rule: String, _ action: String, _ hits: String, _ approved: String, _ rejected: String, _ precision: String) -> String {
            func pad(_ text: String, _ width: Int) -> String { text.count >= width ? text + " " : text + String(repeating: " ", count: width - text.count) }
            func left(_ text: String, _ width: Int) -> String { text.count >= width ? " " + text : String(repeating: " ", count: width - text.count) + text }
            return pad(rule, 36) + pad(action, 10) + left(hits, 7) + left(approved, 10) + left(rejected, 10) + left(precision, 11)
        }

        static func percent(_ value: Double?) -> String {
            value.map { String(format: "%.0f%%", $0 * 100) } ?? "—"
        }
    }
}

/// The last line of `saring policy stats --json`.
struct StatsSummaryJSON: Encodable {
    struct Misses: Encodable {
        let count: Int
        let groups: [MissGroup]
    }

    let since: String
    let comments: Int
    let answered: Int
    let versionInForce: String?
    let misses: Misses
}
