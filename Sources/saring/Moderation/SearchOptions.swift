import ArgumentParser
import SaringCore
import SaringStore

/// `--author` and `--text`: searching a queue, for `queue` and `review`.
struct SearchOptions: ParsableArguments {
    @Option(help: "Only comments of this author: user:ID, an e-mail address, or a display name when they gave no e-mail.")
    var author: String?

    @Option(
        help: ArgumentHelp(
            "Only comments whose text matches this PCRE2 pattern (caseless), as written or normalized like a rule sees it.",
            valueName: "regex"))
    var text: String?

    func validate() throws {
        if let author, author.trimmingCharacters(in: .whitespaces).isEmpty { throw ValidationError("--author must not be empty") }
        if let text {
            if text.isEmpty { throw ValidationError("--text must not be empty") }
            do { _ = try TextSearch(text) } catch { throw ValidationError("--text does not compile: \(error)") }
        }
    }

    /// `filter` narrowed to the author and the text.
    func applied(to filter: QueueFilter) -> QueueFilter {
        var filter = filter
        filter.authorIdentity = author.map { AuthorIdentity(moderatorInput: $0).key }
        // Compiled in validate() already; a pattern that compiled once compiles again.
        filter.text = text.flatMap { try? TextSearch($0) }
        return filter
    }

    /// Refuses an `--author` the database does not know, rather than show an empty queue.
    func checkAuthor(in store: any ModerationStore) async throws {
        guard let author, try await store.author(AuthorIdentity(moderatorInput: author)) == nil else { return }
        throw CLIError("no author \(AuthorIdentity(moderatorInput: author).key) (authors are identified by e-mail when they gave one, else by name)")
    }

    /// One line for standard error when a text search could not decide some comments.
    static func overBudgetWarning(_ ids: [Int64]) -> String? {
        guard !ids.isEmpty else { return nil }
        let shown = ids.prefix(20).map { "#\($0)" }.joined(separator: " ") + (ids.count > 20 ? " …" : "")
        return "--text: the pattern ran out of its match budget on \(Plural.count(ids.count, "comment")), left out: \(shown)"
    }
}
