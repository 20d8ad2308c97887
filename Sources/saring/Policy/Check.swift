import ArgumentParser
import Foundation
import SaringCore
import SaringFiles

extension Saring.PolicyCommand {
    struct Check: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Parse and compile a policy folder and run every rule's examples.",
            discussion: "Prints every problem as FILE:LINE: RULE-ID: MESSAGE and exits 1 if there is any.")

        @Argument(help: "Policy folder (default: $SARING_POLICIES or ./Policies).")
        var folder: String?

        func run() throws {
            let path = Configuration().policiesPath(flag: folder)
            let source: PolicySource
            do {
                source = try PolicyFolder.read(path)
            } catch {
                throw CLIError("\(error)")
            }
            switch PolicyCompiler.compile(source) {
            case .success(let policy):
                let examples = policy.ruleSpecs.reduce(0) { $0 + $1.mustMatch.count + $1.mustNotMatch.count }
                print(
                    TerminalText.neutralized(
                        "\(path): ok — \(policy.ruleSpecs.count) rules in \(source.files.count) files, "
                            + "\(examples) examples hold (version \(policy.version))"))
            case .failure(let error):
                for diagnostic in error.diagnostics {
                    TerminalText.printLine("\(Self.prefix(path))\(diagnostic)")
                }
                TerminalText.printLine("\(path): \(Plural.count(error.diagnostics.count, "problem"))")
                throw ExitCode.failure
            }
        }

        /// `Policies/` for `Policies` or `Policies/`, so lines read `Policies/judol.yaml:12: …`.
        static func prefix(_ path: String) -> String {
            path.hasSuffix("/") ? path : path + "/"
        }
    }
}
