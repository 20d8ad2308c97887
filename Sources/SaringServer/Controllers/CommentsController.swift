import Foundation
import Hummingbird
import SaringCore
import SaringStore

/// Readers' comments on one article: submit, and list the published ones.
struct CommentsController<Context: RequestContext> {
    let store: SaringStore
    let judge: any CommentJudge
    let settings: ServerSettings

    func addRoutes(to group: RouterGroup<Context>) {
        group.post("articles/:articleId/comments", use: submit)
        group.get("articles/:articleId/comments", use: list)
    }

    @Sendable func submit(_ request: Request, context: Context) async throws -> Response {
        let articleId = try Self.articleId(context)
        let input = try await JSONRequest.decode(SubmitCommentRequest.self, from: request, maxBytes: settings.maxRequestBytes)
        let draft: CommentDraft
        do {
            draft = try CommentDraft(
                articleId: articleId, authorName: input.author.name, authorEmail: input.author.email,
                body: input.body, parentId: input.parentId
            ).validated(limits: settings.limits)
        } catch {
            throw APIError(.unprocessableContent, error.code, error.message)
        }
        let verdict = judge.judge(draft, context: try await store.judgeContext(for: draft.authorIdentity))
        let comment: Comment
        do {
            comment = try await store.submit(draft, verdict: verdict)
        } catch StoreError.articleClosed {
            throw APIError(.conflict, "article_closed", "article \(articleId) is closed for comments")
        } catch StoreError.parentNotFound(let parentId, _) {
            throw APIError(
                .unprocessableContent, "unknown_parent", "parentId \(parentId) is not a comment of article \(articleId)")
        }
        let reasons = settings.revealReasons ? verdict.reasons : nil
        return JSONResponse.make(
            .created,
            SubmitCommentResponse(
                id: comment.id, articleId: comment.articleId, parentId: comment.parentId,
                status: comment.status.rawValue, createdAt: JSONResponse.timestamp(comment.createdAt),
                reasons: reasons))
    }

    @Sendable func list(_ request: Request, context: Context) async throws -> Response {
        let articleId = try Self.articleId(context)
        let query = request.uri.queryParameters
        var limit = 50
        if let text = query.get("limit") {
            guard let value = Int(text), (1...100).contains(value) else {
                throw APIError(.badRequest, "invalid_limit", "limit must be an integer from 1 to 100")
            }
            limit = value
        }
        let afterId = try query.get("cursor").map(PageCursor.decode)
        let page = try await store.publishedPage(articleId: articleId, afterId: afterId, limit: limit)
        return JSONResponse.make(
            .ok,
            CommentListResponse(
                comments: page.comments.map(PublicComment.init), nextCursor: page.nextAfterId.map(PageCursor.encode)))
    }

    static func articleId(_ context: Context) throws -> String {
        let id = context.parameters.get("articleId") ?? ""
        do {
            try ArticleID.validate(id)
        } catch {
            throw APIError(.badRequest, error.code, error.message)
        }
        return id
    }
}
