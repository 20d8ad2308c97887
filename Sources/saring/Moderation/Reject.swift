import ArgumentParser
import Foundation
import SaringCore
import SaringStore

extension Saring {
    struct Reject: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Reject comments by id, or clean up a spam wave with --matching or --campaign.",
            discussion: """
                With --matching, the PCRE2 pattern runs on the normalized text like a policy rule, over the queue \
                chosen by --kind/--article/--since. It shows how many comments match and a sample, then asks for \
                confirmation on a terminal (or takes --yes); --dry-run changes nothing. An empty or match-everything \
                pattern is refused. The rejection is one batch: `saring undo --batch ID` takes it back. With --campaign, the same \
                for every published or held comment of a spam campaign (its id is shown by `saring queue`).
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

        @Option(help: "Reject every published or held comment of this spam campaign.")
        var campaign: Int64?

        @Flag(help: "With --matching or --campaign: show what would be rejected, change nothing.")
        var dryRun = false

        @Flag(help: "With --matching or --campaign: do not ask for confirmation.")
        var yes = false

        @Option(help: "With --matching or --campaign: how many comments to show.")
        var sample: Int = 5

        @Option(parsing: .upToNextOption, help: "With --matching or --campaign: comment ids to leave out.")
        var except: [Int64] = []

        @Flag(help: "Change a decision another moderator made (ids only).")
        var override = false

        func validate() throws {
            let ways = [!ids.isEmpty, matching != nil, campaign != nil].filter { $0 }.count
            if ways != 1 { throw ValidationError("give comment ids, --matching PATTERN or --campaign ID (one of them)") }
            if !ids.isEmpty && (dryRun || yes) { throw ValidationError("--dry-run and --yes go with --matching or --campaign") }
            if let campaign, campaign <= 0 { throw ValidationError("--campaign must be a campaign id (a positive number)") }
            if !ids.isEmpty && !except.isEmpty { throw ValidationError("--except goes with --matching or --campaign") }
            if let matching {
                do { try ModerationDesk.checkBulkPattern(matching) } catch { throw ValidationError("--matching: \(error)") }
            }
        }

        func run() async throws {
            try await database.withSiteStore { store in
                let desk = ModerationDesk(store: store, moderator: moderator.resolvedName)
                let bulk = BulkRejection(desk: desk, reason: reason, sample: sample)
                if let matching {
                    try await bulk.run(
                        .matching(pattern: matching, filter: queue.filter(limit: Int.max)), except: Set(except), dryRun: dryRun, confirmed: yes)
                } else if let campaign {
                    try await bulk.run(.campaign(campaign), except: Set(except), dryRun: dryRun, confirmed: yes)
                } else if try await !DecisionRunner(desk: desk).decide(ids, .reject, reason: reason, override: override) {
                    throw ExitCode.failure
                }
            }
        }
    }
}
