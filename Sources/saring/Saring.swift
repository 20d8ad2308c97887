import ArgumentParser
import Foundation

/// The `saring` command: the server and the tools operators, editors and moderators use.
@main
struct Saring: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "saring",
        abstract: "Self-hosted comment moderation: HTTP API, policies, review queue.",
        subcommands: [
            Serve.self, Migrate.self, CopyStore.self, PolicyCommand.self, Queue.self, Show.self, Approve.self, Reject.self, Ban.self,
            Unban.self, Trust.self, Bans.self, Undo.self, Review.self, Backup.self, Export.self, Import.self, Forget.self,
            Purge.self,
        ]
    )

    /// ArgumentParser's entry point, except that error messages are neutralized before they reach the
    /// terminal: they echo author names, e-mail addresses, article ids, paths and argument values.
    /// Help and completion scripts (exit code 0) are our own text and go out untouched.
    static func main() async {
        do {
            var command = try await asyncParseAsRoot()
            if var asyncCommand = command as? AsyncParsableCommand {
                try await asyncCommand.run()
            } else {
                try command.run()
            }
        } catch {
            let code = exitCode(for: error)
            if code == .success { exit(withError: error) }
            let message = fullMessage(for: error)
            if !message.isEmpty { TerminalText.printError(message) }
            Foundation.exit(code.rawValue)
        }
    }
}
