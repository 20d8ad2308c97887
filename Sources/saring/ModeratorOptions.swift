import ArgumentParser
import Foundation
import SaringCore

/// `--as`, the moderator a command acts as, recorded in the decision history.
struct ModeratorOptions: ParsableArguments {
    @Option(name: .customLong("as"), help: "Moderator name to record (env SARING_MODERATOR; default: your login name).")
    var name: String?

    var resolvedName: String {
        Configuration().moderator(flag: name)
    }

    func validate() throws {
        let most = Configuration.maxModeratorNameCharacters
        if let name, name.trimmingCharacters(in: .whitespaces).isEmpty || name.unicodeScalars.count > most {
            throw ValidationError("--as must be 1-\(most) characters")
        }
    }
}
