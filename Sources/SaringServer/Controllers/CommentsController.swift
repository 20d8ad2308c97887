import Foundation
import Hummingbird
import Logging
import SaringCore
import SaringStore

/// Readers' comments on one article: submit, and list the published ones.
struct CommentsController<Context: RemoteAddressRequestContext> {
    let store: any CommentStore
    let judge: any CommentJudge
    let settings: ServerSettings
    let abuse: AbuseControls
    let authenticator: Authenticator
    let pages: PageCache
    /// Checked before a page is served from memory, when other nodes write too.
    let pageVersions: (any PageVersions)?
    let metrics: SaringMetrics
    /// Notes each judgement for the policy history and times rules on a sample (nil: off).
    var meter: RuleMeter? = nil

    func addRoutes(to group: RouterGroup<Context>) {
        group.post("articles/:articleId/comments", use: submit)
        group.get("articles/:articleId/comments", use: list)
        group.head("articles/:articleId/comments", use: list)
    }

    @Sendable func submit(_ request: Request, context: Context) async throws -> Response {
        let articleId = try Self.articleId(context)
        let caller = try await authenticator.caller(request, context)
        let input = try await JSONRequest.decode(SubmitCommentRequest.self, from: request, maxBytes: settings.maxRequestBytes)
        if input.author.id != nil, !caller.isSite {
            throw APIError(
                .forbidden, "site_key_required", "author.id (a verified reader) may only be sent by the site's backend with a site key")
        }
        // The site's backend speaks for its readers: their address is the one it forwards.
        let clientHash = abuse.clientHash(request, context, trustingPeer: caller.isSite)
        let draft: CommentDraft
        do {
            draft = try CommentDraft(
                articleId: articleId, authorName: input.author.name, authorEmail: input.author.email,
                body: input.body, parentId: input.parentId, clientHash: clientHash, verifiedUserId: input.author.id
            ).validated(limits: settings.limits)
        } catch {
            throw APIError(.unprocessableContent, error.code, error.message)
        }
        let policySettings = judge.settings
        let limits = policySettings.abuse
        if draft.verifiedUserId == nil, limits.isReserved(name: draft.authorName) {
            throw APIError(
                .unprocessableContent, "reserved_name", "author.name '\(draft.authorName)' is reserved for the newsroom; choose another name")
        }
        try await abuse.limit([
            ("client:" + clientHash, limits.perClient, "per-client"),
            ("author:" + draft.authorIdentity.key, limits.perAuthor, "per-author"),
            ("article:" + articleId, limits.perArticle, "per-article"),
        ])
        try await watchBrake(articleId, limits.brake, context.logger)
        // One normalization of the body, for the judge and the campaign signature.
        let normalizedBody = abuse.campaigns.normalize(draft.body)
        var verdict = judge.judge(draft, normalizedBody: normalizedBody)
        meter?.judged(draft.body, version: verdict.policyVersion, at: abuse.millis)
        let signature = abuse.campaigns.signature(of: normalizedBody)
        let finding = signature.flatMap {
            abuse.campaigns.lookup(
                $0, authorKey: draft.authorIdentity.key, clientKey: clientHash, at: abuse.millis, settings: limits.campaigns)
        }
        if let finding {
            verdict = verdict.inCampaign(finding, settings: limits.campaigns)
            metrics.campaignComment()
        }
        let comment: Comment
        do {
            comment = try await store.submit(draft, verdict: verdict)
        } catch StoreError.articleClosed {
            throw APIError(.conflict, "article_closed", "article \(articleId) is closed for comments")
        } catch StoreError.parentNotFound(let parentId, _) {
            throw APIError(
                .unprocessableContent, "unknown_parent", "parentId \(parentId) is not a published comment of article \(articleId)")
        }
        metrics.comment(comment, verdict: verdict)
        if comment.status == .published { pages.invalidate(articleId, at: abuse.millis) }
        if signature == nil {
            // Known all the same, so the shared feed does not count it again (brakes).
            abuse.campaigns.noteStored(comment.id)
        }
        if let signature {
            abuse.campaigns.remember(
                signature,
                entry: CampaignIndex.Entry(
                    commentId: comment.id, authorKey: draft.authorIdentity.key, clientKey: clientHash, articleId: articleId,
                    atMillis: abuse.millis, campaignId: finding?.campaignId),
                untagged: finding?.untagged ?? [])
        }
        // Unless reasons are revealed, a rejected comment is answered as configured (pending by
        // default), so a spammer probing which variant passes learns nothing.
        let status = settings.revealReasons || comment.status != .rejected ? comment.status : limits.rejectedAnswer
        return JSONResponse.make(
            .created,
            SubmitCommentResponse(
                id: comment.id, articleId: comment.articleId, parentId: comment.parentId,
                status: status.rawValue, createdAt: comment.createdAt,
                reasons: settings.revealReasons ? comment.reasons : nil))
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
        // First pages come from memory while fresh; later pages are read each time. The version
        // is read before the page, so a page is never kept under a version newer than itself.
        let version = afterId == nil ? try await pageVersions?.pageVersion(of: articleId) : nil
        if afterId == nil, let cached = pages.page(articleId, limit: limit, at: abuse.millis, version: version) {
            return PublicCaching.response(cached, for: request)
        }
        let generation = pages.generation(of: articleId)
        let page = try await store.publishedPage(articleId: articleId, afterId: afterId, limit: limit)
        // About 250 bytes a comment as shipped texts go; the writer grows past that when it must.
        let bytes = JSONResponse.encode(
            CommentListResponse(comments: page.comments, nextCursor: page.nextAfterId.map(PageCursor.encode)),
            capacity: 64 + page.comments.count * 320)
        let ready = PageCache.Page(bytes: bytes, etag: PublicCaching.etag(bytes))
        if afterId == nil {
            pages.store(ready, articleId: articleId, limit: limit, generation: generation, version: version, at: abuse.millis)
        }
        return PublicCaching.response(ready, for: request)
    }

    /// Engages the article brake when too many comments arrive at once; logs when it engages and ends.
    private func watchBrake(_ articleId: String, _ brake: BrakeSettings, _ logger: Logger) async throws {
        try await abuse.brakes.arrival(articleId: articleId, at: abuse.millis, settings: brake, store: store, metrics: metrics, logger: logger)
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
