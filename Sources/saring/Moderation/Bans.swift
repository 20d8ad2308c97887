import ArgumentParser
import Foundation
import SaringCore

extension Saring {
    struct Bans: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "List the authors banned now: name, identity, since when, by whom, why.",
            discussion: "Newest ban first. `saring unban AUTHOR` lifts one (AUTHOR as shown in the identity column).")

        @OptionGroup var database: DatabaseOptions

        @Flag(help: "Print one JSON object per line (identity, name, since, by, reason).")
        var json = false

        func run() async throws {
            let bans = try await database.withSiteStore { store in try await store.currentBans() }
            if json {
                for ban in bans { print(try BanJSON(ban).jsonLine()) }
                return
            }
            print("\(Plural.count(bans.count, "banned author"))")
            for ban in bans {
                let reason = ban.reason.map { " — \($0)" } ?? ""
                print(
                    TerminalText.neutralized(
                        "\(ban.name)  \(Self.identity(ban.identity))  since \(TimeText.utc(ban.since))  by \(ban.moderator)\(reason)"))
            }
        }

        /// The identity as `ban`/`unban` take it: `user:ID`, the e-mail address, or `name:…` as is.
        static func identity(_ key: String) -> String {
            key.hasPrefix("email:") ? String(key.dropFirst("email:".count)) : key
        }
    }
}
