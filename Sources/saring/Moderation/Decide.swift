import ArgumentParser
import Foundation
import SaringCore
import SaringStore

/// What `approve` and `reject ID…` share: decide each id, refusing what another moderator decided.
struct DecisionRunner {
    let store: SaringStore
    let moderator: String

    /// Decides each comment; prints one line per comment; returns false if any was refused.
    func decide(_ ids: [Int64], _ verdict: ModeratorVerdict, reason: String?, override: Bool) async throws -> Bool {
        var allDone = true
        for id in ids {
            do {
                guard let item = try await store.queueItem(commentId: id) else { throw StoreError.commentNotFound(id: id) }
                let history = try await store.decisions(commentId: id)
                if !override, let last = history.last, last.actor == .moderator {
                    let word = last.status == .published ? "approved" : last.status == .rejected ? "rejected" : last.action
                    throw CLIError("comment \(id) was already \(word) by \(last.decidedBy); add --override to change that decision")
                }
                let decision = try await store.decide(
                    commentId: id, verdict, moderator: moderator, reason: reason, expectedLastDecision: item.lastDecisionId)
                print("\(verdict == .approve ? "approved" : "rejected") \(id) (decision \(decision.id))")
            } catch let error as StoreError {
                allDone = false
                TerminalText.printError("\(error)")
            } catch let error as CLIError {
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
            let store = try database.openStore()
            try store.migrate()
            let runner = DecisionRunner(store: store, moderator: moderator.resolvedName)
            if try await !runner.decide(ids, .approve, reason: reason, override: override) { throw ExitCode.failure }
        }
    }
}
