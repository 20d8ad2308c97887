import ArgumentParser
import Foundation
import SaringCore

extension Saring {
    struct Show: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Everything about one comment: text, published text, status, hits, reports, decision history.")

        @OptionGroup var database: DatabaseOptions

        @Argument(help: "Comment id.")
        var id: Int64

        func run() async throws {
            let store = try database.openStore()
            try store.migrate()
            guard let item = try await store.queueItem(commentId: id) else { throw CLIError("comment \(id) does not exist") }
            let comment = item.comment
            let style = TerminalStyle.forStandardOutput()
            print("comment \(comment.id) on article \(comment.articleId)\(item.articleTitle.map { " — \($0)" } ?? "")")
            print("status:     \(comment.status.rawValue)\(comment.flagged ? " (flagged)" : "")  score \(comment.score.formatted())")
            print("created:    \(comment.createdAt.formatted(.iso8601))")
            print("author:     \(comment.authorName) <\(item.author.identity)> \(item.author.standing.rawValue); "
                + "\(item.author.published) published, \(item.author.rejected) rejected, \(item.author.pending) pending")
            if let parent = item.parent { print("reply to:   \(parent.id) \(parent.authorName): \(parent.publishedBody.prefix(70))") }
            let bodySpans = item.hits.filter { $0.field == "body" && !$0.shadow }.compactMap(\.span)
            print("text:       \(Highlighter.highlight(comment.body, spans: bodySpans, style: style))")
            if comment.publishedBody != comment.body { print("published:  \(comment.publishedBody)") }
            for hit in try await store.hits(commentId: id) {
                let span = hit.span.map { " \($0.lowerBound)..<\($0.upperBound) \"\(Highlighter.excerpt(hit.field == "body" ? comment.body : comment.authorName, $0))\"" } ?? ""
                print("hit:        \(hit.ruleId) \(hit.action == "score" ? "score \(hit.score.formatted())" : hit.action)\(hit.shadow ? " (shadow)" : "") \(hit.field)\(span) — \(hit.description)")
            }
            for report in item.reports { print("report:     \(report)") }
            for decision in try await store.decisions(commentId: id) {
                let who = decision.actor == .policy ? "policy \(decision.decidedBy)" : "\(decision.actor.rawValue) \(decision.decidedBy)"
                print("decision \(decision.id): \(decision.createdAt.formatted(.iso8601))  \(who)  \(decision.action) → \(decision.status.rawValue)")
                for reason in decision.reasons { print("            \(reason)") }
            }
        }
    }
}
