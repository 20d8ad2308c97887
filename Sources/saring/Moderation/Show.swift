import ArgumentParser
import Foundation
import SaringCore
import SaringStore

extension Saring {
    struct Show: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Everything about one comment: text, published text, status, hits, reports, decision history.")

        @OptionGroup var database: DatabaseOptions

        @Argument(help: "Comment id.")
        var id: Int64

        func run() async throws {
            try await database.withSiteStore { store in try await show(store) }
        }

        private func show(_ store: any ModerationStore) async throws {
            guard let item = try await store.queueItem(commentId: id) else { throw CLIError("comment \(id) does not exist") }
            let comment = item.comment
            let style = TerminalStyle.forStandardOutput()
            let say = { (line: String) in print(TerminalText.neutralized(line)) }
            say("comment \(comment.id) on article \(comment.articleId)\(item.articleTitle.map { " — \($0)" } ?? "")")
            say("status:     \(comment.status.rawValue)\(comment.flagged ? " (flagged)" : "")  score \(comment.score.formatted())")
            say("created:    \(TimeText.utc(comment.createdAt))")
            say("author:     \(comment.authorName) <\(item.author.identity)> \(item.author.standing.rawValue); "
                + "\(item.author.published) published, \(item.author.rejected) rejected, \(item.author.pending) pending")
            if let parent = item.parent {
                let excerpt = TerminalText.neutralized(String(parent.publishedBody.prefix(70)), lineBreaks: .spaces)
                say("reply to:   \(parent.id) \(parent.authorName): \(excerpt)")
            }
            // Neutralized before highlighting: the highlight's own escapes must survive, the text's must not.
            let bodySpans = item.hits.filter { $0.field == .body && !$0.shadow }.compactMap(\.span)
            let body = TerminalText.neutralized(comment.body, lineBreaks: .kept)
            print("text:       \(Highlighter.highlight(body, spans: bodySpans, style: style))")
            for cause in item.whyNotRules { say("why:        \(cause)") }
            if comment.publishedBody != comment.body {
                print("published:  \(TerminalText.neutralized(comment.publishedBody, lineBreaks: .kept))")
            }
            for hit in try await store.hits(commentId: id) { print(HitLine.format(hit, body: comment.body, author: comment.authorName)) }
            for report in item.reports { say("report:     \(report)") }
            for decision in try await store.decisions(commentId: id) {
                let who = decision.actor == .policy ? "policy \(decision.decidedBy)" : "\(decision.actor.rawValue) \(decision.decidedBy)"
                say("decision \(decision.id): \(TimeText.utc(decision.createdAt))  \(who)  \(decision.action.rawValue) → \(decision.status.rawValue)")
                if let versionId = decision.policyVersionId {
                    say("            policy version \(decision.decidedBy) (#\(versionId)): `saring policy show \(decision.decidedBy)` prints its rules and files")
                }
                for reason in decision.reasons { say("            \(reason)") }
            }
        }
    }
}
