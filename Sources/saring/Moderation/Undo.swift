import ArgumentParser
import Foundation
import SaringCore
import SaringStore

extension Saring {
    struct Undo: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Take back a moderator's decision, or a whole batch (a bulk rejection or a ban).",
            discussion: """
                An undo is a new entry of the history: the comment returns to its state before the decision and \
                the reports that decision resolved reopen. A batch's comments decided again since are left as they \
                are and listed; undoing a ban also restores the author's standing. Decision ids are shown by \
                `saring show`, batch ids by `reject --matching/--campaign` and `ban`.
                """)

        @OptionGroup var database: DatabaseOptions
        @OptionGroup var moderator: ModeratorOptions

        @Argument(help: "The decision id to take back.")
        var decision: Int64?

        @Option(help: "Take back this batch instead.")
        var batch: Int64?

        @Flag(help: "Take back another moderator's decision or batch.")
        var override = false

        func validate() throws {
            if (decision == nil) == (batch == nil) { throw ValidationError("give a decision id or --batch ID (one of them)") }
            if let id = decision ?? batch, id <= 0 { throw ValidationError("ids are positive numbers") }
        }

        func run() async throws {
            try await database.withSiteStore { store in try await undo(ModerationDesk(store: store, moderator: moderator.resolvedName)) }
        }

        private func undo(_ desk: ModerationDesk) async throws {
            do {
                if let batch {
                    let outcome = try await desk.undo(batch: batch, override: override)
                    print("undid batch \(batch): \(Plural.count(outcome.restored.count, "comment")) back as before")
                    if !outcome.decidedSince.isEmpty {
                        print("decided again since, left as they are: " + BulkRejection.idList(outcome.decidedSince))
                    }
                } else if let decision {
                    let outcome = try await desk.undo(decision: decision, override: override)
                    print("undid decision \(decision): comment \(outcome.decision.commentId) is \(outcome.status.rawValue) again (decision \(outcome.decision.id))")
                }
            } catch StoreError.overrideNeeded(_, let by, _), StoreError.batchOfAnother(_, let by) {
                throw CLIError("that was decided by \(by); add --override to take it back")
            } catch let error as StoreError {
                throw CLIError("\(error)")
            }
        }
    }
}
