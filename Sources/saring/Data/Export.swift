import ArgumentParser
import Foundation
import SaringCore
import SaringStore

extension Saring {
    struct Export: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Write comments as JSON Lines: one comment a line with its article, author, texts and decision history.",
            discussion: "The format is described in the README (Export and import). No client address or address hash is written.")

        @OptionGroup var database: DatabaseOptions

        @Option(help: "Only comments of this article id.")
        var article: String?

        @Option(help: "Only comments newer than this age, e.g. 30m, 2h, 7d.")
        var since: String?

        @Option(
            help: ArgumentHelp("Only comments with these statuses: published, pending, rejected (comma-separated).", valueName: "statuses"))
        var status: String?

        @Option(help: "Write to this file instead of standard output.")
        var out: String?

        @Flag(help: "Replace the --out file when it exists.")
        var force = false

        func validate() throws {
            if let since, AgeParser.seconds(since) == nil {
                throw ValidationError("--since must be an age like 45s, 30m, 2h or 7d, got '\(since)'")
            }
            if let article {
                do { try ArticleID.validate(article) } catch { throw ValidationError("--article: \(error.message)") }
            }
            _ = try statuses()
            if let out, out.isEmpty { throw ValidationError("--out must not be empty") }
        }

        func statuses() throws -> [CommentStatus] {
            guard let status else { return [] }
            return try status.split(separator: ",", omittingEmptySubsequences: false).map { part in
                guard let value = CommentStatus(rawValue: part.trimmingCharacters(in: .whitespaces)) else {
                    throw ValidationError("--status takes published, pending or rejected (comma-separated), got '\(part)'")
                }
                return value
            }
        }

        func run() async throws {
            try await database.withSiteStore { try await export($0) }
        }

        private func export(_ store: any SiteStore) async throws {
            if let article, try await store.article(id: article) == nil {
                throw CLIError("no article \(article): nobody has commented on it and the CMS has not described it")
            }
            let filter = ExportFilter(
                articleId: article, since: since.flatMap(AgeParser.seconds).map { Date().addingTimeInterval(-$0) },
                statuses: try statuses())
            let output = try LineOutput(path: out, overwrite: force)
            let count: Int
            do {
                count = try await store.export(filter) { record in try output.write(line: try record.jsonLine()) }
                try output.close()
            } catch {
                if let out { try? FileManager.default.removeItem(atPath: out) }
                throw CLIError("export failed: \(error)")
            }
            if let out {
                TerminalText.printLine("exported \(count) comment\(count == 1 ? "" : "s") to \(out)")
            }
        }
    }
}
