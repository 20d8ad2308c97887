import ArgumentParser
import Foundation

/// `--as`, the moderator a command acts as, recorded in the decision history.
struct ModeratorOptions: ParsableArguments {
    @Option(name: .customLong("as"), help: "Moderator name to record (env SARING_MODERATOR; default: your login name).")
    var name: String?

    var resolvedName: String {
        let environment = ProcessInfo.processInfo.environment
        let candidates = [name, environment["SARING_MODERATOR"], environment["USER"], environment["LOGNAME"]]
        return candidates.compactMap { $0?.trimmingCharacters(in: .whitespaces) }.first { !$0.isEmpty } ?? "moderator"
    }

    func validate() throws {
        if let name, name.trimmingCharacters(in: .whitespaces).isEmpty || name.count > 100 {
            throw ValidationError("--as must be 1-100 characters")
        }
    }
}
