import ArgumentParser
import Foundation
import SaringCore
import SaringStore

extension Saring {
    struct Forget: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Erase an author's personal data (name, e-mail address, address hashes); with --comments, their comments' text too.",
            discussion: """
                The author's comments stay (as [deleted], with their threads and decision history); the erasure is \
                recorded (who asked, when, what kind), never what was erased. It cannot be undone: export first if \
                you are asked for the data as well.
                """)

        @OptionGroup var database: DatabaseOptions
        @OptionGroup var moderator: ModeratorOptions

        @Argument(help: "The author: user:ID for a site-verified reader, an e-mail address, or a display name when they gave no e-mail.")
        var author: String

        @Flag(help: "Erase the text of the author's comments as well (body and published text).")
        var comments = false

        func validate() throws {
            if author.trimmingCharacters(in: .whitespaces).isEmpty { throw ValidationError("the author must not be empty") }
        }

        func run() async throws {
            try await database.withSiteStore { try await forget($0) }
        }

        private func forget(_ store: any ErasureStore) async throws {
            let outcome: ForgetOutcome
            do {
                outcome = try await store.forget(
                    AuthorIdentity(moderatorInput: author), comments: comments, requestedBy: moderator.resolvedName)
            } catch StoreError.authorNotFound(let identity) {
                throw CLIError("no author \(identity) (authors are identified by e-mail when they gave one, else by name)")
            }
            var line =
                "forgot \(author): now \(outcome.identity); \(outcome.comments) comment\(outcome.comments == 1 ? "" : "s") kept as \(Erased.placeholder)"
            if comments { line += ", text erased from \(outcome.textsErased)" }
            line +=
                "; \(outcome.addressHashes) address hash\(outcome.addressHashes == 1 ? "" : "es") and \(outcome.reports) report address\(outcome.reports == 1 ? "" : "es") erased"
            print(TerminalText.neutralized(line))
        }
    }
}
