import ArgumentParser
import Foundation
import SaringCore
import SaringStore

extension Saring {
    struct Purge: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Erase the text of rejected comments last decided longer ago than the retention period.",
            discussion: """
                What `saring serve --erase-rejected-after AGE` does every hour. The comments stay (as [deleted], with \
                their decision history); each run is recorded as an erasure.
                """)

        @OptionGroup var database: DatabaseOptions
        @OptionGroup var moderator: ModeratorOptions

        @Option(help: "Age of the rejection, e.g. 30d (default: SARING_ERASE_REJECTED_AFTER).")
        var olderThan: String?

        @Flag(help: "Only say how many comments would be erased; change nothing.")
        var dryRun = false

        func validate() throws {
            if let olderThan, AgeParser.seconds(olderThan) == nil {
                throw ValidationError("--older-than must be an age like 12h or 30d, got '\(olderThan)'")
            }
        }

        func run() async throws {
            let configured = Configuration().value(.eraseRejectedAfter)
            guard let text = olderThan ?? configured else {
                throw CLIError("give --older-than (e.g. 30d), or set \(Configuration.Variable.eraseRejectedAfter.rawValue)")
            }
            guard let seconds = AgeParser.seconds(text) else {
                throw CLIError("\(Configuration.Variable.eraseRejectedAfter.rawValue) must be an age like 30d, got '\(text)'")
            }
            let cutoff = Date().addingTimeInterval(-seconds)
            if case .postgresql = try database.location() {
                try await database.withSiteStore { try await purge($0, before: cutoff) }
                return
            }
            let store = try database.openStore(mode: dryRun ? .readOnly : .existingOnly)
            if !dryRun { try store.migrate() }
            try await purge(store, before: cutoff)
        }

        private func purge(_ store: any ErasureStore, before cutoff: Date) async throws {
            if dryRun {
                let outcome = try await store.rejectedToErase(before: cutoff)
                let oldest = outcome.oldest.map { ", the oldest rejected \(TimeText.utc($0))" } ?? ""
                print(
                    "would erase the text of \(outcome.comments) rejected comment\(outcome.comments == 1 ? "" : "s") last decided before \(TimeText.utc(cutoff))\(oldest); nothing changed (dry run)"
                )
                return
            }
            let outcome = try await store.eraseRejected(before: cutoff, requestedBy: moderator.resolvedName, chunk: 500)
            print(
                "erased the text of \(outcome.comments) rejected comment\(outcome.comments == 1 ? "" : "s") last decided before \(TimeText.utc(cutoff))"
            )
        }
    }
}
