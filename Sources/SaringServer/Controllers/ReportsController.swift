import Foundation
import Hummingbird
import SaringCore
import SaringStore

/// Readers report a published comment; reports wait in the moderators' queue.
struct ReportsController<Context: RemoteAddressRequestContext> {
    let store: any CommentStore
    let settings: ServerSettings
    let judge: any CommentJudge
    let abuse: AbuseControls
    let pages: PageCache

    struct ReportRequest: Decodable {
        let reason: String
    }

    struct ReportResponse: Encodable {
        let commentId: Int64
        let status: String
    }

    func addRoutes(to group: RouterGroup<Context>) {
        group.post("comments/:commentId/reports", use: report)
    }

    @Sendable func report(_ request: Request, context: Context) async throws -> Response {
        guard let text = context.parameters.get("commentId"), let id = Int64(text), id > 0 else {
            throw APIError(.badRequest, "invalid_comment_id", "comment id must be a positive integer")
        }
        let input = try await JSONRequest.decode(ReportRequest.self, from: request, maxBytes: settings.maxRequestBytes)
        let reason = input.reason.trimmingCharacters(in: .whitespacesAndNewlines)
        guard !reason.isEmpty else {
            throw APIError(.unprocessableContent, "empty_reason", "reason must not be empty")
        }
        guard !reason.unicodeScalars.contains(where: CommentDraft.isForbiddenControl) else {
            throw APIError(.unprocessableContent, "invalid_reason", "reason must not contain control characters")
        }
        guard reason.unicodeScalars.count <= settings.limits.maxReasonCharacters else {
            throw APIError(
                .unprocessableContent, "reason_too_long",
                "reason is longer than \(settings.limits.maxReasonCharacters) characters")
        }
        let clientHash = abuse.clientHash(request, context)
        let limits = judge.settings.abuse
        try await abuse.limit([("reports:" + clientHash, limits.reportsPerClient, "reports-per-client")])
        do {
            let hidden = try await store.report(commentId: id, reason: reason, clientHash: clientHash, hideAfter: limits.hideAfterReports)
            if let hidden { pages.invalidate(hidden, at: abuse.millis) }
        } catch StoreError.commentNotFound {
            throw APIError(.notFound, "comment_not_found", "comment \(id) does not exist")
        }
        return JSONResponse.make(.accepted, ReportResponse(commentId: id, status: "received"))
    }
}
