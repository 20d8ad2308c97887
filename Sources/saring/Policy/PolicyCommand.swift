import ArgumentParser
import SaringCore

extension Saring {
    struct PolicyCommand: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "policy",
            abstract: "Check, try out and measure a policy folder.",
            subcommands: [Check.self, Test.self, Eval.self, Train.self, Replay.self, Stats.self, Suggest.self, Show.self, History.self])
    }
}

/// `--policies`, shared by the policy subcommands that judge text.
struct PolicyOptions: ParsableArguments {
    @Option(help: "Policy folder (env SARING_POLICIES; default ./Policies).")
    var policies: String?

    var resolvedPath: String {
        Configuration().policiesPath(flag: policies)
    }
}

import Foundation
import SaringCore
import SaringFiles

extension PolicyOptions {
    /// Loads the folder or fails with every problem listed.
    func load() throws -> Policy {
        try Self.load(resolvedPath)
    }

    /// Loads the folder at `path` or fails with every problem listed.
    static func load(_ path: String) throws -> Policy {
        do {
            return try PolicyFolder.load(path)
        } catch let error as PolicyError {
            throw CLIError(error.diagnostics.map { "\(Saring.PolicyCommand.Check.prefix(path))\($0)" }.joined(separator: "\n"))
        } catch {
            throw CLIError("\(error)")
        }
    }
}
