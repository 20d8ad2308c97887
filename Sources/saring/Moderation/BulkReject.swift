import ArgumentParser
import Foundation
import SaringCore
import SaringStore

/// `saring reject --matching` and `--campaign`: the desk finds the comments, this shows the
/// count and a sample, confirms on a terminal (or `--yes`), then the desk rejects them as one batch.
struct BulkRejection {
    let desk: ModerationDesk
    let reason: String?
    let sample: Int

    func run(_ selection: BulkSelection, except: Set<Int64>, dryRun: Bool, confirmed: Bool) async throws {
        let plan: BulkPlan
        do { plan = try await desk.plan(selection, except: except) } catch let error as BulkSelectionError {
            throw CLIError("\(error)")
        }
        let count = plan.matches.count
        print(TerminalText.neutralized(Self.title(plan)))
        let style = TerminalStyle.forStandardOutput()
        for match in plan.matches.prefix(sample) {
            let comment = match.comment
            // Cut before highlighting, so a highlight is never left open; neutralizing keeps the spans' offsets.
            let shown = String(TerminalText.neutralized(comment.body, lineBreaks: .spaces).prefix(200))
            let length = shown.unicodeScalars.count
            let visible = match.spans.compactMap { $0.lowerBound < length ? $0.lowerBound..<min($0.upperBound, length) : nil }
            let text = Highlighter.highlight(shown, spans: visible, style: style)
            print("  \(TerminalText.neutralized("\(comment.id)  \(comment.articleId)  \(comment.authorName)"))  \(text)")
        }
        if count > sample { print("  … and \(count - sample) more") }
        if !plan.overBudget.isEmpty {
            print(
                "the pattern ran out of its match budget on \(Plural.count(plan.overBudget.count, "comment")), left out (neither matched nor cleared): "
                    + Self.idList(plan.overBudget))
        }
        if !plan.excepted.isEmpty { print("left out as asked (--except): " + Self.idList(plan.excepted)) }
        guard count > 0, !dryRun else {
            if dryRun { print("dry run: nothing changed") }
            return
        }
        if !confirmed {
            guard isatty(STDIN_FILENO) == 1 else {
                throw CLIError("refusing to reject \(Plural.count(count, "comment")) without confirmation: add --yes (or run on a terminal)")
            }
            print(TerminalText.neutralized("Reject these \(Plural.count(count, "comment")) as \(desk.moderator)? [y/N] "), terminator: "")
            guard readLine()?.lowercased().hasPrefix("y") == true else {
                print("nothing changed")
                return
            }
        }
        let outcome = try await desk.reject(plan, reason: reason)
        print("rejected \(outcome.decided.count)" + (outcome.batchId.map { " as batch \($0) (saring undo --batch \($0) takes it back)" } ?? ""))
        if !outcome.decided.isEmpty { print("decided: " + Self.idList(outcome.decided)) }
        if !outcome.skipped.isEmpty {
            print(
                "skipped \(outcome.skipped.count) that changed meanwhile or are under review by another moderator: "
                    + Self.idList(outcome.skipped))
        }
    }

    static func title(_ plan: BulkPlan) -> String {
        switch plan.selection {
        case .matching(let pattern, let filter):
            let count = plan.matches.count
            return "\(count) \(filter.kind.rawValue) comment\(count == 1 ? " matches" : "s match") \(pattern)"
        case .campaign(let id): return "\(Plural.count(plan.matches.count, "comment")) of spam campaign #\(id)"
        }
    }

    static func idList(_ ids: [Int64]) -> String { ids.map { "#\($0)" }.joined(separator: " ") }
}
