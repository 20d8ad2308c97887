import ArgumentParser

/// The `saring` command: the server and the tools operators, editors and moderators use.
@main
struct Saring: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "saring",
        abstract: "Self-hosted comment moderation: HTTP API, policies, review queue.",
        subcommands: [
            Serve.self, Migrate.self, PolicyCommand.self, Queue.self, Show.self, Approve.self, Reject.self, Ban.self,
            Unban.self, Trust.self, Review.self,
        ]
    )
}
