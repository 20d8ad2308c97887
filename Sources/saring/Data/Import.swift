import ArgumentParser
import Foundation
import SaringCore
import SaringFiles
import SaringStore

extension Saring {
    struct Import: AsyncParsableCommand {
        enum Format: String, ExpressibleByArgument, CaseIterable {
            case jsonl, wordpress
        }

        static let configuration = CommandConfiguration(
            abstract: "Load a Saring export (JSON Lines) or a WordPress export (WXR) in one transaction: all or nothing.",
            discussion: """
                Into an empty database the file's ids are kept (so exporting again gives the same lines); into a \
                non-empty one every comment gets a new id and replies follow their parents. Comments keep the status \
                the file gives them unless --judge is given. A bad line (jsonl) or element (wordpress) is refused with \
                its position, and nothing is stored.
                """)

        @OptionGroup var database: DatabaseOptions

        @Argument(help: "The file to load.")
        var file: String

        @Option(help: "jsonl (a saring export) or wordpress (WXR, Tools → Export in WordPress).")
        var format: Format

        @Flag(help: "Judge every comment with the policy folder: it takes the policy's status and masked text.")
        var judge = false

        @Option(help: "Policy folder for --judge (env SARING_POLICIES; default ./Policies).")
        var policies: String?

        func validate() throws {
            if file.isEmpty { throw ValidationError("FILE must not be empty") }
            if policies != nil, !judge { throw ValidationError("--policies is only for --judge") }
        }

        func run() async throws {
            guard FileManager.default.isReadableFile(atPath: file) else { throw CLIError("cannot read \(file): no such readable file") }
            var importJudge: ImportJudge? = nil
            if judge {
                let folder = Configuration().policiesPath(flag: policies)
                let policy: Policy
                do {
                    policy = try PolicyFolder.load(folder)
                } catch let error as PolicyError {
                    let lines = error.diagnostics.map { Saring.PolicyCommand.Check.prefix(folder) + $0.description }
                    throw CLIError("policy folder \(folder) has problems:\n" + lines.joined(separator: "\n"))
                }
                importJudge = { draft, standing in
                    policy.judge(draft, context: JudgeContext(standing: standing, approvedComments: Int.max))
                }
            }
            var skipped = 0
            let summary: ImportSummary
            do {
                func items() throws -> () throws -> ImportItem? {
                    switch format {
                    case .jsonl:
                        return try JSONLinesReader(path: file).next
                    case .wordpress:
                        let data = try Data(contentsOf: URL(fileURLWithPath: file))
                        let result = try WXRReader.read(data, file: file)
                        skipped = result.skipped
                        var items = result.items.makeIterator()
                        return { items.next() }
                    }
                }
                if case .postgresql = try database.location() {
                    summary = try await database.withSiteStore { try await $0.importAll(judge: importJudge, next: try items()) }
                } else {
                    // Moving in starts from nothing: import creates a missing database, as migrate does.
                    let store = try database.openStore(mode: .createIfMissing)
                    try store.migrate()
                    summary = try store.importItems(judge: importJudge, next: try items())
                }
            } catch let error as ImportError {
                throw CLIError("\(error); nothing was imported")
            } catch let error as CLIError {
                throw error
            } catch {
                throw CLIError("import of \(file) failed: \(error); nothing was imported")
            }
            var line = "imported \(summary.comments) comment\(summary.comments == 1 ? "" : "s") from \(file)"
            line += " (\(summary.articlesCreated) new article\(summary.articlesCreated == 1 ? "" : "s"), "
            line += "\(summary.authorsCreated) new author\(summary.authorsCreated == 1 ? "" : "s"); "
            line += summary.keptIds ? "ids kept)" : "new ids given: the database was not empty)"
            if judge { line += "; the policy changed the status of \(summary.changedByJudge)" }
            if skipped > 0 { line += "; left out \(skipped) pingback\(skipped == 1 ? "" : "s")/trackbacks or comments of attachments" }
            print(TerminalText.neutralized(line))
        }
    }
}
