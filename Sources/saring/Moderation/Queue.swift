import ArgumentParser
import Foundation
import SaringCore

extension Saring {
    struct Queue: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "List a moderation queue, oldest first, one line per comment.",
            discussion: "Columns: id, age, article, author, status, score, rules that fired, start of the text.")

        @OptionGroup var database: DatabaseOptions
        @OptionGroup var queue: QueueOptions

        @Option(help: "How many comments to list (1-1000).")
        var limit: Int = 50

        @Option(help: "Order: oldest (default) or score (highest first).")
        var sort: String = "oldest"

        @Flag(help: "Print one JSON object per line.")
        var json = false

        func validate() throws {
            guard (1...1000).contains(limit) else { throw ValidationError("--limit must be 1-1000") }
            guard ["oldest", "score"].contains(sort) else { throw ValidationError("--sort must be oldest or score") }
        }

        func run() async throws {
            let store = try database.openStore()
            try store.migrate()
            let now = Date()
            let filter = queue.filter(limit: limit, byScore: sort == "score", now: now)
            let items = try await store.queue(filter)
            if json {
                for item in items { print(try QueueItemJSON(item).jsonLine()) }
                return
            }
            let total = try await store.queueCount(filter)
            print("\(queue.kind.rawValue) queue: \(total) comment\(total == 1 ? "" : "s")\(total > items.count ? ", showing \(items.count)" : "")")
            for (article, until) in try await store.brakedArticles() {
                let minutes = max(1, Int(until.timeIntervalSince(now) / 60))
                print(TerminalText.neutralized("article brake on \(article): every new comment is held for \(minutes) more min"))
            }
            for item in items { print(Self.line(item, now: now)) }
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
