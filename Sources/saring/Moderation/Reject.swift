import ArgumentParser
import Foundation
import SaringCore
import SaringStore

extension Saring {
    struct Reject: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Reject comments by id, or clean up a spam wave with --matching.",
            discussion: """
                With --matching, the PCRE2 pattern runs on the normalized text like a policy rule, over the queue \
                chosen by --kind/--article/--since. It shows how many comments match and a sample, then asks for \
                confirmation on a terminal (or takes --yes); --dry-run changes nothing.
                """)

        @OptionGroup var database: DatabaseOptions
        @OptionGroup var moderator: ModeratorOptions
        @OptionGroup var queue: QueueOptions

        @Argument(help: "Comment ids (or use --matching).")
        var ids: [Int64] = []

        @Option(help: "Reason recorded in the decision history.")
        var reason: String?

        @Option(help: "Reject every comment of the queue whose normalized text matches this PCRE2 pattern.")
        var matching: String?

        @Flag(help: "With --matching: show what would be rejected, change nothing.")
        var dryRun = false

        @Flag(help: "With --matching: do not ask for confirmation.")
        var yes = false

        @Option(help: "With --matching: how many matching comments to show.")
        var sample: Int = 5

        @Flag(help: "Change a decision another moderator made (ids only).")
        var override = false

        func validate() throws {
            if ids.isEmpty == (matching == nil) { throw ValidationError("give comment ids or --matching PATTERN (one of them)") }
            if matching == nil && (dryRun || yes) { throw ValidationError("--dry-run and --yes go with --matching") }
            if let matching {
                do { _ = try PCRE2Pattern(matching) } catch {
                    throw ValidationError("--matching does not compile: \(error.message) at offset \(error.offset)")
                }
            }
        }

        func run() async throws {
            let store = try database.openStore()
            try store.migrate()
            if let matching {
                try await BulkReject(
                    store: store, moderator: moderator.resolvedName, filter: queue.filter(limit: Int.max), pattern: matching,
                    reason: reason, sample: sample
                ).run(dryRun: dryRun, confirmed: yes)
                return
            }
            let runner = DecisionRunner(store: store, moderator: moderator.resolvedName)
            if try await !runner.decide(ids, .reject, reason: reason, override: override) { throw ExitCode.failure }
        }
    }
}
