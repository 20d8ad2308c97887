import ArgumentParser
import Foundation
import SaringCore
import SaringStore

extension Saring.PolicyCommand {
    struct Suggest: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Propose words and phrases moderators keep rejecting that no rule catches, as a rule file.",
            discussion: """
                Reads the comments created in the window: phrases (1–3 normalized words, not made of common \
                words) found in at least --min-rejected comments that moderators rejected and no active rule \
                caught, and in at most a fifth as many comments the site kept (approved, or published and not \
                rejected), not matched by the policy in force itself. Prints a rule file in the policy format: \
                one `words:` rule per phrase in shadow mode, its counts in the description and its examples \
                taken from those comments, checked to pass `saring policy check` as it stands. Edit it, move \
                it into the policy folder, then watch `saring policy stats`.
                """)

        @OptionGroup var database: DatabaseOptions
        @OptionGroup var policy: PolicyOptions

        @Option(help: "The window: comments newer than this age (default 30d).")
        var since: String = "30d"

        @Option(help: "Rejected comments a phrase must appear in (default 3).")
        var minRejected: Int = 3

        @Option(help: "Suggestions at most (default 10).")
        var count: Int = 10

        func validate() throws {
            if AgeParser.seconds(since) == nil { throw ValidationError("--since must be an age like 12h, 7d or 30d, got '\(since)'") }
            if !(1...10_000).contains(minRejected) { throw ValidationError("--min-rejected must be 1-10000, got \(minRejected)") }
            if !(1...100).contains(count) { throw ValidationError("--count must be 1-100, got \(count)") }
        }

        func run() async throws {
            let inForce = try policy.load()
            try await database.withSiteStore { try await suggest($0, inForce: inForce) }
        }

        private func suggest(_ store: any TuningStore, inForce: Policy) async throws {
            let start = Date().addingTimeInterval(-(AgeParser.seconds(since) ?? 0))
            let window = try await store.tuningWindow(since: start)
            let suggestions = SuggestionYAML.checked(RuleSuggestion.find(in: window, policy: inForce, minRejected: minRejected, count: count))
            let rejected = window.items.filter { window.answers[$0.id] == .rejected }.count
            let kept = window.items.filter(window.kept).count
            let yaml = SuggestionYAML.file(
                suggestions,
                header: [
                    "Suggested by `saring policy suggest --since \(since)` on \(TimeText.utc(Date())), from \(rejected) comments",
                    "moderators rejected and \(kept) the site kept since \(TimeText.utc(start)); policy in force \(inForce.version).",
                    "Each rule is a starting point in shadow mode: read its examples, tighten the words, choose the",
                    "action, then move this file into the policy folder and run `saring policy check`.",
                    suggestions.isEmpty ? "Nothing to suggest: no phrase is in \(minRejected)+ uncaught rejected comments and rarely kept." : "",
                ].filter { !$0.isEmpty })
            // Every stored text in it is escaped inside YAML quotes; the rest is ours.
            print(yaml, terminator: "")
        }
    }
}
