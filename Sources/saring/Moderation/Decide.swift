import ArgumentParser
import Foundation
import SaringCore
import SaringStore

/// What `approve` and `reject ID…` share: decide each id through the moderation desk, which
/// refuses changing another moderator's decision without `--override`.
struct DecisionRunner {
    let desk: ModerationDesk

    /// Decides each comment; prints one line per comment; returns false if any was refused.
    func decide(_ ids: [Int64], _ verdict: ModeratorVerdict, reason: String?, override: Bool) async throws -> Bool {
        var allDone = true
        let word = verdict == .approve ? "approved" : "rejected"
        for id in ids {
            do {
                let outcome = try await desk.decide(id, verdict, reason: reason, override: override)
                print(
                    outcome.changed
                        ? "\(word) \(id) (decision \(outcome.decision.id))"
                        : TerminalText.neutralized("\(id) was already \(word) by \(outcome.decision.decidedBy); nothing changed"))
            } catch StoreError.overrideNeeded(_, let by, let action) {
                allDone = false
                let was = action == "approve" ? "approved" : "rejected"
                TerminalText.printError("comment \(id) was already \(was) by \(by); add --override to change that decision")
            } catch let error as StoreError {
                allDone = false
                TerminalText.printError("\(error)")
            }
        }
        return allDone
    }
}

extension Saring {
    struct Approve: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Approve comments: publish them, overriding the policy.",
            discussion: "A comment another moderator already decided is refused unless --override is given.")

        @OptionGroup var database: DatabaseOptions
        @OptionGroup var moderator: ModeratorOptions

        @Argument(help: "Comment ids.")
        var ids: [Int64]

        @Option(help: "Reason recorded in the decision history.")
        var reason: String?

        @Flag(help: "Change a decision another moderator made.")
        var override = false

        func validate() throws {
            if ids.isEmpty { throw ValidationError("give at least one comment id") }
        }

        func run() async throws {
            let done = try await database.withSiteStore { store in
                try await DecisionRunner(desk: ModerationDesk(store: store, moderator: moderator.resolvedName))
                    .decide(ids, .approve, reason: reason, override: override)
            }
            if !done { throw ExitCode.failure }
        }
    }
}
