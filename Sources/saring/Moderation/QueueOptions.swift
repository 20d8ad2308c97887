import ArgumentParser
import Foundation
import SaringCore
import SaringStore

/// `--kind`, `--article`, `--since`: which comments a moderation command looks at.
struct QueueOptions: ParsableArguments {
    @Option(help: "Queue: pending, flagged, reported or rejected (newest first: to find and approve false positives).")
    var kind: QueueKind = .pending

    @Option(help: "Only comments of this article id.")
    var article: String?

    @Option(help: "Only comments newer than this age, e.g. 30m, 2h, 1d.")
    var since: String?

    func validate() throws {
        if let since, AgeParser.seconds(since) == nil {
            throw ValidationError("--since must be an age like 45s, 30m, 2h or 1d, got '\(since)'")
        }
        if let article {
            do { try ArticleID.validate(article) } catch { throw ValidationError("--article: \(error.message)") }
        }
    }

    func filter(limit: Int = 50, byScore: Bool = false, now: Date = Date()) -> QueueFilter {
        QueueFilter(
            kind: kind, articleId: article, since: since.flatMap(AgeParser.seconds).map { now.addingTimeInterval(-$0) },
            byScore: byScore, limit: limit)
    }

    /// Refuses an `--article` the database has never heard of: an empty queue would look like
    /// "nothing to do" when the id is mistyped.
    func checkArticle(in store: any CommentStore) async throws {
        guard let article, try await store.article(id: article) == nil else { return }
        throw CLIError("no article \(article): nobody has commented on it and the CMS has not described it")
    }
}

extension QueueKind: ExpressibleByArgument {}

/// Ages as moderators type them: `45s`, `30m`, `2h`, `1d`.
enum AgeParser {
    static func seconds(_ text: String) -> TimeInterval? {
        guard let unit = text.last, let value = Double(text.dropLast()), value > 0, value.isFinite else { return nil }
        switch unit {
        case "s": return value
        case "m": return value * 60
        case "h": return value * 3600
        case "d": return value * 86_400
        default: return nil
        }
    }

    /// `5s`, `12m`, `3h`, `2d` for an age in seconds.
    static func format(_ seconds: TimeInterval) -> String {
        switch seconds {
        case ..<60: "\(max(0, Int(seconds)))s"
        case ..<3600: "\(Int(seconds / 60))m"
        case ..<86_400: "\(Int(seconds / 3600))h"
        default: "\(Int(seconds / 86_400))d"
        }
    }
}
