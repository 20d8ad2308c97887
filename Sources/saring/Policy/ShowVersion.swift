import ArgumentParser
import Foundation
import SaringCore
import SaringStore

extension Saring.PolicyCommand {
    struct Show: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Print a recorded policy version: when it loaded and judged, its rules and its files.",
            discussion: "VERSION is a content hash as `saring show` and decisions name it (or 4+ of its first characters), or #ID.")

        @OptionGroup var database: DatabaseOptions

        @Argument(help: "Policy version (content hash or a prefix of it, or #ID).")
        var version: String

        @Flag(help: "Only the names of its files and its rules.")
        var rulesOnly = false

        func validate() throws {
            if version.isEmpty { throw ValidationError("VERSION must not be empty") }
        }

        func run() async throws {
            try await database.withSiteStore { try await show($0) }
        }

        private func show(_ store: any PolicyHistoryStore) async throws {
            let found: PolicyVersionRecord?
            do {
                found = try await store.policyVersion(version)
            } catch let error as StoreError {
                throw CLIError("\(error)")
            }
            guard let record = found else {
                throw CLIError("no policy version \(version) in the history of \(database.shownName): `saring policy history` lists them")
            }
            let say = { (line: String) in print(TerminalText.neutralized(line)) }
            say("policy version \(record.version) (#\(record.id))")
            say("loaded:     \(TimeText.utc(record.loadedAt))")
            say("judged:     " + (record.firstUsedAt.map { "\(TimeText.utc($0)) – \(TimeText.utc(record.lastUsedAt ?? $0))" } ?? "not yet recorded"))
            say("rules:      \(record.rules.count) in \(Plural.count(record.files.count, "file"))")
            for rule in record.rules {
                say("  \(rule.id) [\(rule.category)] \(rule.action)\(rule.shadow ? " (shadow)" : "") \(rule.file):\(rule.line) — \(rule.description)")
            }
            guard !rulesOnly else { return }
            for file in record.files {
                say("")
                say("==> \(file.name) <==")
                print(TerminalText.neutralized(file.text, lineBreaks: .kept), terminator: file.text.hasSuffix("\n") ? "" : "\n")
            }
        }
    }
}
