import ArgumentParser
import Foundation
import SaringCore
import SaringStore

extension Saring {
    struct Review: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Review a moderation queue interactively, one comment at a time.",
            discussion: """
                Full screen, single keys: a approve, r reject (with a reason), s skip, b ban the author, \
                u undo, t the thread, c the author's newest comments, ? help, q quit. Each comment shown \
                is claimed for you (a lease renewed while the screen is open), so two moderators never \
                review the same one. Needs a terminal; scripts use `saring queue`, `saring approve` and \
                `saring reject`. Honours NO_COLOR.
                """)

        @OptionGroup var database: DatabaseOptions
        @OptionGroup var moderator: ModeratorOptions
        @OptionGroup var queue: QueueOptions
        @OptionGroup var search: SearchOptions

        @Option(help: "Seconds a claim lasts unless renewed (renewed while the screen is open; 1-3600).")
        var leaseSeconds: Int = 300

        func validate() throws {
            guard (1...3600).contains(leaseSeconds) else { throw ValidationError("--lease-seconds must be 1-3600") }
        }

        func run() async throws {
            guard isatty(STDIN_FILENO) == 1, isatty(STDOUT_FILENO) == 1 else {
                throw CLIError(
                    "saring review needs a terminal (its input and output must both be one): "
                        + "to list the queue use `saring queue`; to decide, `saring approve ID` or `saring reject ID`")
            }
            try await database.withSiteStore { try await review($0, at: database.shownName) }
        }

        private func review(_ store: any ModerationStore, at place: String) async throws {
            try await queue.checkArticle(in: store)
            try await search.checkAuthor(in: store)
            // Oldest first (the rejected queue newest first), so what waited longest is decided
            // first and an undone comment comes back.
            let filter = search.applied(to: queue.filter(byScore: false))
            let lease = Duration.seconds(leaseSeconds)

            let terminal = try RawTerminal()
            defer { terminal.restore() }
            let events = TerminalEvents()
            events.start(tick: .milliseconds(500))
            let renewals = LeaseKeeper(store: store, moderator: moderator.resolvedName, lease: lease).start()
            let session = ReviewSession(
                store: store, terminal: terminal, palette: .fromEnvironment(), moderator: moderator.resolvedName,
                filter: filter, lease: lease, database: place)
            let signal = await session.run(events: events)
            renewals.cancel()
            events.stop()
            terminal.restore()
            print(session.summary)
            if let signal { throw ExitCode(128 + signal) }
        }
    }
}
