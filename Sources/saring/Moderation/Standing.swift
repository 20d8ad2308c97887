import ArgumentParser
import Foundation
import SaringCore
import SaringStore

/// `--db`, `--as`, the author and a reason: what ban, unban and trust share.
struct StandingChange: ParsableArguments {
    @OptionGroup var database: DatabaseOptions
    @OptionGroup var moderator: ModeratorOptions

    @Argument(help: "The author: user:ID for a site-verified reader, an e-mail address, or a display name when they gave no e-mail.")
    var author: String

    @Option(help: "Reason recorded with the change.")
    var reason: String?

    func validate() throws {
        if author.trimmingCharacters(in: .whitespaces).isEmpty { throw ValidationError("the author must not be empty") }
    }

    var identity: AuthorIdentity { AuthorIdentity(moderatorInput: author) }

    /// Runs `body` with the desk on the database, with a message naming an unknown author.
    func run<T>(_ body: (ModerationDesk) async throws -> T) async throws -> T {
        do {
            return try await database.withSiteStore { store in
                try await body(ModerationDesk(store: store, moderator: moderator.resolvedName))
            }
        } catch StoreError.authorNotFound(let identity) {
            throw CLIError("no author \(identity) (authors are identified by e-mail when they gave one, else by name)")
        }
    }
}

extension Saring {
    struct Ban: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Ban an author: their new comments are rejected on arrival; their pending ones are rejected now.")
        @OptionGroup var change: StandingChange

        @Option(
            help: ArgumentHelp(
                "An anonymous author's ban also refuses new anonymous comments from the addresses they posted from, for this many hours (0: off). Kept short: under carrier-grade NAT one address is many readers.",
                valueName: "hours"))
        var addressHours: Int = 48

        func validate() throws {
            if !(0...8_760).contains(addressHours) { throw ValidationError("--address-hours must be 0-8760") }
        }

        func run() async throws {
            let outcome = try await change.run {
                try await $0.ban(change.identity, reason: change.reason, addressBan: .seconds(addressHours * 3600))
            }
            guard let batch = outcome.batchId else {
                print(TerminalText.neutralized("\(change.author) was already banned; nothing changed"))
                return
            }
            let count = outcome.rejected.count
            print(
                TerminalText.neutralized(
                    "banned \(change.author); rejected \(count) pending comment\(count == 1 ? "" : "s") (batch \(batch): saring undo --batch \(batch) takes the ban back)"))
        }
    }

    struct Unban: AsyncParsableCommand {
        static let configuration = CommandConfiguration(abstract: "Lift a ban (the author is treated as anyone else again).")
        @OptionGroup var change: StandingChange

        func run() async throws {
            let changed = try await change.run { try await $0.unban(change.identity, reason: change.reason) }
            print(TerminalText.neutralized(changed ? "unbanned \(change.author)" : "\(change.author) was not banned; nothing changed"))
        }
    }

    struct Trust: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Trust an author: their comments skip first-comment premoderation (rules still apply).")
        @OptionGroup var change: StandingChange

        func run() async throws {
            let changed = try await change.run { try await $0.trust(change.identity, reason: change.reason) }
            print(TerminalText.neutralized(changed ? "trusted \(change.author)" : "\(change.author) was trusted already; nothing changed"))
        }
    }
}
