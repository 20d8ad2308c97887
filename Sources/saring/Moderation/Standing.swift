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

    func apply(_ standing: AuthorStanding, addressHours: Int = 0) async throws -> [Int64] {
        let store = try database.openStore()
        try store.migrate()
        do {
            return try await store.setStanding(
                standing, of: AuthorIdentity(moderatorInput: author), moderator: moderator.resolvedName, reason: reason,
                addressBan: .seconds(addressHours * 3600))
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
            let rejected = try await change.apply(.banned, addressHours: addressHours)
            print(TerminalText.neutralized("banned \(change.author); rejected \(rejected.count) pending comment\(rejected.count == 1 ? "" : "s")"))
        }
    }

    struct Unban: AsyncParsableCommand {
        static let configuration = CommandConfiguration(abstract: "Lift a ban (the author is treated as anyone else again).")
        @OptionGroup var change: StandingChange

        func run() async throws {
            _ = try await change.apply(.normal)
            print(TerminalText.neutralized("unbanned \(change.author)"))
        }
    }

    struct Trust: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Trust an author: their comments skip first-comment premoderation (rules still apply).")
        @OptionGroup var change: StandingChange

        func run() async throws {
            _ = try await change.apply(.trusted)
            print(TerminalText.neutralized("trusted \(change.author)"))
        }
    }
}
