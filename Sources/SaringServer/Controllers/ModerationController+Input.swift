import Foundation
import Hummingbird
import SaringCore
import SaringStore

// Reading the moderators' requests, and turning the desk's refusals into precise answers.
extension ModerationController {
    struct OverrideRequest: Decodable {
        let override: Bool?
    }

    static func id(_ context: Context, _ name: String) throws -> Int64 {
        guard let text = context.parameters.get(name), let id = Int64(text), id > 0 else {
            let what = name.replacingOccurrences(of: "Id", with: "")
            throw APIError(.badRequest, "invalid_\(what)_id", "\(what) id must be a positive integer")
        }
        return id
    }

    static func notFound(_ id: Int64) -> APIError {
        APIError(.notFound, "comment_not_found", "comment \(id) does not exist")
    }

    /// `kind`, `article` and `since` (ISO 8601, e.g. 2026-12-01T08:00:00Z) of a queue.
    static func filter(kind: String?, article: String?, since: String?) throws -> QueueFilter {
        var filter = QueueFilter()
        if let kind {
            guard let parsed = QueueKind(rawValue: kind) else {
                let kinds = QueueKind.allCases.map(\.rawValue).joined(separator: ", ")
                throw APIError(.badRequest, "invalid_kind", "kind must be one of \(kinds), got '\(kind)'")
            }
            filter.kind = parsed
        }
        if let article {
            do { try ArticleID.validate(article) } catch { throw APIError(.badRequest, error.code, error.message) }
            filter.articleId = article
        }
        if let since {
            guard let date = try? Date(since, strategy: .iso8601) else {
                throw APIError(.badRequest, "invalid_since", "since must be an ISO 8601 time such as 2026-12-01T08:00:00Z, got '\(since)'")
            }
            filter.since = date
        }
        return filter
    }

    /// An author as moderators name one: `user:ID`, an e-mail address or a display name.
    static func identity(_ text: String) throws -> AuthorIdentity {
        let author = text.trimmingCharacters(in: .whitespacesAndNewlines)
        guard !author.isEmpty, author.unicodeScalars.count <= 300, !author.unicodeScalars.contains(where: CommentDraft.isForbiddenControl)
        else {
            throw APIError(.unprocessableContent, "invalid_author", "author must be user:ID, an e-mail address or a display name (1-300 characters)")
        }
        return AuthorIdentity(moderatorInput: author)
    }

    static func limit(_ text: String?) throws -> Int {
        guard let text else { return 50 }
        guard let limit = Int(text), (1...200).contains(limit) else {
            throw APIError(.badRequest, "invalid_limit", "limit must be an integer from 1 to 200, got '\(text)'")
        }
        return limit
    }

    static func reason(_ reason: String?, _ settings: ServerSettings) throws -> String? {
        guard let reason = reason?.trimmingCharacters(in: .whitespacesAndNewlines), !reason.isEmpty else { return nil }
        guard !reason.unicodeScalars.contains(where: CommentDraft.isForbiddenControl) else {
            throw APIError(.unprocessableContent, "invalid_reason", "reason must not contain control characters")
        }
        guard reason.unicodeScalars.count <= settings.limits.maxReasonCharacters else {
            throw APIError(.unprocessableContent, "reason_too_long", "reason is longer than \(settings.limits.maxReasonCharacters) characters")
        }
        return reason
    }

    /// An optional `{"override": true}` body.
    static func overrideFlag(_ request: Request, _ settings: ServerSettings) async throws -> Bool {
        guard request.headers[.contentLength].flatMap(Int.init) ?? 0 > 0 || request.headers[.transferEncoding] != nil else { return false }
        return try await JSONRequest.decode(OverrideRequest.self, from: request, maxBytes: settings.maxRequestBytes).override ?? false
    }

    /// Runs a desk call, answering its refusals with 404 or 409 and a code naming the conflict.
    @discardableResult
    static func translating<T>(_ body: () async throws -> T) async throws -> T {
        do {
            return try await body()
        } catch let error as StoreError {
            switch error {
            case .commentNotFound(let id): throw notFound(id)
            case .claimedByOther: throw APIError(.conflict, "claimed_by_other", error.description)
            case .decidedMeanwhile: throw APIError(.conflict, "decided_meanwhile", error.description)
            case .overrideNeeded, .batchOfAnother: throw APIError(.conflict, "override_needed", error.description)
            case .cannotUndo: throw APIError(.conflict, "cannot_undo", error.description)
            case .authorNotFound: throw APIError(.notFound, "author_not_found", error.description)
            case .batchNotFound: throw APIError(.notFound, "batch_not_found", error.description)
            case .batchAlreadyUndone: throw APIError(.conflict, "batch_undone", error.description)
            default: throw error
            }
        }
    }
}
