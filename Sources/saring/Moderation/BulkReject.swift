import ArgumentParser
import Foundation
import SaringCore
import SaringStore

/// `saring reject --matching`: find, show, confirm, then reject in one transaction.
struct BulkReject {
    let store: SaringStore
    let moderator: String
    let filter: QueueFilter
    let pattern: String
    let reason: String?
    let sample: Int

    func run(dryRun: Bool, confirmed: Bool) async throws {
        let regex = try PCRE2Pattern(pattern)
        let normalizer = TextNormalizer()
        let scratch = MatchScratch()
        var matches: [(Comment, [Range<Int>])] = []
        for comment in try await store.bulkCandidates(filter, moderator: moderator) {
            let normalized = normalizer.normalize(comment.body)
            var text = normalized.text
            let ranges = text.withUTF8 { regex.matches(in: $0, scratch: scratch) }.ranges
            if !ranges.isEmpty { matches.append((comment, ranges.map { normalized.originalScalarRange(forNormalizedUTF8: $0) })) }
        }
        let expected: CommentStatus? = switch filter.kind {
        case .pending: .pending
        case .flagged: .published
        case .reported: nil
        case .rejected: throw CLIError("--matching works on the pending, flagged and reported queues, not on rejected comments")
        }
        try await BulkRejection(store: store, moderator: moderator, reason: reason ?? "bulk: \(pattern)", sample: sample).run(
            matches, title: "\(matches.count) \(filter.kind.rawValue) comment\(matches.count == 1 ? "" : "s") match \(pattern)",
            expectedStatus: expected, dryRun: dryRun, confirmed: confirmed)
    }
}

/// The second half of every bulk clean-up: show the count and a sample, confirm on a terminal
/// (or `--yes`), then reject in one transaction, skipping what changed meanwhile.
struct BulkRejection {
    let store: SaringStore
    let moderator: String
    let reason: String
    let sample: Int

    func run(
        _ matches: [(Comment, [Range<Int>])], title: String, expectedStatus: CommentStatus?, dryRun: Bool, confirmed: Bool
    ) async throws {
        let style = TerminalStyle.forStandardOutput()
        print(TerminalText.neutralized(title))
        for (comment, spans) in matches.prefix(sample) {
            // Cut before highlighting, so a highlight is never left open; neutralizing keeps the spans' offsets.
            let shown = String(TerminalText.neutralized(comment.body, lineBreaks: .spaces).prefix(200))
            let length = shown.unicodeScalars.count
            let visible = spans.compactMap { $0.lowerBound < length ? $0.lowerBound..<min($0.upperBound, length) : nil }
            let text = Highlighter.highlight(shown, spans: visible, style: style)
            print("  \(TerminalText.neutralized("\(comment.id)  \(comment.articleId)  \(comment.authorName)"))  \(text)")
        }
        if matches.count > sample { print("  … and \(matches.count - sample) more") }
        guard !matches.isEmpty, !dryRun else {
            if dryRun { print("dry run: nothing changed") }
            return
        }
        if !confirmed {
            guard isatty(STDIN_FILENO) == 1 else {
                throw CLIError("refusing to reject \(matches.count) comments without confirmation: add --yes (or run on a terminal)")
            }
            print(TerminalText.neutralized("Reject these \(matches.count) comments as \(moderator)? [y/N] "), terminator: "")
            guard readLine()?.lowercased().hasPrefix("y") == true else {
                print("nothing changed")
                return
            }
        }
        let result = try await store.decideMany(
            matches.map(\.0.id), .reject, moderator: moderator, reason: reason, expectedStatus: expectedStatus)
        print("rejected \(result.decided.count)" + (result.skipped.isEmpty ? "" : "; skipped \(result.skipped.count) that changed meanwhile or are under review by another moderator"))
    }
}
