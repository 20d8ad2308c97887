import ArgumentParser
import Foundation
import SaringCore
import SaringStore

extension Saring {
    struct Queue: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "List a moderation queue, oldest first, one line per comment.",
            discussion: "Columns: id, age, article, author, status, score, rules that fired, start of the text.")

        @OptionGroup var database: DatabaseOptions
        @OptionGroup var queue: QueueOptions
        @OptionGroup var search: SearchOptions

        @Option(help: "How many comments to list (1-1000).")
        var limit: Int = 50

        @Option(help: "Order: oldest (default; newest for the rejected queue) or score (highest first).")
        var sort: String = "oldest"

        @Flag(help: "Print one JSON object per line.")
        var json = false

        @Flag(help: "Print how many comments each queue holds (within --article, --since, --author, --text), not the comments.")
        var summary = false

        func validate() throws {
            guard (1...1000).contains(limit) else { throw ValidationError("--limit must be 1-1000") }
            guard ["oldest", "score"].contains(sort) else { throw ValidationError("--sort must be oldest or score") }
        }

        func run() async throws {
            try await database.withSiteStore { try await list($0) }
        }

        private func list(_ store: any ModerationStore) async throws {
            try await queue.checkArticle(in: store)
            try await search.checkAuthor(in: store)
            let now = Date()
            let filter = search.applied(to: queue.filter(limit: limit, byScore: sort == "score", now: now))
            if summary { return try await printSummary(store, filter) }
            let found = try await store.search(filter, excluding: [])
            if let warning = SearchOptions.overBudgetWarning(found.overBudget) { TerminalText.printWarning(warning) }
            if json {
                for item in found.items { print(try QueueItemJSON(item).jsonLine()) }
                return
            }
            let showing = found.total > found.items.count ? ", showing \(found.items.count)" : ""
            print("\(queue.kind.rawValue) queue: \(Plural.count(found.total, "comment"))\(showing)")
            for (article, until) in try await store.brakedArticles() {
                let minutes = max(1, Int(until.timeIntervalSince(now) / 60))
                print(TerminalText.neutralized("article brake on \(article): every new comment is held for \(minutes) more min"))
            }
            for item in found.items { print(Self.line(item, now: now)) }
        }

        /// `--summary`: one line per queue, or one JSON object.
        private func printSummary(_ store: any ModerationStore, _ filter: QueueFilter) async throws {
            let counts = try await store.queueSummary(filter)
            if json {
                print(try counts.reduce(into: [String: Int]()) { $0[$1.key.rawValue] = $1.value }.jsonLine())
                return
            }
            let width = QueueKind.allCases.map(\.rawValue.count).max() ?? 0
            for kind in QueueKind.allCases {
                print("\(kind.rawValue.padding(toLength: width, withPad: " ", startingAt: 0))  \(counts[kind] ?? 0)")
            }
        }

        static func line(_ item: QueueItem, now: Date) -> String {
            let comment = item.comment
            let rules = item.ruleIds.isEmpty ? "-" : item.ruleIds.joined(separator: ",")
            let text = TerminalText.neutralized(comment.body, lineBreaks: .spaces)
            let reports = (item.reports.isEmpty ? "" : " reports:\(item.reports.count)")
                + (comment.campaignId.map { " campaign:#\($0)" } ?? "")
            let line = "\(comment.id)  \(AgeParser.format(now.timeIntervalSince(comment.createdAt)))  \(comment.articleId)  "
                + "\(comment.authorName)  \(comment.status.rawValue)\(comment.flagged ? "+flag" : "")  "
                + "score \(comment.score.formatted())  \(rules)\(reports)  \(String(text.prefix(60)))"
            return TerminalText.neutralized(line)
        }
    }
}
